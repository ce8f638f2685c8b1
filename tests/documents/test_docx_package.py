"""What the .docx package says beyond its text: fonts, settings, properties, geometry, keeps,
the sign-off and the appendix note (issue 14, items 1–7)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from reportdesk.core.catalog import get_form
from reportdesk.documents.docx_reader import import_docx
from reportdesk.documents.layout import text_width
from reportdesk.documents.options import ExportOptions, FontSet
from reportdesk.documents.word_writer import (
    FOOTER_DISTANCE_MM,
    GENERATED_STYLE,
    MARGINS_MM,
    table_plan,
    write_docx,
)
from tests.documents.print_cases import big_figures
from tests.factories import complete_report

FORM = get_form()


def _parts(tmp_path: Path, report=None, **options) -> dict[str, str]:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.docx"
    write_docx(report or complete_report(), path, ExportOptions(**options))
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8", "replace") for name in archive.namelist()}


@pytest.mark.parametrize("font_set", list(FontSet))
def test_font_table_names_every_face_with_its_fallback_and_charset(tmp_path: Path, font_set: FontSet) -> None:
    fonts = _parts(tmp_path, fonts=font_set)["word/fontTable.xml"]
    faces = dict(re.findall(r'<w:font w:name="([^"]+)"><w:altName w:val="([^"]+)"/>', fonts))
    if font_set is FontSet.GB2312:
        assert faces["仿宋_GB2312"] == "仿宋" and faces["楷体_GB2312"] == "楷体" and faces["方正小标宋简体"] == "宋体"
    else:
        assert faces["仿宋"] == "FangSong" and faces["宋体"] == "SimSun"
    assert fonts.count('<w:charset w:val="86"/>') == len(faces)  # GB2312
    assert "ＭＳ 明朝" not in fonts and "Cambria" not in fonts


def test_settings_properties_and_template_leftovers(tmp_path: Path) -> None:
    parts = _parts(tmp_path)
    settings = parts["word/settings.xml"]
    assert 'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"' in settings
    assert re.search(r'<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>', settings)
    assert "savePreviewPicture" not in settings
    app = parts["docProps/app.xml"]
    assert "<Application>ReportDesk</Application>" in app and "<Pages>" not in app and "Macintosh" not in app
    assert not any("thumbnail" in n or "stylesWithEffects" in n for n in parts)
    assert not any("bibliography" in text for name, text in parts.items() if name.startswith("customXml/"))
    styles = re.findall(r'w:styleId="([^"]+)"', parts["word/styles.xml"])
    assert len(styles) < 10 and GENERATED_STYLE in styles and "Normal" in styles


def test_grid_footer_and_widow_control(tmp_path: Path) -> None:
    parts = _parts(tmp_path)
    document = parts["word/document.xml"]
    assert '<w:docGrid w:type="lines" w:linePitch="578"/>' in document
    footer = int(re.search(r'w:footer="(\d+)"', document).group(1))
    assert abs(footer / 1440 * 25.4 - FOOTER_DISTANCE_MM) < 0.05
    # the page number line (16 pt) sits on the footer distance: its top 7 mm below the type area
    top_below_type_area = MARGINS_MM["bottom"] - FOOTER_DISTANCE_MM - 16 / 72 * 25.4
    assert abs(top_below_type_area - 7.0) < 0.05
    assert "<w:widowControl/>" in parts["word/styles.xml"]
    # 三号 runs condensed so that 28 characters fit the 156 mm line
    assert 28 * (16 - 0.25) <= 156 / 25.4 * 72 < 28 * 16


def test_seven_digit_figures_fit_their_columns_and_labels_are_broken_between_words() -> None:
    report = big_figures()
    from reportdesk.documents.layout import export_values

    values = export_values(FORM, report)
    for table in FORM.tables.values():
        plan = table_plan(table, values, FORM.print_words)
        em = plan.size * 25.4 / 72
        for g in table.grid:
            room = sum(plan.widths_mm[g.col:g.col + g.colspan]) - 2 * plan.margin_mm
            if g.cell_id is None:
                lines = plan.lines[(g.row, g.col)]
                assert "".join(lines) == g.text
                assert all(text_width(line) * em <= room + 1e-6 for line in lines)
            else:
                from reportdesk.core.numbers import format_value

                assert text_width(format_value(values.get(g.cell_id))) * em <= room + 1e-6
    group = next(g for g in FORM.tables["requests"].grid if g.text == "（三）不予公开")
    assert table_plan(FORM.tables["requests"], values, FORM.print_words).lines[(group.row, group.col)] == [
        "（三）", "不予", "公开"]


def test_sign_off_date_from_meta_appendix_note_and_kept_with_the_last_paragraph(tmp_path: Path) -> None:
    report = complete_report(agency="乐清市人力资源和社会保障局")
    report.meta = {"publish_date": "2024-01-20"}
    document = _parts(tmp_path, report, sign_off=True, appendix=True)["word/document.xml"]
    body = document[:document.index('<w:t xml:space="preserve">附件</w:t>')]  # the text, not the appendix
    assert "2024年1月20日" in body and "附件：政府信息公开情况统计表" in body
    assert body.index("附件：政府信息公开情况统计表") < body.rindex("乐清市人力资源和社会保障局") < body.index("2024年1月20日")
    paragraphs = re.findall(r"<w:p>.*?</w:p>", body)
    last_text = next(p for p in paragraphs if "本年度未收取信息处理费" in p)
    assert "<w:keepNext/>" in last_text  # the sign-off never stands alone on a page
    generated = [p for p in paragraphs if GENERATED_STYLE in p]
    assert any("详见附件" in p for p in generated) and any("2024年1月20日" in p for p in generated)
    path = tmp_path / "r.docx"
    write_docx(report, path, ExportOptions(sign_off=True, appendix=True))
    assert import_docx(path).report.texts == report.texts  # nothing generated is read back as text


def test_a_long_agency_in_the_sign_off_breaks_between_words(tmp_path: Path) -> None:
    agency = "某某自治区某某市某某区人民政府某某街道办事处某某社区居民委员会及其下属综合行政执法管理服务中心办公室"
    document = _parts(tmp_path, complete_report(agency=agency), sign_off=True)["word/document.xml"]
    paragraph = next(p for p in re.findall(r"<w:p>.*?</w:p>", document) if 'w:jc w:val="right"' in p)
    lines = re.findall(r'<w:t xml:space="preserve">([^<]+)</w:t>', paragraph)
    assert "".join(lines) == agency and len(lines) >= 2
    assert all(3 <= text_width(line) <= 22 for line in lines)
    assert "居民委员会" in "|".join(lines)  # never "居民/委员会"
