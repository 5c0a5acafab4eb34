"""render.py: PNG and SVG files, the offline bundle, and page fragments a hostile label cannot break."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import altair as alt
import pandas as pd
import pytest

from coopatlas.report import render

HOSTILE = "</script><script>alert(1)</script><!-- & Калужская"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def chart():
    data = pd.DataFrame({"region": ["Калужская область", HOSTILE], "n": [3, 5]})
    return alt.Chart(data).mark_bar().encode(y="region:N", x="n:Q").properties(title="Доля документов")


def test_png_has_the_signature_and_a_real_picture(chart, tmp_path):
    path = render.to_png(chart, tmp_path / "sub" / "chart.png")
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 3000
    small = render.to_png(chart, tmp_path / "small.png", scale=1).read_bytes()
    assert len(small) < len(data)


def test_svg_holds_the_cyrillic_labels(chart, tmp_path):
    text = render.to_svg(chart, tmp_path / "chart.svg").read_text(encoding="utf-8")
    assert text.lstrip().startswith("<svg")
    assert "Калужская область" in text
    assert "Доля документов" in text


def test_to_vega_compiles_with_the_inline_rows(chart):
    spec = render.to_vega(chart)
    rows = [row for data in spec["data"] for row in data.get("values", [])]
    assert {"region": "Калужская область", "n": 3} in rows


def test_fragment_is_a_div_and_a_script_calling_vega_embed(chart):
    html = render.to_html_fragment(chart, "fig-levels")
    assert html.startswith('<div id="fig-levels" class="chart"></div>')
    assert "vegaEmbed(" in html
    assert html.count("<script>") == 1 and html.count("</script>") == 1
    assert html.endswith("</script>")


def test_a_hostile_label_cannot_close_the_script(chart):
    html = render.to_html_fragment(chart, "fig-x")
    body = html[html.index("<script>") + len("<script>"): html.rindex("</script>")]
    assert "</" not in body and "<!--" not in body and "<" not in body
    spec = json.loads(re.search(r"vegaEmbed\(\"#fig-x\", (\{.*\}), \{\"actions\"", body).group(1))
    assert HOSTILE in [row["region"] for rows in spec["datasets"].values() for row in rows]


@pytest.mark.parametrize("bad", ["", "1abc", 'x" onload="alert(1)', "a b", "fig<1>"])
def test_an_unsafe_element_id_is_refused(chart, bad):
    with pytest.raises(ValueError):
        render.to_html_fragment(chart, bad)


def test_script_json_round_trips_and_escapes():
    value = {"a": "</script>", "b": "x & y > z", "c": "\u2028"}
    text = render.script_json(value)
    assert not set("<>&\u2028") & set(text)
    assert json.loads(text) == value


def test_the_bundle_defines_vega_embed_and_is_cached():
    bundle = render.javascript_bundle()
    assert "window.vegaEmbed=" in bundle.replace(" ", "")
    assert "</script" not in bundle.lower()
    assert not re.search(r"^\s*(import|export)\s", bundle, re.M)  # a classic script, not a module
    assert render.javascript_bundle() is bundle


NODE_CHECK = """
const vm = require("vm"), fs = require("fs");
globalThis.window = globalThis;
vm.runInThisContext(fs.readFileSync(process.argv[2], "utf8"));     // the bundle, as a classic script
if (typeof window.vegaEmbed !== "function") throw new Error("vegaEmbed missing");
const calls = [];
window.vegaEmbed = (el, spec, opts) => { calls.push([el, spec, opts]); return Promise.resolve(); };
vm.runInThisContext(fs.readFileSync(process.argv[3], "utf8"));     // the fragment's script, after it
vm.runInThisContext(fs.readFileSync(process.argv[3], "utf8"));     // twice: it declares no globals
process.stdout.write(JSON.stringify(calls));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_bundle_then_fragment_run_as_classic_scripts(chart, tmp_path):
    """Runs the bundle and the fragment's script the way a page would (global scope, in order)."""
    html = render.to_html_fragment(chart, "fig-a")
    (tmp_path / "bundle.js").write_text(render.javascript_bundle(), encoding="utf-8")
    (tmp_path / "fragment.js").write_text(html[html.index("<script>") + 8: html.rindex("</script>")], encoding="utf-8")
    (tmp_path / "check.js").write_text(NODE_CHECK, encoding="utf-8")
    out = subprocess.run(["node", str(tmp_path / "check.js"), str(tmp_path / "bundle.js"), str(tmp_path / "fragment.js")],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    calls = json.loads(out)
    assert len(calls) == 2
    element, spec, options = calls[0]
    assert element == "#fig-a"
    assert spec == json.loads(json.dumps(chart.to_dict()))
    assert options["actions"] is False


def test_russian_locale_writes_decimal_commas_in_images_and_page():
    import altair as alt
    import pandas as pd

    from coopatlas.report import render

    chart = alt.Chart(pd.DataFrame({"x": [0.5, 2.5]})).mark_bar().encode(x=alt.X("x:Q", axis=alt.Axis(format=".1f")))
    from pathlib import Path
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        svg_ru = render.to_svg(chart, Path(folder) / "ru.svg", locale="ru-RU").read_text(encoding="utf-8")
        svg_en = render.to_svg(chart, Path(folder) / "en.svg").read_text(encoding="utf-8")
    assert "2,5" in svg_ru and "2.5" not in svg_ru
    assert "2.5" in svg_en
    assert '"decimal":","' in render.to_html_fragment(chart, "c1", "ru-RU").replace(" ", "")
