"""The session API the desktop app and the CLI use: edits, Changes, texts, meta, history, files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportdesk.app.session import DraftError, EditError, Session, drafts_home, recent_drafts, total_discrepancies
from reportdesk.core.report import Totals
from tests.factories import complete_report


@pytest.fixture
def draft(tmp_path: Path):
    session = Session.create(tmp_path / "report.rdesk", agency="某市某某局", year=2023)
    yield session
    session.close()


def test_create_empty_draft_has_agency_year_and_one_revision(draft: Session) -> None:
    assert draft.report.agency == "某市某某局"
    assert draft.report.year == 2023
    assert draft.report.cells == {}
    assert [r.description for r in draft.history()] == ["新建草稿"]
    assert draft.last_saved is not None


def test_set_cells_reports_input_and_derived_changes(draft: Session) -> None:
    changes = draft.set_cells({"requests.granted.natural": 5, "requests.granted.commercial": 2})
    assert changes.cells["requests.granted.natural"] == (None, 5)
    assert changes.cells["requests.granted.commercial"] == (None, 2)
    assert changes.cells["requests.granted.total"] == (None, 7)
    assert changes.revision == 2
    assert draft.values()["requests.granted.total"] == 7
    assert draft.origin("requests.granted.natural") == "typed"
    assert draft.history()[-1].description == "填写 2 个单元格（三、（一）予以公开 自然人 = 5 等）"


def test_single_edit_description_names_section_and_cell(draft: Session) -> None:
    draft.set_cells({"requests.granted.natural": 5})
    assert draft.history()[-1].description == "填写 三、（一）予以公开 自然人 = 5"


def test_undo_by_setting_old_values_restores_derived_totals(draft: Session) -> None:
    changes = draft.set_cells({"requests.granted.natural": 5}, origin="pasted")
    undo = draft.set_cells({cid: old for cid, (old, _new) in changes.cells.items()
                            if draft.form.cells[cid].input})
    assert undo.cells["requests.granted.total"] == (5, None)
    assert draft.values()["requests.granted.natural"] is None
    assert draft.origin("requests.granted.natural") is None


def test_bad_value_changes_nothing(draft: Session) -> None:
    draft.set_cells({"requests.granted.natural": 1})
    before = len(draft.history())
    with pytest.raises(EditError) as info:
        draft.set_cells({"requests.granted.natural": 9, "requests.granted.commercial": -3})
    assert "负数" in info.value.message and "商业企业" in info.value.message
    with pytest.raises(EditError, match="合计"):
        draft.set_cells({"requests.granted.total": 3})
    with pytest.raises(EditError, match="未知的单元格编号"):
        draft.set_cells({"requests.nope.natural": 3})
    assert draft.values()["requests.granted.natural"] == 1
    assert len(draft.history()) == before


def test_amount_stays_exact_decimal(tmp_path: Path) -> None:
    with Session.create(tmp_path / "a.rdesk", agency="某局", year=2023) as s:
        s.set_cells({"proactive.fees.amount": Decimal("12.3456")})
    with Session.open(tmp_path / "a.rdesk") as s:
        assert s.values()["proactive.fees.amount"] == Decimal("12.3456")
        assert isinstance(s.values()["proactive.fees.amount"], Decimal)


def test_no_op_edit_writes_no_revision(draft: Session) -> None:
    draft.set_cells({"requests.granted.natural": 1})
    changes = draft.set_cells({"requests.granted.natural": 1})
    assert changes.empty and changes.revision is None
    assert len(draft.history()) == 2


def test_texts_are_pending_until_flush_and_saved_on_close(tmp_path: Path) -> None:
    s = Session.create(tmp_path / "t.rdesk", agency="某局", year=2023)
    changes = s.set_text("overview", "本年度")
    assert changes.texts == {"overview": ("", "本年度")} and changes.revision is None
    s.set_text("overview", "本年度主动公开")
    assert s.pending
    s.flush()
    assert not s.pending
    assert s.history()[-1].description == "修改 一、总体情况 的文字"
    s.set_text("problems", "问题")
    s.close()
    with Session.open(tmp_path / "t.rdesk") as again:
        assert again.report.texts == {"overview": "本年度主动公开", "problems": "问题"}
        assert len(again.history()) == 3


def test_cell_edit_saves_pending_text_first(draft: Session) -> None:
    draft.set_text("other", "本年度未收取信息处理费。")
    draft.set_cells({"requests.granted.natural": 1})
    assert [r.description for r in draft.history()][1:] == ["修改 六、其他需要报告的事项 的文字",
                                                            "填写 三、（一）予以公开 自然人 = 1"]


def test_set_meta_validates_and_records(draft: Session) -> None:
    changes = draft.set_meta(agency="某县某局", contact_office="办公室")
    assert changes.meta == {"agency": ("某市某某局", "某县某局"), "contact_office": (None, "办公室")}
    assert draft.report.meta == {"contact_office": "办公室"}
    with pytest.raises(EditError, match="2000 至 2100"):
        draft.set_meta(year=1999)
    with pytest.raises(EditError, match="未知的报告信息"):
        draft.set_meta(colour="red")
    assert draft.report.year == 2023


def test_accepted_warnings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "w.rdesk"
    with Session.create(path, agency="某局", year=2023) as s:
        s.accept_warning("carry_over|requests.carried_over.natural|requests", "上年报告有误，已更正")
        with pytest.raises(EditError, match="理由"):
            s.accept_warning("x||", "  ")
    with Session.open(path) as s:
        assert s.accepted_warnings() == {"carry_over|requests.carried_over.natural|requests": "上年报告有误，已更正"}
        changes = s.withdraw_warning("carry_over|requests.carried_over.natural|requests")
        assert changes.warnings == {"carry_over|requests.carried_over.natural|requests": ("上年报告有误，已更正", None)}
        assert s.accepted_warnings() == {}


def test_restore_is_a_new_revision_and_can_be_undone(draft: Session) -> None:
    draft.set_cells({"requests.granted.natural": 1})
    draft.set_text("overview", "甲")
    draft.set_cells({"requests.granted.natural": 2, "requests.granted.research": 4})
    draft.set_meta(phone="0577-1234")
    changes = draft.restore(2)
    assert changes.cells["requests.granted.natural"] == (2, 1)
    assert changes.cells["requests.granted.research"] == (4, None)
    assert changes.texts == {"overview": ("甲", "")}
    assert changes.meta == {"phone": ("0577-1234", None)}
    assert draft.values()["requests.granted.total"] == 1
    assert draft.history()[-1].description.startswith("恢复到第 2 版")
    draft.restore(changes.revision - 1)
    assert draft.values()["requests.granted.total"] == 6
    assert draft.report.texts == {"overview": "甲"} and draft.report.meta == {"phone": "0577-1234"}
    with pytest.raises(EditError, match="没有第 99 版"):
        draft.restore(99)


def test_second_open_in_same_process_is_locked(draft: Session) -> None:
    with pytest.raises(DraftError) as info:
        Session.open(draft.path)
    assert info.value.code == "locked"
    assert "另一个 ReportDesk" in info.value.message


def test_close_releases_lock(tmp_path: Path) -> None:
    path = tmp_path / "c.rdesk"
    Session.create(path, agency="某局", year=2023).close()
    Session.open(path).close()
    assert not (tmp_path / "c.rdesk.lock").exists()


def test_create_refuses_existing_file(draft: Session) -> None:
    with pytest.raises(DraftError) as info:
        Session.create(draft.path, agency="某局", year=2023)
    assert info.value.code in ("io", "locked")


def test_create_from_source_keeps_inputs_and_reports_total_discrepancies(tmp_path: Path) -> None:
    source = complete_report(seed=3, stated=True)
    source.cells["requests.granted.total"] = 999
    form_total = sum(source.cells[f"requests.granted.{c}"] for c in
                     ("natural", "commercial", "research", "public_interest", "legal_services", "other_org"))
    assert [d.cell for d in total_discrepancies(__import__("reportdesk.core.catalog").core.catalog.get_form(),
                                                  source)] == ["requests.granted.total"]
    with Session.create(tmp_path / "i.rdesk", agency="某局", year=2023, source=source) as s:
        assert s.values()["requests.granted.total"] == form_total
        assert s.origin("requests.granted.natural") == "imported"
        assert s.report.totals is Totals.DERIVED
        assert any("999" in note and str(form_total) in note for note in s.import_notes)
    with Session.open(tmp_path / "i.rdesk") as s:
        assert any("999" in note for note in s.import_notes)


def test_previous_report_is_stored_and_carried_over(tmp_path: Path) -> None:
    previous = complete_report(seed=5, year=2022)
    with Session.create(tmp_path / "p.rdesk", agency="某局", year=2023, previous=previous) as s:
        forward = previous.cells["requests.carried_forward.natural"]
        assert s.values()["requests.carried_over.natural"] == forward
        assert s.origin("requests.carried_over.natural") == "carried"
    with Session.open(tmp_path / "p.rdesk") as s:
        assert s.previous is not None and s.previous.year == 2022
        assert s.previous.cells["requests.carried_forward.natural"] == forward
        assert all(f.rule != "carry_over" for f in s.findings())


def test_findings_come_from_the_rule_engine(draft: Session) -> None:
    draft.set_cells({"requests.received.natural": 5, "requests.carried_over.natural": 0,
                     "requests.granted.natural": 1, "requests.carried_forward.natural": 6})
    rules = {f.rule for f in draft.findings() if f.is_error}
    assert "balance" in rules


def test_save_as_moves_the_session_and_keeps_history(draft: Session, tmp_path: Path) -> None:
    draft.set_cells({"requests.granted.natural": 3})
    target = tmp_path / "sub"
    target.mkdir()
    old_path = draft.path
    draft.save_as(target / "copy.rdesk")
    assert draft.path == target / "copy.rdesk"
    draft.set_cells({"requests.granted.natural": 4})
    Session.open(old_path).close()  # the old file is released and kept as it was
    with pytest.raises(DraftError):
        Session.open(target / "copy.rdesk")
    assert len(draft.history()) == 3


def test_recent_drafts_lists_created_and_opened_drafts(tmp_path: Path) -> None:
    with Session.create(drafts_home() / "home.rdesk", agency="甲局", year=2023) as s:
        s.set_cells({"requests.granted.natural": 1})
    with Session.create(tmp_path / "elsewhere.rdesk", agency="乙局", year=2022, source=complete_report()):
        pass
    recent = recent_drafts()
    by_agency = {r.agency: r for r in recent}
    assert set(by_agency) == {"甲局", "乙局"}
    assert by_agency["乙局"].completeness > 0.95
    assert 0 < by_agency["甲局"].completeness < 0.05
    assert by_agency["乙局"].year == 2022


def test_drafts_home_follows_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTDESK_HOME", str(tmp_path / "h"))
    assert drafts_home() == tmp_path / "h"
    assert (tmp_path / "h").is_dir()


def test_typed_text_is_cleaned_and_other_text_refused_as_it_is(draft: Session) -> None:
    """The hook the app calls (typed=True) cleans Word's and PDFs' invisible characters; the
    same text from a file or script (the default) is refused with the character named."""
    word = "（一）主动公开\x0b本年度公开信息12条。\x07\u200b"
    with pytest.raises(EditError, match="U\\+000B"):
        draft.set_text("overview", word)
    assert "overview" not in draft.report.texts
    draft.set_text("overview", word, typed=True)
    draft.flush()
    assert draft.report.texts["overview"] == "（一）主动公开\n本年度公开信息12条。"
    with pytest.raises(EditError, match="U\\+0007"):
        draft.set_meta(agency="某局\x07")
    draft.set_meta(typed=True, agency="某市\n某局\x07", phone="0571\t0000")
    assert draft.report.agency == "某市 某局" and draft.report.meta["phone"] == "0571 0000"
