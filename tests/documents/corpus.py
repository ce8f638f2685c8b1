"""A varied set of reports in every format ReportDesk reads, for the source tests and benchmarks.

Word documents are built by hand (:mod:`tests.documents.builders`) in the layouts clerks
use, then converted by LibreOffice into .doc, .odt, .rtf, PDF and HTML, several files in
one LibreOffice call per target format (each call starts LibreOffice once: seconds).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.documents.builders import FULL_WIDTH, Style, write_docx, write_xlsx
from tests.factories import complete_report

LONG_PARAGRAPH = (
    "2023年，本局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，"
    "围绕中心工作，不断加大政府信息公开力度，全面提升政务公开质量和实效，切实保障人民群众的知情权、参与权、"
    "表达权和监督权。全年通过门户网站（www.example.gov.cn）主动公开政府信息1234条，其中机构职能类信息56条、"
    "政策文件类信息78条、规划计划类信息90条，各类信息均在形成或变更之日起20个工作日内予以公开。"
)


def _messy_label(text: str) -> str:
    return (text.replace("（", "(").replace("）", ")").replace("企业", "\n企业")
            .replace("1.", "1。").replace("本年度办理结果", "本\n年度\n办理\n结果"))


def _no_data(cell_id: str, text: str) -> str:
    if cell_id.startswith("proactive.regulations."):
        return "/"
    if cell_id == "appeals.reconsideration.other":
        return ""
    return text


#: name → (style, seed): Word reports typed by hand, in the layouts seen in the wild.
DOCX_STYLES: dict[str, tuple[Style, int]] = {
    "word_like": (Style(word_like=True, extra_paragraphs={"overview": [LONG_PARAGRAPH, LONG_PARAGRAPH[:60]]}), 11),
    "split_without_header": (Style(split_requests_after=9, word_like=True), 12),
    "split_with_header": (Style(split_requests_after=14, repeat_header_in_split=True), 13),
    "appendix": (Style(appendix=True, word_like=True), 14),
    "irregular": (Style(label=_messy_label, value=lambda c, s: s.translate(FULL_WIDTH), empty_rows=(3, 12, 20)), 15),
    "no_data_marks": (Style(value=_no_data), 16),
    # many long paragraphs: some of them run over a page break
    "long_text": (Style(word_like=True, extra_paragraphs={"overview": [LONG_PARAGRAPH] * 8,
                                                           "problems": [LONG_PARAGRAPH] * 3}), 17),
}
CONVERTED_FORMATS = ("pdf", "html", "doc", "odt", "rtf")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_all(files: list[Path], target: str, out_dir: Path) -> None:
    """Convert *files* to *target* with one LibreOffice run (a private profile)."""
    program = soffice()
    assert program is not None
    with tempfile.TemporaryDirectory(prefix="rd-test-profile-") as profile:
        subprocess.run([program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                        "--convert-to", target, "--outdir", str(out_dir), *map(str, files)],
                       check=True, capture_output=True, timeout=600)


def build_corpus(folder: Path, formats: tuple[str, ...] = CONVERTED_FORMATS) -> dict[str, dict[str, Path]]:
    """name → {"docx": the original, "pdf": …, …} for every style in :data:`DOCX_STYLES`."""
    folder.mkdir(parents=True, exist_ok=True)
    corpus: dict[str, dict[str, Path]] = {}
    for name, (style, seed) in DOCX_STYLES.items():
        report = complete_report(seed=seed, agency=f"某市第{seed}局", year=2023)
        corpus[name] = {"docx": write_docx(folder / f"{name}.docx", report, style)}
    originals = [entry["docx"] for entry in corpus.values()]
    for target in formats:
        out = folder / target
        out.mkdir(exist_ok=True)
        convert_all(originals, target, out)
        for name, entry in corpus.items():
            entry[target] = out / f"{name}.{target}"
    return corpus


def build_workbooks(folder: Path) -> dict[str, dict[str, Path]]:
    """A hand-made workbook as .xlsx and converted to .xls and .ods."""
    folder.mkdir(parents=True, exist_ok=True)
    original = write_xlsx(folder / "tables.xlsx", complete_report(seed=21, agency="某县某局", year=2023))
    entry = {"xlsx": original}
    for target in ("xls", "ods"):
        out = folder / target
        out.mkdir(exist_ok=True)
        convert_all([original], target, out)
        entry[target] = out / f"tables.{target}"
    return {"tables": entry}
