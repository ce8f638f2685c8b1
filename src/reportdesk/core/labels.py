"""Recognising the labels of the official tables as they are typed in the wild.

Published reports break labels over lines ("商业\\n企业"), type half-width parentheses,
"。" or "、" instead of the "." after an item number, and sometimes change the wording
("只计这一情况", "现行有效件数（历史累计）").  This module turns a label into a
comparison key, matches it against the labels of a form and says how it differs, and
recognises the tables of a replaced format.  The labels themselves (official ones, variants,
old-format signatures) all come from the form definition.  Plain Python, no office library.
"""

from __future__ import annotations

import difflib
import functools
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

from reportdesk.core.records import record

log = logging.getLogger(__name__)

_ITEM_DOT = re.compile(r"^(\d{1,2})[.。、．,，]")
_PUNCT = str.maketrans({
    "(": "（", ")": "）", ":": "：", ";": "；", ",": "，", "?": "？", "!": "！",
    '"': "“", "「": "“", "」": "”", "『": "“", "』": "”", "＂": "“",
    "〔": "（", "〕": "）", "[": "（", "]": "）", "【": "（", "】": "）",
})
_QUOTES = str.maketrans({"”": "“", "‘": "“", "’": "“", "'": "“"})
_PREFIX = re.compile(r"^((\d{1,2}\.)|(（[一二三四五六七八九十]{1,2}）)|([一二三四五六七八九十]{1,2}、))")


_ZERO_WIDTH = str.maketrans("", "", "\u200b\u200c\u200d\ufeff")


#: Texts up to this length are squeezed once per process (labels and figures: a document
#: repeats them in every table, and every report has the same labels), at most this many.
_SHORT, _SQUEEZED_LIMIT = 80, 16_384
_SQUEEZED: dict[str, str] = {}


def squeeze(text: str) -> str:
    """The text with every kind of white space removed (line breaks, full-width spaces)."""
    try:
        return _SQUEEZED[text]
    except KeyError:
        pass
    squeezed = "".join(text.split()).translate(_ZERO_WIDTH)
    if len(text) <= _SHORT and len(_SQUEEZED) < _SQUEEZED_LIMIT:
        _SQUEEZED[text] = squeezed
    return squeezed


@functools.lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """A comparison key: no white space, full-width punctuation, ASCII digits, "1." item numbers.

    ``label_key("(一) 予以\\n公开") == label_key("（一）予以公开")``.
    """
    text = squeeze(text)
    # NFKC turns full-width digits and letters into ASCII, but also full-width
    # parentheses into half-width ones: put the punctuation back to full width after.
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT).translate(_QUOTES)
    text = _ITEM_DOT.sub(r"\1.", text)
    return text


def strip_prefix(key: str) -> str:
    """The key without its item number: "1.属于国家秘密" → "属于国家秘密"."""
    return _PREFIX.sub("", key, count=1)


class Match(StrEnum):
    EXACT = "exact"  # identical once white space is removed
    PUNCTUATION = "punctuation"  # differs only in punctuation, digit width or item-number style
    WORDING = "wording"  # a known or close variant of the wording: reported as rule ``label``


@record
class LabelHit:
    target: str  # what the label was matched to (a row or column id)
    official: str
    found: str  # as found, white space removed
    match: Match


_T = TypeVar("_T")
_MEMO_LIMIT = 20_000  # texts remembered per index: a hostile file cannot grow it without end


def _memoised(memo: dict[str, _T], text: str, compute: Callable[[str], _T]) -> _T:
    """*compute*(*text*), remembered in *memo* (a document repeats its labels in every table)."""
    try:
        return memo[text]
    except KeyError:
        pass
    value = compute(text)
    if len(memo) < _MEMO_LIMIT:
        memo[text] = value
    return value


class LabelIndex:
    """Match found labels against a set of official labels (all labels of one kind)."""

    def __init__(self, labels: dict[str, str], *, variants: dict[str, tuple[str, ...]] | None = None,
                 fuzzy: float = 0.84) -> None:
        """*labels*: target id → official label; *variants*: target id → wordings seen in published
        reports (``variants`` in the form), matched like the label but reported as a wording difference."""
        self._official = dict(labels)
        self._by_key: dict[str, str] = {}
        self._by_bare: dict[str, list[str]] = {}
        self._variants: dict[str, str] = {}
        self._fuzzy = fuzzy
        self._memo: dict[str, LabelHit | None] = {}
        self._fuzzy_candidates: list[tuple[str, str, Counter[str]]] | None = None  # made when first needed
        for target, label in labels.items():
            key = label_key(label)
            self._by_key[key] = target
            self._by_bare.setdefault(strip_prefix(key), []).append(target)
        for target, wordings in (variants or {}).items():
            for variant in wordings:
                self._variants[label_key(variant)] = target

    def match(self, text: str) -> LabelHit | None:
        """The label *text* stands for, with how it differs; None when it matches none."""
        # Remembered by the text without white space, all the match depends on: a label
        # broken over lines in one table is the same label in the next.
        return _memoised(self._memo, squeeze(text), self._match)

    def _match(self, found: str) -> LabelHit | None:
        if not found or len(found) > 120:
            return None
        key = label_key(found)
        target = self._by_key.get(key)
        if target is not None:
            official = self._official[target]
            kind = Match.EXACT if found == official else Match.PUNCTUATION
            return LabelHit(target, official, found, kind)
        target = self._variants.get(key)
        if target is not None:
            return LabelHit(target, self._official[target], found, Match.WORDING)
        bare = strip_prefix(key)
        targets = self._by_bare.get(bare, [])
        if len(targets) == 1 and len(bare) >= 2:
            official = self._official[targets[0]]
            # "予以公开" for "（一）予以公开": only the item number is missing.
            return LabelHit(targets[0], official, found, Match.PUNCTUATION)
        if len(key) >= 5:
            longer = [t for k, t in self._by_key.items() if k.startswith(key)]
            if len(longer) == 1:
                # "（二）部分公开" for "（二）部分公开（区分处理的，…）": the label was shortened.
                return LabelHit(longer[0], self._official[longer[0]], found, Match.WORDING)
        if len(bare) >= 4:
            best, best_ratio = None, 0.0
            size, counts = len(bare), Counter(bare)
            for cand_bare, cand, cand_counts in self._candidates():
                # Upper bounds of the ratio first, those of difflib's real_quick_ratio() and
                # quick_ratio() (from the lengths, then the characters in common): a label that
                # cannot beat the best so far, or cannot reach the threshold, changes nothing.
                bound = max(best_ratio, self._fuzzy - 1e-9)
                total = size + len(cand_bare)
                if 2.0 * min(size, len(cand_bare)) / total <= bound or \
                        2.0 * sum((counts & cand_counts).values()) / total <= bound:
                    continue
                ratio = difflib.SequenceMatcher(None, bare, cand_bare, autojunk=False).ratio()
                if ratio > best_ratio:
                    best, best_ratio = cand, ratio
            if best is not None and best_ratio >= self._fuzzy:
                return LabelHit(best, self._official[best], found, Match.WORDING)
        return None

    def _candidates(self) -> list[tuple[str, str, Counter[str]]]:
        """Each official label without its item number, its target, and its characters counted."""
        if self._fuzzy_candidates is None:
            candidates = []
            for key, target in self._by_key.items():
                bare = strip_prefix(key)
                candidates.append((bare, target, Counter(bare)))
            self._fuzzy_candidates = candidates
        return self._fuzzy_candidates


# --- the previous format ----------------------------------------------------------------

class OldFormatLabels:
    """Recognise the labels that only a replaced format has (``old_formats`` in the form)."""

    def __init__(self, labels: tuple[str, ...]) -> None:
        self._keys = {label_key(x): x for x in labels}
        self._memo: dict[str, str | None] = {}

    def match(self, text: str) -> str | None:
        """The old-format label *text* is (or begins with), or None."""
        return _memoised(self._memo, squeeze(text), self._match)

    def _match(self, text: str) -> str | None:
        key = label_key(text)
        if not key:
            return None
        hit = self._keys.get(key)
        if hit:
            return hit
        for old_key, label in self._keys.items():
            if len(old_key) >= 5 and key.startswith(old_key):
                return label
        return None
