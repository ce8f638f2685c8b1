from __future__ import annotations

import pytest

from reportdesk.core.catalog import get_form
from reportdesk.core.labels import LabelIndex, Match, OldFormatLabels, label_key, squeeze, strip_prefix


def _rows() -> LabelIndex:
    form = get_form()
    return LabelIndex({f"{t.id}.{r.id}": r.label for t in form.tables.values() for r in t.rows},
                      variants={f"{t.id}.{r.id}": r.variants for t in form.tables.values() for r in t.rows})


@pytest.mark.parametrize(("found", "target", "match"), [
    ("（一）予以公开", "requests.granted", Match.EXACT),
    ("(一) 予以\n公开", "requests.granted", Match.PUNCTUATION),
    ("1。属于国家秘密", "requests.refused_state_secret", Match.PUNCTUATION),
    ("１.属于国家秘密", "requests.refused_state_secret", Match.PUNCTUATION),
    ("3.危及\"三安全一稳定\"", "requests.refused_security", Match.PUNCTUATION),
    ("属于国家秘密", "requests.refused_state_secret", Match.PUNCTUATION),
    ("三、本\n年度\n办理\n结果", None, None),
    ("（二）部分公开（区分处理的，只计这一情况，不计其他情形）", "requests.partly_granted", Match.WORDING),
    ("5.属于三类内容事务信息", "requests.refused_internal", Match.WORDING),
    ("（二）部分公开", "requests.partly_granted", Match.WORDING),
    ("规范性文件", "proactive.normative_documents", Match.WORDING),
    ("商业 企业", None, None),
    ("（三）不予公开", None, None),
    ("（六）其他处理", None, None),
    ("3.其他", "requests.other_other", Match.EXACT),
])
def test_row_labels_are_matched_with_their_kind_of_difference(found, target, match) -> None:
    hit = _rows().match(found)
    if target is None:
        assert hit is None
    else:
        assert hit is not None and (hit.target, hit.match) == (target, match)


def test_keys_ignore_spaces_line_breaks_and_punctuation_width() -> None:
    assert label_key("商业\n企业") == label_key("商业企业")
    assert label_key("本年收费金额(单位:万元)") == label_key("本年收费金额（单位：万元）")
    assert label_key("第二十条第(一)项") == label_key("第二十条第（一）项")


@pytest.mark.parametrize(("text", "old"), [
    ("本年新 制作数量", "本年新制作数量"),
    ("第二十条第(九)项", "第二十条第（九）项"),
    ("其他对外管理服务事项", "其他对外管理服务事项"),
    ("本年制发件数", None),
    ("规章", None),
])
def test_2019_labels_are_recognised(text, old) -> None:
    labels = OldFormatLabels(get_form().old_formats[0].labels)
    assert labels.match(text) == old


def _closest_by_difflib(index: LabelIndex, text: str) -> str | None:
    """What the fuzzy step must choose: the first label of the highest difflib ratio, if at the threshold."""
    import difflib

    bare = strip_prefix(label_key(squeeze(text)))
    best, best_ratio = None, 0.0
    for key, target in index._by_key.items():
        ratio = difflib.SequenceMatcher(None, bare, strip_prefix(key), autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = target, ratio
    return best if best_ratio >= index._fuzzy else None


def test_a_misspelt_label_is_matched_to_the_label_difflib_finds_closest() -> None:
    """The bounds that skip labels early (lengths, characters in common) never change the choice."""
    import random

    index = _rows()
    labels = [label for label in index._official.values() if len(label) >= 6]
    rng = random.Random(7)
    alphabet = "".join(sorted(set("".join(labels)))) + "的了和与及等"
    wording = 0
    for _ in range(600):
        text = list(rng.choice(labels))
        for _edit in range(rng.randint(1, 3)):
            at = rng.randrange(len(text))
            if rng.random() < 0.5:
                text[at] = rng.choice(alphabet)
            else:
                text.insert(at, rng.choice(alphabet))
        found = "".join(text)
        key = label_key(squeeze(found))
        hit = LabelIndex(dict(index._official)).match(found)
        if (hit is not None and hit.match is not Match.WORDING) or any(k.startswith(key) for k in index._by_key):
            continue  # matched before the fuzzy step (as it is, or as a shortened label)
        expected = _closest_by_difflib(index, found)
        wording += expected is not None
        assert (hit.target if hit else None) == expected, found
    assert wording > 100
