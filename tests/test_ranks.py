"""Rank table and the tolerant rank / PANGKAT-NRP readers."""

from __future__ import annotations

import pytest

from rwassign.model import RankGroup
from rwassign.ranks import RANKS, RankMatch, by_code, parse_rank, rank_words, split_pangkat_nrp


def test_table_is_complete_and_consistent() -> None:
    codes = [r.code for r in RANKS]
    assert len(codes) == len(set(codes))
    orders = [r.order for r in RANKS]
    assert len(orders) == len(set(orders))
    per_group = {g: [r.code for r in RANKS if r.group is g] for g in RankGroup}
    assert per_group[RankGroup.PATI] == ["JENDERAL POL", "KOMJEN", "IRJEN", "BRIGJEN"]
    assert per_group[RankGroup.PAMEN] == ["KOMBES", "AKBP", "KOMPOL"]
    assert per_group[RankGroup.PAMA] == ["AKP", "IPTU", "IPDA"]
    assert per_group[RankGroup.BINTARA] == [
        "AIPTU",
        "AIPDA",
        "BRIPKA",
        "BRIGPOL",
        "BRIPTU",
        "BRIPDA",
    ]
    assert per_group[RankGroup.TAMTAMA] == [
        "ABRIP",
        "ABRIPTU",
        "ABRIPDA",
        "BHARAKA",
        "BHARATU",
        "BHARADA",
    ]
    assert len(per_group[RankGroup.PNS]) == 17
    assert "PPPK" in per_group[RankGroup.PPPK]


def test_order_is_seniority() -> None:
    # Polri above PNS above contract staff, and seniority inside each.
    assert by_code("JENDERAL POL").order > by_code("AKBP").order > by_code("BHARADA").order
    assert by_code("BHARADA").order > by_code("PEMBINA UTAMA").order > by_code("JURDA").order
    assert by_code("JURDA").order > by_code("PPPK").order
    assert by_code("AIPTU").order > by_code("BRIPKA").order > by_code("BRIGPOL").order


def test_by_code_unknown_raises() -> None:
    with pytest.raises(KeyError):
        by_code("KAPTEN")


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("AKBP", "AJUN KOMISARIS BESAR POLISI"),
        ("BRIPKA", "BRIGADIR POLISI KEPALA"),
        ("BRIGPOL", "BRIGADIR POLISI"),
        ("IPTU", "INSPEKTUR POLISI SATU"),
        ("AIPDA", "AJUN INSPEKTUR POLISI DUA"),
        ("BHARADA", "BHAYANGKARA DUA"),
        ("KOMJEN", "KOMISARIS JENDERAL POLISI"),
        ("JENDERAL POL", "JENDERAL POLISI"),
        ("PENATA TK I", "PENATA TINGKAT I"),
        ("PENDA TK I", "PENATA MUDA TINGKAT I"),
        ("PENGDA", "PENGATUR MUDA"),
    ],
)
def test_rank_words(code: str, words: str) -> None:
    assert rank_words(code) == words


@pytest.mark.parametrize(
    ("text", "code", "exact"),
    [
        # official abbreviations, any case, dots, trailing POL / POLISI
        ("BRIPKA", "BRIPKA", True),
        ("Bripka Pol.", "BRIPKA", True),
        ("KOMBES POL", "KOMBES", True),
        ("AKP POL", "AKP", True),
        ("IPDA POL.", "IPDA", True),
        ("A.K.B.P", "AKBP", True),
        ("Kompol", "KOMPOL", True),
        ("brig pol", "BRIGPOL", True),
        ("BRIGPOL", "BRIGPOL", True),
        ("JENDERAL POL", "JENDERAL POL", True),
        # long forms
        ("BRIGADIR POLISI KEPALA", "BRIPKA", True),
        ("AJUN KOMISARIS BESAR POLISI", "AKBP", True),
        ("INSPEKTUR POLISI DUA", "IPDA", True),
        ("KOMISARIS BESAR POLISI", "KOMBES", True),
        ("AJUN KOMISARIS POLISI", "AKP", True),
        ("JENDERAL POLISI", "JENDERAL POL", True),
        # longest match first
        ("BRIGADIR JENDERAL", "BRIGJEN", True),
        ("BRIGADIR JENDERAL POLISI", "BRIGJEN", True),
        ("BRIGJEN POL", "BRIGJEN", True),
        ("Brig.Jen.Pol", "BRIGJEN", True),
        ("BRIGADIR", "BRIGPOL", True),
        ("AJUN KOMISARIS BESAR", "AKBP", True),
        ("KOMISARIS", "KOMPOL", True),
        ("PEMBINA UTAMA MUDA", "PEMBINA UTAMA MUDA", True),
        ("PEMBINA", "PEMBINA", True),
        # PNS grades: TK spellings and golongan
        ("PENGDA TK.I", "PENGDA TK I", True),
        ("Pengda Tk 1", "PENGDA TK I", True),
        ("Penata Tingkat I", "PENATA TK I", True),
        ("PENATA MUDA TK. I", "PENDA TK I", True),
        ("Juru Muda Tk. I", "JURDA TK I", True),
        ("PENATA III/C", "PENATA", True),
        ("III/C", "PENATA", True),
        ("PPPK", "PPPK", True),
        ("honorer", "HONORER", True),
        # understood, but worth a warning
        ("AIBDA", "AIPDA", False),
        ("AIBDA POL", "AIPDA", False),
        ("BRIPPOL", "BRIGPOL", False),
        ("BRIG", "BRIGPOL", False),
        ("ABRIPPOL", "ABRIP", False),
        ("PENGDA I", "PENGDA TK I", False),
    ],
)
def test_parse_rank(text: str, code: str, exact: bool) -> None:
    assert parse_rank(text) == RankMatch(by_code(code), exact, text)


@pytest.mark.parametrize(
    "text", ["", "   ", "KAPTEN", "KEPALA SEKSI PEMBINA", "BRIPKA ANTON", "POLISI", "SERSAN"]
)
def test_parse_rank_unknown(text: str) -> None:
    assert parse_rank(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BRIPKA/87050123", ("BRIPKA", "87050123")),
        ("BRIPKA NRP 87050123", ("BRIPKA", "87050123")),
        ("BRIPKA / NRP. 87050123", ("BRIPKA", "87050123")),
        ("BRIPKA/NRP:87050123", ("BRIPKA", "87050123")),
        ("PENATA/19700101 199003 1 002", ("PENATA", "197001011990031002")),
        ("PENATA NIP 19700101 199003 1 002", ("PENATA", "197001011990031002")),
        ("AKP NRP 79051234", ("AKP", "79051234")),
        ("BRIGPOL", ("BRIGPOL", None)),
        ("BRIPDA/0201234", ("BRIPDA", "0201234")),
        ("BRIPDA/123", ("BRIPDA", "123")),
        ("PENGDA TK 1", ("PENGDA TK 1", None)),
        ("PENGDA TK 1 87050123", ("PENGDA TK 1", "87050123")),
        ("PENGDA TK 1 19700101 199003 1 002", ("PENGDA TK 1", "197001011990031002")),
        ("87050123 / BRIPKA", ("BRIPKA", "87050123")),
        ("NRP 87050123", ("", "87050123")),
    ],
)
def test_split_pangkat_nrp(text: str, expected: tuple[str, str | None]) -> None:
    assert split_pangkat_nrp(text) == expected


def test_split_then_parse() -> None:
    rank_text, nrp = split_pangkat_nrp("Brigjen Pol. / NRP. 68010123")
    match = parse_rank(rank_text)
    assert match is not None and match.rank.code == "BRIGJEN" and match.exact
    assert nrp == "68010123"


def test_rank_answers_are_remembered_for_short_texts_only() -> None:
    """A roster's rank spellings are remembered (the same answer object again); a long text,
    such as a hand-edited plan may hold, is answered without being kept."""
    from rwassign import ranks

    first = ranks.parse_rank("Bripka")
    assert first is not None and ranks.parse_rank("Bripka") is first
    before = ranks._parse_rank_text.cache_info().currsize
    assert ranks.parse_rank("BRIPKA " + "x" * 500) is None
    assert ranks._parse_rank_text.cache_info().currsize == before
