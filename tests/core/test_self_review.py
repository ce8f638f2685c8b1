"""SelfReviewMark marks on a real draft: accepted warnings that reopen, 已自查 ticks that go stale, 标记为已完成."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportdesk.app.session import EditError, IncompleteError, Session, recent_drafts
from reportdesk.core.self_review import finding_fingerprint, section_fingerprint
from tests.factories import complete_report

REGULATIONS = {"proactive.regulations.issued": 1, "proactive.regulations.in_force": 1}


@pytest.fixture
def draft(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Session.create(tmp_path / "d.rdesk", agency="某市某某局", year=2023, source=complete_report()) as s:
        yield s


def regulations_warning(session: Session):  # type: ignore[no-untyped-def]
    return next(f for f in session.findings() if f.rule == "regulations_power")


def test_accepted_warning_holds_until_its_figures_change_and_survives_reopening(draft: Session, tmp_path: Path) -> None:
    draft.set_cells(REGULATIONS)
    warning = regulations_warning(draft)
    changes = draft.accept_finding(warning, "本单位无规章制定权，规章栏为上级文件转发数")
    assert changes.warnings == {warning.key: (None, "本单位无规章制定权，规章栏为上级文件转发数")}
    assert list(changes.review) == [f"review.warning.{warning.key}"]
    accepted = draft.acceptances(draft.findings())[warning.key]
    assert accepted.reason.startswith("本单位无规章制定权") and accepted.current
    assert draft.accepted_warnings() == {warning.key: "本单位无规章制定权，规章栏为上级文件转发数"}  # reason untouched

    draft.set_cells({"proactive.normative_documents.issued": 3})  # not involved: still accepted
    assert draft.acceptances(draft.findings())[warning.key].current

    draft.set_cells({"proactive.regulations.issued": 2})  # involved: the same warning is open again
    again = regulations_warning(draft)
    assert again.key == warning.key
    assert not draft.acceptances(draft.findings())[warning.key].current

    draft.set_cells({"proactive.regulations.issued": 1})  # back to the accepted figures
    assert draft.acceptances(draft.findings())[warning.key].current
    path = draft.path
    draft.close()
    with Session.open(path) as reopened:
        assert reopened.acceptances(reopened.findings())[warning.key].current
        reopened.set_cells({"proactive.regulations.in_force": 5})
        assert not reopened.acceptances(reopened.findings())[warning.key].current
        reopened.withdraw_warning(warning.key)
        assert reopened.accepted_warnings() == {}
        assert reopened.acceptances(reopened.findings()) == {}
        assert "review.warning." + warning.key not in reopened._self_review


def test_text_warning_reopens_when_its_sentence_changes(draft: Session) -> None:
    draft.apply(texts={"problems": "（一）存在的主要问题\n问题。\n（二）改进情况\n2023年，本局将继续加强政策解读。"})
    warning = next(f for f in draft.findings() if f.rule == "text_year")
    assert warning.excerpt and not warning.is_error
    draft.accept_finding(warning, "此处写的是本年已开展的工作")
    draft.set_text("other", "本年度未收取信息处理费。另有说明。")  # another section: no effect
    assert draft.acceptances(draft.findings())[warning.key].current
    draft.set_text("problems", draft.report.texts["problems"].replace("加强政策解读", "加强培训"))
    assert not draft.acceptances(draft.findings())[warning.key].current


def test_errors_cannot_be_accepted(draft: Session) -> None:
    draft.set_cells({"requests.received.natural": 999})
    error = next(f for f in draft.findings() if f.is_error)
    with pytest.raises(EditError, match="错误不能接受"):
        draft.accept_finding(error, "理由")
    assert draft.accepted_warnings() == {}


def test_fingerprints_follow_content() -> None:
    report = complete_report()
    from reportdesk.core.catalog import get_form
    from reportdesk.core.report import derive

    form = get_form()
    values = derive(form, report.cells)
    before = section_fingerprint(form, "requests", report, values)
    assert before == section_fingerprint(form, "requests", report, dict(values))
    assert before != section_fingerprint(form, "requests", report, {**values, "requests.received.natural": 77})
    overview = section_fingerprint(form, "overview", report, values)
    report.texts["overview"] = "别的"
    assert overview != section_fingerprint(form, "overview", report, values)
    from reportdesk.core.findings import Finding
    from reportdesk.core.form import Severity

    f = Finding("x", Severity.WARNING, "m", ("requests.received.natural",))
    assert finding_fingerprint(f, {"requests.received.natural": 1}, {}) != finding_fingerprint(
        f, {"requests.received.natural": 2}, {})


def test_section_tick_turns_stale_when_the_section_changes(draft: Session) -> None:
    draft.set_section_self_reviewed("requests", "张三")
    draft.set_section_self_reviewed("overview", "张三")
    reviews = draft.section_self_reviews()
    assert reviews["requests"].by == "张三" and reviews["requests"].current
    draft.set_cells({"proactive.fees.amount": "3"})  # another section
    assert draft.section_self_reviews()["requests"].current
    draft.set_cells({"requests.granted.natural": int(draft.values()["requests.granted.natural"] or 0) + 1})
    reviews = draft.section_self_reviews()
    assert not reviews["requests"].current and reviews["overview"].current
    draft.set_text("overview", "改写")
    assert not draft.section_self_reviews()["overview"].current
    draft.set_section_self_reviewed("requests", "李四")  # ticked again: current again
    assert draft.section_self_reviews()["requests"].current and draft.section_self_reviews()["requests"].by == "李四"
    draft.set_section_self_reviewed("requests", None)
    assert "requests" not in draft.section_self_reviews()
    with pytest.raises(EditError):
        draft.set_section_self_reviewed("nonsense", "张三")


def test_mark_complete_refuses_errors_then_records_who_and_when(draft: Session, tmp_path: Path) -> None:
    draft.set_cells({"requests.received.natural": 999})
    with pytest.raises(IncompleteError) as refused:
        draft.mark_complete("张三")
    assert refused.value.errors and all(f.is_error for f in refused.value.errors)
    assert "不能标记为已完成" in refused.value.message
    assert draft.completion() is None
    draft.set_cells({"requests.received.natural": complete_report().cells["requests.received.natural"]})
    draft.mark_complete("张三")
    done = draft.completion()
    assert done is not None and done.by == "张三" and done.current
    assert "标记为已完成（张三）" in draft.history()[-1].description
    listed = next(d for d in recent_drafts() if d.path == draft.path.resolve())
    assert listed.completed is not None and listed.completed.startswith("张三 ")
    draft.set_text("other", "本年度未收取信息处理费。补充。")
    assert not draft.completion().current  # type: ignore[union-attr]


def test_restore_brings_review_marks_back(draft: Session) -> None:
    draft.set_section_self_reviewed("requests", "张三")
    before = draft.history()[-1].number
    draft.set_section_self_reviewed("requests", None)
    changes = draft.restore(before)
    assert "review.section.requests" in changes.review
    assert draft.section_self_reviews()["requests"].by == "张三"


def test_self_review_fingerprints_are_sha256_whichever_implementation_is_loaded() -> None:
    import hashlib
    import json

    from reportdesk.core.self_review import fingerprint

    content = {"cells": {"requests.received.natural": "12"}, "text": "本年度"}
    data = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert fingerprint(content) == hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]
