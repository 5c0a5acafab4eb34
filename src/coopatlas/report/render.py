"""Charts to files and page fragments, offline: the one module that imports vl_convert.

    to_png(chart, "report/levels.png")              # PNG at twice the nominal size
    to_svg(chart, "report/levels.svg")
    html = to_html_fragment(chart, "fig-levels")    # <div> + <script> calling vegaEmbed

A page that holds fragments must include `javascript_bundle()` once, as a classic inline
`<script>` (not `type="module"`, which would run after the fragments), placed before the first
fragment. The bundle (Vega, Vega-Lite and vega-embed with their dependencies, no imports) assigns
`window.vegaEmbed`, `window.vega` and `window.vegaLite`. Its top-level `const`s live in the page's
global scope, so each fragment runs inside a function and declares nothing global. Nothing is
fetched from a CDN: vl_convert renders PNG and SVG itself, with its own fonts (Cyrillic included).
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import altair as alt
import vl_convert

__all__ = ["to_png", "to_svg", "to_vega", "to_html_fragment", "javascript_bundle", "script_json",
           "VEGALITE_VERSION"]

VEGALITE_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])  # "6.4": what Altair writes
ELEMENT_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,127}")
EMBED_OPTIONS = {"actions": False, "renderer": "svg", "loader": {"target": "_self"}}
# JSON keeps these inside strings only; as \u escapes they cannot close a <script> or open a comment
SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def to_png(chart: alt.TopLevelMixin, path: str | Path, scale: float = 2, locale: str | None = None) -> Path:
    """Write the chart as a PNG (`scale` times its nominal size) and return the path; `locale` (e.g.
    "ru-RU") formats the numbers (decimal comma, thousands separator)."""
    data = vl_convert.vegalite_to_png(chart.to_dict(), vl_version=VEGALITE_VERSION, scale=scale, format_locale=locale)
    return _write(path, data)


def to_svg(chart: alt.TopLevelMixin, path: str | Path, locale: str | None = None) -> Path:
    """Write the chart as SVG text and return the path."""
    text = vl_convert.vegalite_to_svg(chart.to_dict(), vl_version=VEGALITE_VERSION, format_locale=locale)
    return _write(path, text.encode("utf-8"))


def to_vega(chart: alt.TopLevelMixin) -> dict:
    """The compiled Vega spec (its `data` holds the rows every mark draws)."""
    return vl_convert.vegalite_to_vega(chart.to_dict(), vl_version=VEGALITE_VERSION)


def to_html_fragment(chart: alt.TopLevelMixin, element_id: str, locale: str | None = None) -> str:
    """A `<div>` and a `<script>` that draws the chart into it with `vegaEmbed` (see the module doc)."""
    if not ELEMENT_ID.fullmatch(element_id):
        raise ValueError(f"element id must be ASCII letters, digits, - or _, got {element_id!r}")
    options = dict(EMBED_OPTIONS, **({"formatLocale": vl_convert.get_format_locale(locale)} if locale else {}))
    call = (f"vegaEmbed({script_json('#' + element_id)}, {script_json(chart.to_dict())}, "
            f"{script_json(options)}).catch(function (e) {{ console.error(e); }});")
    return (f'<div id="{element_id}" class="chart"></div>\n'
            f"<script>(function () {{ {call} }})();</script>")


def script_json(value) -> str:
    """`value` as JSON that is safe inside an inline <script> (no `<`, `>` or `&` characters)."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    return text.translate(str.maketrans(SCRIPT_ESCAPES))


@cache
def javascript_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script for an inline classic `<script>` (html.render_html
    refuses a script that could close its tag); cached per process."""
    return vl_convert.javascript_bundle(vl_version=VEGALITE_VERSION)


def _write(path: str | Path, data: bytes) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
