"""Printable, verifiable exports of a plan: the Kapolres's Sprin and its lampiran.

``plan`` reads a plan workbook (also one edited by hand) and re-checks it against the rules;
``document`` holds the document details, the canonical form and its fingerprint; ``pdf`` and
``xlsx`` render the same ``Document``; ``signing`` makes and checks Ed25519 signatures of the
fingerprint; ``verify`` recomputes everything from a printed file; ``lampiran`` is the whole
export flow.  Imports point one way:
``rwassign.api`` -> this package -> ``rwassign.checker`` / ``rwassign.io`` -> ``rwassign.model``.
"""
