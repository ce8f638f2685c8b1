"""Report pages written by hand in the style government sites publish them.

Modelled on what the sites' content systems produce (TRS WCM, 大汉, 拓尔思 pages as seen
on provincial and city portals): a header with the site's navigation and a breadcrumb, a
metadata table (索引号, 发布机构, 生成日期 …), the title in an ``<h1>`` or a layout cell
above the article, the report text in ``<p>`` with inline styles and full-width spaces
for the indent, the tables pasted from Word (``MsoNormalTable``: every label inside
``<p><span>``, ``rowspan``/``colspan``, ``&nbsp;`` in empty cells, labels broken by
``<br>``), then 打印本页 / 关闭窗口, related links and the footer.
"""

from __future__ import annotations

import html
import quopri
from collections.abc import Callable

from reportdesk.core.catalog import get_form
from reportdesk.core.report import Report
from tests.documents.builders import Style, official_values, table_rows

NAV = """<div class="header"><div class="logo"><img src="logo.png" alt="某市人民政府门户网站"></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li>
<li><a href="/hdjl/">互动交流</a></li></ul>
<div class="hot">热点：<a href="/nb/2022.html">某市某某局2022年政府信息公开工作年度报告</a></div></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/nb/">政府信息公开年报</a></div>"""
META = """<table class="xxgk-meta" width="100%"><tr><td>索&nbsp;引&nbsp;号：</td><td>11330382MB1234567X/2024-00012</td>
<td>分类：</td><td>政府信息公开年报</td></tr><tr><td>发布机构：</td><td>某市某某局</td><td>生成日期：</td><td>2024-01-18</td></tr>
<tr><td>文&nbsp;&nbsp;号：</td><td></td><td>有效性：</td><td>有效</td></tr></table>"""
FOOTER = """<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a>
<span>字号：<a>大</a> <a>中</a> <a>小</a></span></div>
<div class="related"><h4>相关链接</h4><ul><li><a href="/nb/2022.html">上一篇：某市某某局2022年政府信息公开工作年度报告</a></li></ul></div>
<div class="footer"><p>主办单位：某市人民政府办公室&nbsp;&nbsp;承办单位：某市大数据发展管理局</p>
<p>网站标识码：3303820001&nbsp;&nbsp;浙ICP备12345678号&nbsp;&nbsp;浙公网安备 33038202000123号</p>
<script>var _hmt = _hmt || []; document.write("<p>访问量：123456</p>");</script></div>"""


def _label(text: str, broken: bool, separator: str = "<br>\n") -> str:
    """A label as pasted from Word: escaped, and broken over lines where Word wrapped it
    (with ``<br>``, or only a line break in the page's source, which a browser shows as a space)."""
    out = html.escape(text).replace("\n", "<br>")
    if broken and len(text) > 8 and "\n" not in text:
        middle = len(text) // 2
        out = html.escape(text[:middle]) + separator + html.escape(text[middle:])
    return out


def table_html(report: Report, table_ids: tuple[str, ...], style: Style, *, broken_labels: bool = True,
               empty: str = "&nbsp;", separator: str = "<br>\n") -> str:
    """One ``<table>`` holding the grids of *table_ids* one under the other (Word's paste)."""
    form = get_form()
    values = official_values(report)
    width = max(form.tables[t].n_cols for t in table_ids)
    rows = []
    for table_id in table_ids:
        for grid_row in table_rows(table_id, values, style):
            cells = []
            for c, item in enumerate(grid_row):
                if item is None:
                    continue
                text, rowspan, colspan = item
                if len(table_ids) > 1 and c + colspan == form.tables[table_id].n_cols:
                    colspan += width - form.tables[table_id].n_cols  # a narrower table stretched to the width
                spans = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
                shown = _label(text, broken_labels, separator) if text else empty
                cells.append(f'<td{spans} valign="center" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt">'
                             f'<p class="MsoNormal" align="center" style="text-align:center"><span style="font-size:'
                             f'10.5pt;font-family:宋体">{shown}</span></p></td>')
            rows.append("<tr>" + "".join(cells) + "</tr>")
    return ('<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" '
            'style="border-collapse:collapse;border:none">\n' + "\n".join(rows) + "\n</table>")


def _paragraph(text: str, bold: bool = False) -> str:
    inner = html.escape(text)
    if bold:
        inner = f"<strong>{inner}</strong>"
    return (f'<p style="text-indent:2em;line-height:2;font-family:仿宋_GB2312;font-size:16px">'
            f"\u3000\u3000{inner}</p>")


def body_html(report: Report, table: Callable[[tuple[str, ...]], str], *, tables_together: bool = False) -> str:
    """The report's text and tables as the content system's article body."""
    form = get_form()
    parts = [_paragraph(report.texts["preamble"])] if report.texts.get("preamble") else []
    for section in form.sections:
        parts.append(_paragraph(section.heading, bold=True))
        if section.table:
            if not tables_together:
                parts.append(table((section.table,)))
            elif section.table == "proactive":
                parts.append(table(("proactive", "requests", "appeals")))
        for line in report.texts.get(section.id, "").split("\n"):
            if line:
                parts.append(_paragraph(line, bold=line.startswith("（")))
    return "\n".join(parts)


def trs_page(report: Report, style: Style | None = None) -> str:
    """A UTF-8 page: the title in an <h1> above the article's TRS_Editor div."""
    style = style or Style()
    title = f"{report.agency}{report.year}年政府信息公开工作年度报告"
    body = body_html(report, lambda ids: table_html(report, ids, style))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}_某市人民政府门户网站</title>
<style>.nav li {{ display: inline; }} .TRS_Editor p {{ margin: 0; }}</style>
<script src="/js/jquery.min.js"></script></head>
<body>{NAV}
<div class="main"><div class="article">{META}
<h1 class="title">{title}</h1>
<div class="info">来源：某市某某局&nbsp;&nbsp;发布时间：2024-01-18 09:30&nbsp;&nbsp;浏览次数：<span id="hits">0</span></div>
<div class="TRS_Editor" id="zoom">
{body}
</div>
<div style="display:none">隐藏的统计代码 123</div>
</div></div>
{FOOTER}
</body></html>"""


def gbk_layout_page(report: Report, style: Style | None = None) -> bytes:
    """An older site: GB2312, the page laid out in nested tables, the three tables as one."""
    style = style or Style()
    title = f"{report.agency}{report.year}年政府信息公开工作年度报告"
    body = body_html(report, lambda ids: table_html(report, ids, style, empty="", separator="\r\n\t\t"),
                     tables_together=True)
    page = f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{title}</title></head>
<body><table width="980" align="center" border="0"><tr><td>{NAV}</td></tr>
<tr><td><table width="100%" border="0"><tr><td class="bt" align="center"><font size="5"><b>{title}</b></font></td></tr>
<tr><td align="center">发布日期：2024-01-20　　信息来源：某市某某局</td></tr>
<tr><td class="zw">{body}</td></tr></table></td></tr>
<tr><td>{FOOTER}</td></tr></table></body></html>"""
    return page.encode("gb2312", errors="strict")


def mhtml(page_html: str) -> bytes:
    """A page saved by a browser as a single file (.mhtml): quoted-printable UTF-8."""
    encoded = quopri.encodestring(page_html.encode("utf-8")).decode("ascii")
    return ("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.example.gov.cn/art/2024/1/18/art_1.html\r\n"
            "Subject: =?utf-8?Q?report?=\r\nMIME-Version: 1.0\r\n"
            'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----MultipartBoundary--abc"\r\n\r\n'
            "------MultipartBoundary--abc\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            "Content-Location: https://www.example.gov.cn/art/2024/1/18/art_1.html\r\n\r\n"
            f"{encoded}\r\n\r\n------MultipartBoundary--abc\r\nContent-Type: image/png\r\n"
            "Content-Transfer-Encoding: base64\r\nContent-Location: https://www.example.gov.cn/logo.png\r\n\r\n"
            "iVBORw0KGgo=\r\n\r\n------MultipartBoundary--abc--\r\n").encode("ascii")
