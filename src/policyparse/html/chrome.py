"""Signals that an element is page furniture (navigation, sharing, related links…).

The reader only labels; the boilerplate stage decides, and records every drop.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

CHROME_TAGS = {"nav": "navigation", "footer": "footer", "aside": "aside"}

# Readability's idea: a class or id naming furniture, unless it also names content.
CHROME_NAME = re.compile(
    r"(?:^|[-_\s])(nav|navbar|navigation|menu|menubar|footer|masthead|sidebar|share|sharing"
    r"|social|related|recommended|recommendations|trending|popular|most-read|mostread"
    r"|newsletter|subscribe|subscription|signup|cookie|cookies|consent|gdpr|comment|comments"
    r"|disqus|breadcrumb|breadcrumbs|promo|advert|advertisement|ads|sponsor|sponsored|banner"
    r"|popup|modal|skip-link|pagination|pager|outbrain|taboola|read-more|readmore"
    r"|more-stories|further-reading|byline|author-bio|tags|tag-list)(?=$|[-_\s\d])",
    re.IGNORECASE,
)
CONTENT_NAME = re.compile(
    r"article|body|content|main|story|entry|post-text|text|column", re.IGNORECASE
)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def chrome_reason(node: LexborNode) -> str:
    """Why this element reads as furniture, or '' when it does not."""
    tag = node.tag or ""
    if tag in CHROME_TAGS:
        return CHROME_TAGS[tag]
    attributes = node.attributes
    if _is_hidden(attributes):
        return "hidden"
    if tag == "header" and node.css_first("h1") is None:
        return "page header"
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".strip()
    if not names:
        return _role_reason(attributes.get("role"))
    match = CHROME_NAME.search(names)
    if match and not CONTENT_NAME.search(names):
        return match.group(1).lower()
    return _role_reason(attributes.get("role"))


def _is_hidden(attributes: dict[str, str | None]) -> bool:
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    style = attributes.get("style")
    return bool(style and HIDDEN_STYLE.search(style))


def _role_reason(role: str | None) -> str:
    if role in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return role or ""
    return ""
