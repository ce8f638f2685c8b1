"""Rule text_number: real phrasings that contradict the table are caught, look-alikes are not."""

from __future__ import annotations

import pytest

from tests.core.text.helpers import make_report, text_findings

R = "requests"
A = "appeals"


def req(received: int = 3, carried_over: int = 0, handled: int = 3, forward: int = 0, **rows: int) -> dict[str, int]:
    cells = {
        f"{R}.received.total": received, f"{R}.received.natural": received,
        f"{R}.carried_over.total": carried_over, f"{R}.handled_total.total": handled,
        f"{R}.carried_forward.total": forward,
    }
    cells.update({f"{R}.{row}.total": v for row, v in rows.items()})
    return cells


def appeals(**values: int) -> dict[str, int]:
    """appeals(reconsideration_upheld=1, …): the totals are derived from the parts given."""
    cells: dict[str, int] = {}
    for group in ("reconsideration", "litigation_direct", "litigation_after"):
        total = 0
        for column in ("upheld", "corrected", "other", "pending"):
            v = values.get(f"{group}_{column}", 0)
            cells[f"{A}.{group}.{column}"] = v
            total += v
        cells[f"{A}.{group}.total"] = total
    return cells


# (text, cells, the cells each finding names) — every one of these is a real contradiction
CAUGHT = [
    pytest.param("本年度，共受理政府信息公开申请2件，都在法定期限内予以答复。", req(3),
                 [(f"{R}.received.total",)], id="受理2件-vs-3"),
    pytest.param("2022年，共收到政府信息公开申请162件，上年度结转1件，办结159件，结转下年度办理4件。",
                 req(162, 1, 160, 3), [(f"{R}.handled_total.total",), (f"{R}.carried_forward.total",)],
                 id="深汕-办结-结转"),
    pytest.param("本年度共收到政府信息公开申请二十三件。", req(22, handled=22), [(f"{R}.received.total",)], id="二十三件"),
    pytest.param("收到政府信息公开申请１２件。", req(11, handled=11), [(f"{R}.received.total",)], id="full-width"),
    pytest.param("本年度收到依申请公开两件，均已答复。", req(3), [(f"{R}.received.total",)], id="两件"),
    pytest.param("2022年，区政府办公室共收到8份政府信息公开申请，均为自然人申请。", req(7, handled=7),
                 [(f"{R}.received.total",)], id="8份-before-noun"),
    pytest.param("全年未接到信息公开申请。", req(1, handled=1), [(f"{R}.received.total",)], id="未接到-vs-1"),
    pytest.param("本年度共收到政府信息公开申请3件，无下年度结转。", req(3, forward=2, handled=1),
                 [(f"{R}.carried_forward.total",)], id="无下年度结转-vs-2"),
    pytest.param("共收到政府信息公开申请8件。其中，予以公开2件，部分公开2件，无法提供3件。",
                 req(8, handled=8, granted=3, partly_granted=2, unavailable_not_held=3),
                 [(f"{R}.granted.total",)], id="予以公开-continuation"),
    pytest.param("本年度共收到政府信息公开申请10件，其中自然人8件、法人或其他组织2件。",
                 {**req(10, handled=10), f"{R}.received.natural": 9, f"{R}.received.commercial": 1},
                 [(f"{R}.received.natural",), tuple(f"{R}.received.{c}" for c in
                   ("commercial", "research", "public_interest", "legal_services", "other_org"))],
                 id="其中自然人-法人"),
    pytest.param("信息公开类行政复议7件，诉讼9件，均获维持。",
                 appeals(reconsideration_upheld=5, reconsideration_pending=2, litigation_direct_upheld=8,
                         litigation_after_pending=1),
                 [(f"{A}.reconsideration.pending",), (f"{A}.litigation_direct.pending", f"{A}.litigation_after.pending")],
                 id="均获维持-vs-pending"),
    pytest.param("2022年我局因政府信息公开被行政复议7件，其中结果维持6件、结果纠正0件、其他结果0件、尚未审结1件。",
                 appeals(reconsideration_upheld=7), [(f"{A}.reconsideration.upheld",), (f"{A}.reconsideration.pending",)],
                 id="复议-breakdown"),
    pytest.param("因政府信息公开引起行政诉讼3件，其中未经复议直接起诉2件，均尚未审结。",
                 appeals(litigation_direct_upheld=1, litigation_direct_pending=1, litigation_after_upheld=1),
                 [(f"{A}.litigation_direct.upheld",)], id="均尚未审结"),
    pytest.param("全年无因政府信息公开申请引起的行政复议和行政诉讼。", appeals(reconsideration_corrected=1),
                 [(f"{A}.reconsideration.total",)], id="无复议诉讼-vs-1"),
    pytest.param("四、政府信息公开行政复议、行政诉讼情况\n本年度未出现申请行政复议、提起行政诉讼的情况。",
                 appeals(litigation_after_upheld=2), [(f"{A}.litigation_direct.total", f"{A}.litigation_after.total")],
                 id="未出现-诉讼"),
]


@pytest.mark.parametrize(("text", "cells", "expected"), CAUGHT)
def test_contradiction_is_caught(text: str, cells: dict[str, int], expected: list[tuple[str, ...]]) -> None:
    report = make_report(cells, {"overview": text})
    found = text_findings(report, rule="text_number")
    assert [f.cells for f in found] == expected
    for f in found:
        assert f.is_error
        assert f.section == "overview"
        assert f.excerpt and f.excerpt in text
        assert f.span is not None and text[f.span[0] : f.span[1]] == f.excerpt


# (text, cells) — no finding: the number is not an application count, or not this year's, or exact-free
SILENT = [
    pytest.param("通过政府网站主动公开政府信息377条，政策解读率达100%。", req(0, handled=0), id="主动公开-条"),
    pytest.param("本年度共收到行政许可申请120件，均已办结。", req(3), id="行政许可申请"),
    pytest.param("依申请公开工作规范有序，全年办结群众诉求120件。", req(3), id="群众诉求"),
    pytest.param("本年度共收到人大代表建议12件、政协提案8件，均已办结并公开答复。", req(3), id="建议提案"),
    pytest.param("2021年共收到政府信息公开申请5件。", req(3), id="another-year"),
    pytest.param("与上年相比，收到政府信息公开申请数量较上年增加5件。", req(3), id="comparison"),
    pytest.param("本年度共收到政府信息公开申请二十余件。", req(23, handled=23), id="approximate"),
    pytest.param("自2019年以来累计收到政府信息公开申请100件。", req(3), id="cumulative-since"),
    pytest.param("近三年累计收到政府信息公开申请100件。", req(3), id="cumulative-years"),
    pytest.param("12月份收到政府信息公开申请3件。", req(10, handled=10), id="one-month"),
    pytest.param("2022年共受理政府信息依申请公开121件（其中本年度新收申请数112件，上年结转申请数9件），已答复119件，另2件结转下一年处理。",
                 req(112, 9, 119, 2), id="受理-includes-carried-over"),
    pytest.param("依申请公开中，属于国家秘密不予公开1件。", req(3, refused_state_secret=1, refused_third_party=1),
                 id="item-not-group"),
    pytest.param("下一步，计划在2023年办结全部政府信息公开申请3件以上。", req(5, handled=5), id="plan-next-year"),
    pytest.param("全年办理行政复议案件35件，均依法作出决定。", appeals(), id="司法局-own-business"),
    pytest.param("本单位政府信息公开工作未发生行政复议被纠错的情况。", appeals(reconsideration_upheld=2),
                 id="无纠错-not-无复议"),
    pytest.param("根据《关于收到政府信息公开申请3件的处理办法》办理。", req(5, handled=5), id="in-a-title"),
    pytest.param("本年度共收到政府信息公开申请3件。", {}, id="table-blank"),
    pytest.param("信息公开类行政复议7件，诉讼9件，均获维持。",
                 appeals(reconsideration_upheld=7, litigation_direct_upheld=5, litigation_after_upheld=4),
                 id="均获维持-true"),
    pytest.param("我局收到政府信息依申请公开件 0件。", req(0, handled=0), id="sample-0件"),
    pytest.param("本年度，共受理政府信息公开申请3件，都在法定期限内予以答复。", req(3), id="受理3件-true"),
]


@pytest.mark.parametrize(("text", "cells"), SILENT)
def test_lookalike_is_not_flagged(text: str, cells: dict[str, int]) -> None:
    report = make_report(cells, {"overview": text})
    assert text_findings(report, rule="text_number") == []


def test_message_shows_both_numbers_and_the_cell() -> None:
    report = make_report(req(3), {"overview": "（二）依申请公开\n本年度，共受理政府信息公开申请2件，都在法定期限内予以答复。"})
    (finding,) = text_findings(report, rule="text_number")
    assert "受理政府信息公开申请2件" in finding.message
    assert "为 3" in finding.message and "文字写的是 2" in finding.message
    assert finding.cells == ("requests.received.total",)
    assert finding.to_json()["span"] == list(finding.span or ())


def test_blank_total_is_taken_from_its_parts() -> None:
    cells = {"requests.received.natural": 2, "requests.received.commercial": 1}
    report = make_report(cells, {"overview": "本年度共收到政府信息公开申请2件。"})
    (finding,) = text_findings(report, rule="text_number")
    assert "为 3" in finding.message


def test_what_is_read_from_a_text_is_kept_for_the_window_and_forgotten_between_batch_files(
        tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The sentences and figures of a text are read once for all the rules.  A keystroke in a table
    checks the same texts again and reads them from what was kept; a batch check forgets them before
    each file, so that reports of the very same wording never share a reading (its speed must not
    depend on that)."""
    import json

    from reportdesk.app.batch import review_file
    from reportdesk.core.catalog import get_form
    from reportdesk.core.interchange import report_to_json
    from reportdesk.core.text import forget_reading, rules, sentences

    reads: list[str] = []
    real = rules.extract
    monkeypatch.setattr(rules, "extract", lambda text_id, text, *a: reads.append(text) or real(text_id, text, *a))
    text = "本年度，共受理政府信息公开申请2件，都在法定期限内予以答复。"
    forget_reading()
    first = text_findings(make_report(req(3), {"overview": text}), rule="text_number")
    again = text_findings(make_report(req(2), {"overview": text}), rule="text_number")  # a figure changed
    assert reads.count(text) == 1  # read once, for both checks
    assert [f.cells for f in first] == [(f"{R}.received.total",)] and again == []
    kept = sentences.split_sentences(text)
    assert sentences.split_sentences(text) is kept
    forget_reading()
    assert sentences.split_sentences(text) == kept and sentences.split_sentences(text) is not kept

    report = make_report(req(3), {"overview": text})
    path = tmp_path / "a.json"
    path.write_text(json.dumps(report_to_json(get_form(), report), ensure_ascii=False), encoding="utf-8")
    reads.clear()
    results = [review_file(path), review_file(path)]
    assert reads.count(text) == 2  # each file reads its own texts
    assert all(any(f.rule == "text_number" for f in r.findings) for r in results)
