"""Recognising the labels of the official tables as they are typed in the wild.

Published reports break labels over lines ("商业\\n企业"), type half-width parentheses,
"。" or "、" instead of the "." after an item number, and sometimes change the wording
("只计这一情况", "现行有效件数（历史累计）").  This module turns a label into a
comparison key, matches it against the labels of a form and says how it differs, and
recognises the tables of the previous (2019) format.  Plain Python, no office library.
"""

from __future__ import annotations

import difflib
import functools
import logging
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

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


def squeeze(text: str) -> str:
    """The text with every kind of white space removed (line breaks, full-width spaces)."""
    return "".join(text.split()).translate(_ZERO_WIDTH)


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


@dataclass(frozen=True, slots=True)
class LabelHit:
    target: str  # what the label was matched to (a row or column id)
    official: str
    found: str  # as found, white space removed
    match: Match


#: Variants seen in published 2021-format reports, by official label; their keys are
#: matched like the official label but reported as a wording difference.
KNOWN_VARIANTS: dict[str, tuple[str, ...]] = {
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": ("（二）部分公开（区分处理的，只计这一情况，不计其他情形）",),
    "5.属于三类内部事务信息": ("5.属于三类内容事务信息",),
    "现行有效件数": ("现行有效件数（历史累计）", "现行有效件"),
    "行政规范性文件": ("规范性文件",),
    "本年处理决定数量": ("处理决定数量",),
    "本年收费金额（单位：万元）": ("本年收费金额", "收费金额（单位：万元）", "本年收费金额（万元）"),
}


class LabelIndex:
    """Match found labels against a set of official labels (all labels of one kind)."""

    def __init__(self, labels: dict[str, str], *, fuzzy: float = 0.84) -> None:
        """*labels*: target id → official label."""
        self._official = dict(labels)
        self._by_key: dict[str, str] = {}
        self._by_bare: dict[str, list[str]] = {}
        self._variants: dict[str, str] = {}
        self._fuzzy = fuzzy
        self._memo: dict[str, LabelHit | None] = {}
        for target, label in labels.items():
            key = label_key(label)
            self._by_key[key] = target
            self._by_bare.setdefault(strip_prefix(key), []).append(target)
            for variant in KNOWN_VARIANTS.get(label, ()):
                self._variants[label_key(variant)] = target

    def match(self, text: str) -> LabelHit | None:
        """The label *text* stands for, with how it differs; None when it matches none."""
        try:
            return self._memo[text]
        except KeyError:
            pass
        hit = self._match(text)
        if len(self._memo) < 20_000:
            self._memo[text] = hit
        return hit

    def _match(self, text: str) -> LabelHit | None:
        found = squeeze(text)
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
            for cand_key, cand in self._by_key.items():
                ratio = difflib.SequenceMatcher(None, bare, strip_prefix(cand_key), autojunk=False).ratio()
                if ratio > best_ratio:
                    best, best_ratio = cand, ratio
            if best is not None and best_ratio >= self._fuzzy:
                return LabelHit(best, self._official[best], found, Match.WORDING)
        return None


# --- the previous format ----------------------------------------------------------------

#: Labels that exist only in the 2019 tables (国办公开办函〔2019〕60号).
OLD_FORMAT_LABELS: tuple[str, ...] = (
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "其他对外管理服务事项",
    "第二十条第（九）项",
    "政府集中采购",
    "采购项目数量",
    "采购总金额",
)
_OLD_KEYS = {label_key(x): x for x in OLD_FORMAT_LABELS}


@functools.lru_cache(maxsize=8192)
def old_format_label(text: str) -> str | None:
    """The 2019-only label *text* is (or begins with), or None."""
    key = label_key(text)
    if not key:
        return None
    hit = _OLD_KEYS.get(key)
    if hit:
        return hit
    for old_key, label in _OLD_KEYS.items():
        if len(old_key) >= 5 and key.startswith(old_key):
            return label
    return None
