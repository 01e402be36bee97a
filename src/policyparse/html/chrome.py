"""Signals that an element is page furniture (navigation, sharing, related links…).

The reader only labels; the boilerplate stage decides, and records every drop.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from ..cues import alternation, entries

CHROME_TAGS = {
    "nav": "navigation",
    "footer": "footer",
    "aside": "aside",
    # A picture's caption describes the picture, not the policy.
    "figcaption": "picture caption",
    "label": "form label",
    "amp-ad": "advertisement",
    "amp-embed": "advertisement",
    "amp-sticky-ad": "advertisement",
}

# Readability's idea: a class or id naming furniture, unless it also names content. The
# names are data (cues/<language>.json: chrome_class_names, chrome_class_substrings).
# The name patterns are matched against lower-cased names (element_names): without
# IGNORECASE, Python's regex engine runs them 3-5x faster.
CHROME_NAME = re.compile(rf"(?:^|[-_\s])({'|'.join(entries('chrome_class_names'))})(?=$|[-_\s\d])")
# A class token that names the article itself keeps the element, whatever else it says.
# These words name furniture even inside a compound class ("leftmenu", "pageFooter").
CHROME_SUBSTRING = re.compile(f"({'|'.join(entries('chrome_class_substrings'))})")
# "no-sidebar", "has-comments", "with-menu": classes that describe the layout around
# the element, not the element.
LAYOUT_MODIFIER = re.compile(r"^(?:no|has|with|w|and|without|show|hide|is|enable|disable)[-_]")
CONTENT_TOKEN = re.compile(
    r"^(?:(?:page|site|primary)[-_])?(?:article|content|main|story|entry|post|text|body)"
    r"(?:[-_](?:body|content|text|main))?$"
)
# Page headers hold the logo and menus; an article's own header holds its <h1>, and stays.
PAGE_HEADER_NAME = re.compile(r"(?:^|[-_\s])(?:header|masthead|site-header)(?=$|[-_\s\d])")
# The header of a component inside the page — an accordion's or a card's label row — is
# not the page's header: "accordion-header" holds a section's title (whatever its id says:
# "header-4767").
COMPONENT_HEADER = re.compile(
    r"(?:^|\s)[\w-]*?(?:accordion|card|panel|collapse|tab|dropdown|faq|toggle|section)"
    r"[-_]+header[\w-]*"
)
# The h1 look-up stops after this many nodes so a huge header cannot make it quadratic.
HEADER_SCAN_NODES = 3000
DIALOG = "dialog"
SITE_NAME = "site name"
# "/", "https://example.org", "https://example.org/index.html": the home page.
ROOT_LINK = re.compile(r"^(?:(?:https?:)?//[^/?#]+/?|/)(?:index\.\w{2,5})?$")
SITE_NAME_LINK_SHARE = 0.9
# Classes that hide an element from the screen and keep it for screen readers: skip links,
# menu labels ("Hauptmenü"), the site name as an invisible <h1>.
SCREEN_READER_ONLY = re.compile(rf"(?:^|\s){alternation('screen_reader_classes')}(?:\s|$)")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def element_names(node: LexborNode) -> str:
    """The element's class and id, lower-cased: the words authors name their boxes with."""
    attributes = node.attributes  # (.attrs raises on the document node)
    return f"{attributes.get('class') or ''} {attributes.get('id') or ''}".strip().lower()


def chrome_reason(node: LexborNode) -> str:
    """Why this element reads as furniture, or '' when it does not."""
    tag = node.tag or ""
    if tag in CHROME_TAGS:
        return CHROME_TAGS[tag]
    if tag == "h1" and is_site_name_heading(node):
        return SITE_NAME
    attributes = node.attributes
    if _is_hidden(attributes):
        return "hidden"
    if SCREEN_READER_ONLY.search((attributes.get("class") or "").lower()):
        return "for screen readers only"
    if is_dialog(node):
        return DIALOG  # a pop-up over the page (login, glossary, newsletter), not the page
    names = element_names(node)
    page_header = PAGE_HEADER_NAME.search(names) and not COMPONENT_HEADER.search(names)
    if (tag == "header" or page_header) and not _holds_h1(node):
        return "page header"
    if not names:
        return _role_reason(attributes.get("role"))
    # BEM modifiers ("field--label-hidden") describe a state, not the element's role.
    tokens = (token.split("--", 1)[0] for token in names.split())
    names = " ".join(token for token in tokens if token and not LAYOUT_MODIFIER.match(token))
    match = CHROME_NAME.search(names) or CHROME_SUBSTRING.search(names)
    if match and not any(CONTENT_TOKEN.match(token) for token in names.split()):
        return match.group(1).lower()
    return _role_reason(attributes.get("role"))


def is_furniture_by_markup(node: LexborNode) -> bool:
    """Furniture by the author's own markup, not by a class name: ``<nav>``, ``<footer>``,
    ``<aside>``…, a dialog, a hidden element, a navigation/banner/contentinfo role. (Class
    names can wrap the whole article; these cannot.)"""
    attributes = node.attributes
    return (
        (node.tag or "") in CHROME_TAGS
        or _is_hidden(attributes)
        or is_dialog(node)
        or bool(_role_reason(attributes.get("role")))
    )


def is_site_name_heading(node: LexborNode) -> bool:
    """An ``<h1>`` that is a link to the site's home page: the site's name or logo
    (blogs, Politico, AO3), not the headline. A headline linked to its own permalink
    points elsewhere and stays one."""
    if node.tag != "h1":
        return False
    links = node.css("a")
    if not links or not all(
        ROOT_LINK.match((a.attributes.get("href") or "").strip()) for a in links
    ):
        return False
    text = "".join(node.text(deep=True).split())
    linked = sum(len("".join(link.text(deep=True).split())) for link in links)
    return linked >= SITE_NAME_LINK_SHARE * len(text)


def is_hidden(node: LexborNode) -> bool:
    """Hidden by the page itself: the ``hidden`` attribute or an inline ``display: none``
    / ``visibility: hidden``. A browser shows none of its text. (``aria-hidden`` hides from
    screen readers only: tooltips and duplicated labels under it are on screen.)"""
    attributes = node.attributes
    style = attributes.get("style")
    return "hidden" in attributes or bool(style and HIDDEN_STYLE.search(style))


def is_dialog(node: LexborNode) -> bool:
    return node.attributes.get("role") in ("dialog", "alertdialog")


def _is_hidden(attributes: dict[str, str | None]) -> bool:
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    style = attributes.get("style")
    return bool(style and HIDDEN_STYLE.search(style))


def _role_reason(role: str | None) -> str:
    if role in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return role or ""
    return ""


def _holds_h1(node: LexborNode) -> bool:
    stack = [node.child] if node.child is not None else []
    seen = 0
    while stack and seen < HEADER_SCAN_NODES:
        current = stack.pop()
        seen += 1
        if current.tag == "h1" and not _names_furniture(current):
            return True
        if current.next is not None:
            stack.append(current.next)
        if current.child is not None:
            stack.append(current.child)
    return False


def _names_furniture(node: LexborNode) -> bool:
    if is_site_name_heading(node):
        return True
    names = element_names(node)
    if node.parent is not None:  # <div class="logo"><h1>Site</h1></div>
        names += f" {element_names(node.parent)}"
    return CHROME_NAME.search(names) is not None
