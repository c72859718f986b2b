"""``verify`` of an XLSX: how the ``Lampiran`` sheet prints (page headers and footers, page
setup), compared with the sheet ``build_sheet`` rebuilds from the content.

A margin moved by less than 1 mm is the rounding of a program that stores margins in its own
unit, and is reported as a re-write; any other difference is a change of how the sheet prints.
"""

from __future__ import annotations

import re
from typing import Any

from rwassign import i18n
from rwassign.export.verify.content import Reading


def yes(value: bool) -> str:
    return "ya" if value else "tidak"


_HEADER_FOOTER = (
    ("oddHeader", "verify.header_footer.odd_header"),
    ("oddFooter", "verify.header_footer.odd_footer"),
    ("evenHeader", "verify.header_footer.even_header"),
    ("evenFooter", "verify.header_footer.even_footer"),
    ("firstHeader", "verify.header_footer.first_header"),
    ("firstFooter", "verify.header_footer.first_footer"),
)
_PAGE_SETUP = {
    "orientation": "verify.setup.orientation",
    "paperSize": "verify.setup.paper_size",
    "scale": "verify.setup.scale",
    "fitToPage": "verify.setup.fit_to_page",
    "fitToWidth": "verify.setup.fit_to_width",
    "fitToHeight": "verify.setup.fit_to_height",
    "firstPageNumber": "verify.setup.first_page_number",
    "left": "verify.setup.left",
    "right": "verify.setup.right",
    "top": "verify.setup.top",
    "bottom": "verify.setup.bottom",
    "header": "verify.setup.header",
    "footer": "verify.setup.footer",
    "differentOddEven": "verify.setup.different_odd_even",
    "differentFirst": "verify.setup.different_first",
}


_MARGINS = {"left", "right", "top", "bottom", "header", "footer"}
# A margin (inches) moved by less than this (1 mm) was rounded by a program that stores margins
# in its own unit (LibreOffice: 1/100 mm, so 0.5 in becomes 13 mm = 0.5118 in).
_ROUNDING = 1 / 25.4


# A font code of a page header or footer: ``&"Arial,Regular"``.  LibreOffice drops one that
# names the workbook's default font when it saves: the text printed is the same.
_FONT_CODE = re.compile(r'&"[^"]*"')


def _mm(inches: str) -> str:
    return f"{float(inches) * 25.4:.1f} mm"


def _page_setup(ws: Any) -> dict[str, str]:
    """What decides how the sheet prints, defaults filled in, as comparable text."""
    ps, margins, hf = ws.page_setup, ws.page_margins, ws.HeaderFooter
    pr = ws.sheet_properties.pageSetUpPr

    def number(value: Any, default: float) -> str:
        return f"{float(value if value is not None else default):g}"

    first = number(ps.firstPageNumber, 1) if ps.useFirstPageNumber else "auto"
    return {
        "orientation": str(ps.orientation or "default"),
        "paperSize": number(ps.paperSize, 1),
        "scale": number(ps.scale, 100),
        "fitToPage": yes(bool(pr is not None and pr.fitToPage)),
        "fitToWidth": number(ps.fitToWidth, 1),
        "fitToHeight": number(ps.fitToHeight, 1),
        "firstPageNumber": first,
        **{k: number(getattr(margins, k), 0) for k in ("left", "right", "top", "bottom")},
        "header": number(margins.header, 0),
        "footer": number(margins.footer, 0),
        "differentOddEven": yes(bool(hf.differentOddEven)),
        "differentFirst": yes(bool(hf.differentFirst)),
    }


def check_print(res: Reading, actual: Any, expected: Any) -> None:
    """Every page header and footer, and the page setup (orientation, paper, scale, fitting,
    margins, page numbering), as exported."""
    for attr, what in _HEADER_FOOTER:
        got, want = (str(getattr(ws, attr) or "") for ws in (actual, expected))
        if got == want:
            continue
        if _FONT_CODE.sub("", got) == _FONT_CODE.sub("", want):
            res.fail("verify.form.header_footer_font", what=i18n.both(what))
        else:
            res.fail(
                "verify.header_footer",
                what=i18n.both(what),
                actual=got[:240],
                expected=want[:240],
            )
    got_setup, want_setup = _page_setup(actual), _page_setup(expected)
    for key, what in _PAGE_SETUP.items():
        if got_setup[key] == want_setup[key]:
            continue
        if key in _MARGINS and abs(float(got_setup[key]) - float(want_setup[key])) < _ROUNDING:
            res.fail(
                "verify.form.margin_rounded",
                what=i18n.both(what),
                actual=_mm(got_setup[key]),
                expected=_mm(want_setup[key]),
            )
        else:
            res.fail(
                "verify.page_setup",
                what=i18n.both(what),
                actual=got_setup[key],
                expected=want_setup[key],
            )
