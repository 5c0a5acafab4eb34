"""Scoring predictions against gold files (codebook section 8).

    gold = read_jsonl("gold.jsonl"); pred = read_jsonl("pred.jsonl")
    report = evaluate(gold, pred)               # or evaluate(gold, pred, documents=held_out_keys)
    report.to_json(); print(render_table(report))
"""
from coopatlas.evaluation.canonical import canonicalise
from coopatlas.evaluation.counts import Counts
from coopatlas.evaluation.reader import parse_jsonl, read_jsonl
from coopatlas.evaluation.records import DocRecord, FactRecord
from coopatlas.evaluation.report import EvaluationReport, evaluate
from coopatlas.evaluation.table import render_table

__all__ = ["Counts", "canonicalise", "DocRecord", "EvaluationReport", "FactRecord", "evaluate", "parse_jsonl",
           "read_jsonl", "render_table"]
