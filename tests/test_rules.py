"""Eligibility rules of ``rwassign.rules``: one satisfied and one violated case per rule, the
three-valued verdict (an unknown fact passes and is reported, never silently), and the policy
switches (allow_pamen, require_training, min_service_years, excluded_units)."""

from __future__ import annotations

import pytest

from rwassign import rules
from rwassign.model import Officer
from rwassign.settings import Settings
from tests.builders import instance, officer, unit

DEFAULT = Settings()


def test_catalogue_lists_every_eligibility_rule() -> None:
    """Every eligibility function has a catalogue entry naming the roster column it needs (for
    the "cannot be checked" warning), and only eligibility rules name one, so the checker, the
    output and the solver speak of the same rules."""
    assert set(rules.ELIGIBILITY) <= set(rules.RULES)
    with_column = {r.id for r in rules.RULES.values() if r.column}
    assert with_column == set(rules.ELIGIBILITY)
    assert set(rules.ELIGIBILITY) == {
        "pangkat",
        "bhabinkamtibmas",
        "pelatihan",
        "masa_dinas",
        "status_aktif",
        "satuan_dikecualikan",
    }


# --- one satisfied and one violated case per rule -------------------------------------------

PASS_FAIL: list[tuple[str, Officer, Officer]] = [
    ("pangkat", officer(0, "87050123", "BRIPKA"), officer(0, "87050123", "BHARADA")),
    (
        "bhabinkamtibmas",
        officer(0, "87050123", bhabinkamtibmas=False),
        officer(0, "87050123", bhabinkamtibmas=True),
    ),
    ("pelatihan", officer(0, "87050123", trained=True), officer(0, "87050123", trained=False)),
    (
        "masa_dinas",
        officer(0, "87050123", service_years=8.0),
        officer(0, "87050123", service_years=3.0),
    ),
    ("status_aktif", officer(0, "87050123", active=True), officer(0, "87050123", active=False)),
    (
        "satuan_dikecualikan",
        officer(0, "87050123", kesatuan="SAT LANTAS"),
        officer(0, "87050123", kesatuan="SIDOKKES"),
    ),
]

EXCLUDING = Settings(excluded_units=("DOKKES",))


@pytest.mark.parametrize(("rule_id", "good", "bad"), PASS_FAIL, ids=[p[0] for p in PASS_FAIL])
def test_rule_satisfied_and_violated(rule_id: str, good: Officer, bad: Officer) -> None:
    check = rules.ELIGIBILITY[rule_id]
    assert check(good, EXCLUDING) is True
    assert check(bad, EXCLUDING) is False
    # evaluate() names exactly that rule for the bad row and nothing for the good one
    elig = rules.evaluate(instance([unit()], [good, officer(1, "88070678")]), EXCLUDING)
    assert elig.eligible == (True, True)
    elig = rules.evaluate(instance([unit()], [bad]), EXCLUDING)
    assert elig.eligible == (False,)
    assert elig.failed == ((rule_id,),)


@pytest.mark.parametrize(
    ("pangkat", "ok"),
    [
        ("IPDA", True),  # Perwira Pertama
        ("AKP", True),
        ("AIPTU", True),  # Bintara
        ("BRIPDA", True),
        ("KOMPOL", False),  # Perwira Menengah: not by default
        ("BRIGJEN", False),  # Perwira Tinggi: never
        ("ABRIP", False),  # Tamtama
        ("PENATA", False),  # PNS
        ("PPPK", False),  # contract staff
    ],
)
def test_rank_groups(pangkat: str, ok: bool) -> None:
    assert rules.rank_group(officer(0, "87050123", pangkat), DEFAULT) is ok


def test_unknown_rank_fails() -> None:
    """A rank text the reader did not understand is not a pass."""
    o = officer(0, "87050123")
    o = Officer(0, o.nama, o.nrp, None, rank_text="BRIGADIR KEPALA XYZ")
    assert rules.rank_group(o, DEFAULT) is False


def test_allow_pamen() -> None:
    kompol = officer(0, "75010123", "KOMPOL")
    assert rules.rank_group(kompol, DEFAULT) is False
    assert rules.rank_group(kompol, Settings(allow_pamen=True)) is True
    # Pati stays out even then
    assert rules.rank_group(officer(0, "70010123", "BRIGJEN"), Settings(allow_pamen=True)) is False


def test_allow_pamen_is_warned() -> None:
    s = Settings(allow_pamen=True)
    inst = instance([unit()], [officer(0, "75010123", "KOMPOL")])
    codes = [p.code for p in rules.run_warnings(inst, s, rules.evaluate(inst, s))]
    assert "run.pamen_allowed" in codes


def test_require_training_false_accepts_untrained() -> None:
    untrained = officer(0, "87050123", trained=False)
    assert rules.trained(untrained, DEFAULT) is False
    assert rules.trained(untrained, Settings(require_training=False)) is True
    # and the rule is then not "unchecked" even if no row records training
    inst = instance([unit()], [officer(0, "87050123", trained=None)])
    assert "pelatihan" not in rules.evaluate(inst, Settings(require_training=False)).unchecked


def test_require_active_false_accepts_inactive() -> None:
    assert rules.active(officer(0, "87050123", active=False), Settings(require_active=False))


@pytest.mark.parametrize(
    ("status", "verdict"),
    [("AKTIF", True), ("aktif ", True), ("Dinas", True), ("CUTI", False), ("DIK", False)],
)
def test_status_text_when_no_flag(status: str, verdict: bool) -> None:
    o = officer(0, "87050123", active=None, status=status)
    assert rules.active(o, DEFAULT) is verdict


@pytest.mark.parametrize(
    ("years", "ok"), [(4.99, False), (5.0, True), (5.01, True), (0.0, False), (30.0, True)]
)
def test_min_service_years_boundary(years: float, ok: bool) -> None:
    """Exactly 5 years passes ("at least 5 years", Perpol 1/2021)."""
    assert rules.service_years(officer(0, "87050123", service_years=years), DEFAULT) is ok


def test_min_service_years_setting() -> None:
    o = officer(0, "87050123", service_years=3.0)
    assert rules.service_years(o, Settings(min_service_years=3.0)) is True
    assert rules.service_years(o, Settings(min_service_years=3.5)) is False


def test_service_rule_applies_to_bintara_only() -> None:
    """An Ipda (Perwira Pertama) with little service passes: the 5-year rule is for Bintara."""
    assert rules.service_years(officer(0, "95010123", "IPDA", service_years=1.0), DEFAULT)


@pytest.mark.parametrize(
    ("kesatuan", "jabatan", "excluded"),
    [
        ("SIDOKKES", "", True),  # DOKKES matches SIDOKKES
        ("POLRES LEBONG", "KASI DOKKES", True),  # Jabatan is read too
        ("SAT BINMAS", "BA BINMAS", False),
        ("", "", False),
    ],
)
def test_excluded_units_substring(kesatuan: str, jabatan: str, excluded: bool) -> None:
    o = officer(0, "87050123", kesatuan=kesatuan, jabatan=jabatan)
    assert rules.not_excluded_unit(o, EXCLUDING) is (not excluded)


def test_excluded_units_empty_by_default() -> None:
    assert rules.not_excluded_unit(officer(0, "87050123", kesatuan="SIDOKKES"), DEFAULT) is True


# --- unknown facts: None passes and is reported -----------------------------------------------


@pytest.mark.parametrize(
    ("rule_id", "blank"),
    [
        ("bhabinkamtibmas", {"bhabinkamtibmas": None}),
        ("pelatihan", {"trained": None}),
        ("masa_dinas", {"service_years": None}),
        ("status_aktif", {"active": None, "status": None}),
    ],
)
def test_unknown_fact_passes_and_is_reported(rule_id: str, blank: dict[str, None]) -> None:
    """A fact the roster does not record gives ``None``: the officer stays eligible.  When the
    whole roster lacks it, the rule is listed in ``unchecked`` (one warning for the run); when
    only some rows lack it, ``unknown_counts`` counts them."""
    check = rules.ELIGIBILITY[rule_id]
    blank_a = officer(0, "87050123", **blank)  # type: ignore[arg-type]
    blank_b = officer(1, "88070678", **blank)  # type: ignore[arg-type]
    assert check(blank_a, DEFAULT) is None

    whole = rules.evaluate(instance([unit()], [blank_a, blank_b]), DEFAULT)
    assert whole.eligible == (True, True)
    assert rule_id in whole.unchecked
    assert rule_id not in whole.unknown_counts

    some = rules.evaluate(instance([unit()], [blank_a, officer(1, "88070678")]), DEFAULT)
    assert some.eligible == (True, True)
    assert rule_id not in some.unchecked
    assert some.unknown_counts == {rule_id: 1}


def test_unknown_facts_are_warned_once() -> None:
    inst = instance(
        [unit()],
        [
            officer(0, "87050123", trained=None),
            officer(1, "88070678", trained=None, bhabinkamtibmas=None),
            officer(2, "89010234", trained=None),
        ],
    )
    elig = rules.evaluate(inst, DEFAULT)
    assert elig.unchecked == ("pelatihan",)
    assert elig.unknown_counts == {"bhabinkamtibmas": 1}
    warnings = rules.run_warnings(inst, DEFAULT, elig)
    assert [(p.code, p.params.get("count")) for p in warnings] == [
        ("run.rule_unchecked", None),
        ("run.rule_partly_unchecked", 1),
    ]


def test_service_rule_unchecked_counts_bintara_only() -> None:
    """Only Bintara rows can be checked for service; a Perwira without TMT does not make the
    rule "partly checked", and Bintara rows all blank make it unchecked."""
    inst = instance(
        [unit()],
        [
            officer(0, "87050123", service_years=None),
            officer(1, "95010123", "IPDA", service_years=None),
        ],
    )
    assert "masa_dinas" in rules.evaluate(inst, DEFAULT).unchecked


def test_no_bintara_means_service_rule_not_unchecked() -> None:
    inst = instance([unit()], [officer(0, "95010123", "IPDA", service_years=None)])
    elig = rules.evaluate(inst, DEFAULT)
    assert "masa_dinas" not in elig.unchecked
    assert elig.eligible == (True,)


def test_empty_roster_has_nothing_unchecked() -> None:
    elig = rules.evaluate(instance([unit()], []), DEFAULT)
    assert elig.eligible == ()
    assert elig.unchecked == ()
    assert elig.unknown_counts == {}


def test_several_failures_are_all_named() -> None:
    o = officer(0, "99010123", "BHARADA", bhabinkamtibmas=True, trained=False, active=False)
    elig = rules.evaluate(instance([unit()], [o]), DEFAULT)
    assert elig.failed == (("pangkat", "bhabinkamtibmas", "pelatihan", "status_aktif"),)


def test_eligible_mask() -> None:
    inst = instance([unit()], [officer(0, "87050123"), officer(1, "99010123", "BHARADA")])
    assert rules.eligible_mask(inst, DEFAULT) == [True, False]


def test_excluded_units_normalised_on_construction() -> None:
    from rwassign.settings import Settings

    assert Settings(excluded_units=(" dokkes ",)).excluded_units == ("DOKKES",)


def test_instance_rejects_officer_index_out_of_place() -> None:
    import pytest

    from rwassign.model import Instance
    from tests.builders import officer

    with pytest.raises(ValueError, match="roster position"):
        Instance("T", (), (officer(0, "80010001"), officer(5, "80010002")))
