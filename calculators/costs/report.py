"""The cost estimate in words, as one Report, and the month-by-month costs as a CSV download."""

from __future__ import annotations

from ..kit.calculator import Download
from ..kit.provenance import Judgement
from ..kit.report import Cell, Item, KeyFigure, Note, Report, Section, Table
from ..price_dataset import PRICE_DATASET
from ..vendors import CHECKED
from . import fields as f
from .approaches import APPROACHES, IN_A_SENTENCE, INCLUDES, LABELS, RETRIEVES, TUNES
from .chart import cumulative_chart
from .estimate import NOTHING_TO_ADD, CostEstimate
from .notes import caching_note, limits_note, models_note, retrieval_note, time_note, training_note
from .plan import BANDS
from .pricing import cache_rule_by_key
from .timing import PROMPT_WEEKS_READING
from .usage import KEEP_WARM
from .words import model_of, span, usd, why_not

# Totals closer than this are a tie for practical purposes: the inputs are estimates.
CLOSE = 0.1
CLOSE_READING = Judgement("Most inputs here are estimates good to a few tens of percent, so "
                          "totals within 10% of each other are too close to call.")
MEANINGS = (
    Item("Each range's midpoint, since the guide gives ranges and no likeliest value; the range "
         "below it runs from every low end to every high end.", lead="Typical"),
    Item("The first month in which a tuned option has cost no more, in all, than the cheapest "
         "option without tuning.", lead="Break-even"),
    Item("Only approaches that can do what you described are costed; the others say why not.",
         lead="Does the job"),
)


def headline(result: CostEstimate) -> str:
    """The cheapest approach that can do the job, with its total."""
    winner = result.cheapest
    return (f"Cheapest that does the job over {result.horizon_months} months: {LABELS[winner]}, "
            f"{usd(result.total[winner].typical)}")


def key_figures(result: CostEstimate) -> tuple[KeyFigure, ...]:
    """The cheapest approach's total against the runner-up's, for the pinned headline."""
    winner = result.cheapest
    figures = [KeyFigure(LABELS[winner], f"{usd(result.total[winner].typical)} over "
                                         f"{result.horizon_months} months")]
    if result.runner_up:
        figures.append(KeyFigure(f"Next: {LABELS[result.runner_up]}",
                                 usd(result.total[result.runner_up].typical)))
    return tuple(figures)


def summary(result: CostEstimate) -> str:
    """The runner-up, whether the order is firm, the model mix, and retirements in the horizon."""
    parts = []
    second = result.runner_up
    if second:
        gap = result.total[second].typical / max(result.total[result.cheapest].typical, 1e-9) - 1
        firm = (f" Within {CLOSE:.0%} of each other: close enough that other things should decide."
                if gap < CLOSE else " The ranges overlap, so the order can flip." if result.overlap
                else " The ranges do not overlap.")
        parts.append(f"Next: {IN_A_SENTENCE[second]}, {usd(result.total[second].typical)}.{firm}")
    else:
        parts.append("It is the only approach that can do the job as described.")
    if any(a in TUNES for a in result.costed) and not result.like_for_like:
        parts.append(f"The tuned options use {model_of(result, 'tuned')}, the others "
                     f"{model_of(result, 'answering')}: this comparison mixes a change of model "
                     "with a change of approach.")
    for (day, later, month), which in _retirements_by_day(result).items():
        # Like for like, the tuned model is the answering one: name it once, not in two spellings.
        models = (f"{model_of(result, 'answering')} and the tuned model built on it"
                  if len(which) > 1 and result.like_for_like
                  else " and ".join(model_of(result, w) for w in which))
        then = ("re-tunes and re-evaluates on a successor" if which == ["tuned"] else
                "re-evaluates on a successor" if which == ["answering"] else
                "re-evaluates on a successor, re-tuning the tuned model")
        parts.append(f"{models} {'retire' if len(which) > 1 else 'retires'} on {day}"
                     f"{' or later' if later else ''}, month {month} of the plan: the plan {then} "
                     "then.")
    for r in result.retirements:
        if r.kind == "price":
            parts.append(f"{model_of(result, r.model)}'s price changes on {r.date} (month "
                         f"{r.month}); this estimate uses the price table's.")
    return " ".join(parts)


def _retirements_by_day(result: CostEstimate) -> dict[tuple[str, bool, int], list[str]]:
    out: dict[tuple[str, bool, int], list[str]] = {}
    for r in result.retirements:
        if r.kind == "retires":
            out.setdefault((r.date, r.or_later, r.month), []).append(r.model)
    return out


def _row(result: CostEstimate, approach: str) -> tuple:
    if approach not in result.costed:
        verdict = "not needed" if result.fit[approach] == NOTHING_TO_ADD else "cannot do the job"
        return (LABELS[approach], Cell(verdict), "", "")

    def cell(band):
        point = usd(band.low) == usd(band.high)
        return Cell(usd(band.typical), "" if point else span(band.low, band.high))
    return (LABELS[approach], cell(result.total[approach]), cell(result.one_time[approach]),
            cell(result.monthly[approach]))


def cost_table(result: CostEstimate) -> Table:
    """One row per approach: its total, up-front and monthly cost, or why it is not costed."""
    return Table(header=("Approach", f"Total, {result.horizon_months} months", "Up front",
                         "A month, on average"),
                 rows=tuple(_row(result, a) for a in APPROACHES),
                 caption="USD, typical, with the low-to-high range below",
                 css_class="calc-cost-table")


def per_1000_sentence(result: CostEstimate) -> str | None:
    """What 1,000 queries cost, all in, for each costed approach."""
    if result.per_1000_queries is None:
        return None
    return "Per 1,000 queries, everything included: " + "; ".join(
        f"{LABELS[a]} {usd(result.per_1000_queries[a].typical)}" for a in result.costed) + "."


def break_even_sentence(result: CostEstimate) -> str | None:
    """When each tuned option catches up with the cheapest option without tuning."""
    reference = result.untuned_reference
    if reference is None or not result.break_even:
        return None
    parts = []
    for approach, month in result.break_even.items():
        name = LABELS[approach]
        if month is None:
            parts.append(f"{name} stays dearer than {IN_A_SENTENCE[reference]} for all "
                         f"{result.horizon_months} months.")
        elif month == 0:
            parts.append(f"{name} costs no more than {IN_A_SENTENCE[reference]} from the start.")
        else:
            parts.append(f"{name} breaks even with {IN_A_SENTENCE[reference]} in month {month}.")
    return " ".join(parts)


def chart_marks(result: CostEstimate) -> tuple[tuple[int, str], ...]:
    """A mark for each month in which an announced retirement falls inside the horizon."""
    months: dict[int, set[str]] = {}
    for r in result.retirements:
        if r.kind == "retires":
            months.setdefault(r.month, set()).add(r.model)
    return tuple((m, "tuned model retires" if which == {"tuned"} else "model retires"
                  if which == {"answering"} else "models retire")
                 for m, which in sorted(months.items()))


def chart_description(result: CostEstimate) -> str:
    lines = [f"{LABELS[a]} from {usd(result.one_time[a].typical)} to "
             f"{usd(result.total[a].typical)}" for a in result.costed]
    return (f"Cumulative cost in USD by month over {result.horizon_months} months, typical line "
            "with a low-to-high band: " + "; ".join(lines) + ".")


def _sources(result: CostEstimate) -> tuple:
    sources = [f.COST_COMPARISON, f.LIKE_FOR_LIKE, PRICE_DATASET, f.MODEL_LIFE, f.EVALUATION]
    if set(result.costed) & TUNES:
        sources += [f.SHORT_TUNED_PROMPT, f.TRAINING_PRICE_SOURCE, f.BEHAVIOUR_CHANGES]
        if result.tuned.dedicated:
            sources += [f.DEDICATED_RATE, f.ALWAYS_ON]
    if set(result.costed) & RETRIEVES and result.retrieval.by_parts:
        sources += [f.VECTOR_STORE, f.REEMBED, f.CHANGED_SHARE]
    if any(result.usage[a].cached for a in result.costed):
        sources += [f.BUSY_HOURS, cache_rule_by_key(result.answering.cache_rule).fact.source,
                    KEEP_WARM]
    sources += [PROMPT_WEEKS_READING, CLOSE_READING]
    return tuple(sources)


def report(result: CostEstimate) -> Report:
    """Headline, cost table, chart, then the notes that explain each figure."""
    notes = [("Models.", models_note(result)), ("Per query.", per_1000_sentence(result)),
             ("Break-even.", break_even_sentence(result)),
             ("Retrieval.", retrieval_note(result)), ("Caching.", caching_note(result)),
             ("Fine-tuning.", training_note(result)), ("Time.", time_note(result)),
             ("Check.", limits_note(result))]
    includes = tuple(Item(INCLUDES[a], lead=LABELS[a]) for a in result.costed)
    return Report(
        kind="costs", headline=headline(result), tone="note", summary=summary(result),
        key_figures=key_figures(result),
        table=cost_table(result),
        chart=cumulative_chart({a: result.cumulative[a] for a in result.costed},
                               chart_marks(result), chart_description(result)),
        notes=tuple(Note(lead, text) for lead, text in notes if text),
        sections=(*_not_costed(result),
                  Section("What each figure includes", includes + MEANINGS,
                          css_class="calc-cost-includes")),
        sources=_sources(result), sources_text="Figures",
        yours=f"Volumes are yours. The plan starts in {result.starts}, when the vendor facts "
              f"were checked ({CHECKED}).",
    )


def _not_costed(result: CostEstimate) -> tuple[Section, ...]:
    items = tuple(Item(why_not(result, a), lead=LABELS[a]) for a in APPROACHES
                  if a not in result.costed)
    return (Section("Not costed", items, css_class="calc-cost-not-costed"),) if items else ()


def downloads(result: CostEstimate) -> tuple[Download, ...]:
    """The month-by-month cumulative costs and the events, as a CSV file to save."""
    return (Download("Download CSV", "costs.csv", "text/csv", monthly_csv(result)),)


def monthly_csv(result: CostEstimate) -> str:
    """One row a month: each costed approach's cumulative USD by band, and what happened."""
    columns = [(a, b) for a in result.costed for b in BANDS]
    header = "month," + ",".join(f"{a}_{b}_usd" for a, b in columns) + ",events"
    happened: dict[int, list[str]] = {}
    for e in result.events:
        happened.setdefault(e.month, []).append(
            f"{LABELS[e.approach]}: {e.cause}" + (f" x{e.count}" if e.count > 1 else ""))
    rows = [f"{m}," + ",".join(f"{result.cumulative[a][b][m]:.2f}" for a, b in columns)
            + "," + _csv_text("; ".join(happened.get(m, ())))
            for m in range(result.horizon_months + 1)]
    return "\n".join([header, *rows]) + "\n"


def _csv_text(text: str) -> str:
    return f'"{text}"' if text else ""

