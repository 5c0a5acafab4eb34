"""`write_report` on the hand-built atlas (plus one hostile document): files, sections, evidence links,
escaping, the XLSX workbook; then the page in headless Chromium: no console errors, every chart drawn,
a screenshot that is not blank."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import handbuilt
from chromium import load, screenshot
from store_builders import fact, meta_for, result

from coopatlas.analysis import Selection
from coopatlas.report import ReportOptions, write_report
from coopatlas.store import Atlas, open_store

HOSTILE_TITLE = '<script>alert("title")</script> & Co'
HOSTILE = ('Калужская область подписала соглашение о сотрудничестве с Республикой Беларусь '
           '</script><img src=x onerror=alert(1)> в сфере культуры.')
TRADE = Path(__file__).resolve().parent.parent / "data" / "trade" / "handbuilt-flows.csv"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    db = folder / "atlas.sqlite"
    handbuilt.build(db)
    store = open_store(db)
    run = store.start_run("hostile", {})
    meta = meta_for(HOSTILE, "d9-hostile.txt", author="RU-KLU", year_adopted=2022, doc_type="news", title=HOSTILE_TITLE)
    store.save_document(meta, HOSTILE, result("d9-hostile.txt", "RU-KLU", [
        fact(HOSTILE, HOSTILE, ["RU-KLU", "BY"], spheres=["culture"], direction="cross_border")]), run)
    store.finish_run(run)
    store.close()
    atlas = Atlas(db)
    try:
        files = write_report(atlas, ReportOptions(out=folder / "out", trade=TRADE))
    finally:
        atlas.close()
    return files


def test_the_folder_has_the_page_the_workbook_the_figures_and_the_network(report):
    out = report.index.parent
    assert report.index.name == "index.html" and report.tables.name == "tables.xlsx"
    for name in ("network.gexf", "network.graphml"):
        assert (out / name).stat().st_size > 0
    pngs = sorted((out / "figures").glob("*.png"))
    svgs = sorted((out / "figures").glob("*.svg"))
    assert len(pngs) == len(svgs) >= 12
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)
    assert {p.stem for p in pngs} == {p.stem for p in svgs}
    assert all(p in report.written for p in pngs + svgs)


def test_every_section_and_every_chart_link_has_its_target(report):
    page = report.index.read_text(encoding="utf-8")
    for section in ("districts", "profiles", "coverage", "network", "maps", "trade", "evidence"):
        assert f'<section id="{section}">' in page
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    hrefs = set(re.findall(r'"href":\s*"#([^"]+)"', page))
    assert hrefs and hrefs <= ids  # each bar's link lands on an evidence group of the page
    assert "ev-levels-central-level-shallow" not in hrefs  # no central document is shallow: no link
    assert "ev-levels-central-level-detailed" in ids


def test_evidence_group_of_a_bar_lists_the_documents_and_quotes_behind_it(report):
    page = report.index.read_text(encoding="utf-8")
    group = page[page.index('id="ev-levels-central-level-formal"'):]
    group = group[: group.index('<div class="evidence"', 10)]
    # central, level formal: d3 (Tula 2020, through F4) and the hostile d9 (one formal fact), of 5 central
    # documents (d1-d4 and d9); d1 and d2 are detailed, d4 names no cooperation
    assert "d3-tula-2020.txt" in group and "Тульская область реализует соглашение" in group
    assert "(2 of 5)" in group and "onerror" in group
    assert "d1-kaluga" not in group and "d2-kaluga" not in group and "d4-tver" not in group


def test_untrusted_text_is_escaped_everywhere(report):
    page = report.index.read_text(encoding="utf-8")
    assert "<img src=x" not in page and '<script>alert("title")' not in page
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; &amp; Co" in page or \
        "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; Co" in page
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    assert all("onerror=alert" not in s for s in scripts)  # chart data carries no raw markup
    assert not re.search(r'(src|href)="https?://', page)  # nothing to fetch: the page works offline


def test_workbook_has_the_figures_with_their_fact_ids(report):
    sheets = pd.read_excel(report.tables, sheet_name=None)
    levels = sheets["district levels"]
    central_formal = levels[(levels["district"] == "central") & (levels["category"] == "formal")].iloc[0]
    assert (central_formal["n"], central_formal["total"]) == (2, 5)  # d3 and d9 of d1-d4, d9
    assert {"regions", "coverage subjects", "network nodes", "trade qap"} <= set(sheets)


def test_a_selection_of_one_district_and_period(tmp_path, report):
    atlas = Atlas(report.index.parent.parent / "atlas.sqlite")
    try:
        files = write_report(atlas, ReportOptions(out=tmp_path, selection=Selection(("central",), 2020, 2023),
                                                  images=False, lang="ru"))
    finally:
        atlas.close()
    page = files.index.read_text(encoding="utf-8")
    assert '<html lang="ru">' in page and "central, 2020–2023" in page
    assert not list(tmp_path.glob("figures/*.png"))
    counts = pd.read_excel(files.tables, sheet_name="district counts")
    # central documents adopted 2020-2023: d2 (2023), d3 (2020), d4 (2021), d9 (2022)
    assert counts.set_index("district").loc["central", "documents"] == 4


def test_the_page_opens_in_chromium_with_every_chart_drawn_and_no_console_error(report, tmp_path):
    page = report.index.read_text(encoding="utf-8")
    charts = len(re.findall(r'<div id="chart-[^"]+" class="chart">', page))
    loaded = load(report.index)
    assert loaded.console == (), loaded.console
    drawn = len(re.findall(r'<svg[^>]*class="marks"', loaded.dom))
    assert charts >= 12 and drawn == charts
    shot = screenshot(report.index, tmp_path / "report.png")
    from PIL import Image

    image = Image.open(shot).convert("L")
    colours = len(set(image.tobytes()))
    assert image.size == (1280, 2400) and colours > 50  # text and charts, not a blank page
