"""Ed25519 signatures of a document's fingerprint.

The fingerprint (SHA-256 of the canonical content) is what is signed, prefixed with the format
name so a signature made for something else can never pass as a lampiran signature.  The
signature record travels inside the document next to the canonical content; it carries the
public key too, but a signature is only *trusted* when ``verify --public-key`` names the key
the Polres published: an attacker can always re-sign a changed document with a key of their own.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from rwassign.export.errors import ExportError

CONTEXT = b"rwassign-lampiran/1:"
#: The context of a plan's roster facts and settings (:mod:`rwassign.io.embed`): a plan's
#: signature can never pass for a lampiran's, nor the other way round.
PLAN_CONTEXT = b"rwassign-plan-facts/1:"
ALGORITHM = "Ed25519"


def _raw(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(public: Ed25519PublicKey) -> str:
    """Short, stable name of a public key: the first 16 hex digits of SHA-256 of its bytes."""
    return hashlib.sha256(_raw(public)).hexdigest()[:16]


def write_keypair(private_path: Path) -> tuple[Path, Path, str]:
    """Make a key pair: ``private_path`` (PKCS#8 PEM, owner-only) and ``<stem>.pub.pem``.

    Refuses to overwrite either file (a lost private key cannot be recovered, and an
    overwritten one silently invalidates every document it signed).
    """
    public_path = private_path.with_name(f"{private_path.stem}.pub.pem")
    for p in (private_path, public_path):
        if p.exists():
            raise ExportError("keygen.exists", "output", path=str(p))
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    try:
        fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(private_pem)
        public_path.write_bytes(public_pem)
    except OSError as exc:
        raise ExportError(
            "export.key_unreadable", "output", path=str(private_path), detail=str(exc)
        ) from exc
    return private_path, public_path, key_id(key.public_key())


def load_private(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise ExportError("export.key_unreadable", path=str(path), detail=str(exc)) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise ExportError("export.key_unreadable", path=str(path), detail="not Ed25519")
    return key


def load_public(path: Path) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(path.read_bytes())
    except (OSError, ValueError, TypeError) as exc:
        raise ExportError("export.key_unreadable", path=str(path), detail=str(exc)) from exc
    if not isinstance(key, Ed25519PublicKey):
        raise ExportError("export.key_unreadable", path=str(path), detail="not Ed25519")
    return key


def sign(key: Ed25519PrivateKey, fingerprint: str, context: bytes = CONTEXT) -> dict[str, Any]:
    """The signature record embedded in the document."""
    signature = key.sign(context + fingerprint.encode("ascii"))
    return {
        "algorithm": ALGORITHM,
        "fingerprint": fingerprint,
        "key_id": key_id(key.public_key()),
        "public_key": base64.b64encode(_raw(key.public_key())).decode("ascii"),
        "signature": base64.b64encode(signature).decode("ascii"),
    }


def check(
    record: dict[str, Any],
    fingerprint: str,
    trusted: Ed25519PublicKey | None,
    context: bytes = CONTEXT,
) -> tuple[bool, str]:
    """(ok, detail).  Checks the record against ``fingerprint`` with ``trusted`` when given,
    else with the key in the record (integrity only, not authorship)."""
    try:
        if record.get("algorithm") != ALGORITHM:
            return False, f"algorithm {record.get('algorithm')!r}"
        if record.get("fingerprint") != fingerprint:
            return False, "signed fingerprint differs from the content"
        signature = base64.b64decode(record["signature"], validate=True)
        embedded = Ed25519PublicKey.from_public_bytes(
            base64.b64decode(record["public_key"], validate=True)
        )
    except (KeyError, TypeError, ValueError, binascii.Error) as exc:
        return False, f"signature record damaged ({exc})"
    key = trusted or embedded
    if trusted is not None and _raw(trusted) != _raw(embedded):
        return False, f"signed with key {key_id(embedded)}, not with {key_id(trusted)}"
    try:
        key.verify(signature, context + fingerprint.encode("ascii"))
    except InvalidSignature:
        return False, f"the signature does not match key {key_id(key)}"
    return True, key_id(key)
