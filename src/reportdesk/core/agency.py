"""Facts about the reporting body that can be read from its name.

Only 省、自治区、直辖市 and 设区的市、自治州 people's governments and 国务院 departments may make
规章 (《立法法》第九十一条、第九十三条).  A county-level or lower government, and a local
government department, has no such power: its 规章 row should be 0 (rule
``regulations_power``).  The name is only a hint; a report may state the fact explicitly.
"""

from __future__ import annotations

import re

from reportdesk.core.pattern_cache import compile_pattern

_LOWER_LEVEL = compile_pattern(r"(县|旗|乡|镇|街道|苏木|区人民政府|县级市|办事处|社区|村)")
_LOCAL_DEPARTMENT = compile_pattern(r"(局|委员会|委|办公室|办|中心|厅|院|所|队|站|馆)$")
_CITY_OR_PROVINCE_GOVERNMENT = compile_pattern(r"(省|自治区|市|自治州|州|盟)人民政府$")
_STATE_COUNCIL = compile_pattern(r"^(中华人民共和国|国家|国务院)")


def infer_rulemaking_power(agency: str) -> bool | None:
    """True/False when the name makes it clear, None when it does not."""
    name = re.sub(r"\s+", "", agency or "")
    if not name:
        return None
    if _STATE_COUNCIL.match(name) and not re.search(r"[省市县区州盟旗]", name[2:]):
        return True
    if _CITY_OR_PROVINCE_GOVERNMENT.search(name):
        # "乐清市人民政府" is a county-level city; only a 设区的市 may make 规章, which the
        # name alone does not tell, unless a lower level is named before it.
        if _LOWER_LEVEL.search(name.removesuffix("人民政府")):
            return False
        return None if name.count("市") == 1 and not name.startswith(("省", "北京", "上海", "天津", "重庆")) else True
    if _LOWER_LEVEL.search(name) or _LOCAL_DEPARTMENT.search(name):
        return False
    return None
