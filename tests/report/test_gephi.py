"""GEXF and GraphML export: networkx reads the files back with the same nodes, edges and weights, and a
hostile party name leaves the XML well-formed."""
from __future__ import annotations

import networkx as nx
import pytest
from lxml import etree

from coopatlas.report.gephi import gephi_ready, write_gexf, write_graphml

HOSTILE = 'Evil <b>&amp; "Co" </graph>\x01'


def small_graph() -> nx.DiGraph:
    G = nx.DiGraph()
    G.add_node("RU-KLU", name="Калужская область", kind="subject", district="central", lat=54.51, lon=36.25,
               documents_authored=2)
    G.add_node("org:x", name=HOSTILE, kind="org", district=None, lat=None, lon=None, documents_authored=0)
    G.add_node("RU-TUL", name="Тульская область", kind="subject", district="central", lat=54.19, lon=37.62,
               documents_authored=1)
    G.add_edge("RU-KLU", "org:x", documents=2, facts=3, spheres=2, fact_ids=[1, 2, 5], document_ids=[7, 9],
               spheres_list=["culture", "trade_investment"])
    G.add_edge("RU-TUL", "RU-KLU", documents=1, facts=1, spheres=1, fact_ids=[4], document_ids=[8],
               spheres_list=["trade_investment"])
    G.graph["ties"] = nx.Graph([("RU-TUL", "RU-TVE")])  # not a plain value: left out of the files
    return G


@pytest.mark.parametrize("write, read", [(write_gexf, nx.read_gexf), (write_graphml, nx.read_graphml)])
def test_round_trip(tmp_path, write, read):
    path = tmp_path / "partners.xml"
    write(small_graph(), path)
    back = read(path)
    assert back.is_directed()
    assert set(back) == {"RU-KLU", "org:x", "RU-TUL"}
    assert set(back.edges()) == {("RU-KLU", "org:x"), ("RU-TUL", "RU-KLU")}
    assert back["RU-KLU"]["org:x"]["weight"] == 2  # weight = documents
    assert back["RU-TUL"]["RU-KLU"]["weight"] == 1
    assert back["RU-KLU"]["org:x"]["fact_ids"] == "1|2|5"
    assert back["RU-KLU"]["org:x"]["spheres_list"] == "culture|trade_investment"
    assert back.nodes["RU-KLU"]["lat"] == pytest.approx(54.51)
    assert "lat" not in back.nodes["org:x"] and "district" not in back.nodes["org:x"]  # None dropped


@pytest.mark.parametrize("write", [write_gexf, write_graphml])
def test_hostile_name_keeps_the_xml_well_formed(tmp_path, write):
    path = tmp_path / "partners.xml"
    write(small_graph(), path)
    tree = etree.parse(str(path))  # raises on ill-formed XML
    texts = [value for element in tree.iter() for value in [element.text, *element.attrib.values()] if value]
    assert 'Evil <b>&amp; "Co" </graph>' in texts  # escaped on the way out, the same text read back
    assert not any("\x01" in t for t in texts)


def test_gephi_ready_flattens_and_labels():
    H = gephi_ready(small_graph(), weight="facts")
    assert H["RU-KLU"]["org:x"]["weight"] == 3  # facts
    assert H.nodes["RU-KLU"]["label"] == "Калужская область"
    assert "ties" not in H.graph


def test_undirected_graph_stays_undirected(tmp_path):
    G = nx.Graph()
    G.add_edge("A", "B", documents=4, spheres_list=[])
    path = tmp_path / "pairs.gexf"
    write_gexf(G, path)
    back = nx.read_gexf(path)
    assert not back.is_directed() and back["A"]["B"]["weight"] == 4
