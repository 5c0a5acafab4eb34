import json

import pytest

from coopatlas.errors import FormatError
from coopatlas.evaluation import DocRecord, parse_jsonl, read_jsonl
from coopatlas.model import Direction, Specificity, Sphere, Status

GOOD_FACT = {"parties": ["RU-NGR", "RU-TAM"], "implied": [], "spheres": ["tourism", "culture"],
             "specificity": "detailed", "status": "agreed", "direction": "interregional",
             "arity": "bilateral", "years": [2023, 2025],
             "evidence": [{"start": 0, "end": 3, "quote": "abc"}], "why": {"spheres": {}}}
GOOD = {"document": "tambov.txt", "author": "RU-TAM", "language": "ru", "facts": [GOOD_FACT]}


def line(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


def with_fact(**changes):
    return {**GOOD, "facts": [{**GOOD_FACT, **changes}]}


def without(obj, key):
    return {k: v for k, v in obj.items() if k != key}


def test_reads_a_valid_record(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(line(GOOD) + "\n\n" + line({**GOOD, "document": "b.txt", "facts": []}) + "\n")
    first, second = read_jsonl(path)
    assert first.document == "tambov.txt" and first.author == "RU-TAM" and first.language == "ru"
    (f,) = first.facts
    assert f.parties == ("RU-NGR", "RU-TAM")
    assert f.spheres == (Sphere.TOURISM, Sphere.CULTURE)
    assert (f.specificity, f.status, f.direction) == (Specificity.DETAILED, Status.AGREED, Direction.INTERREGIONAL)
    assert f.years == (2023, 2025)
    assert second.facts == () and not second.failed


def test_optional_keys_default():
    fact = without(without(without(GOOD_FACT, "implied"), "arity"), "years")
    (record,) = parse_jsonl([line({**without(GOOD, "language"), "facts": [fact]})])
    assert record.language is None
    assert record.facts[0].implied == () and record.facts[0].arity is None and record.facts[0].years == ()


def test_error_record_is_kept_and_flagged():
    (record,) = parse_jsonl([line({"document": "x.pdf", "author": None, "error": "encrypted PDF"})])
    assert record.failed and record.error == "encrypted PDF" and record.facts == ()


def test_round_trip_through_to_json():
    (record,) = parse_jsonl([line(GOOD)])
    assert parse_jsonl([line(record.to_json())]) == (record,)


def test_bad_json_names_file_and_line(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text(line(GOOD) + "\n" + '{"document": "b", oops}\n')
    with pytest.raises(FormatError, match=r"pred\.jsonl:2: invalid JSON"):
        read_jsonl(path)


@pytest.mark.parametrize("record, message", [
    (without(GOOD, "document"), "missing key 'document'"),
    (without(GOOD, "author"), "missing key 'author'"),
    (without(GOOD, "facts"), "missing key 'facts'"),
    (with_fact(spheres=["tourism", "space"]), "fact 0: unknown sphere 'space'"),
    (with_fact(specificity="deep"), "unknown specificity 'deep'"),
    (with_fact(specificity=None), "unknown specificity None"),
    (with_fact(status="signed"), "unknown status 'signed'"),
    (with_fact(direction="international"), "unknown direction 'international'"),
    (with_fact(arity="trilateral"), "unknown arity 'trilateral'"),
    (with_fact(parties="RU-TAM"), "'parties' must be a list"),
    (with_fact(parties=["RU-TAM", 7]), "'parties' must hold non-empty strings"),
    (with_fact(years=["2023"]), "'years' must hold integers"),
    ({**GOOD, "facts": [without(GOOD_FACT, "direction")]}, "fact 0: missing key 'direction'"),
    ({**GOOD, "facts": [without(GOOD_FACT, "parties")]}, "missing key 'parties'"),
    ({**GOOD, "facts": {}}, "'facts' must be a list"),
    ({**GOOD, "document": ""}, "'document' must be a non-empty string"),
    ({**GOOD, "author": 3}, "'author' must be a string or null"),
    ([1, 2], "expected a JSON object"),
])
def test_malformed_records_raise_with_line_number(record, message):
    lines = [line({**GOOD, "document": "first"}), "", line(record)]
    with pytest.raises(FormatError) as caught:
        parse_jsonl(lines, source="gold.jsonl")
    assert str(caught.value).startswith("gold.jsonl:3: ")
    assert message in str(caught.value)


def test_repeated_document_is_an_error():
    with pytest.raises(FormatError, match=r"g:2: document 'tambov.txt' repeats line 1"):
        parse_jsonl([line(GOOD), line(GOOD)], source="g")


def test_unreadable_file_is_a_format_error(tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(FormatError, match="latin.jsonl"):
        read_jsonl(path)


def test_records_are_frozen():
    (record,) = parse_jsonl([line(GOOD)])
    assert isinstance(record, DocRecord)
    with pytest.raises(AttributeError):
        record.author = "RU-MOW"
