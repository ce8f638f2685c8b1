"""What the official format asks in the current section, what reviewers reject, and short examples.

The text and the examples come from the form definition (``guidance`` and ``examples``).
"""

from __future__ import annotations

import html
import logging

from PySide6.QtWidgets import QTextBrowser, QWidget

log = logging.getLogger(__name__)

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
