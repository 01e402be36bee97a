"""Block stream → title, lede, pillars and initiatives (the record's shape)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .blocks import Block, Heading, ListBlock, ListItem, Paragraph, Table, block_text, iter_items
from .models import Dropped, Initiative, Origin, Pillar
from .repairs.split_separator_pipes import slash_pipes
from .textutil import (
    MINOR_WORDS,
    ends_with_punctuation,
    is_capitalised,
    is_numeric_text,
    reads_as_date,
    title_case_ratio,
    words_of,
)

# "Name: description" — a colon not inside a time or URL ("10:30", "https:").
# "Name – description", "Name — description", "Name - description" need spaces around the dash.
# Each alternative starts where a whitespace run starts, so a long run is scanned once.
NAME_SEPARATOR = re.compile(r"(?:(?<!\s)\s+)?[:：](?![0-9/])\s*|(?<!\s)\s+[–—-]{1,2}\s+")
# A name is a label, not a clause: past this many words the colon introduces something else;
# past the short limit it must also be capitalised like a name ("Joint Research Programme
# for Coastal Flood Risk:"), not a sentence ("The city will also build new cycle paths:").
MAX_NAME_WORDS = 12
SHORT_NAME_WORDS = 6
MIN_LONG_NAME_TITLE_RATIO = 0.6
# A bold lead is the author's own marking of the name; pledge lists bold a whole sentence.
MAX_LEAD_NAME_WORDS = 40
# "European Social Fund (ESF) focuses on …": a named programme with its acronym, then a
# verb phrase. The acronym stays in the name; the verb phrase is the description.
ACRONYM_NAME = re.compile(
    r"^(?P<name>[A-Z][^()]{2,100}?\s\([A-Z][A-Za-z0-9&./-]{1,15}\))\s+(?P<rest>[a-z].*)$", re.DOTALL
)
MIN_ACRONYM_ITEMS = 2
TOTAL_LABEL = re.compile(
    r"^(?:grand |sub-?)?totals?\b|^sum\b|^gesamt|^insgesamt|^summe|^total general|^totaux?\b",
    re.IGNORECASE,
)
MAX_KICKER_WORDS = 4
# A heading this close to the page's <title> (word overlap both ways) is that title.
SAME_TITLE = 0.9
TITLE_SEARCH_BLOCKS = 12
# Starts only at a word's start: from every letter of one long word it would rescan the
# rest of the word, quadratic in its length.
SENTENCE_INSIDE = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,}[.!?]\s")
SITE_SUFFIX = re.compile(r"^(?P<title>.+)\s+(?:[|–—·•»]|-|::)\s+(?P<site>[^|–—·•»]{1,60})$")
MAX_SITE_NAME_WORDS = 6
# Header words for the describing column, strongest first: "Description" beats "Objective"
# when a table has both. Whole words only ("Zielgruppe", target group, is not "Ziel").
DESCRIBING_HEADERS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\b(?:descri\w*|beschreibung|details?|détails?|explanation|what it does|about)\b",
        r"\b(?:purpose|objectives?|aims?|goals?|ziele?|zweck|objetivos?|objectifs?|impact"
        r"|outcomes?|summary|what)\b",
    )
)
NAMING_HEADER = re.compile(
    r"name|initiative|programm?e|program|measure|polic|project|scheme|action|commitment|pillar"
    r"|maßnahme|massnahme|medida|programa",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Split:
    name: str
    description: str
    # "acronym" when only the "Name (ABC) verb…" shape made the split: weaker evidence.
    by: str = field(default="separator", repr=False)


@dataclass
class _PillarDraft:
    title: str
    lines: list[str] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)

    def freeze(self) -> Pillar:
        return Pillar(
            title=self.title, description="\n".join(self.lines), initiatives=tuple(self.initiatives)
        )


@dataclass
class Structure:
    title: str
    lede: str
    pillars: list[Pillar]
    dropped: list[Dropped]


def strip_site_suffix(title: str) -> str:
    """Remove a trailing site name: 'Plan for rail | The Daily Post' → 'Plan for rail'.

    The tail after the last `` | ``, `` - ``, `` – ``, `` — ``, `` · `` or `` :: `` goes when
    it is short and named like a site (capitalised words or a domain).

    >>> strip_site_suffix("Pension reform unveiled - Ministry of Labour")
    'Pension reform unveiled'
    >>> strip_site_suffix("Rail: a vision for growth")
    'Rail: a vision for growth'
    >>> strip_site_suffix("Budget 2025 - what it means for you")
    'Budget 2025 - what it means for you'
    """
    title = " ".join(title.split())
    match = SITE_SUFFIX.match(title)
    if not match:
        return title
    site = match.group("site")
    if len(words_of(site)) > MAX_SITE_NAME_WORDS:
        return title
    if "." in site or title_case_ratio(site) >= MIN_LONG_NAME_TITLE_RATIO:
        return match.group("title")
    return title


PIPE_SITE_SUFFIX = re.compile(r"^(?P<title>.+?)\s+\|\s+[^|]{1,60}$")
DASH_PUBLICATION_SUFFIX = re.compile(
    r"^(?P<title>.+)\s+[-–—]\s+(?:The\s+)?(?:[\w’'.-]+\s+){0,3}(?:Times|Post|News|Review|Herald"
    r"|Tribune|Journal|Monitor|Daily|Gazette|Observer|Express|Chronicle|Guardian|Telegraph|Mail"
    r"|Star|Today|Weekly|Online|Magazine|Ledger|Courier|Standard|Independent|Insider|Reporter"
    r"|Dispatch|Sun|Mirror|Press|Wire|Digest)(?:\.com|\.org)?$"
)


def strip_pipe_site_suffix(title: str) -> str:
    """A heading keeps its dashes and colons; a ' | Site' tail is a site name there, and so
    is a dash tail that names a publication (' - The Capital Times').

    >>> strip_pipe_site_suffix("Hospital Reform Passes | Berlin Ledger")
    'Hospital Reform Passes'
    >>> strip_pipe_site_suffix("Power Plan - The Reykjavík Review")
    'Power Plan'
    >>> strip_pipe_site_suffix("Budget 2025 - What It Means for You")
    'Budget 2025 - What It Means for You'
    """
    match = PIPE_SITE_SUFFIX.match(title)
    if match and len(words_of(title[match.end("title") :])) <= MAX_SITE_NAME_WORDS:
        return match.group("title")
    match = DASH_PUBLICATION_SUFFIX.match(title)
    return match.group("title") if match else title


@dataclass(frozen=True)
class TitleChoice:
    title: str
    body: list[Block]  # the blocks without the title heading
    title_at: int  # where the title heading stood among them (0: nothing above it)


def choose_title(blocks: list[Block], fallback: str, candidates: Sequence[str] = ()) -> TitleChoice:
    """The title, the blocks without it, and where in them the title heading stood.

    The title is the level-1 heading that best matches the page's own title. Candidates are
    the level-1 headings of the stream and those found in furniture (a header above the
    article). With no page title to compare, the first level-1 heading of the stream wins.
    Otherwise ``fallback`` (``og:title``/``<title>``) without its site name.
    """
    page_title = strip_site_suffix(fallback)
    in_stream = [
        (i, b.text) for i, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 1
    ]
    options = [*in_stream, *((None, text) for text in candidates)]
    if options:
        # Against the whole title too: a "Site - Section - Headline" title whose headline
        # reads like a site name (German nouns are capitalised) loses the headline when the
        # suffix is stripped.
        def match(text: str) -> float:
            return max(_title_match(text, page_title), _title_match(text, fallback))

        index, text = max(options, key=lambda option: match(option[1]))
        if not page_title or match(text) > 0 or index is not None:
            rest = blocks if index is None else blocks[:index] + blocks[index + 1 :]
            return TitleChoice(slash_pipes(strip_pipe_site_suffix(text)), rest, index or 0)
    page_title = slash_pipes(page_title)
    for index, block in enumerate(blocks[:TITLE_SEARCH_BLOCKS]):
        # The page title shown as a heading near the top (a converted report's cover).
        if isinstance(block, Heading) and _same_title(block.text, page_title):
            return TitleChoice(block.text, blocks[:index] + blocks[index + 1 :], index)
    if not page_title and blocks and isinstance(blocks[0], Heading):
        # No level-1 heading (its line was furniture, "For immediate release") and no page
        # title: the heading the document opens with is its title.
        return TitleChoice(slash_pipes(strip_pipe_site_suffix(blocks[0].text)), blocks[1:], 0)
    return TitleChoice(page_title, blocks, 0)


def _drop_kickers(body: list[Block], title_at: int) -> tuple[list[Block], list[Dropped]]:
    """What stands above the title heading: kickers ("Policy Report"), or a whole sidebar
    when the story follows the title (old layout tables put the menu first)."""
    before, after = body[:title_at], body[title_at:]
    if all(_is_kicker(block) for block in before):
        reason, start = "kicker above the title", 0
    elif _text_size(before) < _text_size(after):
        reason, start = "above the title (page furniture)", 0
    else:
        reason, start = "kicker above the title", title_at
        while start and _is_kicker(body[start - 1]):
            start -= 1
    dropped = [
        Dropped(text=block_text(b), reason=reason, where=b.span.describe())
        for b in body[start:title_at]
    ]
    return body[:start] + after, dropped


def _text_size(blocks: list[Block]) -> int:
    return sum(len(block_text(block)) for block in blocks)


def _is_kicker(block: Block) -> bool:
    if not isinstance(block, Paragraph):
        return False
    return len(words_of(block.text)) <= MAX_KICKER_WORDS and not ends_with_punctuation(block.text)


def _same_title(text: str, page_title: str) -> bool:
    if not page_title:
        return False
    return (
        _title_match(text, page_title) >= SAME_TITLE
        and _title_match(page_title, text) >= SAME_TITLE
    )


def _title_match(text: str, page_title: str) -> float:
    """Share of the page title's words the heading repeats (0 when there is no page title)."""
    wanted = {word.lower() for word in words_of(page_title)}
    if not wanted:
        return 0.0
    return len(wanted & {word.lower() for word in words_of(text)}) / len(wanted)


def split_name(text: str, lead: str = "", *, in_named_list: bool = False) -> Split | None:
    """Split an item into name and description, or None when it is a plain sentence.

    >>> split_name("Direct Talks: Opening channels for dialogue.")
    Split(name='Direct Talks', description='Opening channels for dialogue.')
    >>> split_name("Rail Fund – £2bn for new lines")
    Split(name='Rail Fund', description='£2bn for new lines')
    >>> split_name("Universal Credit replaces six benefits", lead="Universal Credit")
    Split(name='Universal Credit', description='replaces six benefits')
    >>> split_name("Regional Fund (ERDF) supports small firms.")
    Split(name='Regional Fund (ERDF)', description='supports small firms.')
    >>> split_name("The ministry will review the rules by May.") is None
    True
    """
    if lead and text.startswith(lead) and len(lead) < len(text):
        name = _strip_name_period(lead.strip().rstrip(":：–—-").strip())
        description = text[len(lead) :].strip().lstrip(":：–—-").strip()
        if len(words_of(name)) <= MAX_LEAD_NAME_WORDS and _is_named_item(name, description):
            return Split(name, description)
        if NOT_A_DESCRIPTION_START.match(description):
            return None  # the bold text opens a quotation or an apposition, not a name
    match = NAME_SEPARATOR.search(text)
    acronym = ACRONYM_NAME.match(text)
    if acronym and (match is None or match.start() > acronym.end("name")):
        return Split(acronym.group("name"), acronym.group("rest"), by="acronym")
    if match is None:
        return None
    name, description = text[: match.start()].strip(), text[match.end() :].strip()
    if not _reads_as_name(name, in_named_list) or not _is_named_item(name, description):
        return None
    return Split(name, description)


# A "description" opening like this continues a sentence or quotes someone: "Ministerin
# Schulze: „Die Bekämpfung…" is a quotation, "David Beasley, Exekutivdirektor…" an apposition.
NOT_A_DESCRIPTION_START = re.compile(r"^[\"“”„«»‘’‚'‹›,;)]")


def _is_named_item(name: str, description: str) -> bool:
    """A name that is more than function words ("by: Jane Doe" is a byline) or a signpost
    ("Secondly: …"), and a description that is not a quotation, the rest of a sentence, a
    question (a teaser) or only a date (a calendar entry)."""
    if not name or not description or NOT_A_DESCRIPTION_START.match(description):
        return False
    if description.rstrip().endswith(("?", "？")) or reads_as_date(description):
        return False
    if reads_as_date(name):
        return False  # "1 de mayo: Día del Trabajo" is a calendar entry
    words = [word.lower() for word in words_of(name)]
    if len(words) == 1 and words[0] in DISCOURSE_MARKERS:
        return False
    return any(word not in MINOR_WORDS for word in words)


# Words that order an argument, not name a measure: "Erstens: Wir dürfen …".
DISCOURSE_MARKERS = frozenset(
    """
    first firstly second secondly third thirdly fourth fifth finally lastly also moreover
    furthermore however therefore meanwhile importantly erstens zweitens drittens viertens
    schließlich schliesslich außerdem zudem ferner primero segundo tercero finalmente además
    premièrement deuxièmement troisièmement enfin ensuite puis primeiro segundo terceiro
    primo secondo terzo infine
    """.split()
)


def _strip_name_period(name: str) -> str:
    """'<b>Water Fund.</b> Grants…': the period closes the bold run, not an abbreviation."""
    if not name.endswith(".") or re.search(r"(?:\b[A-Z]|\.[A-Za-z])\.$", name):
        return name
    # A bold sentence ("Wir wollen für faire Löhne sorgen.") keeps its full stop.
    if len(words_of(name)) > SHORT_NAME_WORDS or title_case_ratio(name) < MIN_LONG_NAME_TITLE_RATIO:
        return name
    return name[:-1].rstrip()


def _reads_as_name(name: str, in_named_list: bool = False) -> bool:
    """A label, not a clause. Among siblings that are named, a longer name in sentence case
    is still a name; alone it must be capitalised like one."""
    count = len(words_of(name))
    if count == 0 or count > MAX_NAME_WORDS or ends_with_punctuation(name):
        return False
    if SENTENCE_INSIDE.search(name):  # "Prices rose. Then: …" is two sentences, not a name
        return False
    if in_named_list:
        return is_capitalised(name)
    return count <= SHORT_NAME_WORDS or title_case_ratio(name) >= MIN_LONG_NAME_TITLE_RATIO


def build_structure(
    blocks: list[Block], fallback_title: str, title_candidates: Sequence[str] = ()
) -> Structure:
    choice = choose_title(blocks, fallback_title, title_candidates)
    title = choice.title
    body, dropped = _drop_kickers(choice.body, choice.title_at)
    lede = _PillarDraft(title="")
    pillars: list[_PillarDraft] = []
    for index, block in enumerate(body):
        if isinstance(block, Heading):
            pillars.append(_PillarDraft(title=slash_pipes(block.text)))
            continue
        target = pillars[-1] if pillars else lede
        if isinstance(block, Paragraph):
            target.lines.append(block.text)
        elif isinstance(block, ListBlock):
            _add_list(target, block, index)
        else:
            dropped.extend(_add_table(target, block, index))
        if target is lede and lede.initiatives:
            # Initiatives before any heading belong to a pillar named after the document.
            pillars.append(_PillarDraft(title=title, initiatives=lede.initiatives))
            lede.initiatives = []
    title, over_title = cap_field(title, "title")
    lede_text, over = cap_field("\n".join(lede.lines), "lede")
    dropped.extend(over_title + over)
    frozen = []
    for number, pillar in enumerate(pillars):
        capped, over = _capped(pillar, number)
        frozen.append(capped)
        dropped.extend(over)
    return Structure(title=title, lede=lede_text, pillars=frozen, dropped=dropped)


# Bounds on one record, far past any real article, so a hostile page yields a bounded
# record: what lies past them goes to ``dropped`` with the reason, never silently.
MAX_INITIATIVES_PER_PILLAR = 100_000
MAX_FIELD_CHARS = 1_000_000


def cap_field(text: str, where: str) -> tuple[str, list[Dropped]]:
    """``text`` cut at ``MAX_FIELD_CHARS``, and the rest as a dropped entry.

    >>> cap_field("short", "lede")
    ('short', [])
    """
    if len(text) <= MAX_FIELD_CHARS:
        return text, []
    reason = f"past {MAX_FIELD_CHARS:,} characters in one field"
    return text[:MAX_FIELD_CHARS], [
        Dropped(text=text[MAX_FIELD_CHARS:], reason=reason, where=where)
    ]


def _capped(draft: _PillarDraft, number: int) -> tuple[Pillar, list[Dropped]]:
    where = f"pillar {number + 1}"
    description, dropped = cap_field("\n".join(draft.lines), where)
    kept = draft.initiatives[:MAX_INITIATIVES_PER_PILLAR]
    reason = f"past {MAX_INITIATIVES_PER_PILLAR:,} initiatives in one pillar"
    dropped += [
        Dropped(text=f"{item.name}: {item.description}", reason=reason, where=where)
        for item in draft.initiatives[MAX_INITIATIVES_PER_PILLAR:]
    ]
    initiatives = []
    for item in kept:
        name, over_name = cap_field(item.name, where)
        text, over_text = cap_field(item.description, where)
        dropped += over_name + over_text
        changed = over_name or over_text
        initiatives.append(
            item.model_copy(update={"name": name, "description": text}) if changed else item
        )
    pillar = Pillar(title=draft.title, description=description, initiatives=tuple(initiatives))
    return pillar, dropped


def _add_list(target: _PillarDraft, block: ListBlock, index: int) -> None:
    items = _without_empty_wrappers(block.items)
    splits = [split_name(item.text, item.lead) for item in items]
    # "The Agency (EA) publishes…" is a sentence; it names a programme only when its
    # list holds two or more items of that shape (a list of funds, not a list of facts).
    if sum(1 for found in splits if found and found.by == "acronym") < MIN_ACRONYM_ITEMS:
        splits = [None if found and found.by == "acronym" else found for found in splits]
    # In a list of named measures, an item named in sentence case ("High quality jobs in
    # the longer term – we recognise…") is one too, and a bare name ("Digital ID") is a
    # measure not yet described.
    if sum(1 for found in splits if found) * 2 >= len(splits):
        splits = [
            found or split_name(item.text, item.lead, in_named_list=True) or _bare_name(item.text)
            for item, found in zip(items, splits, strict=True)
        ]
    for row, (item, found) in enumerate(zip(items, splits, strict=True)):
        details = _descendant_lines(item)
        if found is None:
            target.lines.extend(line for line in (item.text, *details) if line)
            continue
        description = "\n".join([found.description, *details])
        origin = Origin(
            kind="list", block=index, row=row, lines=item.span.lines, path=item.span.path
        )
        target.initiatives.append(
            Initiative(name=found.name, description=description, origin=origin)
        )


def _bare_name(text: str) -> Split | None:
    if _reads_as_name(text) and is_capitalised(text):
        return Split(text, "")
    return None


def _without_empty_wrappers(items: tuple[ListItem, ...]) -> list[ListItem]:
    """An item with no text of its own (<li><ul>…</ul></li>) stands for its children."""
    result: list[ListItem] = []
    stack = list(reversed(items))
    while stack:
        item = stack.pop()
        if item.text:
            result.append(item)
        else:
            stack.extend(reversed(item.children))
    return result


def _descendant_lines(item: ListItem) -> list[str]:
    return [child.text for child in iter_items(item.children) if child.text]


# --- tables -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Columns:
    name: int
    description: int
    headers: tuple[str, ...]


def _add_table(target: _PillarDraft, table: Table, index: int) -> list[Dropped]:
    """Add the table's rows as initiatives; tables of figures and total rows are reported."""
    body = list(enumerate(table.rows))[table.header_rows :]
    width = len(table.rows[0]) if table.rows else 0
    if not body or width == 0:
        return []
    if width == 1:
        _add_list(target, _column_as_list(table, body), index)
        return []
    columns = _choose_columns(table)
    if columns is None:
        reason = "table of figures, no describing column"
        return [Dropped(text=block_text(table), reason=reason, where=table.span.describe())]
    if _is_prose_grid(table):
        # Sentences in every column (a costs-and-benefits table): prose, not initiatives.
        target.lines.extend(cell for _, row in body for cell in row if cell)
        return []
    dropped = [_header_row_record(table, row_index) for row_index in range(table.header_rows)]
    for row_index, row in body:
        if _is_total_row(row):
            text, where = " ".join(c for c in row if c), table.row_span(row_index).describe()
            dropped.append(Dropped(text=text, reason="total row of a table", where=where))
        else:
            _add_row(target, table, columns, row_index, row, index)
    return dropped


def _header_row_record(table: Table, row_index: int) -> Dropped:
    """A header row's labels name the columns (attribute keys), not a measure; recorded so
    the labels of the name and description columns do not vanish."""
    text = " | ".join(cell for cell in table.rows[row_index] if cell)
    where = table.row_span(row_index).describe()
    return Dropped(text=text, reason="table header row (column labels)", where=where)


def _is_total_row(row: tuple[str, ...]) -> bool:
    """'Total | €364.5m': the sum of the rows above, not a measure of its own."""
    first = next((cell for cell in row if cell), "")
    return TOTAL_LABEL.match(first) is not None


def _is_prose_grid(table: Table) -> bool:
    """Every column holds sentences on average: no column names anything."""
    body = table.rows[table.header_rows :]
    return all(_mean_words(body, column) > MAX_NAME_WORDS for column in range(len(table.rows[0])))


def _add_row(
    target: _PillarDraft,
    table: Table,
    columns: _Columns,
    row_index: int,
    row: tuple[str, ...],
    index: int,
) -> None:
    name, description = row[columns.name], row[columns.description]
    if not name or not description:
        target.lines.extend(cell for cell in row if cell)
        return
    attributes = {
        columns.headers[col]: value
        for col, value in enumerate(row)
        if value and col not in (columns.name, columns.description)
    }
    span = table.row_span(row_index)
    origin = Origin(kind="table", block=index, row=row_index, lines=span.lines, path=span.path)
    target.initiatives.append(
        Initiative(name=name, description=description, origin=origin, attributes=attributes)
    )


def _column_as_list(table: Table, body: list[tuple[int, tuple[str, ...]]]) -> ListBlock:
    items = tuple(ListItem(text=row[0], span=table.row_span(i)) for i, row in body if row[0])
    return ListBlock(items=items, span=table.span)


def _choose_columns(table: Table) -> _Columns | None:
    width = len(table.rows[0])
    headers = _header_names(table, width)
    body = table.rows[table.header_rows :]
    name = _find_header(headers, NAMING_HEADER)
    description = next(
        (
            found
            for pattern in DESCRIBING_HEADERS
            if (found := _find_header(headers, pattern, exclude=name)) is not None
        ),
        None,
    )
    if name is None:
        name = next((c for c in range(width) if c != description and not _is_figures(body, c)), 0)
    if description is None or description == name:
        candidates = [c for c in range(width) if c != name]
        description = max(candidates, key=lambda c: _mean_words(body, c))
    if _is_figures(body, description):
        return None
    return _Columns(name=name, description=description, headers=headers)


def _header_names(table: Table, width: int) -> tuple[str, ...]:
    names = []
    for column in range(width):
        label = ""
        for row in reversed(table.rows[: table.header_rows]):
            if row[column]:
                label = row[column]
                break
        names.append(label or f"column {column + 1}")
    return tuple(names)


def _find_header(
    headers: tuple[str, ...], pattern: re.Pattern[str], exclude: int | None = None
) -> int | None:
    for column, header in enumerate(headers):
        if column != exclude and not header.startswith("column ") and pattern.search(header):
            return column
    return None


def _is_figures(body: tuple[tuple[str, ...], ...], column: int) -> bool:
    values = [row[column] for row in body if row[column]]
    figures = sum(1 for value in values if is_numeric_text(value) or reads_as_date(value))
    return not values or figures * 2 > len(values)


def _mean_words(body: tuple[tuple[str, ...], ...], column: int) -> float:
    return sum(len(words_of(row[column])) for row in body) / max(len(body), 1)
