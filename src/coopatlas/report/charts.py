"""Altair chart builders for the report: district shares, years, partners, distances, trade flows.

    chart = share_chart(level_table, "level", "Coverage by district", lang="en")
    render.to_png(chart, "levels.png")

Each builder takes a DataFrame with the columns its docstring names and returns an Altair chart; it
draws nothing by itself (render.py does). Category names, their order and colours, and the axis
words in English and Russian come from `data/labels.tsv`. Text from the corpus (region names) only
ever goes into the chart's data, never into markup.
"""
from __future__ import annotations

from functools import cache
from importlib import resources
from io import StringIO

import altair as alt
import pandas as pd

from coopatlas.reference import load_reference

__all__ = ["share_chart", "timeline_chart", "degree_chart", "distance_chart", "flow_chart",
           "labels", "word", "district_label", "category_table", "LANGS"]

LANGS = ("en", "ru")
TOP = 20                # bars in the degree and flow charts
PANEL_WIDTH = 170       # one facet of a share chart, px
ROW_HEIGHT = 16         # one bar, px
LABEL_LIMIT = 320       # px of an axis label before it is cut with an ellipsis
ORDER_FIELD = "order"


# -- labels ----------------------------------------------------------------------------------

@cache
def _label_table() -> pd.DataFrame:
    text = resources.files("coopatlas.report").joinpath("data/labels.tsv").read_text(encoding="utf-8")
    return pd.read_csv(StringIO(text), sep="\t", dtype=str, keep_default_na=False)


def labels(kind: str, lang: str = "en") -> pd.DataFrame:
    """Rows `value, label, colour, order` of one kind of category (`level`, `sphere`, `status`, …)."""
    _check_lang(lang)
    rows = _label_table()[lambda t: t["kind"] == kind]
    return pd.DataFrame({"value": rows["value"].to_numpy(), "label": rows[lang].to_numpy(),
                         "colour": rows["colour"].to_numpy(), ORDER_FIELD: range(len(rows))})


def word(key: str, lang: str = "en") -> str:
    """An axis title or tooltip word in `lang`."""
    rows = labels("word", lang)
    found = rows.loc[rows["value"] == key, "label"]
    if found.empty:
        raise KeyError(f"no word {key!r} in labels.tsv")
    return str(found.iloc[0])


def district_label(district: str, lang: str = "en") -> str:
    """A short district name: "Central" / "ЦФО"; an id the reference does not know is kept as given."""
    found = load_reference().districts.get(district)
    if found is None:
        return str(district)
    return found.abbr_ru if lang == "ru" else found.name_en.replace(" Federal District", "")


def _district_order(districts) -> list[str]:
    known = list(load_reference().districts)
    return sorted(set(districts), key=lambda d: (known.index(d) if d in known else len(known), str(d)))


def _kind_of(categories) -> str:
    """The label kind whose values cover most of `categories` (levels, statuses, spheres, …)."""
    table = _label_table()
    wanted = {str(c) for c in categories}
    counts = table[table["value"].isin(wanted) & (table["kind"] != "word")].groupby("kind").size()
    return str(counts.idxmax()) if len(counts) else ""


def _categories(values, lang: str) -> pd.DataFrame:
    """`value, label, colour, order` for the given category values, known ones first in codebook order."""
    known = labels(_kind_of(values), lang)
    extra = sorted({str(v) for v in values} - set(known["value"]))
    more = pd.DataFrame({"value": extra, "label": extra, "colour": "", ORDER_FIELD: range(len(known), len(known) + len(extra))})
    table = pd.concat([known, more], ignore_index=True)
    return table[table["value"].isin({str(v) for v in values})].reset_index(drop=True)


def category_table(values, lang: str = "en") -> pd.DataFrame:
    """`value, label, colour, order` of the given category values (codebook ones first, in codebook order)."""
    return _categories(values, lang)


def _colour_scale(categories: pd.DataFrame) -> alt.Scale:
    if (categories["colour"] == "").any():
        return alt.Scale(domain=list(categories["label"]), scheme="tableau20")
    return alt.Scale(domain=list(categories["label"]), range=list(categories["colour"]))


def _with_labels(table: pd.DataFrame, column: str, categories: pd.DataFrame) -> pd.DataFrame:
    lookup = categories.set_index("value")
    keys = table[column].astype(str)
    return table.assign(category_label=keys.map(lookup["label"]), category_order=keys.map(lookup[ORDER_FIELD]))


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")


# -- share chart -----------------------------------------------------------------------------

def share_chart(table: pd.DataFrame, measure: str, title: str, lang: str = "en") -> alt.FacetChart:
    """Bars of the share of documents per district, one panel per category, with Wilson intervals.

    `table` has `district, measure, category, n, total, share, ci_low, ci_high` and optionally `href`
    (a bar opens it when clicked); only the rows whose `measure` equals `measure` are drawn. The
    y-axis reads "Central (N=12)", N being `total`.
    """
    rows = _share_rows(table, measure, lang)
    categories = _categories(rows["category"], lang)
    rows = _with_labels(rows, "category", categories)
    y = alt.Y("district_axis:N", sort=list(dict.fromkeys(rows.sort_values("district_rank")["district_axis"])),
              title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT))
    bars = alt.Chart().mark_bar().encode(
        y=y,
        x=alt.X("share:Q", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%"), title=word("share", lang)),
        color=alt.Color("category_label:N", scale=_colour_scale(categories), legend=None),
        tooltip=_share_tooltip(lang),
        **({"href": alt.Href("href:N")} if "href" in rows else {}),
    )
    errors = alt.Chart().mark_rule(color="#333333", strokeWidth=1.2).encode(y=y, x="ci_low:Q", x2="ci_high:Q")
    layered = alt.layer(bars, errors, data=rows).properties(width=PANEL_WIDTH, height=alt.Step(ROW_HEIGHT))
    facet = alt.Facet("category_label:N", sort=list(categories["label"]), title=None,
                      header=alt.Header(labelFontSize=12, labelFontWeight="bold"))
    return layered.facet(facet=facet, columns=min(4, len(categories))).properties(title=title)


def _share_rows(table: pd.DataFrame, measure: str, lang: str) -> pd.DataFrame:
    rows = table[table["measure"] == measure].copy()
    if rows.empty:
        raise ValueError(f"no rows with measure {measure!r}")
    order = _district_order(rows["district"])
    names = {d: district_label(d, lang) for d in order}
    totals = rows.groupby("district")["total"].max()
    axis = {d: f"{names[d]} (N={int(totals[d])})" for d in order}
    columns = ["district", "category", "n", "total", "share", "ci_low", "ci_high"] + (["href"] if "href" in rows else [])
    rows = rows[columns].assign(category=rows["category"].astype(str))
    return rows.assign(district_name=rows["district"].map(names), district_axis=rows["district"].map(axis),
                       district_rank=rows["district"].map(order.index))


def _share_tooltip(lang: str) -> list:
    return [alt.Tooltip("district_name:N", title=word("district", lang)),
            alt.Tooltip("category_label:N", title=word("category", lang)),
            alt.Tooltip("share:Q", title=word("share", lang), format=".1%"),
            alt.Tooltip("n:Q", title="n"),
            alt.Tooltip("total:Q", title="N"),
            alt.Tooltip("ci_low:Q", title=f"{word('ci', lang)} ↓", format=".1%"),
            alt.Tooltip("ci_high:Q", title=f"{word('ci', lang)} ↑", format=".1%")]


# -- timeline --------------------------------------------------------------------------------

def timeline_chart(table: pd.DataFrame, lang: str = "en", title: str | None = None) -> alt.Chart:
    """Stacked bars per year; `table` has `year, category, count` (levels or statuses, say)."""
    categories = _categories(table["category"].astype(str), lang)
    rows = _with_labels(table[["year", "category", "count"]].assign(category=table["category"].astype(str)),
                        "category", categories)
    return alt.Chart(rows).mark_bar().encode(
        x=alt.X("year:O", title=word("year", lang), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("sum(count):Q", title=word("count", lang), stack="zero"),
        color=alt.Color("category_label:N", scale=_colour_scale(categories), title=None),
        order=alt.Order("category_order:Q"),
        tooltip=[alt.Tooltip("year:O", title=word("year", lang)), alt.Tooltip("category_label:N", title=word("category", lang)),
                 alt.Tooltip("sum(count):Q", title=word("count", lang))],
    ).properties(title=title or word("timeline", lang), width=alt.Step(28), height=240)


# -- partners --------------------------------------------------------------------------------

def degree_chart(metrics: pd.DataFrame, lang: str = "en", title: str | None = None, top: int = TOP) -> alt.Chart:
    """The `top` regions by strength; `metrics` has `party, name, degree, strength`."""
    rows = metrics.nlargest(top, "strength")[["party", "name", "degree", "strength"]]
    return alt.Chart(rows).mark_bar(color="#4c78a8").encode(
        y=alt.Y("name:N", sort="-x", title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        x=alt.X("strength:Q", title=word("strength", lang)),
        tooltip=[alt.Tooltip("name:N", title=word("region", lang)), alt.Tooltip("party:N", title="ID"),
                 alt.Tooltip("degree:Q", title=word("degree", lang)), alt.Tooltip("strength:Q", title=word("strength", lang))],
    ).properties(title=title or word("top_regions", lang), width=360, height=alt.Step(ROW_HEIGHT))


def distance_chart(table: pd.DataFrame, lang: str = "en", title: str | None = None, bins: int = 30) -> alt.Chart:
    """A histogram of tie distances, stacked by neighbours or not; `table` has `km, neighbours` (bool).

    The bins are counted here, so the chart carries at most 2 × `bins` rows whatever the number of ties."""
    categories = labels("neighbours", lang)
    counted = _binned(table, bins)
    rows = _with_labels(counted, "neighbours", categories)
    return alt.Chart(rows).mark_bar().encode(
        x=alt.X("start:Q", title=word("distance", lang), scale=alt.Scale(zero=True)), x2="end:Q",
        y=alt.Y("ties:Q", title=word("ties", lang), stack="zero"),
        color=alt.Color("category_label:N", scale=_colour_scale(categories), title=None),
        order=alt.Order("category_order:Q"),
        tooltip=[alt.Tooltip("start:Q", title=f"{word('distance', lang)} ≥", format=",.0f"),
                 alt.Tooltip("end:Q", title="<", format=",.0f"),
                 alt.Tooltip("category_label:N", title=" "), alt.Tooltip("ties:Q", title=word("ties", lang))],
    ).properties(title=title or word("distances", lang), width=420, height=220)


def _binned(table: pd.DataFrame, bins: int) -> pd.DataFrame:
    """Ties per distance bin of equal width (a round number of km) and per neighbours or not."""
    km = table["km"].astype(float)
    width = _round_width(float(km.max()) / bins if len(km) and km.max() > 0 else 100.0)
    start = (km // width) * width
    keys = table["neighbours"].map(lambda v: "true" if bool(v) else "false")
    counted = pd.DataFrame({"start": start, "neighbours": keys}).groupby(["start", "neighbours"]).size()
    counted = counted.rename("ties").reset_index()
    return counted.assign(end=counted["start"] + width)


def _round_width(raw: float) -> float:
    """The smallest of 1, 2, 5 × 10^k that is at least `raw`."""
    step = 1.0
    while step * 10 <= raw:
        step *= 10
    return next(step * m for m in (1, 2, 5, 10) if step * m >= raw)


def flow_chart(table: pd.DataFrame, commodity: str, lang: str = "en", title: str | None = None,
               top: int = TOP) -> alt.Chart:
    """The `top` flows of one commodity group, coloured by whether an agreement links the pair.

    `table` has `source, target, source_name, target_name, value, has_agreement`; when it also has a
    `commodity` column, only that commodity's rows are drawn.
    """
    rows = table[table["commodity"] == commodity] if "commodity" in table else table
    rows = rows.nlargest(top, "value")
    categories = labels("agreement", lang)
    keys = rows["has_agreement"].map(lambda v: "true" if bool(v) else "false")
    rows = _with_labels(pd.DataFrame({
        "pair": [f"{s} → {t}" for s, t in zip(rows["source_name"], rows["target_name"])],
        "source": rows["source"], "target": rows["target"], "value": rows["value"], "agreement": keys,
    }), "agreement", categories)
    return alt.Chart(rows).mark_bar().encode(
        y=alt.Y("pair:N", sort="-x", title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        x=alt.X("value:Q", title=word("flow", lang)),
        color=alt.Color("category_label:N", scale=_colour_scale(categories), title=None),
        tooltip=[alt.Tooltip("pair:N", title=" "), alt.Tooltip("value:Q", title=word("flow", lang), format=",.0f"),
                 alt.Tooltip("category_label:N", title=" ")],
    ).properties(title=title or f"{word('flows', lang)}: {commodity}", width=360, height=alt.Step(ROW_HEIGHT))
