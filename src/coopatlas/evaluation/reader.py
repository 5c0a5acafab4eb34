"""Read gold and prediction JSON Lines into `DocRecord`s, checking the codebook's shape.

Every problem raises `FormatError` naming `file:line`. Required keys: `document`, `author`
(may be null) and `facts` (may be absent only on a record with an `error` key); in each fact
`parties`, `spheres`, `specificity`, `status` and `direction` (may be null). `language`,
`implied`, `arity` and `years` are optional. Other keys are allowed and ignored.
Blank lines are skipped; a document key may appear only once per file.
"""
from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Iterable

from coopatlas.errors import FormatError
from coopatlas.evaluation.records import DocRecord, FactRecord
from coopatlas.model import Arity, Direction, Specificity, Sphere, Status

_MISSING = object()


def read_jsonl(path: str | Path) -> tuple[DocRecord, ...]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FormatError(f"{path}: cannot read: {exc}") from exc
    return parse_jsonl(text.splitlines(), source=str(path))


def parse_jsonl(lines: Iterable[str], source: str = "<jsonl>") -> tuple[DocRecord, ...]:
    records: list[DocRecord] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        record = parse_record(_load(line, where), where)
        if record.document in first_line:
            raise FormatError(
                f"{where}: document {record.document!r} repeats line {first_line[record.document]}")
        first_line[record.document] = number
        records.append(record)
    return tuple(records)


def parse_record(obj, where: str) -> DocRecord:
    if not isinstance(obj, dict):
        raise FormatError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    error = _optional_str(obj, "error", where)
    facts = obj.get("facts", _MISSING)
    if facts is _MISSING and error is None:
        raise FormatError(f"{where}: missing key 'facts'")
    facts = [] if facts is _MISSING else facts
    if not isinstance(facts, list):
        raise FormatError(f"{where}: 'facts' must be a list")
    return DocRecord(
        document=_document_key(obj, where),
        author=_nullable_str(obj, "author", where),
        language=_optional_str(obj, "language", where),
        facts=tuple(parse_fact(f, f"{where}: fact {i}") for i, f in enumerate(facts)),
        error=error,
    )


def parse_fact(obj, where: str) -> FactRecord:
    if not isinstance(obj, dict):
        raise FormatError(f"{where}: expected a JSON object")
    return FactRecord(
        parties=_str_list(_required(obj, "parties", where), "parties", where),
        implied=_str_list(obj.get("implied", []), "implied", where),
        spheres=tuple(_enum(Sphere, v, "sphere", where)
                      for v in _list(_required(obj, "spheres", where), "spheres", where)),
        specificity=_enum(Specificity, _required(obj, "specificity", where), "specificity", where),
        status=_enum(Status, _required(obj, "status", where), "status", where),
        direction=_nullable_enum(Direction, _required(obj, "direction", where), "direction", where),
        arity=_nullable_enum(Arity, obj.get("arity"), "arity", where),
        years=_years(obj.get("years", []), where),
    )


def _load(line: str, where: str):
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise FormatError(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})") from exc


def _required(obj: dict, key: str, where: str):
    if key not in obj:
        raise FormatError(f"{where}: missing key {key!r}")
    return obj[key]


def _document_key(obj: dict, where: str) -> str:
    value = _required(obj, "document", where)
    if not isinstance(value, str) or not value:
        raise FormatError(f"{where}: 'document' must be a non-empty string")
    return value


def _nullable_str(obj: dict, key: str, where: str) -> str | None:
    value = _required(obj, key, where)
    if value is not None and not isinstance(value, str):
        raise FormatError(f"{where}: {key!r} must be a string or null")
    return value


def _optional_str(obj: dict, key: str, where: str) -> str | None:
    return _nullable_str(obj, key, where) if key in obj else None


def _list(value, key: str, where: str) -> list:
    if not isinstance(value, list):
        raise FormatError(f"{where}: {key!r} must be a list")
    return value


def _str_list(value, key: str, where: str) -> tuple[str, ...]:
    items = _list(value, key, where)
    if not all(isinstance(v, str) and v for v in items):
        raise FormatError(f"{where}: {key!r} must hold non-empty strings")
    return tuple(items)


def _years(value, where: str) -> tuple[int, ...]:
    items = _list(value, "years", where)
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in items):
        raise FormatError(f"{where}: 'years' must hold integers")
    return tuple(items)


def _enum(kind: type[StrEnum], value, name: str, where: str):
    try:
        return kind(value)
    except (ValueError, TypeError):
        allowed = ", ".join(m.value for m in kind)
        raise FormatError(f"{where}: unknown {name} {value!r} (expected one of: {allowed})") from None


def _nullable_enum(kind: type[StrEnum], value, name: str, where: str):
    return None if value is None else _enum(kind, value, name, where)
