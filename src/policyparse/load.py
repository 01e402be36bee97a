"""The one place messy input enters: type dispatch, size cap, decoding, format sniffing."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .errors import InputError, TooLargeError, UnsupportedFormatError

Format = Literal["html", "text"]

# How far into the bytes a charset declaration is looked for. Browsers look at 1024 bytes;
# real pages (see wbf-admin-ch in the corpus) declare it later, after <title>.
DECLARATION_SCAN_BYTES = 8192

# How much of the text decides html-vs-text; sniffing the whole of a 50 MB page buys nothing.
SNIFF_CHARS = 20_000

# Real (non-table) tags needed to call a text HTML. Table tags are excluded on purpose:
# scraped text is full of leaked "</td><td>" fragments and is still text.
MIN_TAGS_FOR_HTML = 3

BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (docx, xlsx, epub…)"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0", "legacy Office document"),
)

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels whose WHATWG meaning is a superset codec: browsers decode "iso-8859-1" as
# windows-1252, "euc-kr" as windows-949, "shift_jis" as windows-31j, "gb2312" as GBK.
SUPERSET_CODECS = {
    "latin_1": "cp1252",
    "iso8859_1": "cp1252",
    "ascii": "cp1252",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}

CHARSET_DECLARATION = re.compile(
    rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{2,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-zA-Z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)

# Markup that opens with a tag is HTML (a fragment such as "<table><tr><td>…" included);
# scraped text opens with words.
HTML_START = re.compile(r"^\s*<(?:[a-zA-Z][a-zA-Z0-9]*[\s/>]|!doctype|!--|\?xml)", re.IGNORECASE)
HTML_TAG = re.compile(
    r"</?(?:p|div|h[1-6]|ul|ol|li|br|span|a|article|section|strong|b|em|i|img|meta|link"
    r"|script|style|body|head|html|title|nav|header|footer|main|dl|dt|dd)\b[^<>]{0,500}>",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LoadedInput:
    """Decoded input, ready for one of the two readers."""

    text: str
    format: Format
    encoding: str
    sha256: str
    path: str | None = None
    url: str | None = None


def load(
    source: Any,
    *,
    format: str | None = None,
    encoding: str | None = None,
    url: str | None = None,
    max_bytes: int,
) -> LoadedInput:
    """Turn any accepted source into decoded text and a format."""
    chosen = _check_format(format)
    path: str | None = None
    markup = _markup_of_tree(source)
    if markup is not None:
        source = markup  # checked first: a bs4 Tag answers any attribute, "read" included
    elif isinstance(source, Path):
        path = str(source)
        source = _read_path(source, max_bytes)
    elif callable(getattr(source, "read", None)):
        path = _name_of(source)
        source = source.read(max_bytes + 1)
    raw, text, used = _to_text(source, encoding, max_bytes)
    text = text.replace("\x00", "")
    _reject_binary_text(text)
    return LoadedInput(
        text=text,
        format=chosen or sniff_format(text),
        encoding=used,
        sha256=hashlib.sha256(raw).hexdigest(),
        path=path,
        url=url,
    )


def _check_format(format: str | None) -> Format | None:
    if format is None or format in ("html", "text"):
        return format  # type: ignore[return-value]
    raise UnsupportedFormatError(f"format must be 'html', 'text' or None, not {format!r}")


def _name_of(handle: Any) -> str | None:
    name = getattr(handle, "name", None)
    return name if isinstance(name, str) else None


def _read_path(path: Path, max_bytes: int) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}", where=str(path)) from exc
    return data


def _to_text(source: Any, encoding: str | None, max_bytes: int) -> tuple[bytes, str, str]:
    """Return (the bytes the hash is taken of, the text, the encoding used)."""
    if isinstance(source, str):
        raw = source.encode("utf-8", "surrogatepass")
        _check_size(len(raw), max_bytes)
        return raw, source, "unicode"
    if isinstance(source, bytes | bytearray | memoryview):
        raw = bytes(source)
        _check_size(len(raw), max_bytes)
        raw_for_hash = raw
        raw = _gunzip_if_needed(raw, max_bytes)
        _reject_binary_signature(raw)
        text, used = decode_bytes(raw, encoding)
        return raw_for_hash, text, used
    raise InputError(
        "source must be str, bytes, pathlib.Path, a file object, a BeautifulSoup/Tag or an "
        f"lxml element, not {type(source).__name__}"
    )


def _markup_of_tree(source: Any) -> str | None:
    """Serialise trees users already have (bs4 soups and tags, lxml/parsel elements)."""
    module = type(source).__module__
    if module.startswith("bs4"):
        return str(source)
    if module.startswith("lxml"):
        from lxml import etree

        return str(etree.tostring(source, encoding="unicode", method="html"))
    if module.startswith("parsel") and hasattr(source, "root"):
        return _markup_of_tree(source.root)
    return None


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise TooLargeError(f"input is over max_bytes={max_bytes:,} bytes")


def _gunzip_if_needed(raw: bytes, max_bytes: int) -> bytes:
    """Decompress gzip input, capped so a small bomb cannot expand past ``max_bytes``."""
    if not raw.startswith(b"\x1f\x8b"):
        return raw
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
            data = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"corrupt gzip input: {exc}") from exc
    _check_size(len(data), max_bytes)
    return data


def _reject_binary_signature(raw: bytes) -> None:
    for signature, kind in BINARY_SIGNATURES:
        if raw.startswith(signature):
            raise InputError(f"input is a {kind}, not HTML or text")


# C0 controls other than tab, newlines and form feeds: binary data, not text.
BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _reject_binary_text(text: str) -> None:
    sample = text[:4096]
    if not sample:
        return
    controls = len(BINARY_CONTROLS.findall(sample))
    # Real text has almost no C0 controls; a tenth of them means binary data.
    if controls * 10 > len(sample):
        raise InputError("input looks binary (too many control characters)")


def decode_bytes(raw: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode by caller's choice, BOM, declared charset, UTF-8, then detection.

    >>> decode_bytes("café".encode("cp1252"))[0]
    'café'
    """
    if encoding:
        codec = _codec_for(encoding)
        if codec is None:
            raise UnsupportedFormatError(f"unknown encoding {encoding!r}")
        return raw.decode(codec, "replace"), codec
    for bom, codec in BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(codec, "replace"), codec
    utf8 = _try_decode(raw, "utf-8")
    declared = _declared_codec(raw)
    if declared and not (utf8 is not None and declared != "utf-8" and not raw.isascii()):
        decoded = _try_decode(raw, declared)
        if decoded is not None:
            return decoded, declared
    # Bytes that are valid UTF-8 and not plain ASCII are UTF-8, whatever the page declares:
    # legacy encodings almost never form valid multi-byte sequences by accident.
    if utf8 is not None:
        return utf8, "utf-8"
    mixed = _decode_mostly_utf8(raw)
    if mixed is not None:
        return mixed, "utf-8+cp1252"
    return _detect(raw)


# A file of UTF-8 with a few windows-1252 bytes pasted in (a template in one encoding, an
# article in another) is read as UTF-8, each invalid byte as windows-1252. Past this many
# invalid bytes the file is not UTF-8 with accidents but another encoding.
MAX_MIXED_INVALID_BYTES = 1000


def _decode_mostly_utf8(raw: bytes) -> str | None:
    """UTF-8 with stray single-byte characters, or None when that is not what the bytes are.

    >>> _decode_mostly_utf8("Café ".encode() + "Café".encode("cp1252"))
    'Café Café'
    """
    replaced = raw.decode("utf-8", "replace")
    invalid = replaced.count("\ufffd") - raw.decode("utf-8", "ignore").count("\ufffd")
    multibyte = sum(1 for char in replaced if ord(char) > 0x7F and char != "\ufffd")
    if invalid == 0 or invalid > MAX_MIXED_INVALID_BYTES or multibyte < invalid:
        return None
    parts, position = [], 0
    while position < len(raw):
        try:
            parts.append(raw[position:].decode("utf-8"))
            break
        except UnicodeDecodeError as error:
            end = position + error.start
            parts.append(raw[position:end].decode("utf-8"))
            bad = raw[end : position + error.end]
            parts.append(bad.decode("cp1252", "replace"))
            position += error.end
    return "".join(parts)


def _codec_for(label: str) -> str | None:
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    normal = name.replace("-", "_")
    return SUPERSET_CODECS.get(normal, name)


def _declared_codec(raw: bytes) -> str | None:
    match = CHARSET_DECLARATION.search(raw[:DECLARATION_SCAN_BYTES])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", "replace")
    codec = _codec_for(label)
    # A page declaring UTF-16 in ASCII bytes is lying: it cannot be UTF-16 (WHATWG rule).
    if codec and codec.startswith("utf-16"):
        return "utf-8"
    return codec


def _try_decode(raw: bytes, codec: str) -> str | None:
    try:
        return raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


# Single-byte Latin guesses that detectors make on short Western text; browsers and the
# web default to windows-1252 there, and it is right far more often (measured on the
# fixtures: cp1250 turned "coûte" into "coűte").
LATIN_GUESSES = frozenset(
    {
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "latin_1",
        "iso8859_2",
        "iso8859_9",
        "iso8859_15",
        "iso8859_13",
        "mac_roman",
        "mac_latin2",
        "cp850",
        "cp437",
    }
)
# Wide encodings need a BOM or NUL bytes to be believed.
WIDE_PREFIXES = ("utf_16", "utf_32")


def _detect(raw: bytes) -> tuple[str, str]:
    """Statistical detection through bs4 (charset-normalizer does the guessing), filtered."""
    from bs4.dammit import UnicodeDammit

    dammit = UnicodeDammit(raw, known_definite_encodings=[], is_html=False)
    guess = _codec_for(dammit.original_encoding or "") if dammit.original_encoding else None
    if guess and not _is_implausible(guess, raw):
        decoded = _try_decode(raw, guess)
        if decoded is not None:
            return decoded, guess
    return raw.decode("cp1252", "replace"), "cp1252"


def _is_implausible(codec: str, raw: bytes) -> bool:
    normal = codec.replace("-", "_")
    if normal in LATIN_GUESSES:
        return True  # decode as windows-1252 instead
    return normal.startswith(WIDE_PREFIXES) and raw.count(b"\x00") * 4 < len(raw)


def sniff_format(text: str) -> Format:
    """Call a text HTML when it starts like a page or holds a few real tags.

    >>> sniff_format("<!DOCTYPE html><p>x")
    'html'
    >>> sniff_format("Plan | Budget |\\nA td > tr >< td> B |")
    'text'
    """
    head = text[:SNIFF_CHARS]
    if HTML_START.match(head):
        return "html"
    for count, _ in enumerate(HTML_TAG.finditer(head), 1):
        if count >= MIN_TAGS_FOR_HTML:
            return "html"
    return "text"
