"""The text reader's vocabulary comes from the form definition, and the text rules import lightly."""

from __future__ import annotations

import copy
import subprocess
import sys
import tomllib
from pathlib import Path

from reportdesk.core.catalog import get_form
from reportdesk.core.form_loader import compile_form
from reportdesk.core.text.extract import extract
from reportdesk.core.text.paragraphs import requests_paragraph
from reportdesk.core.text.vocabulary import vocabulary

FORM_FILE = Path(__file__).resolve().parents[3] / "forms" / "gov-info-disclosure-2021.toml"


def _data() -> dict:  # type: ignore[type-arg]
    return tomllib.loads(FORM_FILE.read_text(encoding="utf-8"))


def test_groups_are_the_rows_of_their_subgroup_in_the_form() -> None:
    form = get_form()
    vocab = vocabulary(form)
    refused = tuple(r.id for r in form.tables["requests"].rows if r.subgroup == "（三）不予公开")
    assert vocab.group_rows("refused") == refused and len(refused) == 8
    assert vocab.appeal_rows("litigation") == ("litigation_direct", "litigation_after")
    assert vocab.org_columns == ("commercial", "research", "public_interest", "legal_services", "other_org")


def test_a_changed_term_in_the_form_changes_what_is_read() -> None:
    data = _data()
    for entry in data["text_terms"]:
        if entry["key"] == "refused":
            entry["terms"] = ["不予公开", "拒绝公开"]
    form, problems = compile_form(data)
    assert problems == [] and form is not None
    text = "共收到政府信息公开申请5件，拒绝公开2件。"
    (_, refused) = extract("overview", text, 2022, form)[0]
    assert refused.value == 2 and refused.quantity.cells[0] == "requests.refused_state_secret.total"
    assert [f.value for f in extract("overview", text, 2022)[0]] == [5]  # the shipped form does not know 拒绝公开


def test_a_row_added_to_a_subgroup_joins_its_group_in_the_reader_and_the_paragraph() -> None:
    data = copy.deepcopy(_data())
    data["form"]["id"] = "gov-info-disclosure-test-extra-row"
    requests = next(t for t in data["tables"] if t["id"] == "requests")
    at = next(i for i, r in enumerate(requests["rows"]) if r["id"] == "refused_inquiry") + 1
    requests["rows"].insert(at, {"id": "refused_extra", "label": "9.属于新增情形", "short": "（三）9",
                                 "group": "三、本年度办理结果", "subgroup": "（三）不予公开"})
    layout = requests["layout"]
    for line in layout:
        for item in line.get("items", []):
            if item.get("text") in ("三、本年度办理结果", "（三）不予公开"):
                item["rowspan"] += 1
    at = next(i for i, line in enumerate(layout) if {"row": "refused_inquiry"} in line.get("items", [])) + 1
    layout.insert(at, {"items": [{"row_label": "refused_extra"}, {"row": "refused_extra"}]})
    form, problems = compile_form(data)
    assert problems == [] and form is not None
    assert "refused_extra" in vocabulary(form).group_rows("refused")
    cells = {"requests.refused_extra.total": 2}
    assert "不予公开2件" in requests_paragraph(cells, form)


def test_unknown_rows_and_groups_in_text_terms_are_problems_with_their_place() -> None:
    data = _data()
    data["text_terms"][0]["rows"] = ["no_such_row"]
    data["text_terms"][1]["subgroup"] = "（九）没有这一组"
    data["text_terms"].append({"key": "x", "kind": "nonsense", "terms": ["x"]})
    form, problems = compile_form(data)
    assert form is None
    places = {p.location for p in problems}
    assert {"text_terms[0].rows", "text_terms[1].subgroup", "text_terms[28].kind"} <= places


def test_importing_the_text_rules_compiles_no_regular_expression() -> None:
    code = (
        "import re, traceback\n"
        "orig = re.compile\n"
        "hits = []\n"
        "def spy(*a, **k):\n"
        "    hits.extend(f.filename for f in traceback.extract_stack()[-3:-1] if 'core/text' in f.filename)\n"
        "    return orig(*a, **k)\n"
        "re.compile = spy\n"
        "import reportdesk.core.text, reportdesk.core.text.rules, reportdesk.core.text.paragraphs\n"
        "print(len(hits))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


def test_the_joined_request_pattern_passes_over_exactly_the_clauses_without_a_keyword() -> None:
    """A clause the joined pattern finds nothing in is one where no request pattern finds anything."""
    import json
    import re

    from reportdesk.core.text.extract import _request_hits
    from reportdesk.core.text.sentences import split_sentences

    pats = vocabulary(get_form()).patterns(2022)
    assert pats.any_request is not None
    samples = Path(__file__).resolve().parents[4] / "shared" / "samples"
    texts = ["不予以公开3件，予以公开5件，部分公开1件。", "本年度未收到申请。", "予以公开或部分公开7件",
             "主动公开规范性文件12件，召开新闻发布会3场。", "结转下年度继续办理2件，无法提供1件。"]
    if samples.is_dir():
        texts.append((samples / "yueqing-hrss-2022-report.txt").read_text(encoding="utf-8"))
        texts.extend(str(e) for e in json.loads((samples / "real-report-excerpts.json").read_text(encoding="utf-8")))
    clauses = [c.text for text in texts for s in split_sentences(text) for c in s.clauses()]
    found = 0
    for clause in clauses:
        each = any(m.end() > m.start() for p, _ in pats.requests for m in p.finditer(clause))
        assert (pats.any_request.search(clause) is not None) >= each, clause
        found += each
    assert found and found < len(clauses)
    assert _request_hits(pats, "不予以公开3件") == [(0, 5, 1, "refused")]

    from reportdesk.core.text import vocabulary as module

    with_group = (re.compile("(公开)\\1"), re.compile("处理"))
    assert module._any(with_group) is None  # a back reference would name another group once joined
    assert module._any((re.compile("a"), re.compile("(?i)b"))) is None  # flags inside: joined, it would not compile
