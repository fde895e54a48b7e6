"""The cost estimate in words, as one Report, and the month-by-month costs as a CSV download."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..kit.calculator import Download
from ..kit.report import Cell, Note, Report, Table
from ..kit.schema import format_number
from .chart import cumulative_chart
from .fields import (BEHAVIOUR_CHANGES, EPOCHS, KNOWLEDGE_RETRIEVED, MODEL_LIFE,
                     TRAINING_PRICE)
from .model import APPROACH_LABELS, APPROACHES, BANDS, COST_FIGURES, MIDPOINT, Band
from .pricing import (PRICE_DATASET, TUNED_BY_FACTOR, TUNED_FACTOR_READING, TYPED,
                      TokenPrices, model_name)

if TYPE_CHECKING:
    from . import CostEstimate

_IN_A_SENTENCE = {"rag": "RAG", "ft": "fine-tuning", "both": "both together"}
# The cost model's inputs as a reader knows them, for the sensitivity line.
INPUT_LABELS = {
    "updates_per_month": "knowledge updates a month",
    "behaviour_changes_per_year": "behaviour changes a year", "rag_setup": "RAG setup",
    "rag_monthly": "RAG running cost", "ft_run": "cost per fine-tuning run",
    "ft_data_prep": "training data preparation", "ft_first_runs": "runs for the first version",
    "queries_per_month": "queries a month", "input_tokens": "prompt tokens per query",
    "output_tokens": "answer tokens per query", "context_tokens": "retrieved context per query",
    "answering": "the answering model's token prices", "tuned": "the tuned model's token prices",
}
_CAUSES = {"knowledge": ("knowledge update", "knowledge updates"),
           "behaviour": ("behaviour change", "behaviour changes"),
           "retirement": ("base-model retirement", "base-model retirements")}


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
    count = sum(result.retrains["ft"].values())
    runs = f"{count:,} retraining run{'s' if count != 1 else ''}"
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


def price_list(p: TokenPrices) -> str:
    """"input 0.15, cached 0.075, output 0.6 USD per million tokens"."""
    if not p.cache_listed:
        return (f"input {format_number(p.input)}, output {format_number(p.output)} USD per million "
                "tokens (no cached price listed)")
    return (f"input {format_number(p.input)}, cached input {format_number(p.cached_input)}, "
            f"output {format_number(p.output)} USD per million tokens")


def prices_note(result: CostEstimate) -> str:
    """Which prices each model pays and where they come from."""
    a, t = result.answering, result.tuned
    answering = ("RAG answers at prices you typed" if a.basis == TYPED
                 else f"RAG answers with {model_name(a.model)}") + f": {price_list(a)}."
    if t.basis == TYPED:
        tuned = f"The tuned model's prices are yours: {price_list(t)}."
    elif t.basis == TUNED_BY_FACTOR:
        tuned = (f"The dataset lists no tuned price for {model_name(t.model)}, so the tuned model "
                 f"is taken to cost {format_number(result.tuned_price_factor)} times its price "
                 f"(the tuned-price factor): {price_list(t)}.")
    else:
        tuned = f"The tuned model is {model_name(t.model)}, at the dataset's price: {price_list(t)}."
    return f"{answering} {tuned}"


def _runs(count: int, cause: str) -> str:
    one, many = _CAUSES[cause]
    return f"{count:,} for {one if count == 1 else many}"


def retraining_note(result: CostEstimate) -> str:
    """How many runs each tuned approach pays after the first version, and why."""
    horizon = result.horizon_months
    runs = result.retrains["ft"]
    total = sum(runs.values())
    if total == 0:
        text = f"No retraining in {horizon} months."
    else:
        causes = ", ".join(_runs(n, c) for c, n in runs.items() if n)
        text = (f"Fine-tuning trains {total:,} more time{'s' if total != 1 else ''} in {horizon} "
                f"months ({causes}).")
    if runs["knowledge"]:
        cost = runs["knowledge"] * result.run_cost.typical
        text += (f" The knowledge runs alone cost {usd(cost)} of its typical {usd(result.total['ft'].typical)}: "
                 "keeping changing facts in the weights pays a training run per update, where "
                 "RAG and both edit a document.")
    else:
        text += " The knowledge is retrieved, so updates need no run."
    return text


def training_note(result: CostEstimate) -> str:
    """How one training run is priced."""
    if result.training_cost == "guide":
        return f"One run costs {band_text(result.run_cost)}: the guide's range."
    return (f"One run reads {result.training_tokens:,} training tokens (examples x tokens x "
            f"epochs) at {format_number(result.training_price)} USD per million: "
            f"{usd(result.run_cost.typical)}.")


def caching_note(result: CostEstimate) -> str | None:
    """What billing the repeated part of the prompt at the cached price saves, if anything."""
    if result.repeated_share == 0:
        return None
    saved = result.caching_saving_monthly
    share = f"{format_number(round(result.repeated_share * 100, 1))}%"
    saving = [a for a in APPROACHES if saved[a] > 0]
    text = (f"Billing the repeated {share} of the prompt at the cached price saves "
            + ", ".join(f"{_IN_A_SENTENCE[a]} {usd(saved[a])}" for a in saving) + " a month."
            if saving else f"The repeated {share} of the prompt saves nothing.")
    missing = [_IN_A_SENTENCE[a] for a in APPROACHES if saved[a] == 0]
    if missing:
        text += f" No cached price for {' and '.join(missing)}: those tokens are billed in full."
    return text


def limits_note(result: CostEstimate) -> str | None:
    """Queries too long for the model's window, or long enough to pay a higher rate."""
    parts = [f"{APPROACH_LABELS[a]}: {result.prompt_tokens[a]:,.0f} prompt tokens and the answer "
             "do not fit the model's window." for a in result.over_window]
    parts += [f"{APPROACH_LABELS[a]}: the prompt is long enough for the model's higher rate, "
              "which this estimate does not add." for a in result.past_higher_rate]
    return " ".join(parts) or None


def _sources(result: CostEstimate) -> tuple:
    sources = [COST_FIGURES, MIDPOINT]
    if result.answering.basis != TYPED or result.tuned.basis != TYPED:
        sources.append(PRICE_DATASET)
    if result.tuned.basis == TUNED_BY_FACTOR:
        sources.append(TUNED_FACTOR_READING)
    sources += [KNOWLEDGE_RETRIEVED, BEHAVIOUR_CHANGES, MODEL_LIFE]
    if result.training_cost == "tokens":
        sources += [EPOCHS, TRAINING_PRICE]
    return tuple(sources)


def report(result: CostEstimate) -> Report:
    """Headline, cost table, break-even, chart, prices, retraining, time and sensitivity."""
    side_by_side, driver = time_sentences(result)
    optional = [Note(lead, text) for lead, text in
                (("Caching.", caching_note(result)), ("Check.", limits_note(result))) if text]
    return Report(
        kind="costs", headline=headline(result), tone="note",
        summary=f"{break_even_sentence(result, 'ft')} {break_even_sentence(result, 'both')}",
        table=_table(result),
        chart=cumulative_chart(result.cumulative, result.break_even_ft, chart_description(result)),
        notes=(Note("Prices.", prices_note(result)),
               Note("Retraining.", f"{retraining_note(result)} {training_note(result)}"),
               *optional,
               Note("Time.", f"{side_by_side} {driver}"),
               Note("Sensitivity.", sensitivity_sentence(result), css_class="calc-sensitivity")),
        sources=_sources(result), sources_text="Figures",
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
