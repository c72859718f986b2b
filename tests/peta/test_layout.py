"""What each map shows, checked as data (the counts the title and legend print), not pixels."""

from __future__ import annotations

import math

import pytest

from rwassign.peta.draw import legend_entries, notes, title_lines
from rwassign.peta.layout import KM_PER_DEGREE, MapContent, Projection, build_maps
from tests.builders import BASE, north
from tests.peta.hand import A2, ANDI, BAYU, DEDI, EKA, G1, G2, INSTANCE, T1, T2, T3, hand_plan

Maps = tuple[MapContent, ...]


@pytest.fixture(scope="module")
def maps() -> Maps:
    return build_maps(INSTANCE, hand_plan())


def test_the_whole_polres_first_then_each_polsek_by_name(maps: Maps) -> None:
    assert [m.polsek for m in maps] == [None, "Polsek Amen", "Polsek Lebong Utara"]


def test_counts_of_the_whole_polres(maps: Maps) -> None:
    # covered: T1, G1 (Andi), T2 (Bayu), A2 (Citra); open: T3 Tinggi, G2 Sedang, A1 Rendah.
    # Homes: Andi and Bayu (Citra has no point); reserve: Dedi; Eka is not eligible.
    # Lines: Andi->T1, Andi->G1, Bayu->T2 (Citra's A2 has no point, nor has she).
    assert maps[0].counts == {
        "units": 7, "covered": 4, "open": 3, "open_3": 1, "open_2": 1, "open_1": 1,
        "members": 3, "homes": 2, "reserve": 1, "lines": 3, "units_without_point": 1,
        "members_without_point": 1, "spread": 2,
    }  # fmt: skip
    assert {h.officer_index for h in maps[0].homes} == {ANDI, BAYU, DEDI}
    assert EKA not in {h.officer_index for h in maps[0].homes}


def test_each_polsek_counts_its_own_units_and_members(maps: Maps) -> None:
    amen, utara = maps[1].counts, maps[2].counts
    assert (amen["units"], amen["covered"], amen["open_1"], amen["open_3"]) == (2, 1, 1, 0)
    assert (amen["members"], amen["homes"], amen["reserve"], amen["lines"]) == (1, 0, 1, 0)
    assert (amen["units_without_point"], amen["members_without_point"]) == (1, 1)
    assert (utara["units"], utara["covered"], utara["open_3"], utara["open_2"]) == (5, 3, 1, 1)
    assert (utara["members"], utara["homes"], utara["reserve"], utara["lines"]) == (2, 2, 0, 3)
    for key in ("units", "covered", "open", "open_3", "open_2", "open_1", "lines"):
        assert amen[key] + utara[key] == maps[0].counts[key], key


def test_status_of_each_unit_mark(maps: Maps) -> None:
    marks = {m.uid: m for m in maps[0].units}
    assert A2.uid not in marks  # no point: counted, never drawn somewhere invented
    assert {uid for uid, m in marks.items() if m.covered} == {T1.uid, T2.uid, G1.uid}
    assert (marks[T3.uid].covered, marks[T3.uid].priority) == (False, 3)
    assert (marks[G2.uid].covered, marks[G2.uid].priority) == (False, 2)


def test_units_on_one_point_are_spread_on_a_ring_around_it(maps: Maps) -> None:
    utara = maps[2]
    marks = {m.uid: m for m in utara.units}
    g1, g2 = marks[G1.uid], marks[G2.uid]
    assert (g1.x, g1.y) != (g2.x, g2.y)
    t1 = marks[T1.uid]
    # both 6 km north of T1 give or take the ring's radius, and symmetric about that point
    middle_y = (g1.y + g2.y) / 2 - t1.y
    assert middle_y == pytest.approx(6.0, abs=1e-6)
    radius = math.hypot(g1.x - (g1.x + g2.x) / 2, g1.y - (g1.y + g2.y) / 2)
    assert 0 < radius < 0.5
    assert (marks[T2.uid].x, marks[T2.uid].y) == pytest.approx((t1.x, t1.y + 2.0))


def test_lines_join_each_holder_to_each_unit_held(maps: Maps) -> None:
    utara = maps[2]
    marks = {m.uid: m for m in utara.units}
    homes = {h.officer_index: h for h in utara.homes}
    expected = {
        (homes[ANDI].x, homes[ANDI].y, marks[T1.uid].x, marks[T1.uid].y),
        (homes[ANDI].x, homes[ANDI].y, marks[G1.uid].x, marks[G1.uid].y),
        (homes[BAYU].x, homes[BAYU].y, marks[T2.uid].x, marks[T2.uid].y),
    }
    assert set(utara.lines) == expected


def test_projection_keeps_kilometres_both_ways() -> None:
    proj = Projection(BASE.lat, BASE.lng)
    assert proj.xy(north(3).lat, BASE.lng) == pytest.approx((0.0, 3.0))
    # one degree east at 3.1 degrees south is cos(3.1 deg) of a degree north
    x, y = proj.xy(BASE.lat, BASE.lng + 1)
    assert (x, y) == pytest.approx((KM_PER_DEGREE * math.cos(math.radians(BASE.lat)), 0.0))


def test_legend_shows_each_status_with_its_count(maps: Maps) -> None:
    labels = [label for label, _ in legend_entries(maps[2], "id")]
    assert labels == [
        "RW/dusun terisi (3)",
        "RW/dusun kosong, Tinggi (1)",
        "RW/dusun kosong, Sedang (1)",
        "rumah personel bertugas (2)",
        "personel -> RW/dusun yang dipegang (3)",
        "RW/dusun Polsek lain",
    ]
    styles = dict(legend_entries(maps[0], "en"))
    assert styles["covered unit (4)"] is not styles["open unit, Tinggi (1)"]
    assert "home of a reserve member (1)" in styles


def test_title_and_notes_name_what_is_not_drawn(maps: Maps) -> None:
    title, sub = title_lines(maps[1], "POLRES UJI", "id")
    assert title == "Peta cakupan Polisi RW: Polsek Amen"
    assert sub.startswith("2 RW/dusun: 1 terisi, 1 kosong (Tinggi 0, Sedang 0, Rendah 1)")
    assert title_lines(maps[0], "POLRES UJI", "en")[0] == (
        "Polisi RW coverage map: POLRES UJI (whole Polres)"
    )
    said = " ".join(notes(maps[1], "id"))
    assert "1 RW/dusun tanpa koordinat" in said
    assert "1 personel bertugas tanpa titik rumah" in said


def test_without_a_priority_column_open_units_are_one_entry() -> None:
    import dataclasses

    from rwassign.model import Instance

    flat = Instance(
        INSTANCE.name,
        tuple(dataclasses.replace(u, priority=1) for u in INSTANCE.units),
        INSTANCE.officers,
    )
    whole = build_maps(flat, dataclasses.replace(hand_plan(), instance=flat))[0]
    labels = [label for label, _ in legend_entries(whole, "id")]
    assert "RW/dusun kosong (3)" in labels
    assert not any("Tinggi" in label for label in labels)
    assert "Tinggi" not in title_lines(whole, "X", "id")[1]
