"""Draft sub-commands: ``new``, ``set``, ``history``, ``restore``, ``recover``.

Each opens the draft through the session API (taking its lock), does one thing, and
closes it; a bad value or unknown cell changes nothing and exits with status 2.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from reportdesk.app.session import DraftError, EditError, Session, cell_name
from reportdesk.core.interchange import ReportFileError
from reportdesk.core.numbers import ValueParseError, format_value, parse_value

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_USAGE = 2


def register(sub: argparse._SubParsersAction) -> None:
    from reportdesk.app.reading import sources_help

    p = sub.add_parser("new", help="新建草稿（.rdesk）",
                       description=f"新建一个草稿文件，可从报告文件导入内容。--from 和 --previous 可以读取：{sources_help()}。")
    p.add_argument("-o", "--output", required=True, metavar="OUT.rdesk",
                   help="新草稿的文件名；给出已有的文件夹时，在其中按单位和年度命名（如 某市某某局-2023.rdesk）")
    p.add_argument("--agency", required=True, metavar="NAME", help="填报单位")
    p.add_argument("--year", required=True, type=int, metavar="YYYY", help="报告年度")
    p.add_argument("--from", dest="source", metavar="FILE", help="从此报告文件导入（Word、PDF、网页、Excel、旧版 .doc/.wps 等，见上）")
    p.add_argument("--previous", metavar="FILE", help="上年度报告文件（用于跨年度检查和上年结转）")
    p.set_defaults(func=run_new)

    p = sub.add_parser("set", help="修改草稿中的数字或文字",
                       description="在一次保存中修改草稿的多个单元格（全部成功或全部不改）。")
    p.add_argument("draft", metavar="DRAFT", help="草稿文件")
    p.add_argument("edits", nargs="+", metavar="CELL=VALUE",
                   help="如 requests.granted.natural=5；texts.overview=文字；清空写 CELL=")
    p.set_defaults(func=run_set)

    p = sub.add_parser("history", help="列出草稿的修改历史", description="列出草稿的每一次保存。")
    p.add_argument("draft", metavar="DRAFT", help="草稿文件")
    p.set_defaults(func=run_history)

    p = sub.add_parser("restore", help="恢复到某一版本", description="把草稿恢复到历史中的某一版（作为新的一版保存，可再撤销）。")
    p.add_argument("draft", metavar="DRAFT", help="草稿文件")
    p.add_argument("revision", type=int, metavar="REV", help="版本号（见 history）")
    p.set_defaults(func=run_restore)

    p = sub.add_parser("recover", help="从损坏的草稿中恢复内容",
                       description="把损坏草稿中能读出的内容保存到新文件；原文件不作改动。")
    p.add_argument("draft", metavar="DRAFT", help="损坏的草稿文件")
    p.add_argument("-o", "--output", required=True, metavar="NEW.rdesk", help="新文件")
    p.set_defaults(func=run_recover)


def _fail(where: str, message: str) -> int:
    print(f"{where}：{message}", file=sys.stderr)
    return EXIT_USAGE


def run_new(args: argparse.Namespace) -> int:
    from reportdesk.app.reading import read_file

    out = Path(args.output)
    if out.is_dir():
        out = _in_folder(out, args.agency, args.year)
    elif args.output.endswith(("/", "\\")):
        return _fail(args.output, "没有这个文件夹：请先创建它，或给出以 .rdesk 结尾的草稿文件名。")
    elif out.suffix.lower() != ".rdesk":
        return _fail(args.output, "草稿文件名应以 .rdesk 结尾。")
    source = previous = None
    try:
        if args.source:
            imported = read_file(Path(args.source))
            source = imported.report
            if imported.summary.from_document:
                for line in imported.summary.lines():
                    print(f"导入：{line}", file=sys.stderr)
    except ReportFileError as exc:
        return _fail(args.source, f"无法读取：{exc.message}")
    if args.previous:
        from reportdesk.app.importing import ImportFailed, PreviousYearError, read_previous

        try:
            previous = read_previous(Path(args.previous), args.year)
        except ImportFailed as exc:
            return _fail(args.previous, f"无法读取：{exc.message}")
        except PreviousYearError as exc:
            return _fail(args.previous, f"不能作为上年报告：{exc.message}")
    try:
        session = Session.create(out, agency=args.agency, year=args.year, source=source, previous=previous)
    except (DraftError, EditError) as exc:
        return _fail(str(out), exc.message)
    with session:
        for note in session.import_notes:
            print(f"注意：{note}", file=sys.stderr)
        filled = sum(1 for c in session.form.input_cells if session.report.cells.get(c) is not None)
        print(f"已新建草稿 {out}（{session.report.agency} {session.report.year} 年，"
              f"已填 {filled}/{len(session.form.input_cells)} 个数字）。")
    return EXIT_OK


def _in_folder(folder: Path, agency: str, year: int) -> Path:
    """The new draft in an existing *folder*: the app's default name (``某市某某局-2023.rdesk``,
    valid on Windows and Linux), with "-2", "-3" … when taken, so that no draft is overwritten."""
    from reportdesk.core.file_names import draft_file_name, free_path

    return free_path(folder, draft_file_name(agency, year, folder=str(folder)))


def undecodable(argument: str) -> bool:
    """Whether a command-line argument held bytes that are not UTF-8 (Python keeps them as lone surrogates)."""
    return any(0xD800 <= ord(ch) <= 0xDFFF for ch in argument)


def run_set(args: argparse.Namespace) -> int:
    bad = [edit for edit in args.edits if undecodable(edit)]
    if bad:
        shown = bad[0].encode("utf-8", "replace").decode("utf-8")[:40]
        return _fail(args.draft, f"参数“{shown}”中有不是 UTF-8 编码的字节（终端或脚本的编码不对），无法读取。"
                                 "请以 UTF-8 编码输入后重试（未作任何修改）。")
    try:
        session = Session.open(Path(args.draft))
    except DraftError as exc:
        return _fail(args.draft, f"无法打开：{exc.message}")
    with session:
        form = session.form
        cells: dict[str, object] = {}
        texts: dict[str, str] = {}
        problems: list[str] = []
        for edit in args.edits:
            key, sep, raw = edit.partition("=")
            key = key.strip()
            if not sep or not key:
                problems.append(f"“{edit}”应写成 单元格编号=数值，如 requests.granted.natural=5")
            elif key.startswith("texts."):
                section = key[len("texts."):]
                texts[section] = raw
            elif key not in form.cells:
                problems.append(f"未知的单元格编号“{key}”")
            elif form.cells[key].derived:
                problems.append(f"“{cell_name(form, key)}”（{key}）是合计，由各项自动计算，不能直接填写")
            else:
                try:
                    cells[key] = parse_value(raw, form.cells[key].type)
                except ValueParseError as exc:
                    problems.append(f"{cell_name(form, key)}（{key}）：{exc.message}")
        allowed = {s.id for s in form.sections} | {"preamble"}
        problems += [f"未知的文字部分“texts.{k}”，可用的有：{'、'.join(sorted(allowed))}" for k in texts if k not in allowed]
        if problems:
            for problem in problems:
                print(f"{args.draft}：{problem}", file=sys.stderr)
            print(f"{args.draft}：未作任何修改。", file=sys.stderr)
            return EXIT_USAGE
        try:
            changes = _apply_all(session, cells, texts)
        except (EditError, DraftError) as exc:
            return _fail(args.draft, f"{exc.message}（未作任何修改）")
    if changes is None:
        print(f"{args.draft}：内容没有变化。")
        return EXIT_OK
    for cid, (old, new) in changes.items():
        print(f"  {cid} {format_value(old) or '（空）'} → {format_value(new) or '（空）'}")
    print(f"{args.draft}：已保存。")
    return EXIT_OK


def _apply_all(session: Session, cells: dict[str, object], texts: dict[str, str]) -> dict[str, tuple] | None:
    """All edits in one transaction (one revision)."""
    result = session.apply(cells=cells, texts=texts)  # type: ignore[arg-type]
    if result.empty:
        return None
    shown: dict[str, tuple] = {c: v for c, v in result.cells.items()}
    shown.update({f"texts.{k}": (old[:20], new[:20]) for k, (old, new) in result.texts.items()})
    return shown


def run_history(args: argparse.Namespace) -> int:
    try:
        session = Session.open(Path(args.draft))
    except DraftError as exc:
        if exc.code not in ("locked", "readonly"):
            return _fail(args.draft, f"无法打开：{exc.message}")
        return _history_readonly(args.draft)  # open elsewhere, or read-only: listing needs no write
    with session:
        try:
            history = session.history()
        except DraftError as exc:
            return _fail(args.draft, exc.message)
        for revision in history:
            print(f"{revision.number:>5}  {revision.timestamp:%Y-%m-%d %H:%M:%S}  {revision.description}")
    return EXIT_OK


def _history_readonly(name: str) -> int:
    from reportdesk.app.drafts import read_history

    try:
        history = read_history(Path(name))
    except DraftError as exc:
        return _fail(name, f"无法打开：{exc.message}")
    for revision in history:
        print(f"{revision.number:>5}  {revision.timestamp:%Y-%m-%d %H:%M:%S}  {revision.description}")
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    try:
        session = Session.open(Path(args.draft))
    except DraftError as exc:
        return _fail(args.draft, f"无法打开：{exc.message}")
    with session:
        try:
            changes = session.restore(args.revision)
        except (EditError, DraftError) as exc:
            return _fail(args.draft, f"{exc.message}（未作任何修改）")
        if changes.empty or changes.revision is None:
            print(f"{args.draft}：当前内容与第 {args.revision} 版相同，未作修改。")
        else:
            print(f"{args.draft}：已恢复到第 {args.revision} 版（新的一版为第 {changes.revision} 版，"
                  f"可用 restore {args.draft} {changes.revision - 1} 撤销）。")
    return EXIT_OK


def run_recover(args: argparse.Namespace) -> int:
    from reportdesk.app.session import recover

    try:
        result = recover(Path(args.draft), Path(args.output))
    except DraftError as exc:
        return _fail(args.draft, exc.message)
    print(result.summary)
    return EXIT_OK
