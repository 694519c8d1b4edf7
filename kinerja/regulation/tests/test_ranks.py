import pytest

from kinerja.regulation.ranks import PNS_RANKS_2000, rank_and_grade


@pytest.mark.parametrize(
    ("grade", "expected"),
    [
        ("III/a", "Penata Muda, III/a"),
        ("IV/b", "Pembina Tingkat I, IV/b"),
        ("IV/e", "Pembina Utama, IV/e"),
        ("I/a", "Juru Muda, I/a"),
        ("IX", "IX"),
        ("", ""),
    ],
)
def test_rank_and_grade_by_grade(grade, expected):
    assert rank_and_grade(grade) == expected


def test_pns_ranks_cover_every_pns_grade():
    assert len(PNS_RANKS_2000) == 17
