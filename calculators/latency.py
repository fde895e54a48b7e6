"""Latency budget: does a RAG request, or a fine-tuned model with no retrieval, meet the target?

The guide's one figure here: retrieval adds 100-500 ms to every request, which is the time
a fine-tuned model that skips retrieval saves. The model's own timings have no guide figure;
the defaults are illustrative and the reader enters their own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .figures import RETRIEVAL_HIGH_MS, RETRIEVAL_LATENCY, RETRIEVAL_LOW_MS
from .guide import Guide
from .kit.calculator import Calculator, Figure, Preset
from .kit.html import Markup
from .kit.provenance import ILLUSTRATIVE, Judgement, Source
from .kit.report import Item, KeyFigure, Report, Section, Table
from .kit.schema import ChoiceField, Group, NumberField, Option, Value, format_number
from .kit.stacked_bar import Bar, Segment, stacked_bars

FIGURES = (
    RETRIEVAL_LATENCY,
    Figure("Time saved per request by a fine-tuned model that skips retrieval",
           f"{RETRIEVAL_LOW_MS}-{RETRIEVAL_HIGH_MS} ms", Guide("When Fine-Tuning Is the Right Choice")),
)
# The guide gives a range and no percentiles; reading its ends as p50 and p95 is ours.
PERCENTILE_READING = Judgement(
    "The guide gives retrieval time as a range with no percentiles; its low end stands here for "
    "a typical request and its high end for a slow one.")

_MAX_MS = 600_000  # ten minutes: far beyond any interactive target


def _ms_field(name: str, label: str, help: str, default: float, minimum: float = 0,
              source: Source = ILLUSTRATIVE) -> NumberField:
    """A time in milliseconds, from `minimum` up to ten minutes."""
    return NumberField(name=name, label=label, unit="ms", help=help, default=default,
                       minimum=minimum, maximum=_MAX_MS, source=source)


FIELDS = (
    Group("Your targets", "The times you must meet; the defaults illustrate, enter your own.", (
        _ms_field("target_p50_ms", "Target for a typical request (p50)",
                  "Half of all requests should finish within this time.", 3000, minimum=1),
        _ms_field("target_p95_ms", "Target for a slow request (p95)",
                  "19 requests in 20 should finish within this time.", 5000, minimum=1),
        ChoiceField(
            name="measure", label="The target is met when the reader sees",
            help="Pick the first words when the answer streams in as it is written.",
            options=(Option("answer", "The complete answer"),
                     Option("first_token", "The first words (the answer streams)")),
            default="answer",
        ),
    )),
    Group("Your model", "Its own timings, the same with or without retrieval; the defaults "
                        "illustrate, enter your model's figures.", (
        _ms_field("first_token_ms", "Model time to first token",
                  "From sending the prompt to the first token back.", 400),
        NumberField(
            name="tokens_per_second", label="Model generation speed", unit="tokens/s",
            help="Tokens (the word pieces a model reads and writes) per second once the "
                 "answer is streaming.",
            default=50, minimum=0.1, maximum=100_000,
        ),
        NumberField(
            name="output_tokens", label="Answer length", unit="tokens",
            help="How many tokens a typical answer runs to.",
            default=100, minimum=0, maximum=1_000_000, integer=True,
        ),
    )),
    Group("Retrieval", f"Search and fetch; the guide puts it at {RETRIEVAL_LOW_MS}-"
                       f"{RETRIEVAL_HIGH_MS} ms a request.", (
        _ms_field("retrieval_low_ms", "Retrieval time, typical request",
                  "For a typical (p50) request: the low end of the guide's range.",
                  RETRIEVAL_LOW_MS, source=PERCENTILE_READING),
        _ms_field("retrieval_high_ms", "Retrieval time, slow request",
                  "For a slow (p95) request: the high end of the guide's range.",
                  RETRIEVAL_HIGH_MS, source=PERCENTILE_READING),
    )),
    Group("Other steps", "Time outside the model and retrieval; 0 for a step you skip.", (
        _ms_field("rerank_ms", "Re-ranking",
                  "Re-ordering retrieved passages before the model sees them; RAG only.", 0),
        _ms_field("network_ms", "Network and app overhead",
                  "Paid by both approaches.", 50),
    ), assumptions=True),
)

PRESETS = (
    Preset("voice-assistant", "A voice assistant that must start speaking fast",
           {"target_p50_ms": 500, "target_p95_ms": 800, "measure": "first_token",
            "first_token_ms": 300, "network_ms": 100}),
    Preset("long-report", "Long written reports, read when complete",
           {"target_p50_ms": 20_000, "target_p95_ms": 30_000, "measure": "answer",
            "output_tokens": 1200, "tokens_per_second": 60, "rerank_ms": 200}),
)


def check(values: dict[str, Value]) -> dict[str, str]:
    """Messages for inputs that are each valid but contradict one another."""
    problems = {}
    low, high = float(values["retrieval_low_ms"]), float(values["retrieval_high_ms"])
    if low > high:
        problems["retrieval_high_ms"] = (f"Enter at least the typical request's "
                                         f"{format_number(low)} ms: a slow one cannot be faster.")
    p50, p95 = float(values["target_p50_ms"]), float(values["target_p95_ms"])
    if p50 > p95:
        problems["target_p95_ms"] = (f"Enter at least the p50 target of {format_number(p50)} ms: "
                                     "the p95 target cannot be shorter.")
    return problems


@dataclass(frozen=True)
class Part:
    """One step of a request and the time it takes."""

    name: str  # network, retrieval, rerank, first_token or generation
    ms: float


@dataclass(frozen=True)
class Path:
    """One approach at one percentile: where its time goes, against that percentile's target."""

    approach: str    # "rag" or "fine_tuned"
    percentile: str  # "p50" or "p95"
    parts: tuple[Part, ...]
    total_ms: float
    target_ms: float
    fits: bool
    headroom_ms: float  # target minus total: what is left, negative when it misses


@dataclass(frozen=True)
class LatencyBudget:
    """Both approaches at both targets, and how much time retrieval may take."""

    measure: str
    paths: tuple[Path, ...]  # RAG p50, fine-tuned p50, RAG p95, fine-tuned p95
    rag_fits_p50: bool
    rag_fits_p95: bool
    fine_tuned_fits_p50: bool
    fine_tuned_fits_p95: bool
    # Longest retrieval that still meets each target (negative: nothing fits even without it).
    retrieval_budget_p50_ms: float
    retrieval_budget_p95_ms: float
    # Retrieval time left in the budget after the retrieval entered: RAG's headroom.
    retrieval_left_p50_ms: float
    retrieval_left_p95_ms: float
    verdict: str  # "rag_fits", "fine_tuned_only" or "neither_fits"


_LABELS = {"network": "Network", "retrieval": "Retrieval", "rerank": "Re-rank",
           "first_token": "First token", "generation": "Writing"}
_APPROACHES = {"rag": "RAG", "fine_tuned": "Fine-tuned"}
_PERCENTILES = {"p50": "typical request (p50)", "p95": "slow request (p95)"}


def compute(values: dict[str, Value]) -> LatencyBudget:
    """Add up each request's steps and compare them with the targets; pure."""
    measure = str(values["measure"])
    writing = 0.0
    if measure == "answer":
        writing = float(values["output_tokens"]) * 1000 / float(values["tokens_per_second"])
    model = {"network": float(values["network_ms"]), "first_token": float(values["first_token_ms"]),
             "generation": writing}
    retrieval = {"p50": float(values["retrieval_low_ms"]), "p95": float(values["retrieval_high_ms"])}
    targets = {"p50": float(values["target_p50_ms"]), "p95": float(values["target_p95_ms"])}
    rerank = float(values["rerank_ms"])
    paths = tuple(
        _path(approach, pct, model, retrieval[pct], rerank, targets[pct])
        for pct in ("p50", "p95") for approach in ("rag", "fine_tuned")
    )
    rag = {p.percentile: p for p in paths if p.approach == "rag"}
    tuned = {p.percentile: p for p in paths if p.approach == "fine_tuned"}
    budget = {pct: targets[pct] - sum(model.values()) - rerank for pct in targets}
    verdict = ("rag_fits" if rag["p50"].fits and rag["p95"].fits
               else "fine_tuned_only" if tuned["p50"].fits and tuned["p95"].fits
               else "neither_fits")
    return LatencyBudget(
        measure=measure, paths=paths,
        rag_fits_p50=rag["p50"].fits, rag_fits_p95=rag["p95"].fits,
        fine_tuned_fits_p50=tuned["p50"].fits, fine_tuned_fits_p95=tuned["p95"].fits,
        retrieval_budget_p50_ms=budget["p50"], retrieval_budget_p95_ms=budget["p95"],
        retrieval_left_p50_ms=rag["p50"].headroom_ms, retrieval_left_p95_ms=rag["p95"].headroom_ms,
        verdict=verdict,
    )


def _path(approach: str, percentile: str, model: dict[str, float], retrieval: float,
          rerank: float, target: float) -> Path:
    steps = {"network": model["network"]}
    if approach == "rag":
        steps.update(retrieval=retrieval, rerank=rerank)
    steps.update(first_token=model["first_token"], generation=model["generation"])
    parts = tuple(Part(name, ms) for name, ms in steps.items())
    total = sum(steps.values())
    return Path(approach, percentile, parts, total, target, total <= target, target - total)


_HEADLINES = {
    "rag_fits": "RAG meets both targets",
    "fine_tuned_only": "Retrieval breaks the budget; a model without it meets both targets",
    "neither_fits": "Neither approach meets both targets",
}


def _steps(result: LatencyBudget):
    rag = {p.percentile: p for p in result.paths if p.approach == "rag"}
    tuned = {p.percentile: p for p in result.paths if p.approach == "fine_tuned"}
    budget = {"p50": result.retrieval_budget_p50_ms, "p95": result.retrieval_budget_p95_ms}
    retrieval = {pct: _part_ms(rag[pct], "retrieval") for pct in rag}
    rerank, verdict, measure = _part_ms(rag["p50"], "rerank"), result.verdict, result.measure
    for pct in ("p50", "p95"):
        if not tuned[pct].fits:
            yield (f"On a {_PERCENTILES[pct]} the model alone misses the target by "
                   f"{_over(tuned[pct].headroom_ms)} ms, before any retrieval.")
        elif budget[pct] < 0:
            yield (f"On a {_PERCENTILES[pct]} re-ranking alone uses up the time left, "
                   f"so retrieval gets none; RAG misses by {_over(rag[pct].headroom_ms)} ms.")
        elif rag[pct].fits:
            yield (f"On a {_PERCENTILES[pct]} retrieval may take up to {_ms(budget[pct])} ms; "
                   f"at {_ms(retrieval[pct])} ms that leaves {_ms(rag[pct].headroom_ms)} ms spare.")
        else:
            yield (f"On a {_PERCENTILES[pct]} retrieval may take up to {_ms(budget[pct])} ms; "
                   f"at {_ms(retrieval[pct])} ms RAG misses by {_over(rag[pct].headroom_ms)} ms.")
    if verdict == "fine_tuned_only":
        saved = f"{_ms(retrieval['p50'] + rerank)}-{_ms(retrieval['p95'] + rerank)}"
        yield (f"Skipping retrieval saves {saved} ms a request. The guide counts latency as a "
               "reason to fine-tune; it suits a model that needs no current facts looked up, "
               "since tuning is not a dependable way to teach them.")
    if verdict == "neither_fits":
        fixes = ("a shorter answer, a faster model, or a target measured to the first words"
                 if measure == "answer" else "a faster first token or less overhead")
        yield f"Dropping retrieval is not enough here; the model's own time needs {fixes}."
    yield ("Model timings are the same in every row; if yours are slower at p95, enter the "
           "p95 figures and compare.")


def _ms(ms: float) -> str:
    return format_number(max(0, math.floor(ms)))


def _over(headroom: float) -> str:
    return format_number(max(1, math.ceil(-headroom)))


def _status(path: Path) -> str:
    if path.fits:
        return f"{_ms(path.total_ms)} ms, fits ({_ms(path.headroom_ms)} spare)"
    return f"{_ms(path.total_ms)} ms, misses by {_over(path.headroom_ms)}"


def _part_ms(path: Path, name: str) -> float:
    return next(part.ms for part in path.parts if part.name == name)


_TONES = {"rag_fits": "success", "fine_tuned_only": "warning", "neither_fits": "failure"}


def report(result: LatencyBudget) -> Report:
    """The verdict, where the time goes, both approaches against both targets, the next steps."""
    rows = _table_rows(result)
    return Report(
        kind="latency", headline=_HEADLINES[result.verdict], tone=_TONES[result.verdict],
        summary=_verdict_line(result), chart=_chart(result), key_figures=_key_figures(result),
        table=Table(header=tuple(rows[0]), rows=tuple(tuple(row) for row in rows[1:])),
        sections=(Section("", tuple(Item(step) for step in _steps(result))),),
        sources=(RETRIEVAL_LATENCY.source, PERCENTILE_READING), sources_text="Retrieval time",
        yours="Model timings and targets are yours.",
    )


def _key_figures(result: LatencyBudget) -> tuple[KeyFigure, ...]:
    """Each request's total against its target: RAG's, then, when RAG misses, the model's
    alone at the percentile where it comes closest to missing."""
    figures = [_key_figure(p) for p in result.paths if p.approach == "rag"]
    if result.verdict != "rag_fits":
        tightest = min((p for p in result.paths if p.approach == "fine_tuned"),
                       key=lambda p: p.headroom_ms)
        figures.append(_key_figure(tightest))
    return tuple(figures)


def _key_figure(path: Path) -> KeyFigure:
    # Named as the chart names each bar, so the pinned figures and the chart agree.
    return KeyFigure(f"{_APPROACHES[path.approach]}, {_BRIEF[path.percentile]}", _against(path))


# A percentile in a word, where room is short (the pinned headline on a phone).
_BRIEF = {"p50": "typical", "p95": "slow"}


def _against(path: Path) -> str:
    against = f"{_ms(path.total_ms)} of {_ms(path.target_ms)} ms"
    return against if path.fits else f"{against}, misses"


def _verdict_line(result: LatencyBudget) -> str:
    what = "the complete answer" if result.measure == "answer" else "the first words"
    return f"Time until the reader sees {what}, with retrieval (RAG) and without (fine-tuned)."


_TEXTURES = {"network": ("dots", "lighter"), "retrieval": ("hatch", "accent"),
             "rerank": ("cross", "accent"), "first_token": ("solid", "primary"),
             "generation": ("lines", "light")}


def _chart(result: LatencyBudget) -> Markup:
    bars = tuple(
        Bar(title=f"{_APPROACHES[p.approach]}, {_BRIEF[p.percentile]}: {_ms(p.total_ms)} ms, "
                  f"{'fits' if p.fits else 'misses'}",
            segments=tuple(Segment(_LABELS[part.name], part.ms, f"{_ms(part.ms)} ms", *_TEXTURES[part.name])
                           for part in p.parts),
            limit=p.target_ms, limit_text=f"{_BRIEF[p.percentile]} target {_ms(p.target_ms)} ms")
        for p in result.paths
    )
    return stacked_bars(bars, "Where the time goes in one request, in milliseconds; a typical "
                        "request is the median (p50), a slow one the 95th percentile (p95).",
                        id_prefix="calc-latency")


def _table_rows(result: LatencyBudget) -> list[list[str]]:
    by = {(p.approach, p.percentile): p for p in result.paths}
    budget = {"p50": result.retrieval_budget_p50_ms, "p95": result.retrieval_budget_p95_ms}
    return [
        ["", "Typical (p50)", "Slow (p95)"],
        ["Target"] + [f"{_ms(by['rag', pct].target_ms)} ms" for pct in ("p50", "p95")],
        ["RAG"] + [_status(by["rag", pct]) for pct in ("p50", "p95")],
        ["Fine-tuned, no retrieval"] + [_status(by["fine_tuned", pct]) for pct in ("p50", "p95")],
        ["Retrieval may take"] + [f"{_ms(budget[pct])} ms" if budget[pct] >= 0 else "no time left"
                                  for pct in ("p50", "p95")],
    ]


CALCULATOR = Calculator(
    name="latency", title="Latency budget", groups=FIELDS, presets=PRESETS,
    figures=FIGURES, compute=compute, report=report, check=check,
    page="rag/",
)
