"""charts.py: every builder gives a valid Vega-Lite spec that renders to PNG and SVG with its labels."""
from __future__ import annotations

import pandas as pd
import pytest

from coopatlas.analysis.stats import wilson
from coopatlas.model import Arity, Direction, Specificity, Sphere, Status
from coopatlas.report import charts, render

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _share_rows(measure, categories, totals):
    rows = []
    for district, total in totals.items():
        for i, category in enumerate(categories):
            n = (i + len(district)) % (total + 1)
            low, high = wilson(n, total)
            rows.append(dict(district=district, measure=measure, category=category, n=n, total=total,
                             share=n / total, ci_low=low, ci_high=high, href=f"#ev-{measure}-{district}-{category}"))
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def shares():
    totals = {"central": 12, "volga": 7, "far-east": 4}
    return pd.concat([
        _share_rows("level", ["detailed", "none", "formal", "shallow"], totals),
        _share_rows("sphere", [s.value for s in Sphere], totals),
        _share_rows("direction", ["cross_border", "interregional"], totals),
    ], ignore_index=True)


def _rendered(chart, tmp_path, name):
    """PNG bytes and SVG text of the chart, after checking the spec validates."""
    chart.to_dict(validate=True)
    png = render.to_png(chart, tmp_path / f"{name}.png").read_bytes()
    svg = render.to_svg(chart, tmp_path / f"{name}.svg").read_text(encoding="utf-8")
    assert png.startswith(PNG_SIGNATURE) and len(png) > 5000
    return png, svg


def _rows(chart):
    spec = chart.to_dict()
    return [row for rows in spec["datasets"].values() for row in rows]


def test_labels_cover_the_codebook_in_both_languages():
    for kind, enum in (("sphere", Sphere), ("level", Specificity), ("status", Status),
                       ("direction", Direction), ("arity", Arity)):
        for lang in charts.LANGS:
            table = charts.labels(kind, lang)
            assert set(e.value for e in enum) <= set(table["value"]), (kind, lang)
            assert table["label"].str.len().gt(0).all() and table["label"].is_unique
            assert table["colour"].str.fullmatch(r"#[0-9a-f]{6}").all()
    assert list(charts.labels("level")["value"]) == ["shallow", "formal", "detailed", "none"]


def test_district_labels_are_short_and_unknown_ids_pass_through():
    assert charts.district_label("central") == "Central"
    assert charts.district_label("central", "ru") == "ЦФО"
    assert charts.district_label("all regions") == "all regions"


def test_share_chart_levels(shares, tmp_path):
    chart = charts.share_chart(shares, "level", "Coverage by district")
    _, svg = _rendered(chart, tmp_path, "levels")
    assert "Central (N=12)" in svg and "Far Eastern (N=4)" in svg
    assert "no reference" in svg and "Coverage by district" in svg
    spec = chart.to_dict()
    assert spec["facet"]["sort"] == ["shallow", "formal", "detailed", "no reference"]
    assert spec["spec"]["layer"][0]["encoding"]["href"] == {"field": "href", "type": "nominal"}
    assert spec["spec"]["layer"][1]["encoding"]["x2"]["field"] == "ci_high"
    rows = _rows(chart)
    assert {r["category"] for r in rows} == {"shallow", "formal", "detailed", "none"}  # only this measure
    assert {"href": "#ev-level-central-detailed"}.items() <= next(
        r for r in rows if r["district"] == "central" and r["category"] == "detailed").items()


def test_share_chart_spheres_in_russian(shares, tmp_path):
    chart = charts.share_chart(shares, "sphere", "Сферы сотрудничества", lang="ru")
    _, svg = _rendered(chart, tmp_path, "spheres")
    assert "ЦФО (N=12)" in svg and "наука и инновации" in svg and "управление и безопасность" in svg
    assert len(chart.to_dict()["facet"]["sort"]) == 14


def test_share_chart_orientation_and_a_missing_measure(shares, tmp_path):
    _, svg = _rendered(charts.share_chart(shares, "direction", "Orientation"), tmp_path, "direction")
    assert "cross-border" in svg and "interregional" in svg
    with pytest.raises(ValueError):
        charts.share_chart(shares, "arity", "none here")


def test_share_chart_without_href_has_no_link(shares):
    spec = charts.share_chart(shares.drop(columns="href"), "level", "t").to_dict()
    assert "href" not in spec["spec"]["layer"][0]["encoding"]


def test_timeline_stacks_categories_in_codebook_order(tmp_path):
    table = pd.DataFrame([dict(year=y, category=c, count=(y + i) % 5)
                          for y in range(2018, 2024) for i, c in enumerate(["implemented", "intended", "agreed"])])
    chart = charts.timeline_chart(table, lang="ru")
    _, svg = _rendered(chart, tmp_path, "timeline")
    assert "2018" in svg and "соглашение" in svg
    assert chart.to_dict()["encoding"]["color"]["scale"]["domain"] == ["намерение", "соглашение", "реализуется"]


def test_degree_chart_keeps_the_top_20(tmp_path):
    metrics = pd.DataFrame({"party": [f"RU-{i}" for i in range(30)], "name": [f"Регион {i}" for i in range(30)],
                            "degree": range(30), "strength": [i * 2.5 for i in range(30)]})
    chart = charts.degree_chart(metrics, lang="ru")
    _, svg = _rendered(chart, tmp_path, "degree")
    names = {r["name"] for r in _rows(chart)}
    assert len(names) == 20 and "Регион 29" in names and "Регион 9" not in names
    assert "Регион 29" in svg


def test_distance_chart(tmp_path):
    table = pd.DataFrame({"km": [50, 120, 300, 800, 1500, 4000], "neighbours": [True, True, False, False, False, True]})
    _, svg = _rendered(charts.distance_chart(table), tmp_path, "distance")
    assert "not neighbours" in svg and "distance, km" in svg


def test_flow_chart_filters_the_commodity_and_colours_agreements(tmp_path):
    table = pd.DataFrame({
        "source": ["RU-KLU", "RU-TUL", "RU-TA", "RU-KLU"], "target": ["BY", "RU-MOW", "RU-BA", "RU-MOW"],
        "source_name": ["Калужская область", "Тульская область", "Татарстан", "Калужская область"],
        "target_name": ["Беларусь", "Москва", "Башкортостан", "Москва"],
        "value": [900.0, 500.0, 300.0, 10_000.0], "has_agreement": [True, False, True, True],
        "commodity": ["grain", "grain", "grain", "metals"]})
    chart = charts.flow_chart(table, "grain", lang="ru")
    _, svg = _rendered(chart, tmp_path, "flows")
    rows = _rows(chart)
    assert len(rows) == 3 and {r["agreement"] for r in rows} == {"true", "false"}
    assert "Калужская область → Беларусь" in svg and "есть соглашение" in svg and "grain" in svg


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError):
        charts.labels("level", "de")


def test_distance_chart_counts_its_bins_so_its_data_stays_small():
    # 10,000 ties between 0 and 3,000 km: width 3000/30 = 100 km, so at most 30 bins × 2 kinds of rows
    km = [i * 0.3 for i in range(10_000)]
    table = pd.DataFrame({"km": km, "neighbours": [i % 2 == 0 for i in range(10_000)]})
    rows = charts.distance_chart(table).to_dict()["datasets"]
    (values,) = rows.values()
    assert len(values) <= 60 and sum(v["ties"] for v in values) == 10_000
    assert {v["end"] - v["start"] for v in values} == {100.0}
