"""Which finding of ``verify`` makes a file *berubah* and which only *ditulis ulang*: the one
table that decides the verdict.

A finding is one of two kinds:

- ``CHANGED`` (*berubah*, exit 6): what a reader sees or relies on differs from what rwassign
  printed: a value, a row, a detail, a hidden or unreadable part, another page setup, a picture
  or a note added, active content (actions, scripts, attachments, links, form fields), a
  signature that does not verify, or a file that cannot be read as an rwassign document.
- ``REWRITTEN`` (*ditulis ulang*, exit 7): another program saved the file again.  The printed
  text and the content still match, but the form of the file is no longer the one rwassign
  wrote: fonts embedded again, pages or the QR code redrawn, the copy of the fingerprint in the
  document properties or the embedded data itself dropped, a sheet's visibility level, a font
  name or a margin rounded the way office programs do.  The look is no longer guaranteed.

Where one kind of difference can be either (a font name, a margin, a sheet's visibility), the
check that finds it decides by the value and reports it under a code of its own: a font renamed
in every cell that used it is a re-write, in some cells an edit; a margin moved less than 1 mm
is rounding, more is another page setup; a data sheet ``hidden`` instead of ``veryHidden`` is a
re-write, ``visible`` is not.  A code missing from the table counts as ``CHANGED``, so a new
check can never pass a file as merely re-written by mistake (``tests/export/verify`` checks
that every finding code is listed).
"""

from __future__ import annotations

import enum


class Kind(enum.Enum):
    """What a finding says about the file."""

    CHANGED = "berubah"
    REWRITTEN = "ditulis_ulang"


_C, _R = Kind.CHANGED, Kind.REWRITTEN

#: The kind of every finding code of ``verify``, with why in a word.
FINDINGS: dict[str, Kind] = {
    # The file itself, its embedded content and signature.
    "verify.unreadable": _C,  # nothing to check against
    "verify.no_embedded": _C,  # no data and no fingerprint printed: not an rwassign document
    "verify.embedded_damaged": _C,
    "verify.fingerprint_mismatch": _C,  # the data or its recorded fingerprint was edited
    "verify.signature_bad": _C,
    "verify.unsigned": _C,  # a key was given, the file carries no signature
    "verify.signature_other_key": _C,  # the pages name another key than the one given
    # What is printed (both formats).
    "verify.page_fingerprint": _C,
    "verify.page_footer": _C,
    "verify.row_differs": _C,
    "verify.row_missing": _C,
    "verify.row_text_differs": _C,
    "verify.row_extra": _C,
    "verify.detail_differs": _C,
    "verify.sprin_missing": _C,
    "verify.text_extra": _C,
    "verify.nrp_unexpected": _C,
    "verify.cell_differs": _C,
    "verify.qr_unreadable": _C,  # a reader can no longer check the paper with a phone
    "verify.qr_differs": _C,
    # PDF: what is drawn, and active content.
    "verify.pdf_annotations": _C,
    "verify.pdf_pictures": _C,
    "verify.active_content": _C,
    "verify.page_size": _C,
    "verify.page_look": _C,  # rendered, the page shows something else
    "verify.page_turned": _C,
    "verify.page_scaled": _C,  # UserUnit: printed at another size
    "verify.page_boxes": _C,  # cut or shifted when shown or printed
    # XLSX: sheets, looks, print setup, drawn objects.
    "verify.sheet_extra": _C,
    "verify.sheet_state": _C,
    "verify.sheet_not_active": _C,
    "verify.row_hidden": _C,
    "verify.column_hidden": _C,
    "verify.cell_style": _C,
    "verify.conditional_format": _C,
    "verify.print_area": _C,
    "verify.print_titles": _C,
    "verify.header_footer": _C,
    "verify.page_setup": _C,
    "verify.drawings": _C,
    "verify.xlsx_parts": _C,  # macros, external links, anything the export does not write
    "verify.rich_text": _C,  # runs can hide or restyle letters of a cell
    "verify.hyperlinks": _C,
    "verify.external_links": _C,  # a link on a picture or shape, a reference out of the file
    "verify.data_validation": _C,  # prompts and pick lists show other text
    "verify.sheet_parts": _C,
    # Re-written by another program: the form changed, the content did not.
    "verify.form.fingerprint_dropped": _R,  # the copy in the document properties
    "verify.form.data_dropped": _R,  # checked against the printed fingerprint instead
    "verify.form.pages_redrawn": _R,
    "verify.form.fonts_replaced": _R,
    "verify.form.fonts_reembedded": _R,
    "verify.form.qr_redrawn": _R,  # still reads the same fingerprint
    "verify.form.data_sheet_hidden": _R,  # hidden, not very hidden: still out of sight
    "verify.form.font_renamed": _R,  # the same font renamed in every cell that used it
    "verify.form.font_named": _R,  # a font exported without a name, named by the program
    "verify.form.margin_rounded": _R,  # moved by less than 1 mm
    "verify.form.header_footer_font": _R,  # the same text, a font code dropped or renamed
}


def kind_of(code: str) -> Kind:
    """The kind of a finding code; one the table does not list counts as ``CHANGED``."""
    return FINDINGS.get(code, Kind.CHANGED)
