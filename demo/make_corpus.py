#!/usr/bin/env python3
"""Regenerate demo/corpus/ from the plain-text sources in demo/sources/.

Every source is a UTF-8 file ``demo/sources/<district>/<name>.md`` with a header between two
``---`` lines and a body in a small Markdown subset:

    # Title line           (h1)          ## Section heading   (h2)        ### Subheading (h3)
    - list item                          | cell | cell |     (table rows, first row is the header)
    ===page===             (page break in a PDF; ignored elsewhere)
    blank line             (paragraph break; lines of one paragraph are joined with a space)

Header keys:
    format     txt | html | pdf | docx
    encoding   utf-8 | windows-1251 | koi8-r     (txt and html; default utf-8)
    template   gov | old | investor | news          (html page template)
    hyphenate  yes                                 (pdf: soft hyphens in long words, so lines end in "-")
    zip        name of the archive (relative to corpus/) that holds this document as a member
    author, type, year, lang, url, title          metadata; written to manifest.csv when manifest: yes

The output is deterministic: fixed dates in PDF and DOCX metadata, fixed timestamps and sorted
members in every zip container, no randomness. Run from anywhere:

    .venv/bin/python demo/make_corpus.py
"""
from __future__ import annotations

import collections
import csv
import datetime as dt
import html
import io
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

DEMO = Path(__file__).resolve().parent
SOURCES = DEMO / "sources"
CORPUS = DEMO / "corpus"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_DATE = dt.datetime(2024, 9, 1, 12, 0, 0, tzinfo=dt.timezone.utc)
ZIP_DATE = (2024, 9, 1, 12, 0, 0)
SOFT_HYPHEN = "\u00ad"

REGION_NAMES = {
    "RU-KLU": "Калужская область", "RU-TUL": "Тульская область", "RU-BRY": "Брянская область",
    "RU-SMO": "Смоленская область", "RU-TVE": "Тверская область", "RU-YAR": "Ярославская область",
    "RU-VLA": "Владимирская область", "RU-BEL": "Белгородская область", "RU-KRS": "Курская область",
    "RU-MOW": "Москва", "RU-SPE": "Санкт-Петербург", "RU-LEN": "Ленинградская область",
    "RU-PSK": "Псковская область", "RU-NGR": "Новгородская область", "RU-KR": "Республика Карелия",
    "RU-MUR": "Мурманская область", "RU-KGD": "Калининградская область",
    "RU-ARK": "Архангельская область", "RU-TA": "Республика Татарстан",
    "RU-BA": "Республика Башкортостан", "RU-SAM": "Самарская область",
    "RU-NIZ": "Нижегородская область", "RU-CU": "Чувашская Республика",
    "RU-PNZ": "Пензенская область", "RU-ULY": "Ульяновская область",
    "RU-ORE": "Оренбургская область", "RU-SVE": "Свердловская область",
    "RU-NVS": "Новосибирская область", "RU-PRI": "Приморский край",
    "RU-KDA": "Краснодарский край", "RU-AST": "Астраханская область",
}
DISTRICTS = {"central": "Центральный ФО", "north-west": "Северо-Западный ФО",
             "volga": "Приволжский ФО", "other": "другие округа"}


@dataclass
class Source:
    path: Path
    meta: dict[str, str]
    blocks: list[tuple[str, object]] = field(default_factory=list)

    @property
    def district(self) -> str:
        return self.path.parent.name

    @property
    def out_name(self) -> str:
        return f"{self.path.stem}.{self.meta['format']}"

    @property
    def rel_out(self) -> str:
        """Path relative to corpus/; a zip member is written as ``archive.zip/member``."""
        if self.meta.get("zip"):
            return f"{self.meta['zip']}/{self.out_name}"
        return f"{self.district}/{self.out_name}"


# --------------------------------------------------------------------------- parsing

def parse(path: Path) -> Source:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise SystemExit(f"{path}: no header")
    head, body = text[4:].split("\n---\n", 1)
    meta = {}
    for line in head.splitlines():
        if line.strip():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
    for key in ("format", "author", "type", "year", "lang"):
        if key not in meta:
            raise SystemExit(f"{path}: header lacks {key}")
    return Source(path, meta, parse_body(body))


def parse_body(body: str) -> list[tuple[str, object]]:
    blocks: list[tuple[str, object]] = []
    para: list[str] = []
    table: list[list[str]] = []

    def flush() -> None:
        if para:
            blocks.append(("p", " ".join(para)))
            para.clear()
        if table:
            blocks.append(("table", [row[:] for row in table]))
            table.clear()

    for raw in body.strip("\n").splitlines():
        line = raw.rstrip()
        if not line.strip():
            flush()
        elif line.strip() == "===page===":
            flush()
            blocks.append(("page", None))
        elif line.startswith("|"):
            if para:
                flush()
            table.append([c.strip() for c in line.strip().strip("|").split("|")])
        elif line.startswith(("# ", "## ", "### ")):
            flush()
            level = len(line.split(" ", 1)[0])
            blocks.append((f"h{level}", line[level + 1:].strip()))
        elif line.startswith("- "):
            flush()
            blocks.append(("li", line[2:].strip()))
        else:
            if table:
                flush()
            para.append(line.strip())
    flush()
    return blocks


# --------------------------------------------------------------------------- plain text

def to_plain(src: Source) -> str:
    """Headings and paragraphs are separated by a blank line; list items and table rows are not."""
    chunks: list[tuple[str, str]] = []
    for kind, value in src.blocks:
        if kind == "page":
            continue
        if kind == "table":
            chunks.extend(("row", "\t".join(row)) for row in value)  # type: ignore[union-attr]
        elif kind == "li":
            chunks.append(("li", f"– {value}"))
        else:
            chunks.append((kind, str(value)))
    out = []
    for i, (kind, text) in enumerate(chunks):
        if i:
            same_run = kind in ("li", "row") and chunks[i - 1][0] == kind
            out.append("\n" if same_run else "\n\n")
        out.append(text)
    return "".join(out) + "\n"


KOI8_SUBSTITUTES = str.maketrans({"–": "-", "—": "-", "«": '"', "»": '"', "№": "N", "„": '"', "“": '"'})


def encode(text: str, encoding: str) -> bytes:
    """KOI8-R has no typographic dashes, guillemets or the numero sign: use the typewriter forms."""
    if encoding == "koi8-r":
        text = text.translate(KOI8_SUBSTITUTES)
    return text.encode(encoding)  # strict: a character the encoding lacks is an error in the source


def write_txt(src: Source) -> bytes:
    encoding = src.meta.get("encoding", "utf-8")
    text = to_plain(src)
    if src.meta.get("newline") == "crlf":
        text = text.replace("\n", "\r\n")
    return encode(text, encoding)


# --------------------------------------------------------------------------- HTML

def html_body(src: Source) -> str:
    parts: list[str] = []
    in_list = False
    for kind, value in src.blocks:
        if kind != "li" and in_list:
            parts.append("</ul>")
            in_list = False
        if kind == "page":
            continue
        if kind == "li":
            if not in_list:
                parts.append("<ul>")
                in_list = True
            parts.append(f"  <li>{html.escape(str(value), quote=False)}</li>")
        elif kind == "table":
            rows = value  # type: ignore[assignment]
            parts.append('<table class="data">')
            for i, row in enumerate(rows):
                tag = "th" if i == 0 else "td"
                cells = "".join(f"<{tag}>{html.escape(c, quote=False)}</{tag}>" for c in row)
                parts.append(f"  <tr>{cells}</tr>")
            parts.append("</table>")
        elif kind == "p":
            parts.append(f"<p>{html.escape(str(value), quote=False)}</p>")
        else:
            parts.append(f"<{kind}>{html.escape(str(value), quote=False)}</{kind}>")
    if in_list:
        parts.append("</ul>")
    return "\n".join(parts)


def split_marker(src: Source) -> tuple[str, Source]:
    """The first paragraph is the illustrative marker; templates place it first in <body>."""
    kind, value = src.blocks[0]
    assert kind == "p" and str(value).startswith("["), src.path
    return str(value), Source(src.path, src.meta, src.blocks[1:])


def charset_name(encoding: str) -> str:
    return {"utf-8": "utf-8", "windows-1251": "windows-1251", "koi8-r": "koi8-r"}[encoding]


def page_title(src: Source) -> str:
    for kind, value in src.blocks:
        if kind == "h1":
            return str(value)
    return src.meta.get("site", "")


def tpl_gov(src: Source, marker: str, body: str, charset: str) -> str:
    site = src.meta.get("site", "Официальный портал")
    title = html.escape(page_title(src))
    date = src.meta.get("date", src.meta["year"])
    return f"""<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="{charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | {html.escape(site)}</title>
<link rel="stylesheet" href="/static/css/main.min.css">
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
<script src="/static/js/vendor.bundle.js" defer></script>
</head>
<body class="page-news">
<div class="demo-marker"><p>{html.escape(marker)}</p></div>
<a class="skip" href="#content">Перейти к содержанию</a>
<header class="site-header">
  <div class="logo"><a href="/">{html.escape(site)}</a></div>
  <div class="tools"><a href="/special/">Версия для слабовидящих</a> <a href="/en/">English</a> <form action="/search/"><input name="q" placeholder="Поиск по сайту"><button>Найти</button></form></div>
  <nav class="main-menu">
    <ul>
      <li><a href="/region/">О регионе</a></li>
      <li><a href="/governor/">Губернатор</a></li>
      <li><a href="/government/">Правительство</a></li>
      <li><a href="/news/">Новости</a></li>
      <li><a href="/docs/">Документы</a></li>
      <li><a href="/appeals/">Обращения граждан</a></li>
    </ul>
  </nav>
</header>
<div class="breadcrumbs"><a href="/">Главная</a> / <a href="/news/">Новости</a> / <span>{date}</span></div>
<main id="content">
<article class="news-item">
<div class="news-date">{date}</div>
{body}
</article>
<div class="share">Поделиться: <a href="#">ВКонтакте</a> <a href="#">Одноклассники</a> <a href="#">Telegram</a></div>
</main>
<aside class="sidebar">
  <h3>Другие новости</h3>
  <ul>
    <li><a href="/news/1/">Губернатор провёл приём граждан по личным вопросам</a></li>
    <li><a href="/news/2/">Открыта запись на летнюю оздоровительную кампанию</a></li>
    <li><a href="/news/3/">Изменился график работы МФЦ в праздничные дни</a></li>
  </ul>
</aside>
<footer class="site-footer">
  <p>© {html.escape(site)}. При использовании материалов ссылка на сайт обязательна.</p>
  <p>Адрес для обращений: <a href="mailto:info@example.org">info@example.org</a></p>
</footer>
<div id="cookie-banner">Сайт использует файлы cookie. <button onclick="acceptCookies()">Согласен</button></div>
<script>
function acceptCookies() {{ document.getElementById('cookie-banner').style.display = 'none'; }}
var counter = {{ id: 100500, trackLinks: true, html: "<p>Счётчик посещений</p>" }};
</script>
</body>
</html>
"""


def tpl_old(src: Source, marker: str, body: str, charset: str) -> str:
    site = src.meta.get("site", "Администрация области")
    title = html.escape(page_title(src))
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}</title>
<script type="text/javascript" src="/js/menu.js"></script>
<style type="text/css">td.menu a {{ color: #003366; }}</style>
</head>
<body bgcolor="#ffffff">
<p class="demo-marker">{html.escape(marker)}</p>
<table width="100%" border="0" cellpadding="0" cellspacing="0">
<tr><td colspan="2" class="top"><img src="/img/gerb.gif" alt="Герб"> <b>{html.escape(site)}</b></td></tr>
<tr>
<td width="200" valign="top" class="menu">
  <a href="/index.php">Главная</a><br>
  <a href="/structure/">Структура</a><br>
  <a href="/news/">Новости</a><br>
  <a href="/npa/">Нормативные акты</a><br>
  <a href="/contacts/">Контакты</a><br>
  <a href="/map.php">Карта сайта</a>
</td>
<td valign="top" class="content">
{body}
<p><a href="/news/">&laquo; Вернуться к списку новостей</a> | <a href="javascript:window.print()">Версия для печати</a></p>
</td>
</tr>
<tr><td colspan="2" class="bottom">Все права защищены. Разработка сайта: отдел информатизации.</td></tr>
</table>
<script type="text/javascript">
<!--
document.write('<img src="/cnt.php?r=' + escape(document.referrer) + '" width="1" height="1">');
//-->
</script>
</body>
</html>
"""


def tpl_investor(src: Source, marker: str, body: str, charset: str) -> str:
    site = src.meta.get("site", "Investment Portal")
    title = html.escape(page_title(src))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="{charset}">
<title>{title} — {html.escape(site)}</title>
<meta name="description" content="Investment opportunities, industrial parks and support for investors.">
<script async src="/assets/analytics.js"></script>
</head>
<body>
<p class="demo-marker">{html.escape(marker)}</p>
<header>
  <a class="brand" href="/">{html.escape(site)}</a>
  <nav>
    <a href="/about/">About the region</a>
    <a href="/parks/">Industrial parks</a>
    <a href="/support/">Investor support</a>
    <a href="/news/">News</a>
    <a href="/contacts/">Contacts</a>
    <a href="/ru/">Русский</a>
  </nav>
</header>
<main>
{body}
<section class="cta"><a class="button" href="/contacts/">Contact the investment team</a></section>
</main>
<footer>
  <p>Subscribe to our newsletter: <input type="email" placeholder="you@example.org"> <button>Subscribe</button></p>
  <p>© {html.escape(site)}. All rights reserved. <a href="/privacy/">Privacy policy</a></p>
</footer>
<script>
document.querySelectorAll('nav a').forEach(function (a) {{ a.addEventListener('click', function () {{ track(a.href); }}); }});
function track(u) {{ return u; }}
</script>
</body>
</html>
"""


def tpl_news(src: Source, marker: str, body: str, charset: str) -> str:
    site = src.meta.get("site", "Новости региона")
    title = html.escape(page_title(src))
    date = src.meta.get("date", src.meta["year"])
    lang = src.meta["lang"]
    more = "Читайте также" if lang == "ru" else "Read also"
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="{charset}">
<title>{title}</title>
<meta property="og:title" content="{title}">
<meta property="og:type" content="article">
<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "{date}"}}</script>
</head>
<body>
<div class="demo-marker">{html.escape(marker)}</div>
<div class="topbar"><span class="site">{html.escape(site)}</span>
<ul class="menu"><li><a href="/">{'Главная' if lang == 'ru' else 'Home'}</a></li><li><a href="/news/">{'Новости' if lang == 'ru' else 'News'}</a></li><li><a href="/media/">{'Медиа' if lang == 'ru' else 'Media'}</a></li><li><a href="/contacts/">{'Контакты' if lang == 'ru' else 'Contacts'}</a></li></ul></div>
<div class="layout">
<main>
<time datetime="{date}">{date}</time>
{body}
<div class="tags">{'Теги' if lang == 'ru' else 'Tags'}: <a href="/tag/1/">{'сотрудничество' if lang == 'ru' else 'cooperation'}</a></div>
</main>
<aside><h4>{more}</h4>
<ul><li><a href="/news/a/">{'Прогноз погоды на выходные' if lang == 'ru' else 'Weekend weather forecast'}</a></li>
<li><a href="/news/b/">{'Итоги конкурса школьных проектов' if lang == 'ru' else 'School project contest results'}</a></li></ul>
</aside>
</div>
<noscript><img src="/pixel.gif" alt=""></noscript>
<script>(function(){{var s=document.createElement('script');s.src='/widgets/comments.js';document.body.appendChild(s);}})();</script>
</body>
</html>
"""


TEMPLATES = {"gov": tpl_gov, "old": tpl_old, "investor": tpl_investor, "news": tpl_news}


def write_html(src: Source) -> bytes:
    encoding = src.meta.get("encoding", "utf-8")
    marker, rest = split_marker(src)
    page = TEMPLATES[src.meta.get("template", "gov")](rest, marker, html_body(rest), charset_name(encoding))
    return encode(page, encoding)


# --------------------------------------------------------------------------- PDF

VOWELS = set("аеёиоуыэюяaeiouy")
NO_START = set("ьъй")


def hyphenate_word(word: str) -> str:
    """Insert soft hyphens at simple Russian syllable boundaries (good enough for line breaking)."""
    if len(word) < 8 or not word.isalpha():
        return word
    low = word.lower()
    points = []
    for i in range(2, len(word) - 2):
        prev, cur, nxt = low[i - 1], low[i], low[i + 1]
        if cur in NO_START:
            continue
        if prev in VOWELS and cur not in VOWELS and nxt in VOWELS:        # V|CV
            points.append(i)
        elif prev not in VOWELS and cur not in VOWELS and low[i - 2] in VOWELS and nxt in VOWELS:  # VC|CV
            points.append(i)
    out, last = [], 0
    for p in points:
        if p - last >= 2:
            out.append(word[last:p])
            last = p
    out.append(word[last:])
    return SOFT_HYPHEN.join(out)


def hyphenate(text: str) -> str:
    return re.sub(r"[А-Яа-яЁёA-Za-z]+", lambda m: hyphenate_word(m.group(0)), text)


def write_pdf(src: Source) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_margins(22, 20, 18)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    bold = FONT_DIR / "DejaVuSans-Bold.ttf"
    pdf.add_font("DejaVu", "B", str(bold if bold.exists() else FONT_DIR / "DejaVuSans.ttf"))
    if src.meta.get("pdf_title"):
        pdf.set_title(src.meta["pdf_title"])
    pdf.set_author(src.meta.get("pdf_author", ""))
    pdf.set_creator("coopatlas demo/make_corpus.py")
    footer = src.meta.get("footer", "")

    def footer_cb() -> None:
        if footer:
            pdf.set_y(-14)
            pdf.set_font("DejaVu", "", 8)
            pdf.cell(0, 6, f"{footer} — {pdf.page_no()}", align="C")

    pdf.footer = footer_cb  # type: ignore[method-assign]
    pdf.add_page()
    soft = src.meta.get("hyphenate") == "yes"
    size = float(src.meta.get("font_size", "11"))
    for kind, value in src.blocks:
        if kind == "page":
            pdf.add_page()
            continue
        if kind in ("h1", "h2", "h3"):
            pdf.set_font("DejaVu", "B", {"h1": 14, "h2": 12, "h3": 11}[kind])
            pdf.multi_cell(0, 7, str(value), align="C" if kind == "h1" else "L")
            pdf.ln(2)
            continue
        pdf.set_font("DejaVu", "", size)
        if kind == "table":
            for row in value:  # type: ignore[union-attr]
                pdf.multi_cell(0, 6, "   ".join(row))
            pdf.ln(2)
            continue
        text = str(value)
        if soft:
            text = hyphenate(text)
        if kind == "li":
            text = "– " + text
        pdf.multi_cell(0, size * 0.55, text, align="J" if soft else "L")
        pdf.ln(2)
    return bytes(pdf.output())


# --------------------------------------------------------------------------- DOCX

def write_docx(src: Source) -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    props = document.core_properties
    props.author = src.meta.get("docx_author", "")
    props.last_modified_by = ""
    props.title = src.meta.get("docx_title", "")
    props.subject = ""
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.revision = 1
    naive = FIXED_DATE.replace(tzinfo=None)
    props.created = naive
    props.modified = naive
    props.last_printed = naive
    for kind, value in src.blocks:
        if kind == "page":
            document.add_page_break()
        elif kind == "h1":
            document.add_heading(str(value), level=1)
        elif kind == "h2":
            document.add_heading(str(value), level=2)
        elif kind == "h3":
            document.add_heading(str(value), level=3)
        elif kind == "li":
            document.add_paragraph(str(value), style="List Bullet")
        elif kind == "table":
            rows = value  # type: ignore[assignment]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            document.add_paragraph("")
        else:
            document.add_paragraph(str(value))
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue(), keep_order=True)


# --------------------------------------------------------------------------- zip helpers

def zip_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3
    info.external_attr = 0o644 << 16
    return info


def normalise_zip(data: bytes, keep_order: bool) -> bytes:
    """Rewrite a zip with fixed timestamps (python-docx stamps the current time on every part)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        items = [(i.filename, source.read(i.filename)) for i in source.infolist()]
    if not keep_order:
        items.sort()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, blob in items:
            target.writestr(zip_info(name), blob, compresslevel=9)
    return out.getvalue()


def build_zip(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, blob in sorted(members):
            target.writestr(zip_info(name), blob, compresslevel=9)
    return out.getvalue()


# --------------------------------------------------------------------------- main

WRITERS = {"txt": write_txt, "html": write_html, "pdf": write_pdf, "docx": write_docx}


def load_sources() -> list[Source]:
    sources = [parse(p) for p in sorted(SOURCES.glob("*/*.md"))]
    for src in sources:
        first = src.blocks[0]
        if not (first[0] == "p" and str(first[1]).startswith(("[Иллюстративный", "[Illustrative"))):
            raise SystemExit(f"{src.path}: the first line must be the illustrative marker")
    return sources


def main() -> int:
    sources = load_sources()
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    archives: dict[str, list[tuple[str, bytes]]] = collections.defaultdict(list)
    for src in sources:
        data = WRITERS[src.meta["format"]](src)
        if src.meta.get("zip"):
            archives[src.meta["zip"]].append((src.out_name, data))
            continue
        target = CORPUS / src.rel_out
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for name, members in archives.items():
        target = CORPUS / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(build_zip(members))
    write_broken(sources)
    write_manifest(sources)
    write_counts(sources)
    total = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    print(f"{len(sources)} documents, {len(archives)} archive(s), corpus size {total / 1024:.0f} KiB")
    return 0


def write_broken(sources: list[Source]) -> None:
    broken = CORPUS / "broken"
    broken.mkdir(parents=True, exist_ok=True)
    (broken / "empty-news-item.txt").write_bytes(b"")
    pdfs = sorted(CORPUS.rglob("*.pdf"))
    whole = pdfs[0].read_bytes()
    (broken / "truncated-programme.pdf").write_bytes(whole[: len(whole) * 2 // 5])


def write_manifest(sources: list[Source]) -> None:
    """manifest.csv in the format of docs/manifest.md, for the documents whose header says manifest: yes.

    The other documents are left out on purpose: their author, type and year are for the tool to infer."""
    with open(DEMO / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["path", "author", "type", "year", "horizon", "url", "title"])
        for src in sorted(sources, key=lambda s: s.rel_out):
            m = src.meta
            if m.get("manifest") == "yes":
                writer.writerow([src.rel_out, m["author"], m["type"], m["year"], m.get("horizon", ""),
                                 m.get("url", ""), m.get("title", "")])


def write_counts(sources: list[Source]) -> None:
    """Replace the block between the count markers in README.md with tables computed from the sources."""
    readme = DEMO / "README.md"
    if not readme.exists():
        return
    lines: list[str] = []

    def table(title: str, counter: collections.Counter, head: str) -> None:
        lines.append(f"**{title}**")
        lines.append("")
        lines.append(f"| {head} | documents |")
        lines.append("|---|---:|")
        for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"| {key} | {n} |")
        lines.append("")

    by_region = collections.Counter()
    for s in sources:
        by_region[f"{REGION_NAMES[s.meta['author']]} (`{s.meta['author']}`), {DISTRICTS[s.district]}"] += 1
    fmt = collections.Counter()
    for s in sources:
        enc = s.meta.get("encoding", "utf-8") if s.meta["format"] in ("txt", "html") else ""
        label = s.meta["format"] + (f" ({enc})" if enc else "")
        fmt[label + (" in the zip" if s.meta.get("zip") else "")] += 1
    table("By district", collections.Counter(DISTRICTS[s.district] for s in sources), "district")
    table("By authoring region", by_region, "region")
    table("By format and encoding", fmt, "format")
    table("By language", collections.Counter(s.meta["lang"] for s in sources), "language")
    table("By document type", collections.Counter(s.meta["type"] for s in sources), "type")
    lines.append("**Every document**")
    lines.append("")
    lines.append("| path | author | type | year | lang | in manifest |")
    lines.append("|---|---|---|---|---|---|")
    for s in sorted(sources, key=lambda s: s.rel_out):
        m = s.meta
        lines.append(f"| `{s.rel_out}` | `{m['author']}` | {m['type']} | {m['year']} | {m['lang']} | {'yes' if m.get('manifest') == 'yes' else '—'} |")
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- counts:start -->", "<!-- counts:end -->"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        _, tail = rest.split(end, 1)
        text = head + start + "\n" + "\n".join(lines) + "\n" + end + tail
        readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
