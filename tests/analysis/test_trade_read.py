"""read_trade: CSV (comma / semicolon, BOM, decimal comma, Russian headers, names) and XLSX; bad rows are errors."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopatlas.analysis.trade import TradeFileError, read_trade
from coopatlas.analysis.trade_read import FLOW_COLUMNS
from coopatlas.errors import CoopatlasError, ReadError

DATA = Path(__file__).resolve().parent.parent / "data" / "trade"
HEADER = "year,from,to,commodity group,value,unit\n"

# The flows of handbuilt-flows.csv, in file order (written out from the file by hand).
EXPECTED = [
    (2020, "RU-KLU", "RU-TUL", "food", 100.0), (2020, "RU-TUL", "RU-KLU", "food", 50.0),
    (2020, "RU-KLU", "RU-TVE", "food", 300.0), (2020, "RU-TVE", "RU-TUL", "food", 40.0),
    (2021, "RU-KLU", "RU-TUL", "food", 150.0), (2021, "RU-PSK", "RU-LEN", "food", 10.0),
    (2021, "RU-TUL", "RU-TUL", "food", 999.0), (2020, "RU-TA", "RU-KLU", "machinery", 500.0),
    (2020, "RU-LEN", "RU-NGR", "machinery", 80.0), (2021, "RU-TA", "RU-MOW", "machinery", 200.0),
    (2021, "RU-KLU", "RU-PSK", "machinery", 0.0),
]


def rows_of(flows):
    return [tuple(r) for r in flows.table[["year", "source", "target", "commodity", "value"]].itertuples(index=False)]


def write(tmp_path, text, name="flows.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_english_csv_with_ids():
    flows = read_trade(DATA / "handbuilt-flows.csv")
    assert rows_of(flows) == EXPECTED
    assert set(flows.table["unit"]) == {"mln RUB"}
    assert flows.table["line"].tolist() == list(range(3, 14))  # line 1 a comment, line 2 the header
    assert flows.path.endswith("handbuilt-flows.csv")


def test_russian_csv_with_names_semicolons_bom_and_decimal_comma():
    flows = read_trade(DATA / "handbuilt-flows-ru.csv")
    assert rows_of(flows) == EXPECTED
    assert flows.table["line"].tolist()[3:5] == [6, 7]  # line 5 is blank


def test_thousands_spaces_decimal_comma_and_tabs(tmp_path):
    path = write(tmp_path, "год\tоткуда\tкуда\tтоварная группа\tстоимость\tединица измерения\n"
                           "2022\tRU-KLU\tRU-TUL\tfood\t1 234,5\tt\n")
    assert read_trade(path).table["value"].tolist() == [1234.5]


def test_xlsx_first_sheet_with_row_numbers(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["# invented numbers"])
    sheet.append(["Year", "From", "To", "Commodity group", "Value", "Unit"])
    sheet.append([2020, "Kaluga Oblast", "RU-TUL", "food", 12.5, "mln RUB"])
    sheet.append([])
    sheet.append([2021.0, "Tula Oblast", "Калужская область", "food", "7,5", "mln RUB"])
    book.create_sheet("ignored").append(["nothing", "here"])
    book.save(tmp_path / "flows.xlsx")
    flows = read_trade(tmp_path / "flows.xlsx")
    assert rows_of(flows) == [(2020, "RU-KLU", "RU-TUL", "food", 12.5), (2021, "RU-TUL", "RU-KLU", "food", 7.5)]
    assert flows.table["line"].tolist() == [3, 5]


def test_xlsx_error_names_the_sheet_row(tmp_path):
    book = openpyxl.Workbook()
    for row in (["year", "from", "to", "commodity", "value", "unit"], [2020, "RU-KLU", "RU-TUL", "food", 1, "t"],
                [], [2020, "RU-KLU", "Атлантида", "food", 1, "t"]):
        book.active.append(row)
    book.save(tmp_path / "bad.xlsx")
    with pytest.raises(TradeFileError, match=r"bad\.xlsx, row 4: unknown region 'Атлантида'"):
        read_trade(tmp_path / "bad.xlsx")


@pytest.mark.parametrize("body, message", [
    ("2020,RU-KLU,Нарния,food,1,t\n", r"row 2: unknown region 'Нарния'"),
    ("2020,РТ,RU-KLU,food,1,t\n", r"row 2: ambiguous region 'РТ': it names RU-TA, RU-TY"),
    ("2020,RU-KLU,RU-TUL,food,abc,t\n", r"row 2: value 'abc' is not a number"),
    ("2020,RU-KLU,RU-TUL,food,,t\n", r"row 2: value '' is not a number"),
    ("2020,RU-KLU,RU-TUL,food,nan,t\n", r"row 2: value 'nan' is not a number"),
    ("2020,RU-KLU,RU-TUL,food,-5,t\n", r"row 2: value '-5' is negative"),
    ("20x1,RU-KLU,RU-TUL,food,1,t\n", r"row 2: year '20x1' is not a four-digit year"),
    ("2020,RU-KLU,RU-TUL,,1,t\n", r"row 2: empty commodity group"),
    ("2020,RU-KLU,RU-TUL,food,1\n", r"row 2: empty unit"),
    ("2020,RU-KLU,RU-TUL,food,1,t\n2021,RU-TUL,RU-KLU,food,2,t\n2021,RU-TUL,RU-KLU,food,2,kg\n",
     r"row 4: unit 'kg' differs from 't', the unit of 'food'"),
])
def test_bad_rows_name_file_row_and_reason(tmp_path, body, message):
    path = write(tmp_path, HEADER + body)
    with pytest.raises(TradeFileError, match=r"flows\.csv, " + message):
        read_trade(path)


@pytest.mark.parametrize("text, message", [
    ("year,from,to,value,unit\n2020,RU-KLU,RU-TUL,1,t\n", r"row 1: missing column\(s\): commodity"),
    ("год,откуда,куда,товарная группа,объём,стоимость,единица\n", r"row 1: two columns for 'value'"),
    ("# only a comment\n\n", r"no header row and no data"),
    (HEADER, r"a header but no flows"),
])
def test_bad_layouts(tmp_path, text, message):
    with pytest.raises(TradeFileError, match=message):
        read_trade(write(tmp_path, text))


def test_not_utf8_and_not_a_workbook_are_read_errors(tmp_path):
    path = tmp_path / "cp1251.csv"
    path.write_bytes((HEADER + "2020,Калужская область,RU-TUL,food,1,t\n").encode("cp1251"))
    with pytest.raises(ReadError, match="not UTF-8"):
        read_trade(path)
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ReadError, match="not a readable XLSX workbook"):
        read_trade(tmp_path / "broken.xlsx")
    with pytest.raises(CoopatlasError, match="cannot read"):
        read_trade(tmp_path / "missing.csv")


def test_select_by_commodity_and_years():
    flows = read_trade(DATA / "handbuilt-flows.csv")
    # machinery in 2021: TA→MOW 200 and KLU→PSK 0 (the last two rows of the file)
    chosen = flows.select("machinery", year_from=2021)
    assert list(zip(chosen["source"], chosen["value"])) == [("RU-TA", 200.0), ("RU-KLU", 0.0)]
    assert len(flows.select(year_to=2020)) == 6  # 2020 rows: 4 food + 2 machinery
    with pytest.raises(TradeFileError, match="no commodity group 'oil'"):
        flows.select("oil")


def test_the_demo_matrix_reads():
    path = Path(__file__).resolve().parents[2] / "demo" / "trade" / "interregional-trade.csv"
    flows = read_trade(path)
    # 342 lines: a comment, the header and 340 flows (demo/trade/README.md)
    assert len(flows.table) == 340
    assert flows.table["commodity"].nunique() == 5 and set(flows.table["year"]) == {2021, 2022, 2023}
    assert set(flows.table["unit"]) == {"млн руб."}
    # the 26 authors of the demo corpus in the Central, North-West and Volga districts
    assert len(set(flows.table["source"]) | set(flows.table["target"])) == 26


def test_rows_of_bare_separators_are_blank(tmp_path):
    path = write(tmp_path, HEADER + "2020,RU-KLU,RU-TUL,food,1,t\n,,,,,\n")
    assert len(read_trade(path).table) == 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=300), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_any_bytes_give_flows_or_a_coopatlas_error(tmp_path, body, suffix):
    path = tmp_path / f"any{suffix}"
    path.write_bytes(HEADER.encode() + body if suffix == ".csv" else body)
    try:
        flows = read_trade(path)
    except CoopatlasError as exc:
        assert str(exc).startswith(str(path))  # the message names the file
    else:
        assert list(flows.table.columns) == FLOW_COLUMNS
