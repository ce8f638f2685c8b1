"""Emptying the formatting of a Word document's runs, paragraphs and cells before it is parsed.

In the XML that Word, WPS, LibreOffice and ReportDesk's own writer produce, most of the
bytes of ``word/document.xml`` are formatting: each run's ``<w:rPr>`` (fonts, sizes,
language) and each paragraph's ``<w:pPr>`` (spacing, indents, alignment).  The reader
never looks at any of it, yet lxml builds an element and its attributes for every
byte: parsing is about two thirds of a heavily formatted file's reading time.  A
document repeats a handful of formats hundreds of times, so emptying those elements
first (each distinct content checked once, by a regular expression) makes such a file's
parse 1.5–2 times faster, the emptying included.

Only what provably changes nothing the reader sees goes:

- the children of a ``<w:rPr>`` or ``<w:pPr>`` element whose children are all empty
  elements (``<w:sz w:val="21"/>``) with plain attributes; one with children of its own
  (``<w:tabs>``, ``<w:numPr>``), text, white space or anything unusual is left as it is;
- none of those children is an element the reader reads (``w:t``, ``w:tab``, ``w:br``,
  ``w:p``, ``w:gridSpan`` …: :data:`_READ`), whatever namespace ``w`` stands for there
  (an element of another namespace is never read at all); a paragraph's ``w:pStyle`` is kept;
- the elements are emptied, not removed: ``<w:rPr/>`` and ``<w:pPr/>`` stay where they
  were, so that the text on either side of one never joins (an element's text ends at its
  first child: ``<w:t>1<w:rPr></w:rPr>2</w:t>`` reads "1"), and a paragraph's first
  ``w:pPr``, the one the reader asks for a style, is still its first; only an emptied
  ``<w:rPr/>`` that opens a run (``<w:r><w:rPr/>``) goes, its parent ``w:r`` holding no text;
- a cell's width and vertical alignment, and ``xml:space`` on a text, go only where the markup
  beside them names their parent (:func:`_trim`);
- nothing goes from a part with a comment, a CDATA section or a DTD (``<!``: markup could
  hide there), one not in UTF-8, or one whose root element does not declare the prefix ``w``.

What goes would also have been well-formed: every attribute is ``w:name="…"``, no name
twice in an element, and its value holds printable ASCII (without ``"``, ``&``, ``<``) and
characters of two or three bytes in UTF-8 that XML allows, so that no file the parser would
refuse is read because its fault was in the formatting.  The parser and its hardening
(:func:`reportdesk.documents.safety.parse_xml`) are the same; a part whose lean text does not
parse is parsed as it is, so that its error message (line, column) is the file's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: Local names of the elements the reader reads (docx_reader's walks look for these).
_READ = (
    "t", "tab", "br", "cr", "p", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "gridSpan", "vMerge",
    "hMerge", "gridBefore", "pPr", "pStyle", "rPr", "trPr", "tcPr", "tblPr", "body", "document",
)
# An attribute value: printable ASCII but " & <, and characters of two or three bytes in UTF-8 that
# XML allows (font names: 宋体, ＭＳ 明朝); nothing that could be invalid UTF-8 or an invalid XML character.
_VALUE = (rb'"(?:[\x20\x21\x23-\x25\x27-\x3b\x3d-\x7e]++|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]'
          rb'|[\xe1-\xec\xee][\x80-\xbf][\x80-\xbf]|\xed[\x80-\x9f][\x80-\xbf]'
          rb'|\xef(?:[\x80-\xbe][\x80-\xbf]|\xbf[\x80-\xbd]))*+"')
_ATTR = rb" w:[A-Za-z]++=" + _VALUE
_EMPTY = rb"<w:(?!(?:" + "|".join(_READ).encode() + rb")[ /])[A-Za-z]++(?:" + _ATTR + rb")*+/>"
_STYLE = rb"<w:pStyle(?:" + _ATTR + rb")*+/>"
_RUN_BODY = re.compile(rb"(?:" + _EMPTY + rb")*+")
# The paragraph mark's run properties, emptied first, go with the rest (no text stands between them).
_PARAGRAPH_BODY = re.compile(rb"(?:" + _EMPTY + rb"|" + _STYLE + rb"|<w:rPr/>)*+")
_STYLES = re.compile(_STYLE)
_NAME = re.compile(rb' (w:[A-Za-z]++)="')  # in an accepted element: a value holds no '"'
_ROOT = re.compile(rb"\A(?:\xef\xbb\xbf)?(?:<\?xml[^>]*\?>\s*)?<w:[A-Za-z]+(?: [^<>]*)?>")
_DECLARATION = re.compile(rb"\A(?:\xef\xbb\xbf)?<\?xml([^>]*)\?>")
_UTF8 = re.compile(rb"""encoding\s*=\s*["']utf-8["']""", re.IGNORECASE)


def lean(data: bytes) -> bytes:
    """*data* with the formatting the reader never reads emptied (*data* itself when nothing may go)."""
    if b"!" in data and b"<!" in data:  # the one byte is found fast; "<!" only where text has a "!"
        return data
    declaration = _DECLARATION.match(data)
    if declaration is not None and b"encoding" in declaration.group(1) and not _UTF8.search(declaration.group(1)):
        return data
    root = _ROOT.match(data)
    if root is None or b' xmlns:w="' not in root.group():
        return data
    runs = _drop(data, b"<w:rPr>", b"</w:rPr>", _run_body)
    if runs is not data:  # an emptied run formatting that opens its run goes (its parent w:r holds no text)
        runs = runs.replace(b"<w:r><w:rPr/>", b"<w:r>")
    return _trim(_drop(runs, b"<w:pPr>", b"</w:pPr>", _paragraph_body))


# A cell's width, the first of its properties, and its vertical alignment, the last: one of each in nearly
# every cell of every table.  The values are those the schema allows, in either order of the two attributes
# of a width, so that what goes was well-formed (no attribute twice).
_CELL_WIDTH = re.compile(rb'<w:tcPr><w:tcW (?:w:w="[0-9]{1,9}" w:type="[a-z]{1,4}"|w:type="[a-z]{1,4}" w:w="[0-9]{1,9}")/>')
_CELL_ALIGNMENT = re.compile(rb'<w:vAlign w:val="[a-z]{1,6}"/></w:tcPr>')


def _trim(data: bytes) -> bytes:
    """*data* without what is left of the formatting where it stands beside known markup only.

    Each goes by one search in C (``bytes.replace``, a regular expression with a fixed replacement),
    not element by element: the parse spends more on an element's attributes than on its text.
    Each is an empty element or an attribute whose parent the markup around it names (``w:tcPr``,
    ``w:t``), so no text that the reader reads is beside it:

    - ``xml:space="preserve"`` on ``w:t`` (the parser keeps white space in any case);
    - a cell's width (``w:tcW``) when it opens the cell's properties, and its vertical alignment
      (``w:vAlign``) when it ends them.
    """
    data = data.replace(b'<w:t xml:space="preserve">', b"<w:t>")
    if b"<w:tcPr><w:tcW " in data:
        data = _CELL_WIDTH.sub(b"<w:tcPr>", data)
    if b"<w:vAlign " in data:
        data = _CELL_ALIGNMENT.sub(b"</w:tcPr>", data)
    return data


def _run_body(body: bytes) -> bytes | None:
    return b"<w:rPr/>" if _RUN_BODY.fullmatch(body) and _distinct_names(body) else None


def _paragraph_body(body: bytes) -> bytes | None:
    """The paragraph properties' replacement: ``w:pStyle`` kept (the reader reads it), the rest gone."""
    if not _PARAGRAPH_BODY.fullmatch(body) or not _distinct_names(body):
        return None
    styles = _STYLES.findall(body) if b"<w:pStyle" in body else None
    return b"<w:pPr>" + b"".join(styles) + b"</w:pPr>" if styles else b"<w:pPr/>"


_KNOWN_LIMIT = 1024  # distinct contents remembered in one part (a document has a handful)


def _distinct_names(body: bytes) -> bool:
    """Whether no element of an accepted content gives an attribute twice (the parser refuses that)."""
    for element in body.split(b"<w:")[1:]:  # one element each: no value holds a "<"
        names = _NAME.findall(element)
        if len(names) != len(set(names)):
            return False
    return True


def _drop(data: bytes, start: bytes, end: bytes, replacement: Callable[[bytes], bytes | None]) -> bytes:
    """*data* with each innermost ``start … end`` element whose content *replacement* accepts replaced.

    The same content is looked at once per part (a document repeats a few formats many times).  The
    part is cut at every *start*: an element's end is looked for only in its own piece, up to the next
    start (there an element holds another, and the inner one is looked at next), so that every byte
    is searched once.
    """
    pieces = data.split(start)
    if len(pieces) == 1:
        return data
    out = [pieces[0]]
    known: dict[bytes, bytes | None] = {}
    changed = False
    for piece in pieces[1:]:
        body, closed, rest = piece.partition(end)
        if closed:
            if body in known:
                new = known[body]
            else:
                new = replacement(body)
                if len(known) < _KNOWN_LIMIT:
                    known[body] = new
            if new is not None:
                out.append(new)
                out.append(rest)
                changed = True
                continue
        out.append(start)
        out.append(piece)
    return b"".join(out) if changed else data
