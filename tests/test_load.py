"""Loading: every accepted input type, every encoding route, format sniffing, errors."""

from __future__ import annotations

import codecs
import gzip
import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from lxml import html as lxml_html

from policyparse import InputError, TooLargeError, UnsupportedFormatError, parse
from policyparse.load import decode_bytes, load, sniff_format
from policyparse.options import ParseOptions

ARTICLE = "Water Plan\nPriorities\n- Dam Repair: Fixing old dams.\n- Leak Hunt: Finding leaks."
KOREAN = "<html><head><meta charset='euc-kr'><title>계획</title></head><body><h1>반도체 전략</h1><h2>인재 양성</h2><ul><li>반도체 아카데미: 연간 3천 명 교육</li><li>계약학과: 기업 맞춤형 학과</li></ul></body></html>"


def names(document: object) -> list[str]:
    return [item.name for item in document.initiatives]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "make",
    [
        lambda: ARTICLE,
        lambda: ARTICLE.encode("utf-8"),
        lambda: bytearray(ARTICLE.encode("utf-8")),
        lambda: io.BytesIO(ARTICLE.encode("utf-8")),
        lambda: io.StringIO(ARTICLE),
        lambda: gzip.compress(ARTICLE.encode("utf-8")),
    ],
    ids=["str", "bytes", "bytearray", "binary-file", "text-file", "gzip-bytes"],
)
def test_every_source_type_reads_the_same_article(make: object) -> None:
    document = parse(make())  # type: ignore[operator]
    assert document.title == "Water Plan"
    assert names(document) == ["Dam Repair", "Leak Hunt"]


def test_path_records_its_location(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    document = parse(path)
    assert document.source.path == str(path)
    assert document.source.format == "text"


def test_soup_and_tag_inputs() -> None:
    soup = BeautifulSoup(KOREAN, "html.parser")
    assert names(parse(soup)) == ["반도체 아카데미", "계약학과"]
    body = soup.find("body")
    assert names(parse(body)) == ["반도체 아카데미", "계약학과"]


def test_lxml_element_input() -> None:
    tree = lxml_html.fromstring(KOREAN)
    assert names(parse(tree)) == ["반도체 아카데미", "계약학과"]


@pytest.mark.parametrize("codec", ["utf-8", "cp1252", "euc-kr", "shift_jis"])
def test_declared_charsets(codec: str) -> None:
    text = {
        "utf-8": "Plan für Städte – “Rückbau”",
        "cp1252": "Plan für Städte – “Rückbau” €5",
        "euc-kr": "반도체 인재 양성 계획",
        "shift_jis": "地方創生の新しい計画",
    }[codec]
    page = f'<html><head><meta charset="{codec}"></head><body><h1>{text}</h1><p>x</p></body></html>'
    document = parse(page.encode(codec))
    assert document.title == text


def test_http_equiv_and_xml_declarations() -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    page += "</head><body><h1>Caf\u00e9 \u2019plan\u2019</h1></body></html>"
    # iso-8859-1 is decoded as windows-1252, as browsers do: 0x92 is a curly apostrophe.
    assert parse(page.encode("cp1252")).title == "Café ’plan’"
    xml = '<?xml version="1.0" encoding="windows-1252"?><html><body><h1>Éire</h1></body></html>'
    assert parse(xml.encode("cp1252")).title == "Éire"


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_byte_order_marks(bom: bytes) -> None:
    codec = {
        codecs.BOM_UTF8: "utf-8",
        codecs.BOM_UTF16_LE: "utf-16-le",
        codecs.BOM_UTF16_BE: "utf-16-be",
    }[bom]
    document = parse(bom + ARTICLE.encode(codec))
    assert document.title == "Water Plan"
    assert names(document) == ["Dam Repair", "Leak Hunt"]


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("정부는 반도체 산업 육성 계획을 발표했다. 주요 내용은 다음과 같다.", "cp949"),
        ("政府は子育て支援の新しい計画を発表した。主な内容は次のとおり。", "cp932"),
        ("Le café coûte 3 € — très cher, dit le ministère.", "cp1252"),
    ],
)
def test_undeclared_text_is_detected(text: str, codec: str) -> None:
    decoded, used = decode_bytes(text.encode(codec))
    assert decoded == text
    assert used == codec


def test_lying_utf16_declaration_is_ignored() -> None:
    page = '<meta charset="utf-16"><h1>Plan für Städte</h1>'.encode()
    assert parse(page).title == "Plan für Städte"


def test_caller_encoding_wins() -> None:
    raw = "Plan für Städte\nText.".encode("cp1252")
    assert parse(raw, encoding="cp1252").title == "Plan für Städte"
    with pytest.raises(UnsupportedFormatError):
        parse(raw, encoding="no-such-codec")


def test_sniffing_html_and_text() -> None:
    assert sniff_format("<!doctype html><p>x</p>") == "html"
    assert sniff_format("<div><p>a</p><p>b</p></div>") == "html"
    # Leaked table tags in scraped text do not make it HTML.
    assert sniff_format("Plan | Aim |\nA </td><td> B |\nC </tr><tr> D |") == "text"
    assert sniff_format("Just a line of text.") == "text"


def test_format_can_be_forced() -> None:
    document = parse("<p>Plan</p>", format="text")
    assert document.source.format == "text"
    with pytest.raises(UnsupportedFormatError):
        parse("x", format="pdf")


@pytest.mark.parametrize(
    "raw",
    [b"\x89PNG\r\n\x1a\n\x00\x00", b"%PDF-1.7\n%", b"PK\x03\x04rest", bytes(range(32)) * 20],
    ids=["png", "pdf", "zip", "controls"],
)
def test_binary_input_is_rejected(raw: bytes) -> None:
    with pytest.raises(InputError) as info:
        parse(raw)
    assert info.value.code == "bad-input"
    assert isinstance(info.value, ValueError)


def test_size_cap() -> None:
    with pytest.raises(TooLargeError):
        parse("x" * 101, options=ParseOptions(max_bytes=100))
    bomb = gzip.compress(b"a" * 10_000)
    with pytest.raises(TooLargeError):
        parse(bomb, options=ParseOptions(max_bytes=1_000))


def test_wrong_type_and_missing_file() -> None:
    with pytest.raises(InputError, match="source must be"):
        parse(12345)
    with pytest.raises(InputError, match="cannot read"):
        parse(Path("/nonexistent/plan.html"))


def test_nul_bytes_are_stripped_and_hash_is_of_input() -> None:
    loaded = load(b"Plan\x00 A\nText.", max_bytes=1000)
    assert "\x00" not in loaded.text
    assert len(loaded.sha256) == 64
