"""A clerk's session on the real app under Xvfb: real X key events (xdotool), the X clipboard, the draft read back.

    python tools/clerk_session.py [--size 1366x768] [--out DIR] [--keep]

Starts Xvfb at the given size, the app in a fresh REPORTDESK_HOME, and then, only with keys as a clerk
presses them: creates a draft, re-keys figures into 表二, 表三 and 表四 with Tab / Enter / arrows (a click's
worth of Tab before typing, full-width digits), pastes a row of 表三 copied from Excel together with its
label (text/plain with CRLF and text/html with x:num, both offered on the X clipboard at once), pastes a
block into a cell that is being typed, and quits with Ctrl+Q while a figure is still in its editor.  The
draft is then read back with ``reportdesk dump --json`` and compared with what was typed; a screenshot
of each table page is left in DIR.  Exit status 0 when every figure is where it was typed, 1 otherwise.

Needs Xvfb, xdotool and ImageMagick's ``import``; not part of the test suite (it takes about a minute).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: What the session types, in the order of the keys below, and where each figure must end up.
EXPECTED = {
    # 表二: 规章 row (Tab across), then Enter down the first column through the in-table header rows
    "proactive.regulations.issued": 1, "proactive.regulations.repealed": 0, "proactive.regulations.in_force": 3,
    "proactive.normative_documents.issued": 2, "proactive.licensing.decisions": 65,
    "proactive.penalties.decisions": 9, "proactive.enforcement.decisions": 0,
    # 表三: the 一 row pasted from Excel with its label; 二 typed with full-width digits
    "requests.received.natural": 3, "requests.received.commercial": 1, "requests.received.research": 0,
    "requests.received.public_interest": 0, "requests.received.legal_services": 0,
    "requests.received.other_org": 0,
    "requests.carried_over.natural": 12, "requests.carried_over.commercial": 4,
    # 表四: a block pasted into a cell being typed, then a figure left in its editor when quitting
    "appeals.reconsideration.upheld": 5, "appeals.reconsideration.corrected": 6,
    "appeals.reconsideration.other": 7, "appeals.reconsideration.pending": 8,
}

_CLIPBOARD_OWNER = r"""
import sys
from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv)
mime = QMimeData()
mime.setText(sys.argv[1])
mime.setHtml(sys.argv[2])
app.clipboard().setMimeData(mime)
app.clipboard().dataChanged.connect(app.quit)  # another owner took the clipboard
QTimer.singleShot(60_000, app.quit)
print("ready", flush=True)
app.exec()
"""


class Session:
    def __init__(self, display: str, env: dict[str, str], out: Path) -> None:
        self.display = display
        self.env = env
        self.out = out

    def x(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.env, check=True)
        time.sleep(0.15)

    def focus(self, title: str) -> None:
        """Give the X focus to the window of that title (there is no window manager under Xvfb to do it)."""
        for _ in range(100):
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title], env=self.env,
                                   capture_output=True, text=True).stdout.split()
            if found:
                time.sleep(0.5)  # mapped is not yet painted and ready for keys
                self.x("windowfocus", "--sync", found[-1])
                return
            time.sleep(0.2)
        raise SystemExit(f"没有出现标题含“{title}”的窗口")

    def keys(self, *names: str) -> None:
        for name in names:
            self.x("key", name)

    def type(self, text: str) -> None:
        self.x("type", "--delay", "60", text)

    def shot(self, name: str) -> None:
        subprocess.run(["import", "-window", "root", str(self.out / f"{name}.png")], env=self.env, check=True)

    def offer_clipboard(self, text: str, html: str) -> subprocess.Popen[str]:
        owner = subprocess.Popen([sys.executable, "-c", _CLIPBOARD_OWNER, text, html], env=self.env,
                                 stdout=subprocess.PIPE, text=True)
        assert owner.stdout is not None
        owner.stdout.readline()
        return owner


def excel_row(label: str, values: list[int]) -> tuple[str, str]:
    """A row copied from Excel with its label: the text and HTML flavours as Excel writes them."""
    text = "\t".join([label, *map(str, values)]) + "\r\n"
    tds = "".join(f'<td class=xl66 align=right x:num="{v}">{v if v else " - "}</td>' for v in values)
    html = ('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><!--StartFragment-->'
            f"<table><tr height=19><td class=xl65>{label}</td>{tds}</tr></table><!--EndFragment--></body></html>")
    return text, html


def run(size: str, out: Path, keep: bool) -> int:
    for tool in ("Xvfb", "xdotool", "import"):
        if shutil.which(tool) is None:
            print(f"需要 {tool}（apt-get install xvfb xdotool imagemagick）", file=sys.stderr)
            return 2
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="clerk-home-"))
    number = next(n for n in range(120 + os.getpid() % 200, 1000) if not Path(f"/tmp/.X{n}-lock").exists()
                  and not Path(f"/tmp/.X11-unix/X{n}").exists())
    display = f":{number}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                            stderr=subprocess.DEVNULL)
    for _ in range(100):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            break
        time.sleep(0.1)
    env = dict(os.environ, DISPLAY=display, REPORTDESK_HOME=str(home), QT_QPA_PLATFORM="xcb",
               PYTHONPATH=str(ROOT / "src"))
    app = subprocess.Popen([sys.executable, "-m", "reportdesk"], env=env, stdout=subprocess.DEVNULL,
                           stderr=open(out / "app.log", "w"))  # noqa: SIM115 - open for the child's lifetime
    s = Session(display, env, out)
    try:
        s.focus("ReportDesk")
        s.keys("ctrl+n")
        s.focus("新建报告")
        s.type("某县测试局")
        s.keys("Tab", "ctrl+a")
        s.type("2024")
        s.keys("Return")
        time.sleep(2)
        s.focus("ReportDesk")
        s.keys("ctrl+Next", "ctrl+Next")  # 基本信息 → 一 → 二 (表二); the first input cell is current
        s.type("1")
        s.keys("Tab")
        s.type("0")
        s.keys("Tab")
        s.type("3")
        s.keys("Return")  # back to the column where the Tabs started: 行政规范性文件 / 本年制发件数
        for figure in ("2", "65", "9", "0"):  # Enter skips the header rows "本年处理决定数量"
            s.type(figure)
            s.keys("Return")
        s.shot("table-two")
        s.keys("ctrl+Next")  # 表三: 一、本年新收 / 自然人 is current
        text, html = excel_row("一、本年新收政府信息公开申请数量", [3, 1, 0, 0, 0, 0])
        owner = s.offer_clipboard(text, html)
        s.keys("ctrl+v")
        s.keys("Down")  # 二、上年结转 / 自然人
        s.type("１２")  # full-width digits
        s.keys("Tab")
        s.type("4")
        s.keys("Return")
        s.shot("table-three")
        s.keys("ctrl+Next")  # 表四
        s.type("9")  # typing in the first cell, then a block pasted into it
        owner2 = s.offer_clipboard("5\t6\t7\r\n", "")
        s.keys("ctrl+v")
        s.keys("Tab", "Tab", "Tab")
        s.type("8")  # left in its editor
        s.shot("table-four")
        s.keys("ctrl+q")
        try:
            app.wait(timeout=20)
        except subprocess.TimeoutExpired:
            print("Ctrl+Q 没有关闭窗口", file=sys.stderr)
            return 1
        for o in (owner, owner2):
            if o.poll() is None:
                o.terminate()
        drafts = sorted(home.glob("*.rdesk"))
        if not drafts:
            print("没有找到草稿文件", file=sys.stderr)
            return 1
        dumped = subprocess.run([sys.executable, "-m", "reportdesk", "dump", str(drafts[0]), "--json"], env=env,
                                capture_output=True, text=True, check=True)
        cells = json.loads(dumped.stdout)["cells"]
        wrong = {cid: (want, cells.get(cid)) for cid, want in EXPECTED.items() if cells.get(cid) != want}
        extra = {cid: v for cid, v in cells.items() if cid not in EXPECTED and not cid.endswith(".total")}
        for cid, (want, got) in wrong.items():
            print(f"{cid}: 键入 {want}，草稿里是 {got}")
        for cid, got in extra.items():
            print(f"{cid}: 没有键入，草稿里是 {got}")
        print(f"{len(EXPECTED) - len(wrong)}/{len(EXPECTED)} 个数字正确；截图在 {out}")
        return 1 if wrong or extra else 0
    finally:
        if app.poll() is None:
            app.terminate()
            app.wait(timeout=10)
        xvfb.terminate()
        xvfb.wait(timeout=10)
        if not keep:
            shutil.rmtree(home, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "clerk-session")
    parser.add_argument("--keep", action="store_true", help="keep the temporary home with the draft")
    args = parser.parse_args()
    return run(args.size, args.out, args.keep)


if __name__ == "__main__":
    sys.exit(main())
