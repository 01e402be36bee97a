"""Read ``ul``/``ol``/``menu``/``dl`` elements into list blocks with nested items."""

from __future__ import annotations

from collections import deque

from selectolax.lexbor import LexborNode

from ..blocks import Block, ItemDraft, ListBlock, Span, freeze_items
from .text import (
    HEADING_TAGS,
    LIST_TAGS,
    SKIP_TAGS,
    TextRun,
    join_path,
    subtree_text,
    text_node_value,
)

ITEM_STOP_TAGS = LIST_TAGS | {"table"}
# Lists nested deeper than this are read as children of the item at this depth: the text
# stays, the nesting past it does not (real pages nest three or four levels).
MAX_LIST_DEPTH = 16


def read_list(node: LexborNode, path: str, chrome: str) -> list[Block]:
    """The list block for ``node`` followed by tables found inside its items."""
    return read_items([node], path, chrome, ordered=node.tag == "ol", loose=False)


def read_items(
    nodes: list[LexborNode], path: str, chrome: str, *, ordered: bool, loose: bool
) -> list[Block]:
    """A list block from one list element, or (``loose``) from sibling item elements
    standing without a list around them (``<li>`` in a ``<div>``, programme cards)."""
    roots: list[ItemDraft] = []
    tables: list[LexborNode] = []
    totals = [0, 0]  # characters, link characters
    # Each entry: the list element (None for loose items), loose items, where drafts go.
    Entry = tuple[LexborNode | None, list[LexborNode], list[ItemDraft], str, int]
    first: Entry = (None, nodes, roots, path, 0) if loose else (nodes[0], [], roots, path, 0)
    queue: deque[Entry] = deque([first])
    while queue:
        container, loose_items, target, list_path, depth = queue.popleft()
        for draft, nested, item_tables in _read_entries(container, loose_items, list_path, totals):
            target.append(draft)
            tables.extend(item_tables)
            child_target = draft.children if depth < MAX_LIST_DEPTH else target
            for nested_list in nested:
                queue.append(
                    (nested_list, [], child_target, draft.span.path or list_path, depth + 1)
                )
    if not roots:
        return []
    block = ListBlock(
        items=freeze_items(roots),
        ordered=ordered,
        span=Span(path=path),
        chrome=chrome,
        link_ratio=totals[1] / totals[0] if totals[0] else 0.0,
    )
    return [block, *_read_tables(tables, path, chrome)]


def _read_tables(nodes: list[LexborNode], path: str, chrome: str) -> list[Block]:
    from .tables import read_table

    blocks: list[Block] = []
    for index, table in enumerate(nodes, 1):
        blocks.extend(read_table(table, join_path(path, f"/table[{index}]"), chrome).blocks)
    return blocks


def _read_entries(
    container: LexborNode | None, loose_items: list[LexborNode], path: str, totals: list[int]
) -> list[tuple[ItemDraft, list[LexborNode], list[LexborNode]]]:
    if container is None:
        return _read_items(loose_items, path, totals)
    if container.tag == "dl":
        return _read_definitions(container, path, totals)
    return _read_items(_element_children(container), path, totals)


def _read_items(
    children: list[LexborNode], path: str, totals: list[int]
) -> list[tuple[ItemDraft, list[LexborNode], list[LexborNode]]]:
    """Each item with the nested lists and tables found inside it."""
    items: list[tuple[ItemDraft, list[LexborNode], list[LexborNode]]] = []
    counts: dict[str, int] = {}
    for child in children:
        tag = child.tag or ""
        counts[tag] = counts.get(tag, 0) + 1
        stopped: list[LexborNode]
        if tag == "-text":
            run, stopped = TextRun(), []
            run.add(text_node_value(child), in_link=False)
        else:
            run, stopped = subtree_text(child, stop_tags=ITEM_STOP_TAGS)
        nested = [node for node in stopped if node.tag in LIST_TAGS]
        tables = [node for node in stopped if node.tag == "table"]
        if tag in LIST_TAGS:
            # A list directly inside a list (no <li> around it) nests under the last item.
            nested, run = [child], TextRun()
        text = " ".join(run.text().split())
        if not text and not nested and not tables:
            continue
        totals[0] += run.chars
        totals[1] += run.link_chars
        lead = " ".join(run.lead.split()) if run.lead_closed else card_heading(child)
        draft = ItemDraft(
            text=text, lead=lead, span=Span(path=join_path(path, f"{tag}[{counts[tag]}]"))
        )
        if not text and items:
            items[-1][1].extend(nested)
            items[-1][2].extend(tables)
            continue
        items.append((draft, nested, tables))
    return items


def card_heading(node: LexborNode) -> str:
    """A card names its programme in a heading: '<h3>Name</h3><p>what it does</p>'."""
    child = node.child
    while child is not None and child.tag in ("-text", "a", "div", "header") and child.child:
        if child.tag in ("a", "div", "header"):
            child = child.child
            continue
        child = child.next
    if child is not None and child.tag in HEADING_TAGS:
        return " ".join(child.text(deep=True).split())
    return ""


def _read_definitions(
    list_node: LexborNode, path: str, totals: list[int]
) -> list[tuple[ItemDraft, list[LexborNode], list[LexborNode]]]:
    """``<dt>`` starts an item named by its text; each ``<dd>`` adds to its description."""
    items: list[tuple[ItemDraft, list[LexborNode], list[LexborNode]]] = []
    open_term = False
    for index, child in enumerate(_definition_children(list_node), 1):
        stopped: list[LexborNode]
        if child.tag == "-text":
            run, stopped = TextRun(), []
            run.add(text_node_value(child), in_link=False)
        else:
            run, stopped = subtree_text(child, stop_tags=ITEM_STOP_TAGS)
        text = " ".join(run.text().split())
        totals[0] += run.chars
        totals[1] += run.link_chars
        nested = [node for node in stopped if node.tag in LIST_TAGS]
        tables = [node for node in stopped if node.tag == "table"]
        span = Span(path=join_path(path, f"{child.tag}[{index}]"))
        if child.tag == "dd" and open_term and items:
            draft = items[-1][0]
            draft.text = f"{draft.text} {text}".strip()
            items[-1][1].extend(nested)
            items[-1][2].extend(tables)
            continue
        is_term = child.tag == "dt"
        items.append(
            (ItemDraft(text=text, lead=text if is_term else "", span=span), nested, tables)
        )
        open_term = is_term
    return [item for item in items if item[0].text or item[1] or item[2]]


def _element_children(node: LexborNode) -> list[LexborNode]:
    children = []
    child = node.child
    while child is not None:
        tag = child.tag or ""
        if (tag == "-text" and (child.text_content or "").strip()) or (
            tag not in SKIP_TAGS and not tag.startswith(("_", "-", "!"))
        ):
            children.append(child)
        child = child.next
    return children


def _definition_children(node: LexborNode) -> list[LexborNode]:
    """``dt``/``dd`` elements of a ``dl``, also inside the ``div`` wrappers HTML allows; any
    other child (stray text, a paragraph) is kept too: a browser shows it."""
    found: list[LexborNode] = []
    for child in _element_children(node):
        inner = _element_children(child) if child.tag == "div" else []
        if child.tag == "div" and any(c.tag in ("dt", "dd") for c in inner):
            found.extend(inner)
        else:
            found.append(child)
    return found
