"""Messages of the optimality certificate's re-check (``rwassign.checker.check_certificate``).

Entries follow :mod:`rwassign.i18n`: ``(id, en)`` or ``(id, en, id_hint, en_hint)``.
"""

from __future__ import annotations

from rwassign.i18n.entry import Entry

MESSAGES: dict[str, Entry] = {
    "check.cert_negative_price": (
        "sertifikat optimalitas memuat harga dual negatif untuk {what}",
        "the optimality certificate holds a negative dual price for {what}",
    ),
    "check.cert_pair_above_price": (
        "sertifikat optimalitas tidak sah: pasangan NRP {nrp} - unit {unit} bernilai {value}, "
        "di atas harga dualnya {price}",
        "the optimality certificate is not valid: pair NRP {nrp} - unit {unit} is worth "
        "{value}, above its dual price {price}",
    ),
    "check.cert_not_tight": (
        "sertifikat optimalitas tidak sah: pasangan rencana NRP {nrp} - unit {unit} bernilai "
        "{value}, tidak sama dengan harga dualnya {price}",
        "the optimality certificate is not valid: plan pair NRP {nrp} - unit {unit} is worth "
        "{value}, not its dual price {price}",
    ),
    "check.cert_idle_price": (
        "sertifikat optimalitas tidak sah: {what} berharga dual {price} padahal tidak penuh",
        "the optimality certificate is not valid: {what} has dual price {price} but is not full",
    ),
    "check.cert_value": (
        "sertifikat optimalitas tidak sah: nilai rencana {primal} tidak sama dengan batas dual "
        "{dual}",
        "the optimality certificate is not valid: the plan is worth {primal}, not the dual "
        "bound {dual}",
    ),
    "check.cert_unit": ("unit {unit}", "unit {unit}"),
    "check.cert_member": ("personel NRP {nrp}", "member NRP {nrp}"),
}
