"""The facts about a report that rules may ask for, beyond its cells.

``context.<fact>`` in a rule names one of these.  A fact that is unknown (``None``)
makes the rules that need it not applicable: they are skipped, not guessed.
"""

from __future__ import annotations

from reportdesk.core.agency import infer_rulemaking_power
from reportdesk.core.numbers import Value
from reportdesk.core.pattern_cache import compile_pattern
from reportdesk.core.records import field, record
from reportdesk.core.report import Report

_FEE_WORDS = compile_pattern(r"(信息处理费|收费通知)")
_NONE_STATED = compile_pattern(
    r"(未|没有|无|不存在|均未|并未|不涉及)[^，。；,;]{0,12}?(收取|发出|发送|产生|发放)?[^，。；,;]{0,6}?(信息处理费|收费通知)"
    r"|(信息处理费|收费通知)[^，。；,;]{0,10}?(为\s*0|为零|为0|情况为无|无)"
)


@record
class Context:
    facts: dict[str, Value] = field(default_factory=dict)
    previous: Report | None = None
    previous_cells: dict[str, Value] | None = None


def states_no_fee_notice(text: str) -> bool | None:
    """Whether section 六 says no 收费通知 was sent / no 信息处理费 collected.

    True when it says so, False when it speaks of the fee without saying "none",
    None when it does not mention the fee at all.
    """
    if not text or not _FEE_WORDS.search(text):
        return None
    return bool(_NONE_STATED.search(text))


def build_context(report: Report, previous: Report | None = None, previous_cells: dict[str, Value] | None = None) -> Context:
    power = report.rulemaking_power
    if power is None:
        power = infer_rulemaking_power(report.agency)
    no_fee = states_no_fee_notice(report.texts.get("other", ""))
    facts: dict[str, Value] = {
        "year": report.year,
        "rulemaking_power": None if power is None else int(power),
        "no_fee_notice_stated": None if no_fee is None else int(no_fee),
    }
    return Context(facts=facts, previous=previous, previous_cells=previous_cells)
