"""Files a reviewer may receive from anywhere: each is refused with a clear reason, quickly,
in bounded memory, and the rest of the batch goes on.

Each file is read in a child process that reports its own peak RSS and CPU time, so that
a blow-up cannot take the test run down with it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from reportdesk.app.batch import review_many
from tests.documents.builders import write_docx
from tests.factories import complete_report

REPO = Path(__file__).resolve().parents[2]
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + ']>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
)


def _package(path: Path, document: bytes | None = None, big: int = 0) -> Path:
    """A minimal .docx: the given document part, or *big* bytes of zeros compressed (a zip bomb)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        if big:
            with archive.open("word/document.xml", "w", force_zip64=True) as stream:
                chunk = b" " * (1024 * 1024)
                for _ in range(big // len(chunk)):
                    stream.write(chunk)
        else:
            archive.writestr("word/document.xml", document or b"")
    return path


def _lying_zip(path: Path) -> Path:
    """A zip bomb whose directory claims a small size: the real decompressed size is much larger."""
    _package(path, b"<" + b" " * (30 * 1024 * 1024))
    data = bytearray(path.read_bytes())
    info = next(i for i in zipfile.ZipFile(path).infolist() if i.filename == "word/document.xml")
    real = info.file_size.to_bytes(4, "little")
    fake = (2000).to_bytes(4, "little")
    assert data.count(real) == 2  # local header and central directory
    path.write_bytes(bytes(data).replace(real, fake))
    return path


def make_hostile(folder: Path) -> dict[str, tuple[Path, str]]:
    """name → (file, the words its reason must contain)."""
    files: dict[str, tuple[Path, str]] = {}
    files["zip_bomb"] = (_package(folder / "bomb.docx", big=400 * 1024 * 1024), "压缩炸弹")
    files["entity_bomb"] = (_package(folder / "laughs.docx", BILLION_LAUGHS.encode()), "实体炸弹")
    files["random_bytes"] = (folder / "random.docx", "不是有效的Word")
    files["random_bytes"][0].write_bytes(os.urandom(64 * 1024))
    files["empty"] = (folder / "empty.xlsx", "文件是空的")
    files["empty"][0].write_bytes(b"")
    encrypted = OLE + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 4000
    files["encrypted"] = (folder / "encrypted.docx", "加密或旧版 .doc")
    files["encrypted"][0].write_bytes(encrypted)
    old_doc = OLE + b"\x00" * 504 + "WordDocument".encode("utf-16-le") + b"\x00" * 4000
    files["old_doc"] = (folder / "old.docx", "加密或旧版 .doc")
    files["old_doc"][0].write_bytes(old_doc)
    xlsx_bomb = folder / "laughs.xlsx"
    with zipfile.ZipFile(xlsx_bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
        archive.writestr("xl/sharedStrings.xml", BILLION_LAUGHS.replace("w:document", "sst"))
    files["entity_bomb_xlsx"] = (xlsx_bomb, "实体炸弹")
    files["lying_directory"] = (_lying_zip(folder / "lying.docx"), "文件已损坏")
    deep = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' + b"<a>" * 200_000
    files["deep_xml"] = (_package(folder / "deep.docx", deep), "不是有效的 XML")
    files["random_xlsx"] = (folder / "random.xlsx", "不是有效的Excel")
    files["random_xlsx"][0].write_bytes(os.urandom(10_000))
    return files


#: Peak memory of this process in MB.  ru_maxrss survives execve on Linux, so a child started from
#: a large pytest process would report the parent's size; VmHWM belongs to the new address space.
_PEAK_MB = """
def peak_mb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

_CHILD = """
import json, os, sys, time
""" + _PEAK_MB + """
from reportdesk.app.batch import review_bounded
result = review_bounded(sys.argv[1], None)
usage = os.times()
print(json.dumps({"error": result.error, "rss_mb": peak_mb(),
                  "cpu_s": usage.user + usage.system,
                  "findings": [f.rule for f in result.findings]}, ensure_ascii=False))
"""


def _child_env() -> dict[str, str]:
    """This environment with the sources first (and the simulated Windows, when it is on the path)."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO / "src"),
                                                                     os.environ.get("PYTHONPATH")]))}


def _read_in_child(path: Path) -> dict:
    env = _child_env()
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True,
                          env=env, timeout=120, check=True)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    return make_hostile(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("name", ["zip_bomb", "entity_bomb", "entity_bomb_xlsx", "random_bytes", "empty",
                                  "encrypted", "old_doc", "random_xlsx", "lying_directory", "deep_xml"])
def test_hostile_file_is_refused_quickly_in_bounded_memory(hostile, name: str) -> None:
    path, reason = hostile[name]
    outcome = _read_in_child(path)
    assert outcome["error"] is not None and reason in outcome["error"], outcome
    assert outcome["rss_mb"] < 300, outcome
    assert outcome["cpu_s"] < 5, outcome


def test_entity_bomb_is_not_expanded_even_without_the_dtd_check() -> None:
    """The parser itself never expands the entities: it refuses, or leaves them unresolved."""
    code = (
        "import sys\n" + _PEAK_MB +
        "from reportdesk.core.interchange import ReportFileError\n"
        "from reportdesk.documents.safety import parse_xml\n"
        "try:\n"
        "    length = len(''.join(parse_xml(sys.stdin.buffer.read(), 'x').itertext()))\n"
        "except ReportFileError:\n"
        "    length = -1\n"
        "print(length, int(peak_mb()))\n"
    )
    env = _child_env()
    done = subprocess.run([sys.executable, "-c", code], input=BILLION_LAUGHS.encode(), capture_output=True,
                          env=env, timeout=120, check=True)
    length, rss_mb = map(int, done.stdout.split())
    assert length < 1000
    assert rss_mb < 300


def test_docx_without_tables_is_read_with_a_clear_reason(tmp_path: Path) -> None:
    path = tmp_path / "no-tables.docx"
    document = docx.Document()
    document.add_paragraph("某乡人民政府2022年政府信息公开工作年度报告")
    document.add_paragraph("一、总体情况")
    document.save(str(path))
    outcome = _read_in_child(path)
    assert outcome["error"] is None
    assert outcome["findings"].count("missing_table") == 3


def test_the_rest_of_the_batch_goes_on(hostile, tmp_path: Path) -> None:
    good = write_docx(tmp_path / "good.docx", complete_report(seed=5))
    files = [hostile[n][0] for n in sorted(hostile)] + [good]
    results = review_many(files, jobs=2)
    assert [r.path for r in results] == [str(f) for f in files]
    assert all(not r.readable for r in results[:-1])
    assert results[-1].readable and results[-1].findings == []
    assert results[-1].report is not None and results[-1].report.agency == "某市某某局"
