"""The sample Polres's maps: one of the whole Polres and one per Polsek, every unit counted
once, the Polsek maps adding up to the whole."""

from __future__ import annotations

from pathlib import Path

import pytest

import rwassign
from rwassign.peta import MapImage, draw_maps

SAMPLE = Path(__file__).parents[2] / "data" / "samples" / "polres_lebong.xlsx"


@pytest.fixture(scope="module")
def sample_maps(tmp_path_factory: pytest.TempPathFactory) -> tuple[MapImage, ...]:
    plan = rwassign.solve(rwassign.read(SAMPLE))
    folder = tmp_path_factory.mktemp("sampel")
    return draw_maps(plan.result.instance, plan.result, folder, "polres_lebong-penugasan")


def test_one_map_per_polsek_and_one_of_the_whole(sample_maps: tuple[MapImage, ...]) -> None:
    polsek = sorted({u.polsek for u in rwassign.read(SAMPLE).instance.units})
    assert [m.polsek for m in sample_maps] == [None, *polsek]
    assert len(sample_maps) == 10
    assert all(m.path.is_file() and m.path.stat().st_size > 30_000 for m in sample_maps)


def test_polsek_maps_add_up_to_the_whole(sample_maps: tuple[MapImage, ...]) -> None:
    whole, parts = sample_maps[0].counts, sample_maps[1:]
    assert (whole["units"], whole["covered"], whole["open"]) == (373, 314, 59)
    for key in ("units", "covered", "open", "open_3", "open_2", "open_1", "lines", "spread"):
        assert sum(m.counts[key] for m in parts) == whole[key], key
    # a member may hold units of two Polsek, so members add up to at least the whole's
    assert sum(m.counts["members"] for m in parts) >= whole["members"] == 157
    assert whole["homes"] + whole["members_without_point"] == whole["members"]
