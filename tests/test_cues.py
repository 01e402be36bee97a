"""The per-language cue tables: their shape, and that each language's words reach the rules."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from policyparse import cues, parse
from policyparse.blocks import Heading, ListBlock, ListItem, Paragraph
from policyparse.boilerplate import is_furniture_text, remove_boilerplate
from policyparse.html.chrome import CHROME_NAME, SCREEN_READER_ONLY
from policyparse.text.furniture import cue_text, load_cues

TABLES = sorted(
    (entry.name, json.loads(entry.read_text("utf-8")))
    for entry in resources.files(cues).iterdir()
    if entry.name.endswith(".json")
)


@pytest.mark.parametrize(("name", "table"), TABLES, ids=[name for name, _ in TABLES])
def test_each_table_is_one_language_of_known_lower_case_lists(name, table):
    assert name == f"{table['language']}.json"
    assert set(table) <= cues.KNOWN_KEYS
    for key in set(table) - {"language", "why"}:
        assert all(entry == entry.lower() for entry in table[key]), key
        if key in cues.PATTERN_KEYS:
            for entry in table[key]:
                re.compile(entry)  # each fragment stands alone as a pattern


def test_an_unknown_key_is_a_typed_error_not_a_silent_miss():
    with pytest.raises(cues.CueTableError, match="end_line"):
        cues._checked("xx.json", {"language": "xx", "end_line": ["fin"]})
    with pytest.raises(cues.CueTableError, match="must be a list of strings"):
        cues._checked("xx.json", {"language": "xx", "share_lines": "teilen"})


def test_entries_are_the_union_of_languages_english_first_each_once():
    labels = cues.entries("picture_credit_words")
    assert labels[0] == "photo"
    assert labels.count("foto") == 1  # in five tables, once in the rule
    assert {"foto", "фото", "照片", "사진", "写真"} <= set(labels)
    with pytest.raises(KeyError):
        cues.entries("no_such_key")


@pytest.mark.parametrize(
    "line",
    [
        "Anzeige",  # de
        "— Publicidad —",  # es
        "广告",  # zh
        "Lesen Sie auch: Die Rentenreform im Überblick",  # de
        "À lire aussi : le plan vélo",  # fr
        "Leggi anche: la manovra",  # it
        "Impressum",  # de
        "Поделиться",  # ru
        "Podijeli",  # hr
    ],
)
def test_furniture_words_of_each_language_reach_the_html_rules(line):
    assert is_furniture_text(line)


def test_article_sentences_with_the_same_words_are_not_furniture():
    for line in ("Die Anzeige wurde im Amtsblatt veröffentlicht.", "Le partage des coûts."):
        assert not is_furniture_text(line)


@pytest.mark.parametrize(
    "heading",
    [
        "Читайте также",
        "Noticias relacionadas",
        "Leia também",
        "Artículos relacionados",  # lavanguardia.com / energias-renovables.com
        "Veja Também:",  # gazetadopovo.com.br
        "Lees meer",  # nieuwsblad.be
        "Weitere Pressemitteilungen dieses Verbandes",  # verbaende.com
        "Table of Contents",  # business.com, turbotax
        "目 录：",  # theorychina.org.cn
        "外部链接",  # zh.wikipedia.org
    ],
)
def test_a_related_heading_in_other_languages_drops_its_links(heading):
    prose = Paragraph(text="Der Bund fördert zwölf neue Kliniken in ländlichen Regionen. " * 3)
    links = ListBlock(items=(ListItem(text="Другая статья"), ListItem(text="Ещё")), link_ratio=1)
    cleaned = remove_boilerplate([prose, Heading(text=heading, level=3), links])
    assert [d.reason for d in cleaned.dropped] == [
        "related-articles heading",
        "link-dense list (navigation)",
    ]


@pytest.mark.parametrize(
    ("names", "reason"),
    [("site-nav", "nav"), ("fil-ariane", "fil-ariane"), ("col sidebar-left", "sidebar")],
)
def test_class_names_from_the_tables_name_the_reason(names, reason):
    match = CHROME_NAME.search(names)
    assert match is not None and match.group(1) == reason


def test_screen_reader_classes_come_from_the_table():
    assert SCREEN_READER_ONLY.search("menu-label sr-only")
    assert not SCREEN_READER_ONLY.search("sr-only-focusable-wrapper")


def test_text_front_end_reads_every_languages_end_lines():
    loaded = load_cues()
    assert {"mehr zum thema", "related articles"} <= loaded.end_lines
    assert cue_text("## Mehr zum Thema:") in loaded.end_lines


SCRAPED = Path(__file__).resolve().parents[1] / "fixtures" / "scraped"


@pytest.mark.parametrize(
    ("scraper", "page", "after_the_end"),
    [
        # tqxz.com: "上一篇：…" / "下一篇：…" then picture teasers (an end prefix, zh)
        ("html-text", "tqxz-yiqing-yidaoqie-tousu-jubao", "中国航母之父刘华清生平简介"),
        # business.com: "Did you find this content helpful?" then a feedback form (en)
        ("html-text", "business-com-business-certifications", "Thank you for your feedback!"),
        # wdr.de: "Weitere Themen" then other stories (de), in two scrapers' texts
        ("bs4-get-text", "wdr-feuerwehr-pensionsalter", "Verfassungsschutzchef fordert KI-Einsatz"),
        ("html2text", "wdr-feuerwehr-pensionsalter", "Verfassungsschutzchef fordert KI-Einsatz"),
    ],
)
def test_end_cues_of_real_full_pages_cut_what_follows(scraper, page, after_the_end) -> None:
    document = parse((SCRAPED / scraper / f"{page}.txt").read_text("utf-8"), format="text")
    kept = [document.lede] + [f"{p.title}\n{p.description}" for p in document.pillars]
    kept += [f"{item.name} {item.description}" for item in document.initiatives]
    assert not any(after_the_end in text for text in kept)
    assert any(
        d.reason == "after the end of the article" and after_the_end in d.text
        for d in document.dropped
    )
