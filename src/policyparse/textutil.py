"""Small text predicates and cleaners shared by the readers, passes and structure builder."""

from __future__ import annotations

import html
import re
import unicodedata

# Zero-width and invisible formatting characters that scrapers leave inside words; bidi
# embedding, override and isolate controls, which can make text read in an order other
# than the one it is stored in; and C0 control characters other than tab and newlines.
INVISIBLE = dict.fromkeys(
    [
        *map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        *(code for code in range(0x20) if chr(code) not in "\t\n\r"),
        0x7F,
    ],
    None,
)
# The same characters as one class: a C-speed search tells whether translate is needed.
HAS_INVISIBLE = re.compile("[" + "".join(re.escape(chr(code)) for code in INVISIBLE) + "]")
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Entities escaped more than once ("&amp;amp;") need one round per escape; three covers
# every real page we have seen and bounds the work on adversarial input.
MAX_UNESCAPE_ROUNDS = 3

# Words that stay lower case inside a Title Case heading (English, German, French, Spanish).
MINOR_WORDS = frozenset(
    """
    a an and as at but by for from in into nor of on or per the to vs via with over amid
    among about after before under than up upon toward towards through within without
    und oder der die das den dem des ein eine für mit von zu im in am auf aus bei et ou
    le la les de du des un une pour avec en y el los las del para con por
    """.split()
)

# Full-width forms end CJK sentences and list intros ("。", "：").
SENTENCE_END = frozenset(".!?;:,。！？；：，…")
# What may close a sentence after its stop: quotes, guillemets and brackets ('… 2030.”').
CLOSING_MARKS = "\"'”’“»«›)]"


def collapse_whitespace(text: str) -> str:
    """Collapse every whitespace run (NBSP included) to one space and strip.

    >>> collapse_whitespace("  a\\u00a0\\u00a0b \\n c ")
    'a b c'
    """
    return " ".join(text.split())  # the same whitespace as \s, 4x faster than a sub()


def has_entity_text(text: str) -> bool:
    return "&" in text and ENTITY.search(text) is not None


def decode_entity_text(text: str) -> str:
    """Decode entity text that survived parsing, including double escapes.

    >>> decode_entity_text("R&amp;amp;D &#8217;s")
    'R&D ’s'
    """
    for _ in range(MAX_UNESCAPE_ROUNDS):
        if not has_entity_text(text):
            break
        text = html.unescape(text)
    return text


def clean_text(text: str) -> str:
    """The normal form of every output string: NFC, no invisibles, collapsed whitespace."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if HAS_INVISIBLE.search(text):
        text = text.translate(INVISIBLE)
    return collapse_whitespace(text)


# A letter or digit (any script). One search per token keeps words_of linear.
ALNUM = re.compile(r"[^\W_]")


def words_of(text: str) -> list[str]:
    """Tokens that hold a letter or digit (punctuation alone is not a word).

    >>> words_of("Plan – 2025: a new (big) step !")
    ['Plan', '2025:', 'a', 'new', '(big)', 'step']
    """
    search = ALNUM.search
    return [word for word in text.split() if search(word)]


# Chinese, Japanese and Korean text has no spaces between words: about two characters make
# a word, so a line's length in words is estimated from its ideographs and syllables.
CJK_CHARACTER = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
CJK_CHARACTERS_PER_WORD = 2
CJK_RUN = re.compile(CJK_CHARACTER.pattern + "{2,}")


def length_in_words(text: str) -> int:
    """Words, with runs of CJK characters counted as about two characters a word.

    >>> length_in_words("Plan 2025"), length_in_words("改善基础设施：让农村享有")
    (2, 5)
    """
    cjk = len(CJK_CHARACTER.findall(text))
    if not cjk:
        return len(words_of(text))
    return len(words_of(CJK_CHARACTER.sub(" ", text))) + cjk // CJK_CHARACTERS_PER_WORD


# A content word: three letters or more (short function words say nothing of a topic).
CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")


def content_words(text: str) -> set[str]:
    """The words that say what a text is about, lower-cased; CJK runs as character pairs
    (they have no spaces, and most words are two characters).

    >>> sorted(content_words("A plan for 2025 rail"))
    ['for', 'plan', 'rail']
    >>> sorted(content_words("铁路规划"))
    ['规划', '路规', '铁路']
    """
    text = text.lower()
    words = set(CONTENT_WORD.findall(CJK_CHARACTER.sub(" ", text)))
    for run in CJK_RUN.findall(text):
        words.update(run[i : i + 2] for i in range(len(run) - 1))
    return words


def word_count(text: str, limit: int) -> int:
    """``len(words_of(text))``, but counting stops past ``limit``: the answer is exact up to
    ``limit`` and ``limit + 1`` beyond it. Thresholds are small and furniture is long.

    >>> word_count("Plan – 2025: a new step", 3), word_count("a b", 3)
    (4, 2)
    """
    count = 0
    search = ALNUM.search
    for token in text.split():
        if search(token):
            count += 1
            if count > limit:
                break
    return count


# A lower-case word of three letters or more, or a run of four CJK characters or more
# (personal names are two to three): a word of a sentence, not a name, code or figure.
_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
COMMON_WORD = re.compile(rf"(?<![^\W\d_])[^\W\d_A-ZÀ-ÞĀ-Ž{_CJK}]{{3,}}|[{_CJK}]{{4,}}")


def is_capitalised(word: str) -> bool:
    """True for words a Title Case heading would show: capitalised, digits, non-cased scripts."""
    for char in word:
        if char.isalpha():
            return char.isupper() or not char.islower()
        if char.isdigit():
            return True
    return False


def title_case_ratio(text: str) -> float:
    """Share of significant words that are capitalised (minor words do not count)."""
    significant = [w for w in words_of(text) if w.lower().strip("'’\"“”()") not in MINOR_WORDS]
    if not significant:
        return 0.0
    return sum(1 for word in significant if is_capitalised(word)) / len(significant)


def starts_like_sentence(text: str) -> bool:
    first = text.lstrip("\"'“‘(¿¡")[:1]
    return bool(first) and (first.isupper() or first.isdigit() or not first.islower())


def ends_with_punctuation(text: str) -> bool:
    stripped = text.rstrip(CLOSING_MARKS + " ")
    return bool(stripped) and stripped[-1] in SENTENCE_END


def is_numeric_text(text: str) -> bool:
    """Cells like '£1.2bn', '12,500', '-3.4%', '2019-20', 'n/a', '60 Milliarden Euro' carry
    figures, not prose.

    >>> [is_numeric_text(t) for t in ("£1.2bn", "60 Milliarden Euro", "4 new lines", "n/a")]
    [True, True, False, True]
    """
    letters = sum(1 for char in text if char.isalpha())
    digits = sum(1 for char in text if char.isdigit())
    if (digits > 0 and letters <= 3) or text.strip().lower() in {"n/a", "-", "–", "—", ""}:
        return True
    return digits > 0 and NUMBER_WITH_UNITS.fullmatch(text.strip()) is not None


# Scale and currency words that follow a figure: "60 Milliarden Euro", "$3 billion".
UNIT_WORDS = (
    r"(?:thousand|million|billion|trillion|mn|bn|mio|mrd|milliarden?|millionen|millones"
    r"|milliards?|millions?|billions?|euros?|eur|dollars?|usd|pounds?|gbp|yen|francs?|chf"
    r"|per\s?cent|percent|prozent|por\s?ciento|pour\s?cent|crore|lakh)"
)
NUMBER_WITH_UNITS = re.compile(
    rf"[~≈<>]?\s*[$€£¥]?\s*[-+]?\d[\d.,\s]*(?:\s*{UNIT_WORDS}\.?){{1,2}}\s*[%]?",
    re.IGNORECASE,
)


# A heading is a short line; past these a line is prose even without a final period.
MAX_HEADING_WORDS = 20
MAX_HEADING_CHARS = 160
# Short sentence-case lines ("Why it matters") are headings without Title Case.
SHORT_HEADING_WORDS = 6
MAX_QUESTION_HEADING_WORDS = 12
MIN_TITLE_CASE_RATIO = 0.6


def reads_as_heading(text: str) -> bool:
    """A short line that starts like a title and does not end like a sentence.

    >>> reads_as_heading("Reinforcing Strategic Alliances: Deepening Ties with Partners")
    True
    >>> reads_as_heading("The core elements of this strategy include:")
    False
    >>> reads_as_heading("The government will expand the programme next year.")
    False
    """
    text = text.strip()
    words = words_of(text)
    if not words or len(words) > MAX_HEADING_WORDS or len(text) > MAX_HEADING_CHARS:
        return False
    if not starts_like_sentence(text) or is_numeric_text(text):
        return False
    if text.endswith(("?", "？")):
        # FAQ pages and explainers head their sections with questions.
        return (
            len(words) <= MAX_QUESTION_HEADING_WORDS
            or title_case_ratio(text) >= MIN_TITLE_CASE_RATIO
        )
    if ends_with_punctuation(text):
        return False
    return len(words) <= SHORT_HEADING_WORDS or title_case_ratio(text) >= MIN_TITLE_CASE_RATIO


# Month names and abbreviations (English, German, French, Spanish, Portuguese, Italian,
# Dutch) and the little words of a date range: "14 de marzo a 13 de mayo", "3–9 June 2024".
MONTH_WORDS = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec januar februar märz mai juni juli
    oktober dezember janvier février mars avril mai juin juillet août septembre octobre
    novembre décembre enero febrero marzo abril mayo junio julio agosto septiembre setiembre
    octubre noviembre diciembre janeiro fevereiro março maio junho julho setembro outubro
    novembro dezembro gennaio febbraio aprile maggio giugno luglio settembre ottobre
    dicembre januari februari maart mei augustus
    """.split()
)
DATE_CONNECTIVES = frozenset(
    "de del a al y e to until till and from bis vom zum von und au du le et el la des of "
    "the – - — / through thru".split()
)
# A date says when, in a few words; past this it is a sentence that holds a date.
MAX_DATE_WORDS = 10


def reads_as_date(text: str) -> bool:
    """A date or a date range, and nothing else: a calendar entry, not a description.

    >>> [reads_as_date(t) for t in ("14 de marzo a 13 de mayo", "3–9 June 2024", "Q3 2025",
    ...  "From 1 April, fares rise 5%")]
    [True, True, False, False]
    """
    words = re.findall(r"[^\W_]+|[–—/-]", text.casefold())
    if not words or len(words) > MAX_DATE_WORDS or not any(w.isdigit() for w in words):
        return False
    has_month = any(word in MONTH_WORDS for word in words)
    return has_month and all(
        word.isdigit()
        or word in MONTH_WORDS
        or word in DATE_CONNECTIVES
        or re.fullmatch(r"\d+(?:st|nd|rd|th|er|º|o)", word) is not None
        for word in words
    )


def comparable_text(text: str) -> str:
    """Text as compared for sameness: NFKC, case-folded, whitespace collapsed.

    >>> comparable_text("  Rail  PLAN ") == comparable_text("rail plan")
    True
    """
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())
