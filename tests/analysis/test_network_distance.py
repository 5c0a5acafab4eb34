"""tie_distances and distance_summary on the hand-built atlas.

Capitals (reference table, degrees): Kaluga 54.51 N 36.25 E, Tula 54.19 N 37.62 E, Minsk 53.90 N 27.57 E,
Kazan 55.79 N 49.11 E, Tallinn 59.44 N 24.75 E, Pskov 57.82 N 28.33 E, Gatchina 59.57 N 30.13 E,
Veliky Novgorod 58.52 N 31.28 E, Tver 56.86 N 35.91 E. Distances below by the equirectangular rule
(dlon * cos(mean lat), dlat, 111.19 km per degree), which agrees with haversine to well under 1 km here.
"""
from __future__ import annotations

import math

import pandas as pd
import pytest

from coopatlas.analysis.network import distance_summary, haversine_km, partner_graph, tie_distances
from coopatlas.analysis.network_distance import DISTANCE_COLUMNS


@pytest.fixture(scope="module")
def distances(frames):
    return tie_distances(partner_graph(frames), frames.reference).set_index(["source", "target"])


def test_kaluga_tula_by_hand():
    # dlat = -0.32 deg, dlon = 1.37 deg, cos(54.35 deg) = 0.58329 -> x = 0.79911 deg, y = 0.32 deg
    # sqrt(0.79911^2 + 0.32^2) = 0.86080 deg * 111.19 km = 95.71 km
    assert haversine_km(54.51, 36.25, 54.19, 37.62) == pytest.approx(95.7, abs=0.3)
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0


def test_one_row_per_pair(distances):
    assert list(distances.reset_index().columns) == DISTANCE_COLUMNS
    assert set(distances.index) == {("BY", "RU-KLU"), ("EE", "RU-PSK"), ("RU-KLU", "RU-TA"), ("RU-KLU", "RU-TUL"),
                                    ("RU-LEN", "RU-PSK"), ("RU-NGR", "RU-PSK"), ("RU-TA", "org:sco"),
                                    ("RU-TUL", "RU-TVE")}
    assert distances.loc[("RU-KLU", "RU-TUL"), "km"] == pytest.approx(95.7, abs=0.3)
    assert distances.loc[("RU-KLU", "RU-TUL"), "documents"] == 2  # d1 and d3


def test_neighbours_and_districts(distances):
    # land borders in the reference: Kaluga-Tula, Pskov with Estonia, Leningrad and Novgorod; Tula-Tver no
    assert distances["neighbours"].to_dict() == {
        ("BY", "RU-KLU"): False, ("EE", "RU-PSK"): True, ("RU-KLU", "RU-TA"): False, ("RU-KLU", "RU-TUL"): True,
        ("RU-LEN", "RU-PSK"): True, ("RU-NGR", "RU-PSK"): True, ("RU-TA", "org:sco"): False,
        ("RU-TUL", "RU-TVE"): False}
    assert sorted(k for k, same in distances["same_district"].items() if same) == [
        ("RU-KLU", "RU-TUL"), ("RU-LEN", "RU-PSK"), ("RU-NGR", "RU-PSK"), ("RU-TUL", "RU-TVE")]
    assert math.isnan(distances.loc[("RU-TA", "org:sco"), "km"])  # an organisation has no capital


def test_summary(distances):
    summary = distance_summary(distances.reset_index())
    # km: KLU-TUL 95.7, NGR-PSK 189.7, LEN-PSK 220.6, EE-PSK 274.5, TUL-TVE 315.8 (below 500);
    #     KLU-BY 568.6, KLU-TA 829 (500-1000); TA-sco unknown. Median of the 7 known: the 4th, EE-PSK 274.5
    assert (summary.ties, summary.unknown_km) == (8, 1)
    assert summary.neighbour_share == 4 / 8
    assert summary.median_km == pytest.approx(274.5, abs=1.0)
    assert summary.bands == {"0–500": 5, "500–1000": 2, "1000–2000": 0, "2000+": 0}


def test_summary_of_nothing():
    empty = pd.DataFrame(columns=DISTANCE_COLUMNS)
    summary = distance_summary(empty)
    assert summary.ties == 0 and math.isnan(summary.median_km) and sum(summary.bands.values()) == 0
