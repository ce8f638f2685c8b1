"""How real reports phrase their figures: each phrasing is read as a person reads it.

The phrasings come from published reports (the corpus in tests/data/corpus holds them in
context); each case gives the figures a person reads, as (cells, value), and the reader must
return exactly those — no more, no fewer.
"""

from __future__ import annotations

import pytest

from reportdesk.core.text.extract import extract

R, A = "requests", "appeals"
REFUSED = tuple(f"{R}.{r}.total" for r in (
    "refused_state_secret", "refused_prohibited", "refused_security", "refused_third_party", "refused_internal",
    "refused_process", "refused_enforcement_file", "refused_inquiry"))
LITIGATION = (f"{A}.litigation_direct", f"{A}.litigation_after")


def rec(value: int) -> tuple[tuple[str, ...], int]:
    return (f"{R}.received.total",), value


def row(name: str, value: int) -> tuple[tuple[str, ...], int]:
    return (f"{R}.{name}.total",), value


def lit(column: str, value: int) -> tuple[tuple[str, ...], int]:
    return tuple(f"{g}.{column}" for g in LITIGATION), value


def rc(column: str, value: int) -> tuple[tuple[str, ...], int]:
    return (f"{A}.reconsideration.{column}",), value


def read(text: str, year: int = 2023) -> set[tuple[tuple[str, ...], int]]:
    figures, _ = extract("overview", text, year)
    return {(f.quantity.cells, f.value) for f in figures}


READ = [
    pytest.param("本年度共收到政府信息公开申请62件，予以公开或部分公开59件，无法提供3件。",
                 {rec(62), ((f"{R}.granted.total", f"{R}.partly_granted.total"), 59),
                  ((f"{R}.unavailable_not_held.total", f"{R}.unavailable_needs_creation.total",
                    f"{R}.unavailable_unclear.total"), 3)}, id="或-joins-two-results"),
    pytest.param("本年度收到政府信息公开申请10件，办结8件，顺延至下一年答复2件。",
                 {rec(10), row("handled_total", 8), row("carried_forward", 2)}, id="顺延至下一年答复"),
    pytest.param("全年收到公民、法人或其他组织提出的政府信息公开申请5件。", {rec(5)}, id="all-applicants"),
    pytest.param("共收到政府信息公开申请20件，已办结3件，17件结转下年办理。",
                 {rec(20), row("handled_total", 3), row("carried_forward", 17)}, id="figure-before-keyword"),
    pytest.param("2023年，区政府共收到依申请公开20件，19件已按照规定时限和程序进行了答复，1件结转下年。",
                 {rec(20), row("handled_total", 19), row("carried_forward", 1)}, id="figures-before-答复-and-结转"),
    pytest.param("2023年全年累计收到政府信息公开申请27件。", {rec(27)}, id="累计-this-year"),
    pytest.param("全年共收到政务信息公开申请4件。", {rec(4)}, id="政务信息公开申请"),
    pytest.param("2023年度，教育局无依申请公开事项。", {rec(0)}, id="依申请公开事项"),
    pytest.param("收到政府信息公开申请事项1件。", {rec(1)}, id="申请事项"),
    pytest.param("收到依申请公开件176件，其中，当面申请的72件，来信申请的69件，网上申请的35件。", {rec(176)},
                 id="来信-as-a-channel"),
    pytest.param("本年度共收到和处理依申请公开0件。", {rec(0), row("handled_total", 0)}, id="收到和处理"),
    pytest.param("行政机关收到和处理政府信息公开申请情况 收到政府信息公开申请3项。", {rec(3)},
                 id="收到和处理-in-a-heading-is-not-the-count"),
    pytest.param("共收到并办理依申请公开政府信息24件。", {rec(24), row("handled_total", 24)}, id="共收到并办理"),
    pytest.param("2023年，共收到涉及房屋征收拆迁、物业管理等领域的政府信息公开申请共15件次，均按时答复。", {rec(15)},
                 id="count-after-an-enumeration"),
    pytest.param("（二）依申请公开情况\n我局严格落实《条例》，耐心指引群众通过网上系统申请。2022年结转至2023年2件，2023年共受理265件，"
                 "已办结264件，结转下年度办理3件。",
                 {row("carried_over", 2), rec(265), row("handled_total", 264), row("carried_forward", 3)},
                 id="sentence-opening-with-last-years-carry-over"),
    pytest.param("收到政府信息公开申请书58条，已处理54条，结转下年度继续办理4条。",
                 {rec(58), row("handled_total", 54), row("carried_forward", 4)}, id="已处理"),
    pytest.param("共受理政府信息公开申请92件。信息公开类行政复议5件、行政诉讼1件，均为结果维持。",
                 {rec(92), rc("total", 5), rc("upheld", 5), lit("total", 1), lit("upheld", 1)}, id="均为结果维持-both"),
    pytest.param("新受理政府信息公开申请17件，办结17件，上年转结政府信息公开申请0件，转下一年办理0件。",
                 {rec(17), row("handled_total", 17), row("carried_over", 0), row("carried_forward", 0)},
                 id="转结-转下一年"),
    pytest.param("办结依申请公开件177件（含2022年结转的3件），其中，予以公开60件，不予公开4件。",
                 {row("handled_total", 177), row("carried_over", 3), ((f"{R}.granted.total",), 60), (REFUSED, 4)},
                 id="last-year-named-by-number"),
    pytest.param("共受理36件政府信息公开申请，其中按期办结36件，无结转2024年继续办理件。",
                 {rec(36), row("handled_total", 36), row("carried_forward", 0)}, id="next-year-named-by-number"),
    pytest.param("本年度我镇未收到申请人提出的依申请公开申请，故也未出现不予公开政府信息情况。",
                 {rec(0), (REFUSED, 0)}, id="未出现不予公开"),
    pytest.param("前进街未接到书面方式申请的政府信息公开申请和网络方式申请的政府信息公开申请件。", {rec(0)},
                 id="未接到-书面方式"),
    pytest.param("2023年度没有接到群众主动要求公开政府信息的申请。", {rec(0)}, id="群众主动要求"),
    pytest.param("全年共收到政府信息公开申请21件。因依申请公开引起行政复议2件，均做出维持结果的决定。",
                 {rec(21), rc("total", 2)}, id="因依申请公开-appeals"),
    pytest.param("全年收到政府信息公开申请3件。2023年度发生行政复议案件1件，为其他结果；行政诉讼案件1件，为其他结果。",
                 {rec(3), rc("total", 1), rc("other", 1), lit("total", 1), lit("other", 1)}, id="为其他结果"),
    pytest.param("收到依申请公开14件。因政府信息公开引起的行政复议案件9件，已审结。行政诉讼案件3件，目前案件正在审理中。",
                 {rec(14), rc("total", 9), rc("pending", 0), lit("total", 3), lit("pending", 3)}, id="审结-审理中"),
    pytest.param("依申请公开工作有序进行，相应复议诉讼未出现被纠错情况。", {rc("corrected", 0), lit("corrected", 0)},
                 id="未被纠错"),
    pytest.param("全年收到因政府信息公开申请引起的行政复议1件（已办结），未收到因政府信息公开申请引起的行政诉讼。",
                 {rc("total", 1), rc("pending", 0), lit("total", 0)}, id="zero-and-count-in-one-sentence"),
    pytest.param("全年未发生因政务公开申请行政复议、提起行政诉讼的情况。", {rc("total", 0), lit("total", 0)},
                 id="政务公开申请-appeals"),
    pytest.param("收到政府信息公开申请3件。（四）行政复议、行政诉讼情况。2023年，区教育局未发生行政复议、行政诉讼事项。",
                 {rec(3), rc("total", 0), lit("total", 0)}, id="inline-heading"),
    pytest.param("2023年我局未接到公民、法人或其他组织申请，无依申请公开的政府信息。", {rec(0)},
                 id="未接到公民、法人或其他组织申请"),
    pytest.param("2023年，灵武市司法局未收到公民、法人和其他组织提出的政府信息公开申请。", {rec(0)}, id="未收到公民、法人"),
    pytest.param("2023年度未收到依申请公开政府信息。", {rec(0)}, id="未收到依申请公开政府信息"),
    pytest.param("信息公开行政复议案件3件，维持1件，纠正1件，撤销复议申请1件。",
                 {rc("total", 3), rc("upheld", 1), rc("corrected", 1)}, id="withdrawn-is-not-a-column"),
    # from the third held-out batch (tests/data/corpus; its years set to the report year 2023 used here)
    pytest.param("2023年区政府(含区政府办公室)收到政府信息公开申请30件,所有公开申请均依法依规按照程序办理,现已办结30件,"
                 "办结率100%,全年因政府信息公开产生行政复议案件6件和行政诉讼案件3件,其中行政复议结果维持5件,尚未审结1件,"
                 "行政诉讼结果维持3件。",
                 {rec(30), row("handled_total", 30), rc("total", 6), lit("total", 3), rc("upheld", 5), rc("pending", 1),
                  lit("upheld", 3)}, id="两类复议诉讼-joined-by-和"),
    pytest.param("全年共收到政府信息依申请公开89件次,已经答复88件,1件结转下年度继续办理;产生行政复议13件和行政诉讼1件。",
                 {rec(89), row("handled_total", 88), row("carried_forward", 1), rc("total", 13), lit("total", 1)},
                 id="行政复议13件和行政诉讼1件"),
    pytest.param("2023年度,未收到法人或者其他组织对依申请公开政府信息的申请。", set(), id="only-法人或者其他组织-received-none"),
    pytest.param("2023年,我局未收到政府信息公开申请。办理因2022年度政府信息公开申请引发行政复议1件、引发行政诉讼2件,均维持结果。",
                 {rec(0)}, id="appeals-qualified-by-last-year"),
    pytest.param("县长信箱收到信件238件,办结99件,不予受理139件。2023年共收到政府信息公开申请31件,其中线上办理26件,线下办理5件。",
                 {rec(31)}, id="mailbox-then-channels"),
    # the fourth held-out batch: 遵义市人社局 2021 (the page is cut after the last clause)
    pytest.param("我局2023年度共受理依申请公开政府信息申请12件,答复7件,不予受理4件,补正后申请内容仍不明确",
                 {rec(12)}, id="不予受理-is-not-受理-and-答复-is-one-outcome"),
    pytest.param("2023年共收到政府信息公开申请12件,其中自然人10件,答复7件,不予受理4件。",
                 {rec(12), ((f"{R}.received.natural",), 10)}, id="答复-beside-不予受理-after-a-breakdown"),
    pytest.param("2023年共收到政府信息公开申请10件,尚未办结2件。", {rec(10)}, id="尚未办结-is-not-办结"),
    # the fifth held-out batch
    pytest.param("2023年,东城街街道办事处未接到任何形式的信息公开申请。", {rec(0)}, id="未接到任何形式的"),
    pytest.param("2023年度我镇未收到任何形式的依申请公开政府信息。", {rec(0)}, id="未收到任何形式的依申请公开政府信息"),
    pytest.param("2023年,荣成市信访局因政府信息公开工作被申请行政复议0件,与去年相同。", {rc("total", 0)},
                 id="same-as-last-year-still-this-year"),
    pytest.param("收到依申请公开件176件。办结依申请公开件177件(含2022年结转的3件),其中,予以公开60件,部分公开51件,"
                 "不予公开4件,信息无法提供30件、不予处理3件,其他处理29件。",
                 {rec(176), row("handled_total", 177), row("carried_over", 3), row("granted", 60), row("partly_granted", 51),
                  (REFUSED, 4), ((f"{R}.unavailable_not_held.total", f"{R}.unavailable_needs_creation.total",
                                  f"{R}.unavailable_unclear.total"), 30),
                  (tuple(f"{R}.{r}.total" for r in ("declined_petition", "declined_duplicate", "declined_publication",
                                                   "declined_excessive", "declined_confirmation")), 3),
                  ((f"{R}.other_no_correction.total", f"{R}.other_no_fee.total", f"{R}.other_other.total"), 29)},
                 id="不予处理-inside-the-breakdown-of-办结"),
]

# Variants of the real phrasings above, in the shapes a count of several appeal groups takes.
SEVERAL_GROUPS = [
    pytest.param("因政府信息公开工作被申请行政复议、提起行政诉讼各1件。", {rc("total", 1), lit("total", 1)}, id="各-after-、"),
    pytest.param("2023年,因政府信息公开被申请行政复议和提起行政诉讼各1件。", {rc("total", 1), lit("total", 1)}, id="各-after-和"),
    pytest.param("2023年,因政府信息公开被申请行政复议和行政诉讼共3件。", set(), id="共-is-a-sum"),
    pytest.param("2023年发生政府信息公开行政复议、行政诉讼案件共2件,均维持原处理结果。", set(), id="共-after-、-is-a-sum"),
    pytest.param("2023年,因政府信息公开被申请行政复议6件、行政诉讼3件,其中维持5件。", {rc("total", 6), lit("total", 3)},
                 id="result-of-which-group-unsaid"),
    pytest.param("2023年共收到政府信息公开申请12件,其中行政复议后又起诉1件。", {rec(12)}, id="复议后又起诉-not-a-复议"),
]


@pytest.mark.parametrize(("text", "figures"), SEVERAL_GROUPS)
def test_a_count_of_several_appeal_groups_is_theirs_only_when_each_is_said(
        text: str, figures: set[tuple[tuple[str, ...], int]]) -> None:
    assert read(text) == figures


@pytest.mark.parametrize(("text", "figures"), READ)
def test_real_phrasing_is_read_as_a_person_reads_it(text: str, figures: set[tuple[tuple[str, ...], int]]) -> None:
    assert read(text) == figures


NOT_READ = [
    pytest.param("我镇共发文96件，其中主动公开文件0件，不公开文件96件，依申请公开0件。", id="documents-by-attribute"),
    pytest.param("主动公开政府信息16条，依申请公开文件12条、不予公开文件36条。", id="不予公开文件"),
    pytest.param("收到依申请公开10件。县长信箱收到信件183条，答复183条。", id="mailbox-answers"),
    pytest.param("共收到政府信息公开申请10件。全年收到群众来信23件。", id="letters"),
    pytest.param("本年度共收到政府信息公开申请10件。共承办区人大代表建议13件、区政协提案26件。", id="proposals"),
    pytest.param("收到政府信息公开申请5件。全年办理行政复议案件35件，均依法作出决定。", id="司法局-own-cases"),
    pytest.param("收到政府信息公开申请5件。全县26家行政机关通过政务新媒体账号公开信息5994条。", id="主动公开-条"),
    pytest.param("自2019年以来累计收到政府信息公开申请300件。", id="since-a-year"),
    pytest.param("主动公开政府信息167条，其中，政策类文件3条，行政复议类信息24条。", id="复议类信息"),
    pytest.param("依申请公开工作规范。本单位无依申请公开的政府信息。", id="无依申请公开的政府信息"),
]


@pytest.mark.parametrize("text", NOT_READ)
def test_figure_about_something_else_is_not_read(text: str) -> None:
    assert {cells for cells, _ in read(text)} <= {rec(10)[0], rec(5)[0]}
    assert all(v in (10, 5) for _, v in read(text))


def test_all_upheld_claim_from_做出维持结果的决定() -> None:
    _, claims = extract("overview", "收到政府信息公开申请21件。因依申请公开引起行政复议2件，均做出维持结果的决定。", 2023)
    (claim,) = claims
    assert claim.kind == "upheld" and claim.groups == ("reconsideration",)
