"""The story's element on a page that does not mark it: Readability's candidate scoring.

Each paragraph of prose scores its parent fully, its grandparent half and older ancestors
less; a candidate's own tag and class names weigh in, and its link density scales it down.
The best candidate is the story, with those of its siblings that score close to it or read
as prose (a story split over sibling containers stays whole). The idea is Mozilla
Readability's; the weights are its published ones, the class words are data (cues).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from ..cues import entries
from .chrome import chrome_reason, is_furniture_by_markup

PROSE_SELECTOR = "p, pre, td"
MIN_PROSE_CHARS = 25
MAX_LENGTH_POINTS = 3
ANCESTOR_LEVELS = 5
TAG_WEIGHT = {
    "div": 5,
    "pre": 3,
    "td": 3,
    "blockquote": 3,
    "address": -3,
    "ol": -3,
    "ul": -3,
    "dl": -3,
    "dd": -3,
    "dt": -3,
    "li": -3,
    "form": -3,
    "h1": -5,
    "h2": -5,
    "h3": -5,
    "h4": -5,
    "h5": -5,
    "h6": -5,
    "th": -5,
}
CLASS_WEIGHT = 25
CONTENT_CLASS = re.compile("|".join(entries("content_class_words")))
NONCONTENT_CLASS = re.compile("|".join(entries("noncontent_class_words")))
# A sibling joins the story when it scores this share of the best candidate (at least
# MIN_SIBLING_SCORE), or when it is a paragraph that reads as prose.
SIBLING_SHARE = 0.2
MIN_SIBLING_SCORE = 10
# Climbing from the best candidate stops at an ancestor scoring under this share of it.
ANCESTOR_SCORE_FLOOR = 1 / 3
MIN_SIBLING_PROSE_CHARS = 80
MAX_SIBLING_LINK_DENSITY = 0.25
# Readability reads a <div> of bare text as a paragraph; a standfirst or a story part in a
# <div>/<section> beside the best candidate is prose by the same test.
PROSE_SIBLING_TAGS = frozenset({"div", "section"})
PARAGRAPH_LIKE_TAGS = frozenset({"p", "div", "section", "article", "ul", "ol", "table"})
MAX_INTRODUCTION_CHARS = 120
SENTENCE_END = re.compile(r"\.( |$)")


@dataclass
class _Candidate:
    node: LexborNode
    score: float


def story_nodes(body: LexborNode) -> list[LexborNode]:
    """The story's element and its sibling parts, in document order; [] when the page has
    no prose to score."""
    candidates = _scored_candidates(body)
    if not candidates:
        return []
    best = _climbed(max(candidates.values(), key=lambda candidate: candidate.score), candidates)
    if best.node.tag in ("body", "html"):
        return []
    parts = _with_siblings(best, candidates)
    return _article_header(body, parts) + parts


def _article_header(body: LexborNode, parts: list[LexborNode]) -> list[LexborNode]:
    """The headline's block and what stands between it and the story (standfirst, kicker),
    when the headline sits outside the scored parts, in a box of its own above them:
    children of the headline's and the story's nearest common ancestor, from the
    headline's up to the story's (furniture-named ones left out). The headline is the
    ``<h1>`` nearest the story; none is looked for when one is inside the story."""
    if not parts:
        return []
    part_ids = {part.mem_id for part in parts}
    story_path = _path_from_root(parts[0])
    nearest: tuple[int, list[LexborNode]] | None = None
    for headline in body.css("h1"):
        headline_path = _path_from_root(headline)
        if any(node.mem_id in part_ids for node in headline_path):
            return []
        shared = _shared_length(story_path, headline_path)
        if nearest is None or shared >= nearest[0]:
            nearest = (shared, headline_path)
    if nearest is None:
        return []
    shared, headline_path = nearest
    if shared == 0 or shared >= len(headline_path) or shared >= len(story_path):
        return []
    ancestor = story_path[shared - 1]
    if ancestor.tag in ("body", "html"):
        return []
    first, last = headline_path[shared].mem_id, story_path[shared].mem_id
    header, inside = [], False
    for child in _element_children(ancestor):
        if child.mem_id == last:
            break
        inside = inside or child.mem_id == first
        if inside and (child.mem_id == first or not chrome_reason(child)):
            header.append(child)
    return header if inside else []


def _shared_length(one: list[LexborNode], other: list[LexborNode]) -> int:
    shared = 0
    while shared < min(len(one), len(other)) and one[shared].mem_id == other[shared].mem_id:
        shared += 1
    return shared


def _path_from_root(node: LexborNode) -> list[LexborNode]:
    path = []
    current: LexborNode | None = node
    while current is not None and current.tag != "-document":
        path.append(current)
        current = current.parent
    return path[::-1]


def _climbed(best: _Candidate, candidates: dict[int, _Candidate]) -> _Candidate:
    """The best candidate, or an ancestor that holds more of the story: one whose score
    rises again on the way up (parts of the story sit beside the best one), and past
    wrappers that hold nothing else (so the story's sibling parts are found)."""
    last, floor = best.score, best.score * ANCESTOR_SCORE_FLOOR
    parent = best.node.parent
    while parent is not None and parent.tag not in ("body", "html"):
        scored = candidates.get(parent.mem_id)
        if scored is not None:
            if scored.score < floor:
                break
            if scored.score > last:
                best = scored
                break
            last = scored.score
        parent = parent.parent
    while (parent := best.node.parent) is not None and parent.tag not in ("body", "html"):
        if len(_element_children(parent)) != 1:
            break
        best = candidates.get(parent.mem_id) or _Candidate(parent, best.score)
    return best


def _scored_candidates(body: LexborNode) -> dict[int, _Candidate]:
    candidates: dict[int, _Candidate] = {}
    furniture: dict[int, bool] = {body.mem_id: False}
    for paragraph in body.css(PROSE_SELECTOR):
        text = paragraph.text(deep=True)
        length = len(text.strip())
        if length < MIN_PROSE_CHARS or _in_furniture(paragraph, furniture):
            continue
        points = 1 + text.count(",") + min(length // 100, MAX_LENGTH_POINTS)
        ancestor = paragraph.parent
        for level in range(ANCESTOR_LEVELS):
            if ancestor is None or ancestor.tag in (None, "html", "-document"):
                break
            key = ancestor.mem_id
            if key not in candidates:
                candidates[key] = _Candidate(ancestor, _initial_score(ancestor))
            divider = 1 if level == 0 else 2 if level == 1 else level * 3
            candidates[key].score += points / divider
            ancestor = ancestor.parent
    for candidate in candidates.values():
        candidate.score *= 1 - link_density(candidate.node)
    return candidates


def _in_furniture(node: LexborNode, known: dict[int, bool]) -> bool:
    """Inside a pop-up, a footer, a menu, a hidden box…: prose there is not the story's.
    ``known`` remembers each element's answer, so the walk up is done once per element."""
    pending = []
    current: LexborNode | None = node
    while current is not None and current.mem_id not in known:
        pending.append(current)
        current = current.parent
    answer = known.get(current.mem_id, False) if current is not None else False
    for element in reversed(pending):
        answer = answer or is_furniture_by_markup(element)
        known[element.mem_id] = answer
    return answer


def _initial_score(node: LexborNode) -> float:
    return TAG_WEIGHT.get(node.tag or "", 0) + class_weight(node)


def class_weight(node: LexborNode) -> int:
    """+25 for a class or id naming content, -25 for one naming furniture (both: 0)."""
    weight = 0
    for name in ((node.attributes.get("class") or ""), (node.attributes.get("id") or "")):
        lowered = name.lower()
        if not lowered:
            continue
        if NONCONTENT_CLASS.search(lowered):
            weight -= CLASS_WEIGHT
        if CONTENT_CLASS.search(lowered):
            weight += CLASS_WEIGHT
    return weight


def link_density(node: LexborNode) -> float:
    text_length = len(node.text(deep=True).strip())
    if not text_length:
        return 0.0
    linked = sum(len(link.text(deep=True).strip()) for link in node.css("a"))
    return min(linked / text_length, 1.0)


def _with_siblings(best: _Candidate, candidates: dict[int, _Candidate]) -> list[LexborNode]:
    parent = best.node.parent
    if parent is None:
        return [best.node]
    threshold = max(MIN_SIBLING_SCORE, best.score * SIBLING_SHARE)
    best_class = best.node.attributes.get("class") or ""
    siblings = _element_children(parent)
    joined = [
        sibling.mem_id == best.node.mem_id
        or (
            not chrome_reason(sibling)  # a byline strip or share bar beside the story
            and _joins(sibling, candidates, threshold, best_class, best.score)
        )
        for sibling in siblings
    ]
    # A heading over a part of the story ("Next steps" above its paragraph) is part of it.
    for index in range(len(siblings) - 2, -1, -1):
        sibling = siblings[index]
        if not joined[index] and joined[index + 1] and _introduces(sibling):
            joined[index] = True
    return [sibling for sibling, kept in zip(siblings, joined, strict=True) if kept]


def _element_children(node: LexborNode) -> list[LexborNode]:
    found, child = [], node.child
    while child is not None:
        if child.tag and not child.tag.startswith(("-", "!", "_")):
            found.append(child)
        child = child.next
    return found


def _is_one_paragraph_box(node: LexborNode) -> bool:
    """A <div>/<section> that reads as one paragraph (a standfirst, a text part): at most
    one block inside it. A box of several blocks (a rail of teasers) must score instead."""
    if node.tag not in PROSE_SIBLING_TAGS or class_weight(node) < 0:
        return False
    blocks = sum(1 for child in _element_children(node) if child.tag in PARAGRAPH_LIKE_TAGS)
    return blocks <= 1


def _introduces(node: LexborNode) -> bool:
    """A short line with no links and no furniture name: a heading for what follows."""
    text = node.text(deep=True).strip()
    return (
        0 < len(text) <= MAX_INTRODUCTION_CHARS
        and not chrome_reason(node)
        and class_weight(node) >= 0
        and link_density(node) == 0
    )


def _joins(
    sibling: LexborNode,
    candidates: dict[int, _Candidate],
    threshold: float,
    best_class: str,
    best_score: float,
) -> bool:
    scored = candidates.get(sibling.mem_id)
    same_class = best_class and sibling.attributes.get("class") == best_class
    bonus = best_score * SIBLING_SHARE if same_class else 0
    if scored is not None and scored.score + bonus >= threshold:
        return True
    if sibling.tag != "p" and not _is_one_paragraph_box(sibling):
        return False
    text = sibling.text(deep=True).strip()
    density = link_density(sibling)
    if len(text) > MIN_SIBLING_PROSE_CHARS:
        return density < MAX_SIBLING_LINK_DENSITY
    return density == 0 and SENTENCE_END.search(text) is not None
