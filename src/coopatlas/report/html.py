"""Render a `Page` to one self-contained HTML file with Jinja2 (autoescaped): styles and the chart
JavaScript are inlined, so the file opens offline and sends no request.

    write_html(page, "report/index.html", javascript=render.javascript_bundle())
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import jinja2

from coopatlas.report.page import Page

__all__ = ["render_html", "write_html"]


def render_html(page: Page, javascript: str) -> str:
    """The page as HTML text; `javascript` (the Vega bundle) is trusted code, everything else is escaped."""
    if "</script" in javascript.lower():
        raise ValueError("the chart bundle contains </script and cannot be inlined")
    return _environment().get_template("report.html.j2").render(page=page, css=_css(), javascript=javascript)


def write_html(page: Page, path: str | Path, javascript: str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(page, javascript), encoding="utf-8")
    return path


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    loader = jinja2.PackageLoader("coopatlas.report", "templates")
    return jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                              trim_blocks=False, lstrip_blocks=False)


@lru_cache(maxsize=1)
def _css() -> str:
    return resources.files("coopatlas.report").joinpath("templates/report.css").read_text(encoding="utf-8")
