"""One Report rendered three ways: the same words in HTML, Markdown and text; markup escaped."""

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import CALCULATORS
from calculators.guide import Guide
from calculators.kit.html import Markup
from calculators.kit.provenance import Judgement
from calculators.kit.report import (
    Cell,
    Item,
    Link,
    Note,
    Report,
    Section,
    Table,
    render_html,
    render_markdown,
    render_text,
)
from calculators.kit.schema import defaults, validate

SAMPLE = Report(
    kind="sample", headline="Headline here", tone="warning", summary="One line of summary.",
    summary_link=Link("Guide: RAG", "../rag/"), verdict_data=(("outcome", "rag"),),
    chart=Markup('<svg role="img"></svg>'),
    table=Table(header=("", "Low", "High"), rows=(("Cost", Cell("$5", "$1–$9"), "plain"),),
                caption="A caption"),
    sections=(Section("Why", (Item("It fits.", lead="When it rains", data=(("rule", "r1"),),
                                   link=Link("Guide: RAG", "../rag/")),
                              Item("Flip it", outcome="Other answer"))),
              Section("Warnings", (Item("Careful."),), tone="warning", css_class="calc-warn"),
              Section("Nothing here", (), empty="No items.")),
    notes=(Note("Time.", "It takes a while.", css_class="calc-time"),),
    sources=(Guide("RAG Limitations"), Judgement("A reason the site gives here, in one sentence.")),
    sources_text="Figures", yours="Counts are yours.",
)


class Elements(HTMLParser):
    """The elements of a piece of HTML, and its text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text += data


def test_html_builds_real_elements_for_every_part():
    html = render_html(SAMPLE)
    tags = Elements(html).tags
    assert tags.count("ul") == 2 and tags.count("li") == 3 and "table" in tags and "svg" in tags
    assert "&lt;" not in html  # nothing of ours is escaped into text
    assert 'class="admonition warning calc-verdict" data-outcome="rag"' in html
    assert '<li data-rule="r1"><span class="calc-when">When it rains.</span> It fits.' in html
    assert ('<td data-label="Low"><span class="calc-cell"><strong>$5</strong><br>'
            '<span class="calc-range"><span class="calc-nowrap">$1–$9</span></span></span></td>'
            ) in html
    assert '<div class="admonition warning"><p class="admonition-title">Warnings</p><ul class="calc-warn">' in html
    assert "<p>No items.</p>" in html and '<p class="calc-time"><strong>Time. </strong>' in html
    assert html.startswith('<div class="calc-sample">')


def test_markdown_and_text_say_what_the_html_says_but_the_chart():
    text_of_html = " ".join(Elements(render_html(SAMPLE)).text.split())
    for rendering in (render_markdown(SAMPLE), render_text(SAMPLE, width=60)):
        flat = " ".join(re.sub(r"\*\*|(?<!\w)_|_(?!\w)", "", rendering).split())
        for words in ("Headline here", "One line of summary.", "When it rains. It fits.",
                      "Flip it: Other answer", "Careful.", "No items.", "Time. It takes a while.",
                      "$5 ($1–$9)", "“RAG Limitations”", "A reason the site gives here",
                      "Counts are yours."):
            assert words in flat, words
            assert words.split(" (")[0] in text_of_html, words
    assert "<svg" not in render_markdown(SAMPLE) + render_text(SAMPLE)


def test_markdown_table_has_a_rule_under_its_header():
    lines = render_markdown(SAMPLE).splitlines()
    at = lines.index("|  | Low | High |")
    assert lines[at + 1] == "|---|---|---|" and lines[at + 2] == "| Cost | $5 ($1–$9) | plain |"


def test_text_wraps_to_the_width_and_aligns_the_table():
    text = render_text(SAMPLE, width=40)
    assert max(len(line) for line in text.splitlines()) <= 40
    rows = [line for line in text.splitlines() if line.startswith(("Cost", "    ", "-"))]
    assert any(line.startswith("Cost  $5 ($1–$9)") for line in rows)


def test_a_tone_outside_materials_admonitions_is_refused():
    with pytest.raises(ValueError):
        Report(kind="x", headline="h", tone="danger", summary="s", sources=(), sources_text="")


@given(st.builds(lambda a, b: a + "<x-inj>" + b, st.text(max_size=8), st.text(max_size=8)))
def test_hostile_text_in_any_part_stays_text(text):
    report = Report(kind="x", headline=text, tone="note", summary=text, sources=(),
                    sources_text="", table=Table((text, text), ((text, Cell(text, text)),)),
                    sections=(Section(text, (Item(text, lead=text, outcome=text,
                                                  link=Link(text, text)),)),),
                    notes=(Note(text, text),))
    html = render_html(report)
    assert "<x-inj" not in html and "x-inj" not in Elements(html).tags


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_every_calculator_report_renders_all_three_ways(name):
    calc = CALCULATORS[name]
    report = calc.report(calc.compute(validate(calc.fields, defaults(calc.fields)).values))
    html = render_html(report)
    assert "&lt;" not in html
    assert report.headline in render_markdown(report) and report.headline in render_text(report)


@pytest.mark.parametrize(("text", "kept"), [("$300-$6,000 a month", "$300-$6,000"),
                                             ("retrieval adds 100-500 ms", "100-500"),
                                             ("500\u20132,000 examples", "500\u20132,000")])
def test_a_range_of_figures_is_never_split_across_lines(text, kept):
    html = render_html(Report(kind="k", headline="H", tone="note", summary=text, sources=(),
                              sources_text="", sections=(Section("", (Item(text),)),),
                              table=Table(("", "A"), (("Row", Cell("1", text)),))))
    assert html.count(f'<span class="calc-nowrap">{kept}</span>') == 3
