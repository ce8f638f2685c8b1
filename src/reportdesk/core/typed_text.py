"""Text a clerk typed or pasted into the app, made fit for a report before it is checked.

Word, WPS and PDF viewers put characters into the clipboard that no one sees and that a
report cannot hold: Word's manual line break (U+000B) and page break (U+000C), its table
cell marks (U+0007), NULs from PDFs, soft hyphens (U+00AD) and zero-width spaces, Qt's own
line and paragraph separators (U+2028/U+2029, Shift+Enter), and half of a character pair
(a lone surrogate) cut by a careless copy.  The app cleans what the clerk typed or pasted
with :func:`clean_typed_text` instead of refusing it:

- every line-break character (U+000B, U+000C, U+2028, U+2029, U+0085, CR, CR LF) becomes ``\\n``;
- a tab stays in a section text and becomes a space in a one-line field (agency, phone …);
- other C0 and C1 control characters, zero-width and direction marks, the soft hyphen,
  the non-characters U+FFFE/U+FFFF and lone surrogates are removed.

Only lone surrogates are visible where they stand (a box or "?"); :attr:`CleanedText.visible`
counts them so that the app can say they went.  Files and the command line are not cleaned
(see ``text_problem`` in :mod:`reportdesk.core.interchange`): what a program writes is
refused with the reason, so that the program gets fixed.  Standard library only.
"""

from __future__ import annotations

import re

from reportdesk.core.pattern_cache import compile_pattern
from reportdesk.core.records import record

#: Line breaks of every origin (CR LF first, so that it becomes one break).
_BREAKS = compile_pattern("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
#: What is removed: C0 controls but tab and line feed, DEL, C1 controls, the soft hyphen,
#: zero-width and direction marks, word joiner and invisible operators, BOM, non-characters.
_INVISIBLE = compile_pattern(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\ufffe\uffff]"
)
_SURROGATE = compile_pattern("[\ud800-\udfff]")


@record
class CleanedText:
    text: str
    removed: int = 0  # characters removed (line breaks converted are not counted)
    visible: int = 0  # of them, ones the clerk could see (lone surrogates)

    @property
    def changed_visibly(self) -> bool:
        return self.visible > 0


def clean_typed_text(text: str, *, single_line: bool = False) -> CleanedText:
    """*text* as a report can hold it; with *single_line*, line breaks and tabs become spaces."""
    if (text.isascii() and text.isprintable()) or not text:
        return CleanedText(text)  # the common case: nothing to do
    surrogates = len(_SURROGATE.findall(text))
    cleaned = _SURROGATE.sub("", text)
    cleaned = _BREAKS.sub("\n", cleaned)
    before = len(cleaned)
    cleaned = _INVISIBLE.sub("", cleaned)
    removed = before - len(cleaned) + surrogates
    if single_line:
        cleaned = re.sub("[\n\t]+", " ", cleaned)
    return CleanedText(cleaned, removed, surrogates)
