"""The cost estimate in words, as one Report, and the month-by-month costs as a CSV download."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..kit.calculator import Download
from ..kit.report import Cell, Note, Report, Table
from ..kit.schema import format_number
from .chart import cumulative_chart
from .model import APPROACH_LABELS, APPROACHES, BANDS, COST_FIGURES, MIDPOINT, PLACEHOLDER_PRICE, Band

if TYPE_CHECKING:
    from . import CostEstimate

_IN_A_SENTENCE = {"rag": "RAG", "ft": "fine-tuning", "both": "both together"}
# The cost model's inputs as a reader knows them, for the sensitivity line.
INPUT_LABELS = {
    "updates_per_month": "knowledge updates a month", "rag_setup": "RAG setup",
    "rag_monthly": "RAG running cost", "ft_run": "cost per fine-tuning run",
    "ft_data_prep": "training data preparation", "ft_first_runs": "runs for the first version",
    "queries_per_month": "queries a month", "input_tokens": "prompt tokens per query",
    "output_tokens": "answer tokens per query", "context_tokens": "retrieved context per query",
    "base_input_price": "base model input price", "base_output_price": "base model output price",
    "tuned_input_price": "fine-tuned input price", "tuned_output_price": "fine-tuned output price",
}


def usd(amount: float) -> str:
    """Dollars as a reader writes them: $1,250 for large sums, $0.85 for small ones."""
    if 0 < abs(amount) < 0.005:
        return "under $0.01"
    if abs(amount) >= 100 or amount == int(amount):
        return f"${round(amount):,}"
    return f"${amount:,.2f}"


def weeks(amount: float) -> str:
    return format_number(round(amount, 1))


def band_text(band: Band, unit: str = "usd") -> str:
    """"typical (low-high)" in dollars or weeks; just one figure when the range is a point."""
    fmt = usd if unit == "usd" else weeks
    if band.low == band.high:
        return fmt(band.typical)
    return f"{fmt(band.typical)} ({fmt(band.low)}–{fmt(band.high)})"


def headline(result: CostEstimate) -> str:
    """Which approach is cheapest over the horizon on typical figures, and whether that is firm."""
    cheapest = min(APPROACHES, key=lambda a: result.total[a].typical)
    others = [a for a in APPROACHES if a != cheapest]
    overlap = any(result.total[a].low < result.total[cheapest].high for a in others)
    text = f"Cheapest over {result.horizon_months} months on typical figures: {APPROACH_LABELS[cheapest]}"
    return text + (" (the ranges overlap, so this can flip)" if overlap else "")


def break_even_sentence(result: CostEstimate, approach: str) -> str:
    """When fine-tuning (or both) has cost no more than RAG, on typical figures."""
    month = result.break_even_ft if approach == "ft" else result.break_even_both
    name = APPROACH_LABELS[approach]
    if month is None:
        return f"{name} stays dearer than RAG for all {result.horizon_months} months."
    later = "; retraining makes it dearer again later." if result.dearer_later[approach] else "."
    if month == 0:
        return f"{name} costs no more than RAG up front{later}"
    return f"{name} costs more up front and breaks even with RAG in month {month}{later}"


def time_sentences(result: CostEstimate) -> tuple[str, str]:
    """Time to production side by side, and which part of the time gap is larger."""
    w = result.weeks_to_production
    side_by_side = (f"Weeks to production: RAG {band_text(w['rag'], 'weeks')}, fine-tuning "
                    f"{band_text(w['ft'], 'weeks')}, and both, with RAG first and fine-tuning "
                    f"added after it, {band_text(w['both'], 'weeks')}.")
    gap = result.build_gap_weeks
    build = f"{weeks(abs(gap))} weeks {'longer' if gap >= 0 else 'less'} to build"
    update_gap = result.iteration_weeks["ft"] - result.iteration_weeks["rag"]
    runs = f"{result.retrains:,} retraining run{'s' if result.retrains != 1 else ''}"
    over = f"over {result.horizon_months} months"
    if update_gap > 0:
        updates = f"waiting on {runs} takes {weeks(update_gap)} weeks more than RAG's document edits {over}"
    elif update_gap < 0:
        updates = f"RAG's document edits take {weeks(-update_gap)} weeks more than {runs} {over}"
    else:
        updates = "knowledge updates take neither approach any time"
    if result.time_driver == "build":
        driver = (f"The build dominates the difference: fine-tuning takes {build} (collecting and "
                  f"cleaning data, training, evaluating); {updates}.")
    else:
        driver = f"Knowledge updates dominate the difference: {updates}, more than the {build}."
    return side_by_side, driver


def sensitivity_sentence(result: CostEstimate) -> str:
    """The input whose +/- change moves a typical horizon total the most."""
    share = f"{result.sensitivity_share:.0%}"
    top = result.sensitivity[0] if result.sensitivity else None
    if top is None or top.change == 0:
        return f"No single input moves the totals by a {share} change."
    rest = "; ".join(f"{INPUT_LABELS[s.input]} ({usd(s.change)})"
                     for s in result.sensitivity[1:] if s.change > 0)
    return (f"Matters most: {INPUT_LABELS[top.input]}. A {share} change to it moves the typical "
            f"{result.horizon_months}-month total of {_IN_A_SENTENCE[top.approach]} by {usd(top.change)}"
            + (f". Next: {rest}." if rest else "."))


def chart_description(result: CostEstimate) -> str:
    """The chart's text alternative: where each typical line starts and ends, and the break-even."""
    lines = []
    for a in APPROACHES:
        lines.append(f"{APPROACH_LABELS[a]} from {usd(result.one_time[a].typical)} to "
                     f"{usd(result.total[a].typical)} (range {usd(result.total[a].low)}–{usd(result.total[a].high)})")
    return (f"Cumulative cost in USD by month over {result.horizon_months} months, typical line "
            f"with a low–high band: " + "; ".join(lines) + ". " + break_even_sentence(result, "ft"))


def _rows(result: CostEstimate) -> list[tuple[str, dict[str, Band]]]:
    rows = [("One-time", result.one_time), ("A month, on average", result.monthly),
            (f"Total over {result.horizon_months} months", result.total)]
    if result.per_1000_queries is not None:
        rows.append(("Per 1,000 queries, all in", result.per_1000_queries))
    return rows


def _cell(band: Band) -> Cell:
    if band.low == band.high:
        return Cell(usd(band.typical))
    return Cell(usd(band.typical), f"{usd(band.low)}–{usd(band.high)}")


def _table(result: CostEstimate) -> Table:
    rows = [(label, *(_cell(bands[a]) for a in APPROACHES)) for label, bands in _rows(result)]
    rows.append(("Tokens a month", *(usd(result.token_cost_monthly[a]) for a in APPROACHES)))
    return Table(header=("USD", *(APPROACH_LABELS[a] for a in APPROACHES)), rows=tuple(rows),
                 caption="Typical, with the low–high range below", css_class="calc-cost-table")


def report(result: CostEstimate) -> Report:
    """Headline, cost table, break-even, chart, time and sensitivity."""
    side_by_side, driver = time_sentences(result)
    return Report(
        kind="costs", headline=headline(result), tone="note",
        summary=f"{break_even_sentence(result, 'ft')} {break_even_sentence(result, 'both')}",
        table=_table(result),
        chart=cumulative_chart(result.cumulative, result.break_even_ft, chart_description(result)),
        notes=(Note("Time.", f"{side_by_side} {driver}"),
               Note("Sensitivity.", sensitivity_sentence(result), css_class="calc-sensitivity")),
        sources=(COST_FIGURES, MIDPOINT, PLACEHOLDER_PRICE), sources_text="Ranges",
        yours="Volumes are yours.",
    )


def downloads(result: CostEstimate) -> tuple[Download, ...]:
    """The month-by-month cumulative costs, as a CSV file to save."""
    return (Download("Download CSV", "costs.csv", "text/csv", monthly_csv(result.cumulative)),)


def monthly_csv(cumulative: dict[str, dict[str, tuple[float, ...]]]) -> str:
    """The month-by-month cumulative costs as CSV text, one row a month, USD to the cent."""
    columns = [(a, b) for a in APPROACHES for b in BANDS]
    header = "month," + ",".join(f"{a}_{b}_usd" for a, b in columns)
    months = len(cumulative["rag"]["typical"])
    rows = [f"{m}," + ",".join(f"{cumulative[a][b][m]:.2f}" for a, b in columns) for m in range(months)]
    return "\n".join([header, *rows]) + "\n"
