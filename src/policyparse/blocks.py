"""The intermediate representation both readers produce and every pass consumes.

A document is a flat list of blocks in reading order. Blocks are frozen: a pass that
changes one builds a new one with :func:`dataclasses.replace`, so a pass can never
corrupt the input of another by accident.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, TypeAlias, TypeVar


@dataclass(frozen=True, kw_only=True)
class Span:
    """Where a block came from: 1-based source lines and, for HTML, an element path."""

    lines: tuple[int, int] | None = None
    path: str | None = None

    def describe(self) -> str:
        """A short human-readable location, used in repair and drop records."""
        if self.path and self.lines:
            return f"{self.path} (line {self.lines[0]})"
        if self.path:
            return self.path
        if self.lines:
            first, last = self.lines
            return f"line {first}" if first == last else f"lines {first}-{last}"
        return "unknown"


NO_SPAN = Span()


@dataclass(frozen=True, kw_only=True)
class BlockBase:
    """Fields every block has.

    ``chrome`` names why a reader thinks the block is page furniture rather than article
    (``nav``, ``footer``, ``related``…); the boilerplate stage decides what to drop.
    ``link_ratio`` is the share of the block's text inside links (HTML only).
    """

    span: Span = NO_SPAN
    chrome: str = ""
    link_ratio: float = 0.0


@dataclass(frozen=True, kw_only=True)
class Heading(BlockBase):
    text: str
    level: int = 2


@dataclass(frozen=True, kw_only=True)
class Paragraph(BlockBase):
    text: str
    # Text of a bold element opening the paragraph ("<strong>Name</strong> rest"), if any.
    lead: str = ""


@dataclass(frozen=True, kw_only=True)
class ListItem:
    text: str
    lead: str = ""
    children: tuple[ListItem, ...] = ()
    span: Span = NO_SPAN


@dataclass(frozen=True, kw_only=True)
class ListBlock(BlockBase):
    items: tuple[ListItem, ...]
    ordered: bool = False


@dataclass(frozen=True, kw_only=True)
class Table(BlockBase):
    """A grid of cell texts. ``row_spans`` has one entry per row (same order as ``rows``)."""

    rows: tuple[tuple[str, ...], ...]
    header_rows: int = 0
    row_spans: tuple[Span, ...] = field(default=())
    caption: str = ""

    def row_span(self, index: int) -> Span:
        return self.row_spans[index] if index < len(self.row_spans) else self.span


Block: TypeAlias = Heading | Paragraph | ListBlock | Table
NodeT = TypeVar("NodeT")


def block_text(block: Block) -> str:
    """All visible text of a block, one line per paragraph, item or row."""
    if isinstance(block, Heading | Paragraph):
        return block.text
    if isinstance(block, ListBlock):
        return "\n".join(_item_lines(block.items))
    rows = [" ".join(cell for cell in row if cell) for row in block.rows]
    return "\n".join([block.caption, *rows] if block.caption else rows)


def _item_lines(items: tuple[ListItem, ...]) -> list[str]:
    return [item.text for item in iter_items(items)]


def iter_items(items: Sequence[ListItem]) -> Iterator[ListItem]:
    """Every item and sub-item in document order, without recursion (nesting can be deep)."""
    stack = list(reversed(items))
    while stack:
        item = stack.pop()
        yield item
        stack.extend(reversed(item.children))


def _rebuild_bottom_up(
    roots: Sequence[NodeT],
    children_of: Callable[[NodeT], Sequence[NodeT]],
    build: Callable[[NodeT, tuple[ListItem, ...]], ListItem],
) -> tuple[ListItem, ...]:
    """Build frozen items from a tree, children before parents, without recursion."""
    order: list[NodeT] = []
    stack = list(roots)
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(children_of(node))
    built: dict[int, ListItem] = {}
    for node in reversed(order):
        built[id(node)] = build(node, tuple(built[id(child)] for child in children_of(node)))
    return tuple(built[id(root)] for root in roots)


@dataclass
class Reading:
    """What a reader found: the blocks, and for HTML the page's own title candidates."""

    blocks: list[Block]
    # og:title or <title>, site name still on.
    page_title: str = ""
    # Level-1 headings that stood in page furniture (a header above the article): the
    # title may be one of them. Kept apart so the structure builder can choose.
    furniture_h1: list[str] = field(default_factory=list)
    # What the reader left out of the text on purpose: (text, reason, where).
    skipped: list[tuple[str, str, str]] = field(default_factory=list)
    # What the reader changed before parsing (a guard against markup no parser handles in
    # time): (kind, where, before, after), as repair records have them.
    repairs: list[tuple[str, str, str, str]] = field(default_factory=list)
    # How the input was read: "html", or the dialect of a text (see text/dialect.py).
    dialect: Literal["html", "markdown", "layout", "plain"] = "html"


@dataclass(kw_only=True)
class ItemDraft:
    """A mutable list item while a reader collects its children."""

    text: str
    lead: str = ""
    span: Span = NO_SPAN
    indent: int = 0
    ordered: bool = False
    children: list[ItemDraft] = field(default_factory=list)


def freeze_items(roots: list[ItemDraft]) -> tuple[ListItem, ...]:
    """Turn drafts into frozen items."""

    def build(draft: ItemDraft, children: tuple[ListItem, ...]) -> ListItem:
        return ListItem(text=draft.text, lead=draft.lead, children=children, span=draft.span)

    return _rebuild_bottom_up(roots, lambda draft: draft.children, build)


def map_item_texts(items: tuple[ListItem, ...], fix: Callable[[str], str]) -> tuple[ListItem, ...]:
    """The same item tree with ``fix`` applied to every text and lead."""

    def build(item: ListItem, children: tuple[ListItem, ...]) -> ListItem:
        text, lead = fix(item.text), fix(item.lead)
        unchanged = text == item.text and lead == item.lead
        if unchanged and all(new is old for new, old in zip(children, item.children, strict=True)):
            return item  # most items need no repair: keep them, do not copy them
        return replace(item, text=text, lead=lead, children=children)

    return _rebuild_bottom_up(items, lambda item: item.children, build)
