"""What the official format asks in the current section, what reviewers reject, and short examples."""

from __future__ import annotations

import html
import logging

from PySide6.QtWidgets import QTextBrowser, QWidget

log = logging.getLogger(__name__)

# Short examples of how published reports word each part (step id -> sentences).
EXAMPLES: dict[str, tuple[str, ...]] = {
    "meta": (
        "本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》"
        "（国办公开办函〔2021〕30号）要求编制。本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
    ),
    "overview": (
        "（一）主动公开。2023年，本局通过门户网站主动公开政府信息356条，其中政策文件12件、政策解读8篇。",
        "（二）依申请公开。本年度共收到政府信息公开申请12件，其中自然人10件、法人或其他组织2件；"
        "上年结转政府信息公开申请1件。（可点击“插入数据段落”按表格写出）",
        "（五）监督保障。将政务公开工作纳入年度考核，全年组织业务培训2次。",
    ),
    "proactive": ("本部分以表格为主；如需说明，可写“本单位无规章制定权，规章栏为0”。",),
    "requests": ("表格之外，第一部分“（二）依申请公开”中的数字须与本表一致。",),
    "appeals": ("本年度未发生因政府信息公开引起的行政复议、行政诉讼。",),
    "problems": (
        "（一）存在的主要问题。政策解读形式较为单一，图解、视频解读偏少。",
        "（二）改进情况。2024年，本局将丰富解读形式，……（计划写下一年度）",
    ),
    "other": (
        "本年度未发出收费通知，未收取信息处理费。",
        "本年度落实《2023年政务公开工作要点》情况：……",
    ),
}


class GuidancePane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setMinimumWidth(220)

    def show_guidance(self, title: str, text: str, examples: tuple[str, ...] = ()) -> None:
        paragraphs = "".join(
            f"<p>{html.escape(p.strip())}</p>" for p in text.strip().splitlines() if p.strip()
        )
        if examples:
            heading = self.tr("示例")
            paragraphs += f"<h4>{html.escape(heading)}</h4>" + "".join(
                f'<p style="color:#555;">{html.escape(e)}</p>' for e in examples
            )
        self.setHtml(f"<h3>{html.escape(title)}</h3>{paragraphs}")
