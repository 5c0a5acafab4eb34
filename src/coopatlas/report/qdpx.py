"""REFI-QDA project export (.qdpx): the atlas's documents and evidence, coded, for NVivo, ATLAS.ti, MAXQDA,
QualCoder and other tools that read the REFI-QDA 1.0 project exchange standard.

    from coopatlas.report.qdpx import read_qdpx, write_qdpx
    write_qdpx(frames, atlas.text, "atlas.qdpx", title="Central district, 2015-2024")
    project = read_qdpx("atlas.qdpx")
    project.selections[0].codes      # ('Sphere/culture', 'Specificity/formal', 'Status/agreed', ...)

A .qdpx is a zip holding `project.qde` (XML, namespace urn:QDA-XML:project:1.0) and one UTF-8 plain
text per document in `sources/<guid>.txt`. Each evidence span of a fact becomes one PlainTextSelection
coded with the fact's codes (Sphere/, Specificity/, Status/, Direction/, Arity/, Partner/). GUIDs are
uuid5 of the atlas content, and zip entries carry a fixed timestamp, so two exports of one atlas differ
only in `creationDateTime`. Positions are code points of the plain text (Python `str` indices), the
atlas's own offsets. Text going into the XML (names, quotes, descriptions) has the characters XML 1.0
forbids replaced by U+FFFD; the plain-text files keep the text as it is (lone surrogates, which UTF-8
cannot hold, become U+FFFD there too, one for one, so offsets do not move).
"""
from __future__ import annotations

import re
import uuid
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Mapping

import pandas as pd
from lxml import etree

from coopatlas.analysis.frames import LEVELS
from coopatlas.model import Arity, Direction, Sphere, Status

__all__ = ["NAMESPACE", "QdaCode", "QdaProject", "QdaSelection", "QdaSource", "code_paths", "fact_codes",
           "read_qdpx", "write_qdpx", "xml_safe"]

NAMESPACE = "urn:QDA-XML:project:1.0"
_Q = "{%s}" % NAMESPACE
_ROOT = uuid.uuid5(uuid.NAMESPACE_URL, "urn:coopatlas:refi-qda")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_XML_FORBIDDEN = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_VARIABLES = (("author", "Text"), ("district", "Text"), ("year", "Integer"), ("doc_type", "Text"),
              ("level", "Text"), ("language", "Text"), ("path", "Text"))


@dataclass(frozen=True)
class QdaCode:
    guid: str
    path: str  # "Sphere/culture": the names from the top of the code tree, joined with "/"
    codable: bool


@dataclass(frozen=True)
class QdaSource:
    guid: str
    name: str
    text: str
    description: str
    variables: Mapping[str, object]


@dataclass(frozen=True)
class QdaSelection:
    guid: str
    source: str  # the TextSource's guid
    name: str
    start: int
    end: int
    text: str
    codes: tuple[str, ...]  # code paths
    description: str


@dataclass(frozen=True)
class QdaProject:
    name: str
    origin: str
    created: str
    codes: tuple[QdaCode, ...]
    sources: tuple[QdaSource, ...]
    selections: tuple[QdaSelection, ...]


# -- text and identifiers

def xml_safe(text) -> str:
    """`text` with every character XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF)
    replaced by U+FFFD; None becomes ""."""
    return "" if text is None else _XML_FORBIDDEN.sub("\ufffd", str(text))


def _guid(*parts) -> str:
    return str(uuid.uuid5(_ROOT, "\x1f".join(str(p) for p in parts)))


def _stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _known(value) -> bool:
    return value is not None and not (isinstance(value, float) and pd.isna(value)) and value is not pd.NA


# -- the code system

def _partner_label(party_id: str, reference) -> str:
    try:
        return f"{party_id} {reference.party(party_id).name_ru}"
    except Exception:  # an identifier the reference tables do not know: the id alone
        return party_id


def code_paths(frames) -> dict[str, tuple[str, ...]]:
    """The code tree: each top-level code with its codable children, in a fixed order."""
    partners = sorted({p for ps in frames.facts["partners_list"] for p in ps})
    return {
        "Sphere": tuple(s.value for s in Sphere),
        "Specificity": LEVELS,
        "Status": tuple(s.value for s in Status),
        "Direction": tuple(d.value for d in Direction),
        "Arity": tuple(a.value for a in Arity),
        "Partner": tuple(_partner_label(p, frames.reference) for p in partners),
    }


def fact_codes(fact, reference) -> tuple[str, ...]:
    """The code paths of one fact (a row of `frames.facts`): its spheres, level, status, direction,
    arity and named partners."""
    codes = [f"Sphere/{s}" for s in fact.spheres_list]
    for group, value in (("Specificity", fact.specificity), ("Status", fact.status),
                         ("Direction", fact.direction), ("Arity", fact.arity)):
        if _known(value):
            codes.append(f"{group}/{value}")
    codes.extend(f"Partner/{_partner_label(p, reference)}" for p in fact.partners_list)
    return tuple(codes)


# -- writing

def write_qdpx(frames, text_of: Callable[[int], str | None], path, title: str = "coopatlas atlas",
               created: datetime | None = None) -> Path:
    """Write `frames` as a REFI-QDA project to `path`; `text_of(document_id)` gives a document's text
    (e.g. `Atlas.text`). Documents whose text is None are left out, with their selections."""
    path = Path(path)
    texts = {d: _plain(text_of(d)) for d in frames.documents["document_id"]}
    texts = {d: t for d, t in texts.items() if t is not None}
    context = _context(frames, texts, _stamp(created or datetime.now(timezone.utc)))
    project = _project(frames, texts, title, context)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        _add(archive, "project.qde", etree.tostring(project, xml_declaration=True, encoding="UTF-8",
                                                    pretty_print=True))
        for document_id, text in texts.items():
            _add(archive, f"sources/{context.source_guids[document_id]}.txt", text.encode("utf-8"))
    return path


@dataclass(frozen=True)
class _Context:
    """What every element of one export needs: who and when, the sources' guids, each fact's codes and
    each document's evidence spans."""

    user: str
    stamp: str
    reference: object
    source_guids: Mapping[int, str]
    codes_of: Mapping[int, tuple[str, ...]]
    spans_of: Mapping[int, pd.DataFrame]


def _context(frames, texts: dict[int, str], stamp: str) -> _Context:
    paths = dict(zip(frames.documents["document_id"], frames.documents["path"]))
    spans = frames.evidence.sort_values(["document_id", "start", "end", "fact_id", "pos"])
    return _Context(
        user=_guid("user", "coopatlas"), stamp=stamp, reference=frames.reference,
        source_guids={d: _guid("source", paths[d], t) for d, t in texts.items()},
        codes_of={f.fact_id: fact_codes(f, frames.reference) for f in frames.facts.itertuples(index=False)},
        spans_of={d: group for d, group in spans.groupby("document_id")},
    )


def _plain(text: str | None) -> str | None:
    return None if text is None else _SURROGATE.sub("\ufffd", text)


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def _project(frames, texts: dict[int, str], title: str, context: _Context) -> etree._Element:
    root = etree.Element(_Q + "Project", nsmap={None: NAMESPACE}, name=xml_safe(title), origin="coopatlas",
                         creatingUserGUID=context.user, creationDateTime=context.stamp)
    users = etree.SubElement(root, _Q + "Users")
    etree.SubElement(users, _Q + "User", guid=context.user, name="coopatlas", id="coopatlas")
    root.append(_codebook(frames))
    root.append(_variables())
    sources = etree.SubElement(root, _Q + "Sources")
    for document in frames.documents.itertuples(index=False):
        if document.document_id in texts:
            sources.append(_text_source(document, context))
    return root


def _codebook(frames) -> etree._Element:
    book = etree.Element(_Q + "CodeBook")
    codes = etree.SubElement(book, _Q + "Codes")
    for group, leaves in code_paths(frames).items():
        top = etree.SubElement(codes, _Q + "Code", guid=_guid("code", group), name=group, isCodable="false")
        for leaf in leaves:
            etree.SubElement(top, _Q + "Code", guid=_guid("code", f"{group}/{leaf}"), name=xml_safe(leaf),
                             isCodable="true")
    return book


def _variables() -> etree._Element:
    variables = etree.Element(_Q + "Variables")
    for name, kind in _VARIABLES:
        etree.SubElement(variables, _Q + "Variable", guid=_guid("variable", name), name=name, typeOfVariable=kind)
    return variables


def _text_source(document, context: _Context) -> etree._Element:
    guid = context.source_guids[document.document_id]
    source = etree.Element(_Q + "TextSource", guid=guid, name=xml_safe(document.title or document.path),
                           plainTextPath=f"internal://{guid}.txt", creatingUser=context.user,
                           creationDateTime=context.stamp)
    etree.SubElement(source, _Q + "Description").text = xml_safe(_describe(document, context.reference))
    spans = context.spans_of.get(document.document_id)
    for span in spans.itertuples(index=False) if spans is not None else ():
        source.append(_selection(guid, span, context))
    for name, kind in _VARIABLES:
        value = getattr(document, name)
        if _known(value):
            source.append(_variable_value(name, kind, value))
    return source


def _describe(document, reference) -> str:
    author = _partner_label(document.author, reference) if document.author else "no author"
    year = document.year if _known(document.year) else "year unknown"
    return (f"{document.path}; author: {author}; district: {document.district or '-'}; year: {year}; "
            f"type: {document.doc_type or '-'}; highest specificity: {document.level or 'none'}")


def _selection(source_guid: str, span, context: _Context) -> etree._Element:
    guid = _guid("selection", source_guid, span.fact_id, span.pos, span.start, span.end)
    selection = etree.Element(_Q + "PlainTextSelection", guid=guid, name=f"fact {span.fact_id}.{span.pos + 1}",
                              startPosition=str(span.start), endPosition=str(span.end),
                              creatingUser=context.user, creationDateTime=context.stamp)
    etree.SubElement(selection, _Q + "Description").text = xml_safe(span.quote)
    for code in context.codes_of.get(span.fact_id, ()):
        coding = etree.SubElement(selection, _Q + "Coding", guid=_guid("coding", guid, code),
                                  creatingUser=context.user, creationDateTime=context.stamp)
        etree.SubElement(coding, _Q + "CodeRef", targetGUID=_guid("code", code))
    return selection


def _variable_value(name: str, kind: str, value) -> etree._Element:
    element = etree.Element(_Q + "VariableValue")
    etree.SubElement(element, _Q + "VariableRef", targetGUID=_guid("variable", name))
    etree.SubElement(element, _Q + f"{kind}Value").text = str(int(value)) if kind == "Integer" else xml_safe(value)
    return element


# -- reading

def read_qdpx(path) -> QdaProject:
    """Parse a .qdpx: its codes (as paths), text sources with their variables, and text selections
    with the code paths they are coded with and the text they cover."""
    with zipfile.ZipFile(path) as archive:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        root = etree.fromstring(archive.read("project.qde"), parser)
        codes = tuple(_read_codes(root.find(f"{_Q}CodeBook/{_Q}Codes"), ""))
        names = {c.guid: c.path for c in codes}
        variables = {v.get("guid"): v.get("name") for v in root.iter(_Q + "Variable")}
        sources, selections = [], []
        for element in root.iter(_Q + "TextSource"):
            source = _read_source(element, archive, variables)
            sources.append(source)
            selections.extend(_read_selection(s, source, names) for s in element.findall(_Q + "PlainTextSelection"))
    return QdaProject(root.get("name"), root.get("origin", ""), root.get("creationDateTime", ""), codes,
                      tuple(sources), tuple(selections))


def _read_codes(parent, prefix: str):
    for element in parent.findall(_Q + "Code") if parent is not None else ():
        path = f"{prefix}{element.get('name')}"
        yield QdaCode(element.get("guid"), path, element.get("isCodable") == "true")
        yield from _read_codes(element, path + "/")


def _read_source(element, archive: zipfile.ZipFile, variables: dict[str, str]) -> QdaSource:
    inline = element.find(_Q + "PlainTextContent")
    if inline is not None:
        text = inline.text or ""
    else:
        text = archive.read("sources/" + element.get("plainTextPath").removeprefix("internal://")).decode("utf-8")
    values = {variables.get(v.find(_Q + "VariableRef").get("targetGUID")): _read_value(v)
              for v in element.findall(_Q + "VariableValue")}
    return QdaSource(element.get("guid"), element.get("name", ""), text, element.findtext(_Q + "Description", ""),
                     values)


def _read_value(element):
    value = element[1] if len(element) > 1 else None
    if value is None:
        return None
    tag = etree.QName(value).localname
    return int(value.text) if tag == "IntegerValue" else value.text


def _read_selection(element, source: QdaSource, names: dict[str, str]) -> QdaSelection:
    start, end = int(element.get("startPosition")), int(element.get("endPosition"))
    codes = tuple(names.get(ref.get("targetGUID"), ref.get("targetGUID"))
                  for ref in element.iterfind(f"{_Q}Coding/{_Q}CodeRef"))
    return QdaSelection(element.get("guid"), source.guid, element.get("name", ""), start, end,
                        source.text[start:end], codes, element.findtext(_Q + "Description", ""))
