"""Each repair pass on small inputs: what it must fix and what it must leave alone."""

from __future__ import annotations

import pytest
from golden import SHARED

from policyparse import parse_file
from policyparse.blocks import Heading, ListBlock, ListItem, Paragraph, Span, Table
from policyparse.repairs import (
    DEFAULT_PASSES,
    PASS_NAMES,
    RepairLog,
    UnknownPassError,
    run_passes,
)
from policyparse.repairs.group_bullet_paragraphs import group_bullet_paragraphs
from policyparse.repairs.mark_header_rows import mark_header_rows
from policyparse.repairs.normalize_text import normalize_text
from policyparse.repairs.rebuild_ragged_rows import rebuild_ragged_rows
from policyparse.repairs.split_glued_headings import find_glued_heading, split_glued_headings
from policyparse.repairs.split_leaked_tags import split_leaked_tags

CORPUS = SHARED / "corpus"


def kinds(log: RepairLog) -> list[str]:
    return [repair.kind for repair in log.repairs]


# --- normalize_text -------------------------------------------------------------------


def test_normalize_decodes_entities_nbsp_and_invisibles() -> None:
    log = RepairLog()
    block = Paragraph(text="Roads&nbsp;&amp;&nbsp;Rail\u200b  plan &#8217;26 &amp;amp; more")
    (fixed,) = normalize_text([block], log)
    assert fixed.text == "Roads & Rail plan ’26 & more"
    assert kinds(log) == ["decode_entity_text"]


def test_normalize_reaches_list_items_table_cells_and_leads() -> None:
    items = (
        ListItem(text="A&amp;B:\u00a0x", lead="A&amp;B", children=(ListItem(text=" y\u200b "),)),
    )
    table = Table(rows=(("N&#246;", " d "),))
    out = normalize_text([ListBlock(items=items), table], RepairLog())
    assert out[0].items[0].text == "A&B: x"
    assert out[0].items[0].lead == "A&B"
    assert out[0].items[0].children[0].text == "y"
    assert out[1].rows == (("Nö", "d"),)


def test_normalize_leaves_clean_text_and_bare_ampersands() -> None:
    log = RepairLog()
    (fixed,) = normalize_text([Paragraph(text="R&D and AT&T grow; a < b")], log)
    assert fixed.text == "R&D and AT&T grow; a < b"
    assert log.repairs == []


# --- split_leaked_tags ----------------------------------------------------------------


def test_leaked_row_break_splits_one_row_into_two() -> None:
    table = Table(
        rows=(("Name", "Aim"), ("Ports", "Dredge. td > tr >< tr >< td>Roads td >", "Pave."))
    )
    log = RepairLog()
    (fixed,) = split_leaked_tags([table], log)
    assert fixed.rows == (("Name", "Aim"), ("Ports", "Dredge."), ("Roads", "Pave."))
    assert fixed.header_rows == 0
    assert kinds(log) == ["split_leaked_tags"]


@pytest.mark.parametrize(
    "leak", ["</td><td>", "</ td >", "< /td >< td >", "</td> <td class='x'>", " td> "]
)
def test_leaked_cell_break_variants(leak: str) -> None:
    table = Table(rows=(("Grid Fund" + leak + "New lines.", "₦1bn"),))
    (fixed,) = split_leaked_tags([table], RepairLog())
    assert fixed.rows == (("Grid Fund", "New lines.", "₦1bn"),)


@pytest.mark.parametrize("leak", ["</tr><tr>", "< /tr >< tr >", "</td></tr><tr><td>"])
def test_leaked_row_variants(leak: str) -> None:
    table = Table(rows=(("A", "one" + leak + "B", "two"),))
    (fixed,) = split_leaked_tags([table], RepairLog())
    assert fixed.rows == (("A", "one"), ("B", "two"))


def test_leaked_fragments_removed_from_prose_without_stray_spaces() -> None:
    blocks = [
        Paragraph(text="The plan</span>, agreed in May, </div>starts now."),
        Heading(text="Next <b>Steps</b>"),
        ListBlock(items=(ListItem(text="Ports: dredge td > now"),)),
    ]
    log = RepairLog()
    out = split_leaked_tags(blocks, log)
    assert out[0].text == "The plan, agreed in May, starts now."
    assert out[1].text == "Next Steps"
    assert out[2].items[0].text == "Ports: dredge now"
    assert kinds(log) == ["strip_leaked_tags"] * 3


def test_leaked_tags_leave_comparisons_and_plain_tables_alone() -> None:
    blocks = [
        Paragraph(text="Inflation fell to < 3% while wages rose > 4%; the <b> tag is bold."),
        Table(
            rows=(("Fund", "Aim"), ("Rail", "Faster trains")),
        ),
    ]
    log = RepairLog()
    out = split_leaked_tags(blocks, log)
    assert out[1] is blocks[1]
    assert out[0].text.startswith("Inflation fell to < 3% while wages rose > 4%;")
    # A tag named in prose is still a tag fragment in the output, so it goes.
    assert [repair.kind for repair in log.repairs] == ["strip_leaked_tags"]


# --- rebuild_ragged_rows --------------------------------------------------------------


def test_ragged_rows_become_rectangular() -> None:
    table = Table(
        rows=(("Key", "Purpose", "", "", "", ""), ("A", "x", ""), ("B",), ("C", "z", "extra"))
    )
    log = RepairLog()
    (fixed,) = rebuild_ragged_rows([table], log)
    assert fixed.rows == (
        ("Key", "Purpose", ""),
        ("A", "x", ""),
        ("B", "", ""),
        ("C", "z", "extra"),
    )
    assert kinds(log) == ["rebuild_ragged_rows"]


def test_empty_columns_are_removed_and_rectangular_tables_left_alone() -> None:
    (fixed,) = rebuild_ragged_rows([Table(rows=(("", "A", "x"), ("", "B", "y")))], RepairLog())
    assert fixed.rows == (("A", "x"), ("B", "y"))
    log = RepairLog()
    table = Table(rows=(("A", "x"), ("B", "")))
    assert rebuild_ragged_rows([table], log)[0].rows == table.rows
    assert log.repairs == []


# --- split_glued_headings -------------------------------------------------------------


def test_glued_heading_at_paragraph_start() -> None:
    log = RepairLog()
    out = split_glued_headings(
        [Paragraph(text="What Comes NextThe agency will publish rules in June.")], log
    )
    assert [(type(b).__name__, b.text) for b in out] == [
        ("Heading", "What Comes Next"),
        ("Paragraph", "The agency will publish rules in June."),
    ]
    assert kinds(log) == ["split_glued_headings"]


def test_glued_heading_mid_paragraph_keeps_text_before() -> None:
    out = split_glued_headings(
        [
            Paragraph(
                text="Talks ended on Friday. Funding the RolloutThe Treasury set aside $2bn for it."
            )
        ],
        RepairLog(),
    )
    assert [b.text for b in out] == [
        "Talks ended on Friday.",
        "Funding the Rollout",
        "The Treasury set aside $2bn for it.",
    ]


def test_glued_heading_in_last_table_cell_moves_out_of_the_table() -> None:
    table = Table(
        rows=(
            ("Plan", "Aim"),
            (
                "Rail",
                "Faster trains. Looking AheadOfficials expect the first line to open in 2030.",
            ),
        ),
        row_spans=(Span(lines=(1, 1)), Span(lines=(2, 3))),
    )
    out = split_glued_headings([table], RepairLog())
    assert out[0].rows[-1] == ("Rail", "Faster trains.")
    assert isinstance(out[1], Heading) and out[1].text == "Looking Ahead"
    assert isinstance(out[2], Paragraph) and out[2].text.startswith("Officials expect")
    assert out[2].span.lines == (2, 3)


@pytest.mark.parametrize(
    "text",
    [
        "The McDonald family met officials on Monday to discuss the plan.",
        "Users of YouTube and WhatsApp will need to verify their age.",
        "The iPhone maker and PayPal signed up to the scheme.",
        "Prices rose. The new PlayStation costs more than before.",
        "Next steps will be agreed later this year by ministers.",
    ],
)
def test_camel_case_names_are_not_glued_headings(text: str) -> None:
    assert find_glued_heading(text) is None


def test_glued_heading_needs_sentence_after_it() -> None:
    assert find_glued_heading("Budget OverviewTotals") is None


# --- group_bullet_paragraphs ----------------------------------------------------------


def test_bullet_paragraphs_become_a_list() -> None:
    blocks = [
        Paragraph(text="Measures include:"),
        Paragraph(text="• Great Energy: a state-owned firm."),
        Paragraph(text="– Wealth Fund: £7bn for growth."),
        Paragraph(text="After the list."),
    ]
    log = RepairLog()
    out = group_bullet_paragraphs(blocks, log)
    assert [type(b).__name__ for b in out] == ["Paragraph", "ListBlock", "Paragraph"]
    assert [item.text for item in out[1].items] == [
        "Great Energy: a state-owned firm.",
        "Wealth Fund: £7bn for growth.",
    ]
    assert kinds(log) == ["group_bullet_paragraphs"]


def test_single_dash_paragraph_stays_a_paragraph() -> None:
    blocks = [Paragraph(text="- a lone dash line"), Paragraph(text="Prose.")]
    assert group_bullet_paragraphs(blocks, RepairLog()) == blocks


# --- mark_header_rows -----------------------------------------------------------------


def test_first_row_of_labels_becomes_the_header() -> None:
    table = Table(
        rows=(
            ("Scheme", "Purpose", "Funding"),
            ("Solar Naija", "Home systems for 5m households.", "₦180bn"),
        )
    )
    log = RepairLog()
    assert mark_header_rows([table], log)[0].header_rows == 1
    assert kinds(log) == ["mark_header_rows"]


def test_header_by_length_contrast_without_header_words() -> None:
    table = Table(
        rows=(
            ("Line", "Route"),
            ("Line 2", "Ben Thanh to Tham Luong through the western districts of the city"),
        )
    )
    assert mark_header_rows([table], RepairLog())[0].header_rows == 1


def test_data_first_row_is_not_a_header() -> None:
    rows = (
        ("Rail Fund", "Builds new lines across the north."),
        ("Bus Fund", "Buys electric buses."),
    )
    log = RepairLog()
    assert mark_header_rows([Table(rows=rows)], log)[0].header_rows == 0
    assert log.repairs == []
    marked = Table(rows=(("A", "B"), ("c", "d")), header_rows=1)
    assert mark_header_rows([marked], RepairLog())[0] is marked


# --- the pipeline ---------------------------------------------------------------------


def test_passes_run_in_the_declared_order_and_can_be_disabled() -> None:
    assert DEFAULT_PASSES[0][0] == "normalize_text"
    blocks = [Paragraph(text="Next StepsThe ministry will consult on the plan.")]
    assert len(run_passes(blocks, RepairLog())) == 2
    assert run_passes(blocks, RepairLog(), frozenset({"split_glued_headings"})) == blocks


def test_unknown_pass_name_is_an_error() -> None:
    with pytest.raises(UnknownPassError, match="no_such_pass"):
        run_passes([], RepairLog(), frozenset({"no_such_pass"}))
    assert "split_leaked_tags" in PASS_NAMES


def test_leaked_tag_at_the_start_of_a_cell_opens_no_empty_cell() -> None:
    table = Table(rows=(("A", "x"), ("<td>B", "y"), ("C", "</td><td>z")))
    (fixed,) = split_leaked_tags([table], RepairLog())
    assert fixed.rows == (("A", "x"), ("B", "y"), ("C", "z"))


def _paragraphs(*texts: str) -> list[Paragraph]:
    return [Paragraph(text=text) for text in texts]


def test_runs_of_name_colon_sentence_paragraphs_become_a_list() -> None:
    laws = _paragraphs(
        "Connecticut: All assault weapons and large capacity magazines must be registered.",
        "Oregon: Family leave now covers two weeks of paid leave after a death in the family.",
    )
    (block,) = group_bullet_paragraphs(laws, RepairLog())
    assert isinstance(block, ListBlock) and len(block.items) == 2


@pytest.mark.parametrize(
    "texts",
    [
        # values, not sentences: a fact box
        ("Lead minister: Damian Green MP", "Lead official: Robert Devereux"),
        # one alone stays a paragraph
        ("Note: the figures below are rounded to the nearest million pounds.",),
        # the colon ends a clause that starts in lower case, or a long clause
        (
            "the plan says: new lines will open in every region by the end of 2030.",
            "In the first year of the new programme the ministry said: it will open more lines.",
        ),
    ],
)
def test_colon_paragraphs_that_are_not_items_stay_paragraphs(texts: tuple[str, ...]) -> None:
    blocks = _paragraphs(*texts)
    assert group_bullet_paragraphs(list(blocks), RepairLog()) == blocks


@pytest.mark.parametrize(
    "text",
    [
        "Aufgrund des TabStMoG ergeben sich folgende Veränderungen:",
        "Nach dem neuen BauGB gilt für alle Gemeinden eine neue Frist.",
    ],
)
def test_mixed_case_abbreviations_are_not_glued_headings(text: str) -> None:
    assert find_glued_heading(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # Seen on trcimplan.gob.mx, the Firefox Nightly blog, obamawhitehouse.archives.gov
        # and United Way of King County: the word before the junction has humps of its own.
        "En Torreón la densidad de MiPyMes es de 33 por cada 1000 habitantes y sigue.",
        "Bug 1681796 – Prevent superfluous PictureInParent actors from being created early.",
        "You can continue to follow Denis at @DenisMcDonough on Twitter for more news.",
        "Create a GetYourRefund profile, answer intake questions, and upload your photos.",
    ],
)
def test_words_with_several_humps_are_not_glued_headings(text: str) -> None:
    assert find_glued_heading(text) is None


def test_a_heading_glued_after_a_hump_word_in_its_sentence_still_splits() -> None:
    found = find_glued_heading(
        "The PlayStation plan grew. Moving ForwardPresident Lee will speak on Monday."
    )
    assert found is not None and found.heading == "Moving Forward"


def test_speakers_in_capitals_who_come_back_are_not_named_items() -> None:
    """A transcript and a letters column put a name in capitals before each turn; the names
    come back, so they are speakers, not a list of named things."""
    transcript = _paragraphs(
        "PRESENTER: Welcome back to the programme, where we talk about schools every week.",
        "MARIA LOPEZ: Thank you for having me, it is a pleasure to be on the show again.",
        "PRESENTER: So what will the new voucher law change for teachers in the state?",
    )
    assert group_bullet_paragraphs(list(transcript), RepairLog()) == transcript
    # named things may come back (a state in two lists), and an acronym names a measure
    for texts in (
        (
            "California: Homeless youth are now eligible to receive food stamps this year.",
            "Oregon: Family leave now covers two weeks of paid leave after a death in the family.",
            "California: Students can join school teams consistent with their gender identity.",
        ),
        (
            "VAT: The registration threshold will rise with inflation from April next year.",
            "Duty: The rates on beer, cider and spirits will rise with inflation this year.",
            "VAT: The cap on the flat rate scheme will be reviewed by the end of the year.",
        ),
    ):
        (block,) = group_bullet_paragraphs(_paragraphs(*texts), RepairLog())
        assert isinstance(block, ListBlock) and len(block.items) == 3


def test_a_transcript_and_a_letters_column_give_no_initiatives_on_two_sites() -> None:
    from pages import parse_page

    assert not parse_page("npr-plumbers-substitute-teachers-bill").initiatives
    abby = (
        CORPUS
        / "article-extraction-benchmark"
        / "html"
        / ("87438a0dacbeb979e72522f42b9020048da13dc5a079477114190c8855701b7f.html.gz")
    )
    assert not parse_file(abby).initiatives
