"""The public entry points: ``parse`` and ``parse_file``."""

from __future__ import annotations

import hashlib
import warnings
from pathlib import Path
from typing import Any

from .blocks import Reading
from .boilerplate import remove_boilerplate
from .errors import InternalError, PolicyParseError, RepairError
from .html.reader import read_html
from .load import LoadedInput, load
from .models import Dropped, PolicyDocument, Repair, Source
from .options import DEFAULT, ParseOptions, RepairWarning
from .repairs import RepairLog, check_pass_names, run_passes
from .structure import build_structure
from .text.reader import read_text_document


def parse(
    source: Any,
    *,
    format: str | None = None,
    encoding: str | None = None,
    url: str | None = None,
    options: ParseOptions = DEFAULT,
) -> PolicyDocument:
    """Parse one article (HTML or scraped text) into a :class:`PolicyDocument`.

    ``source`` is a ``str`` (the content itself), ``bytes``, a :class:`pathlib.Path`, a
    binary or text file object, a BeautifulSoup soup/tag or an lxml element. ``format``
    forces ``"html"`` or ``"text"``; ``encoding`` overrides detection for bytes.

    >>> doc = parse("Rail Plan\\nLines\\n- Metro Link: A new line.\\n- Tram Loop: A loop.")
    >>> [i.name for i in doc.initiatives]
    ['Metro Link', 'Tram Loop']
    """
    check_pass_names(options.disabled_passes)
    loaded: LoadedInput | None = None
    try:
        loaded = load(
            source, format=format, encoding=encoding, url=url, max_bytes=options.max_bytes
        )
        return _parse_loaded(loaded, options)
    except PolicyParseError:
        raise
    except Exception as exc:  # a bug: keep the batch going with a typed, traceable error
        digest = loaded.sha256 if loaded else _digest_of(source)
        where = (loaded.path or loaded.url) if loaded else None
        raise InternalError(
            f"internal error on input sha256={digest}: {exc!r}", where=where
        ) from exc


def parse_file(path: str | Path, *, options: ParseOptions = DEFAULT) -> PolicyDocument:
    """Parse the file at ``path`` (HTML, text, or either gzipped)."""
    return parse(Path(path), options=options)


def _parse_loaded(loaded: LoadedInput, options: ParseOptions) -> PolicyDocument:
    reading = read_loaded(loaded)
    log = RepairLog()
    for kind, where, before, after in reading.repairs:
        log.repairs.append(Repair(kind=kind, where=where, before=before, after=after))
    blocks = run_passes(reading.blocks, log, options.disabled_passes)
    _apply_repair_policy(log, options)
    cleaned = remove_boilerplate(blocks)
    structure = build_structure(cleaned.blocks, reading.page_title, reading.furniture_h1)
    return PolicyDocument(
        title=structure.title,
        source=Source(
            format=loaded.format,
            encoding=loaded.encoding,
            sha256=loaded.sha256,
            path=loaded.path,
            url=loaded.url,
            dialect=reading.dialect,
        ),
        lede=structure.lede,
        pillars=tuple(structure.pillars),
        repairs=tuple(log.repairs),
        dropped=tuple(cleaned.dropped + structure.dropped + _skipped(reading)),
    )


def _skipped(reading: Reading) -> list[Dropped]:
    return [
        Dropped(text=text, reason=reason, where=where) for text, reason, where in reading.skipped
    ]


def read_loaded(loaded: LoadedInput) -> Reading:
    """The reader's blocks for a loaded input: the HTML or the text front end."""
    if loaded.format == "html":
        return read_html(loaded.text)
    return read_text_document(loaded.text)


def _apply_repair_policy(log: RepairLog, options: ParseOptions) -> None:
    if not log.repairs or options.on_repair == "ignore":
        return
    kinds = sorted({repair.kind for repair in log.repairs})
    message = f"input needed {len(log.repairs)} repairs ({', '.join(kinds)})"
    if options.on_repair == "raise":
        raise RepairError(message, where=log.repairs[0].where)
    warnings.warn(message, RepairWarning, stacklevel=4)


def _digest_of(source: Any) -> str:
    if isinstance(source, str):
        return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
    if isinstance(source, bytes | bytearray):
        return hashlib.sha256(bytes(source)).hexdigest()
    return "unknown"
