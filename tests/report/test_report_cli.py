"""`coopatlas report` and the tool exports refuse bad input with one clear line and exit 2."""
from __future__ import annotations

from click.testing import CliRunner

from coopatlas.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_a_bad_trade_file_names_the_row(handbuilt_db, tmp_path):
    bad = tmp_path / "trade.csv"
    bad.write_text("year,from,to,commodity,value,unit\n2021,RU-KLU,Нигде,металл,5,т\n", encoding="utf-8")
    done = run("report", "--db", str(handbuilt_db), "--out", str(tmp_path / "r"), "--trade", str(bad), "--no-images")
    assert done.exit_code == 2 and "Traceback" not in done.output
    assert f"{bad}, row 2: unknown region 'Нигде'" in done.output


def test_a_boundary_file_that_is_not_a_feature_collection(handbuilt_db, tmp_path):
    bad = tmp_path / "b.geojson"
    bad.write_text('{"type": "Feature"}', encoding="utf-8")
    done = run("report", "--db", str(handbuilt_db), "--out", str(tmp_path / "r"), "--boundaries", str(bad))
    assert done.exit_code == 2 and "a GeoJSON FeatureCollection is expected" in done.output


def test_unknown_district_and_reversed_period_are_usage_errors(handbuilt_db):
    assert "unknown district mars" in run("report", "--db", str(handbuilt_db), "--districts", "mars").output
    done = run("report", "--db", str(handbuilt_db), "--from", "2020", "--to", "2010")
    assert done.exit_code == 2 and "--from 2020 is after --to 2010" in done.output


def test_tool_exports_of_the_hand_built_atlas(handbuilt_db, tmp_path):
    for fmt, names in (("qdpx", {"atlas.qdpx"}), ("spss", {"facts.sav", "documents.sav"}),
                       ("graphml", {"network.graphml"}), ("geojson", {"regions.geojson"})):
        done = run("export", "--db", str(handbuilt_db), "--format", fmt, "--out", str(tmp_path / fmt))
        assert done.exit_code == 0, done.output
        assert {p.name for p in (tmp_path / fmt).iterdir()} == names
