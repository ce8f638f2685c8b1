"""Report prose cut into paragraphs, sentences and clauses, each with its position.

Positions are character offsets into the text of one section, so that a finding can
point at the sentence it is about and an editor can highlight it.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Callable
from typing import TypeVar

from reportdesk.core.records import record
from reportdesk.core.text.lazy import lazy

log = logging.getLogger(__name__)

# A sentence ends at 。！？；(and their ASCII forms) or at a line break.
_SENTENCE_END = lazy(r"[。！？!?；;]+|\n+")
# A clause ends at a comma, an enumeration comma, a colon or a parenthesis; an ASCII
# comma between digits ("1,517") is a thousands separator, not a clause end, and neither is
# the enumeration comma of the legal phrase "公民、法人或者其他组织" (all applicants).
_CLAUSE_END = lazy(r"[，：:（）()]|(?<!公民)、|,(?![0-9]{3}(?![0-9]))")
# Quotations and titles: a year or a number inside them is not the report's own statement.
_QUOTED = lazy(r"《[^《》\n]*》|“[^“”\n]*”|〈[^〈〉\n]*〉")


@record
class Clause:
    text: str
    start: int  # offset in the section text
    end: int


@record
class Sentence:
    text: str
    start: int  # offset in the section text
    end: int
    paragraph: int  # 0-based paragraph (line) number within the section
    index: int  # 0-based sentence number within the section

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def clauses(self) -> list[Clause]:
        result: list[Clause] = []
        pos = 0
        for m in _CLAUSE_END.finditer(self.text):
            if m.start() > pos:
                result.append(Clause(self.text[pos : m.start()], self.start + pos, self.start + m.start()))
            pos = m.end()
        if pos < len(self.text):
            result.append(Clause(self.text[pos:], self.start + pos, self.end))
        return [c for c in result if c.text.strip()]


#: The texts checked last, split once for all the rules that read them (a batch check forgets
#: them before each file: reportdesk.core.text.forget_reading); the lists are shared, never
#: changed.  When full, they are forgotten at once: the texts being edited are the recent ones.
_SPLIT: dict[str, list[Sentence]] = {}
_QUOTED_SPANS: dict[str, Spans] = {}
_SPLIT_LIMIT = 32
_T = TypeVar("_T")


def forget_sentences() -> None:
    _SPLIT.clear()
    _QUOTED_SPANS.clear()


def _recent(memo: dict[str, _T], text: str, compute: Callable[[str], _T]) -> _T:
    found = memo.get(text)
    if found is None:
        if len(memo) >= _SPLIT_LIMIT:
            memo.clear()
        found = memo[text] = compute(text)
    return found


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of *text*, with their spans (the end punctuation is included).

    The list is shared by every caller: read it, do not change it.
    """
    return _recent(_SPLIT, text, _split)


def _split(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    paragraph = 0
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        _add(sentences, text, pos, m.end() if "\n" not in m.group() else m.start(), paragraph)
        if "\n" in m.group():
            paragraph += 1
        pos = m.end()
    _add(sentences, text, pos, len(text), paragraph)
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    # trim white space at both ends, keeping the offsets right
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(text[start:end], start, end, paragraph, len(sentences)))


class Spans:
    """Non-overlapping spans in order, asked in O(log n) whether they contain a stretch of text."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def contains(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.ends[i]

    def __len__(self) -> int:
        return len(self.starts)


def quoted_spans(text: str) -> Spans:
    """Spans of 《titles》 and “quotations” in *text* (shared like :func:`split_sentences`' lists)."""
    return _recent(_QUOTED_SPANS, text, lambda t: Spans([(m.start(), m.end()) for m in _QUOTED.finditer(t)]))


def inside(spans: Spans, start: int, end: int) -> bool:
    return spans.contains(start, end)
