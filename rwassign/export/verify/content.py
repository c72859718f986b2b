"""What ``verify`` checks the same way in a PDF and an XLSX: the embedded content and its
fingerprint, and the signature record.

The format modules read a file into a :class:`Reading` (what they found, and every finding
so far); :func:`rwassign.export.verify.verify_file` turns it into the ``Verdict``.  The
reading is the one mutable piece: the checks of a format add to it in turn, and a later check
needs what an earlier one found (the rebuilt document, the fingerprint).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from rwassign import i18n
from rwassign.export import signing
from rwassign.export.document import Document, document_from_canonical, fingerprint_of


@dataclass(frozen=True)
class Finding:
    """One message (code + parameters) of the verification."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class Reading:
    """What the checks of one file found so far."""

    fingerprint: str | None = None
    problems: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    document: Document | None = None
    signature: Any = None  # the embedded signature record (dict), "damaged", or None
    from_pages: bool = False  # the data was dropped: the fingerprint is the one printed
    claimed_key: str | None = None  # the signing key the pages name, when the data was dropped

    def fail(self, code: str, **params: Any) -> None:
        """Record a finding; whether it makes the file *berubah* or only *ditulis ulang* is
        the table's to say (``kinds.FINDINGS``), not the caller's."""
        self.problems.append(Finding(code, params))

    def note(self, code: str, **params: Any) -> None:
        self.notes.append(Finding(code, params))

    @property
    def signature_record(self) -> dict[str, Any] | None:
        """The signature record when it could be read, for rebuilding what was printed."""
        return self.signature if isinstance(self.signature, dict) else None


#: Where a copy of the fingerprint is recorded beside the data, and whether another program
#: drops it when it saves the file again (document properties: yes; our data sheet: no).
WHERE_DROPPABLE = {
    "verify.where.pdf_properties": True,
    "verify.where.xlsx_properties": True,
    "verify.where.data_sheet": False,
}


def load_content(res: Reading, text: str, recorded: dict[str, str | None]) -> None:
    """Hash the embedded content, compare it with each recorded fingerprint (keyed by a
    ``verify.where.*`` code), rebuild it.  A copy in the document properties that is gone was
    dropped by a re-writer; one that differs was edited."""
    actual = fingerprint_of(text)
    res.fingerprint = actual
    for where, value in recorded.items():
        if value is None and WHERE_DROPPABLE[where]:
            res.fail("verify.form.fingerprint_dropped", where=i18n.both(where))
        elif value != actual:
            res.fail(
                "verify.fingerprint_mismatch",
                actual=actual[:16],
                recorded=(value or "-")[:16],
                where=i18n.both(where),
            )
    try:
        res.document = document_from_canonical(text)
    except ValueError as exc:
        res.fail("verify.embedded_damaged", detail=str(exc))


def check_signature(res: Reading, trusted: Ed25519PublicKey | None) -> None:
    """A signature record must sign the fingerprint (by ``trusted`` when given); a file
    without one fails only when a trusted key was given.  When a re-writer dropped the data,
    the signature went with it: the key the pages name is reported, and must be ``trusted``
    when one is given, but the signature itself cannot be checked."""
    if res.from_pages:
        if res.claimed_key is None:
            if trusted is not None:
                res.fail("verify.unsigned")
            return
        res.note("verify.signature_lost", key_id=res.claimed_key)
        if trusted is not None and signing.key_id(trusted) != res.claimed_key:
            res.fail(
                "verify.signature_other_key",
                key_id=res.claimed_key,
                trusted=signing.key_id(trusted),
            )
        return
    record = res.signature
    if record is None:
        if trusted is not None:
            res.fail("verify.unsigned")
        return
    if not isinstance(record, dict):
        res.fail("verify.signature_bad", detail="signature record damaged")
        return
    assert res.fingerprint is not None
    ok, detail = signing.check(record, res.fingerprint, trusted)
    if not ok:
        res.fail("verify.signature_bad", detail=detail)
    elif trusted is not None:
        res.note("verify.signature_ok", key_id=detail)
    else:
        res.note("verify.signature_unchecked", key_id=detail)


def parse_signature(text: str | None) -> Any:
    """The embedded signature record: a dict, ``"damaged"`` when it is no JSON, or None."""
    if not text:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return "damaged"


def listing(items: list[str], most: int = 12) -> str:
    """``a, b, c`` - at most ``most`` named, then how many more."""
    shown = ", ".join(items[:most])
    return shown + (f" (+{len(items) - most})" if len(items) > most else "")


def ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 7]`` -> ``"1-3, 7"``: a message stays one line for a 100-page document."""
    parts: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)
