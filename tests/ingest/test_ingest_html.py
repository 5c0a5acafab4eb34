import pytest

from coopatlas.errors import ReadError
from coopatlas.ingest import read_bytes
from coopatlas.ingest.html import declared_charset

BROKEN_1251 = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Новости  региона</title>
<style>p { color: red }</style><script>document.write("<p>скрипт</p>")</script>
</head><body>
<header>Шапка сайта</header><nav><a href="/">Главная</a></nav>
<h1>Визит делегации</h1>
<p>Губернатор встретился с&nbsp;делегацией <b>Гродненской области<p>Обсуждали
   торговлю и   туризм.<br>Итоги — позже.
<ul><li>промышленность<li>образование</ul>
<table><tr><th>Регион<th>Сфера</tr><tr><td>Гродно<td>туризм</table>
<div><span>незакрытый <i>тег
<aside>Реклама</aside><footer>Подвал</footer>
"""


def test_broken_windows_1251_page():
    doc = read_bytes(BROKEN_1251.encode("cp1251"), "news.html")
    assert doc.format == "html" and doc.encoding == "cp1251"
    assert doc.title == "Новости региона"
    lines = doc.text.split("\n")
    assert lines[0] == "Визит делегации"
    assert "Губернатор встретился с\u00a0делегацией Гродненской области" in lines
    assert "Обсуждали торговлю и туризм." in lines
    assert "Итоги — позже." in lines
    assert lines[lines.index("промышленность") + 1] == "образование"
    assert "Регион | Сфера" in lines and "Гродно | туризм" in lines
    assert lines[-1] == "незакрытый тег"
    for dropped in ("скрипт", "color", "Шапка", "Главная", "Реклама", "Подвал"):
        assert dropped not in doc.text


def test_meta_charset_attribute_and_title_from_h1():
    html = '<meta charset="koi8-r"><body><h1>Сотрудничество</h1><p>с Казахстаном'
    doc = read_bytes(html.encode("koi8_r"), "page.htm")
    assert doc.encoding == "koi8-r" and doc.title == "Сотрудничество"
    assert doc.text == "Сотрудничество\nс Казахстаном"


def test_wrong_declaration_falls_back_to_detection():
    html = '<meta charset="utf-8"><p>Соглашение о сотрудничестве в сфере культуры'
    doc = read_bytes(html.encode("cp1251"), "page.html")
    assert doc.text == "Соглашение о сотрудничестве в сфере культуры"


def test_utf8_without_declaration():
    assert read_bytes("<p>Тыва</p><p>Монголия</p>".encode(), "a.html").text == "Тыва\nМонголия"


def test_deeply_nested_markup_does_not_recurse():
    html = "<div>" * 5000 + "глубоко" + "</div>" * 5000
    assert read_bytes(html.encode(), "deep.html").text == "глубоко"


def test_page_with_only_scripts_is_empty():
    with pytest.raises(ReadError, match="^empty document"):
        read_bytes(b"<html><script>var a = 1;</script></html>", "empty.html")


@pytest.mark.parametrize("head, expected", [
    (b'<meta charset="windows-1251">', "windows-1251"),
    (b"<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=KOI8-R'>", "KOI8-R"),
    (b"<p>no declaration</p>", None),
])
def test_declared_charset(head, expected):
    assert declared_charset(head) == expected


def test_utf16_declaration_in_ascii_bytes_means_utf8():
    html = '<meta charset="utf-16"><p>Тыва</p>'.encode()
    assert read_bytes(html, "a.html").text == "Тыва"


def test_empty_cells_leave_no_separator():
    html = b"<table><tr><td>a<td><td>b</tr><tr><td><td>c</table>"
    assert read_bytes(html, "t.html").text == "a | b\nc"
