"""What the official format asks in the current section, what reviewers reject, and short examples.

The text and the examples come from the form definition (``guidance`` and ``examples``).
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QTextBrowser, QWidget

log = logging.getLogger(__name__)

# html.escape's table.  The html module loads html.entities (2,000 named entities) when imported,
# ~1.7 ms of every start-up for the guidance of the first page.
_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def _escape(text: str) -> str:
    return text.translate(_HTML_ESCAPES)


class GuidancePane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setMinimumWidth(220)

    def show_guidance(self, title: str, text: str, examples: tuple[str, ...] = ()) -> None:
        paragraphs = "".join(
            f"<p>{_escape(p.strip())}</p>" for p in text.strip().splitlines() if p.strip()
        )
        if examples:
            heading = self.tr("示例")
            paragraphs += f"<h4>{_escape(heading)}</h4>" + "".join(
                f'<p style="color:#555;">{_escape(e)}</p>' for e in examples
            )
        self.setHtml(f"<h3>{_escape(title)}</h3>{paragraphs}")
