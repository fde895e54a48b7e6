"""The advisor's rule table: every outcome reachable, each rule explained and sourced."""

from calculators.advisor import CALCULATOR
from calculators.advisor.facts import OUTCOMES, PAGE_NAMES, TUNABLE_VENDORS, VENDORS
from calculators.advisor.rules import DECIDING, RULES, rules_table
from calculators.kit.provenance import Guide, Judgement
from calculators.kit.report import render_table_html


def test_every_outcome_has_a_deciding_rule_and_a_relative_page():
    assert {r.outcome for r in DECIDING} == set(OUTCOMES.values())
    for rule in RULES:
        assert rule.page.startswith("../") and rule.page in PAGE_NAMES


def test_rule_ids_are_unique():
    assert len({r.id for r in RULES}) == len(RULES)


def test_vendor_facts_are_the_sources():
    tunable = {v.key: v.tunable for v in VENDORS}
    assert tunable == {"openai": True, "anthropic": False, "google": True, "open": True}
    assert "GPT-4o mini" in TUNABLE_VENDORS and "Gemini" in TUNABLE_VENDORS
    assert "Llama 3" in TUNABLE_VENDORS and "Claude" not in TUNABLE_VENDORS


def test_the_large_corpus_threshold_is_credited_to_the_site_not_the_guide():
    (rule,) = [r for r in RULES if r.id == "large-corpus"]
    assert isinstance(rule.source, Judgement) and "1,000" in rule.when
    (figure,) = [f for f in CALCULATOR.figures if f.source is rule.source]
    assert figure.value == "1,000 documents or more"


def test_rules_the_guide_states_name_its_section():
    guide = [r for r in RULES if isinstance(r.source, Guide)]
    assert len(guide) > len(RULES) / 2
    assert {r.source.section for r in guide} >= {"Decision framework", "When RAG fits",
                                                   "When fine-tuning fits"}


def test_rules_table_lists_every_rule_with_its_page_link_and_source():
    assert CALCULATOR.rules_table is rules_table
    table = rules_table()
    assert [row[0] for row in table.rows] == [r.id for r in RULES]
    html = render_table_html(table)
    assert html.count("<tr>") == len(RULES) + 1
    for rule in RULES:
        assert f'href="{rule.page}"' in html and rule.source.kind in html
