"""Context-window budget: do the system prompt, conversation, retrieved text and answer fit?

The guide's point ("RAG Limitations"): retrieved text takes room in the context window, and
what it takes the conversation and the answer cannot use. The guide gives no window size or
token count. The default window is today's common size (see DEFAULT_WINDOW); the token
counts are illustrative and the reader enters their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from .guide import Guide
from .kit.calculator import Calculator, Figure, Preset
from .kit.html import Markup
from .kit.provenance import ILLUSTRATIVE, Judgement, Source
from .kit.report import Item, KeyFigure, Report, Section, Table
from .kit.schema import ChoiceField, Group, NumberField, Option, Value, format_number
from .kit.stacked_bar import Bar, Segment, stacked_bars
from .kit.words import counted
from .price_dataset import CUSTOM, PRICE_DATASET
from .prices import MODELS

FIGURES = (
    Figure("What retrieved text costs",
           "room in the context window, leaving less for the conversation and the answer",
           Guide("RAG Limitations")),
)

_MAX_TOKENS = 100_000_000
# Models whose window the price dataset gives; "custom" reads the window the reader types.
WINDOWS = {m.key: m for m in MODELS if m.context_window}
WINDOW_SOURCE = PRICE_DATASET
# A custom window starts at the size most current models offer, small ones included; a
# test checks that it is still the commonest window in the price table.
DEFAULT_WINDOW = 1_000_000
DEFAULT_WINDOW_SOURCE = Judgement(
    f"About a million tokens is the commonest window among the current models in the price "
    f"table ({PRICE_DATASET.detail}), small and cheap ones included, "
    f"so a custom window starts there; enter your own model's.")
# Below this share of the window, the window is not what limits a request.
ROOMY_SHARE = 0.1
ROOMY = Judgement("A request that fills a tenth of the window or less is limited by what its "
                  "tokens cost and how long they take to read, not by the window.")


def _tokens(name: str, label: str, help: str, default: int, unit: str = "tokens",
            minimum: int = 0, maximum: int = _MAX_TOKENS, source: Source = ILLUSTRATIVE) -> NumberField:
    return NumberField(name=name, label=label, unit=unit, help=help, default=default,
                       minimum=minimum, maximum=maximum, integer=True, source=source)


FIELDS = (
    Group("The window", "The model's limit and the room kept for its answer; the window starts at "
                        "today's common size, enter your model's figures.", (
        ChoiceField(name="model", label="Model", default=CUSTOM,
                    options=(*(Option(m.key, m.model, group=m.provider) for m in WINDOWS.values()),
                             Option(CUSTOM, "Custom: the window below", group="Your own window")),
                    help="Its context window from the price dataset, or the one you type."),
        _tokens("window_tokens", "Context window",
                "The most the model reads and writes in one request; used with a custom model.",
                DEFAULT_WINDOW, minimum=1, source=DEFAULT_WINDOW_SOURCE),
        _tokens("answer_tokens", "Reserved for the answer",
                "Room kept free for the model to write its answer.", 1_500),
    )),
    Group("Every request", "What each request carries before retrieval adds anything; enter "
                           "your own counts.", (
        _tokens("system_tokens", "System prompt",
                "Instructions and examples sent with every request.", 1_000),
        _tokens("history_tokens", "Conversation history",
                "Earlier turns you want to keep, at the longest conversation you support.", 6_000),
    )),
    Group("Retrieval", "What RAG adds to each request; enter your own settings.", (
        _tokens("chunks", "Retrieved chunks", "Passages retrieval adds to each request.", 8,
                unit="chunks", maximum=1_000_000),
        _tokens("chunk_tokens", "Tokens per chunk", "The size of one retrieved passage.", 800,
                minimum=1),
    )),
)

PRESETS = (
    Preset("small-window-long-chat", "A long support chat in an 8,000-token window",
           {"window_tokens": 8_000, "system_tokens": 800, "history_tokens": 4_000,
            "chunks": 6, "chunk_tokens": 500, "answer_tokens": 800}),
    Preset("large-window", "A 128,000-token window with generous retrieval",
           {"window_tokens": 128_000, "system_tokens": 2_000, "history_tokens": 20_000,
            "chunks": 20, "chunk_tokens": 1_000, "answer_tokens": 4_000}),
)


@dataclass(frozen=True)
class ContextBudget:
    """How one request fills the window, and how many chunks could."""

    model: str  # the table's key for the model whose window is used, or "custom"
    window_tokens: int
    system_tokens: int
    history_tokens: int
    chunks: int
    chunk_tokens: int
    retrieved_tokens: int
    answer_tokens: int
    used_tokens: int
    free_tokens: int  # negative when the request overflows the window
    fits: bool
    # Largest number of chunks that fits beside everything else (0 when none does).
    max_chunks: int
    fits_without_chunks: bool
    # Room the conversation has once the prompt, the retrieved text and the answer are in.
    conversation_room: int
    verdict: str  # "fits", "crowded" (retrieved text squeezes out the conversation), "too_big"


def compute(values: dict[str, Value]) -> ContextBudget:
    """Add up the window's parts and find the most chunks that fit; pure."""
    model = str(values["model"])
    window = WINDOWS[model].context_window if model in WINDOWS else int(values["window_tokens"])
    system, history = int(values["system_tokens"]), int(values["history_tokens"])
    chunks, chunk_tokens, answer = (int(values[k]) for k in ("chunks", "chunk_tokens",
                                                              "answer_tokens"))
    retrieved = chunks * chunk_tokens
    used = system + history + retrieved + answer
    room_for_chunks = window - system - history - answer
    fits = used <= window
    verdict = "fits" if fits else "crowded" if room_for_chunks >= 0 else "too_big"
    return ContextBudget(
        model=model, window_tokens=window, system_tokens=system, history_tokens=history, chunks=chunks,
        chunk_tokens=chunk_tokens, retrieved_tokens=retrieved, answer_tokens=answer,
        used_tokens=used, free_tokens=window - used, fits=fits,
        max_chunks=max(0, room_for_chunks // chunk_tokens),
        fits_without_chunks=room_for_chunks >= 0,
        conversation_room=window - system - retrieved - answer,
        verdict=verdict,
    )


_HEADLINES = {
    "fits": "Everything fits in the window",
    "crowded": "Retrieved text leaves too little room for the conversation",
    "too_big": "Too big for the window, even with no retrieved text",
}


def _steps(r: ContextBudget) -> list[str]:
    steps = [f"Retrieved text: {counted(r.chunks, 'chunk')} of {counted(r.chunk_tokens, 'token')}, "
             f"{counted(r.retrieved_tokens, 'token')} ({_share(r.retrieved_tokens, r.window_tokens)})."]
    if r.verdict == "fits":
        steps.append(f"{counted(r.free_tokens, 'token')} stay free: room for the conversation "
                     "to grow or for the answer to run long.")
        more = r.max_chunks - r.chunks
        if _roomy(r):  # "1,231 more chunks would fit" would read as advice to add them
            steps.append("The window is not the limit here: every retrieved token is still paid "
                         "for and read before the answer starts, so retrieve the few passages that "
                         "answer the question, not as many as fit.")
        else:
            steps.append(f"Up to {counted(r.max_chunks, 'chunk')} would fit" +
                         (f", {more:,} more than now." if more else "; there is no room for another."))
    elif r.verdict == "crowded":
        steps.append(f"Beside the retrieved text the conversation has room for "
                     f"{counted(max(0, r.conversation_room), 'token')}; it needs {r.history_tokens:,}.")
        steps.append(f"Retrieve at most {counted(r.max_chunks, 'chunk')} of this size, use shorter "
                     "chunks, or shorten the history by summarising older turns.")
    else:
        steps.append(f"The system prompt, history and answer alone need "
                     f"{counted(r.system_tokens + r.history_tokens + r.answer_tokens, 'token')}, "
                     f"{-(r.window_tokens - r.system_tokens - r.history_tokens - r.answer_tokens):,} "
                     "more than the window holds.")
        steps.append("Shorten the system prompt or the history, or choose a model with a larger "
                     "window, before adding any retrieved text.")
    return steps


def _roomy(r: ContextBudget) -> bool:
    """The request fits in a small share of the window, so the window does not limit it."""
    return r.fits and r.used_tokens <= ROOMY_SHARE * r.window_tokens


def _share(part: int, whole: int) -> str:
    """How much of the window `part` takes: a percentage up to all of it, then a multiple."""
    ratio = part / whole
    if ratio <= 1:
        return f"{format_number(round(100 * ratio, 1))}% of the window"
    if ratio < 1.1:  # "1 times the window" would read as if it fitted
        return "more than the whole window"
    return f"{format_number(round(ratio, 1))} times the window"


_TONES = {"fits": "success", "crowded": "warning", "too_big": "failure"}


def report(result: ContextBudget) -> Report:
    """The verdict, the window as a bar, the parts as a table, and what to do."""
    r = result
    cited = [("Why retrieved text matters", FIGURES[0].source)]
    if r.model in WINDOWS:
        cited.append((f"{WINDOWS[r.model].model}'s window", WINDOW_SOURCE))
    elif r.window_tokens == DEFAULT_WINDOW:
        cited.append(("the default window", DEFAULT_WINDOW_SOURCE))
    if _roomy(r):
        cited.append(("why the window is not the limit", ROOMY))
    rows = [(label, f"{getattr(r, key):,}") for label, key, _, _ in _PARTS]
    rows += [("Free", f"{max(0, r.free_tokens):,}"), ("Window", f"{r.window_tokens:,}")]
    return Report(
        kind="context", headline=_HEADLINES[r.verdict], tone=_TONES[r.verdict],
        summary=_usage_line(r), chart=_chart(r), key_figures=_key_figures(r),
        table=Table(header=("Part", "Tokens"), rows=tuple(rows)),
        sections=(Section("", tuple(Item(step) for step in _steps(r))),),
        sources=tuple(source for _, source in cited), sources_text=_and(tuple(what for what, _ in cited)),
        yours="Token counts are yours." if r.model in WINDOWS else
        "Window sizes and token counts are yours.",
    )


def _and(parts: tuple[str, ...]) -> str:
    """"a", "a and b", "a, b and c"."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _key_figures(r: ContextBudget) -> tuple[KeyFigure, ...]:
    used = KeyFigure("Used", f"{r.used_tokens:,} of {counted(r.window_tokens, 'token')}")
    if r.fits:
        return (used, KeyFigure("Chunks that fit", f"{r.max_chunks:,}"))
    return (used, KeyFigure("Over by", counted(-r.free_tokens, "token")))


def _usage_line(r: ContextBudget) -> str:
    if r.fits:
        return (f"{r.used_tokens:,} of {counted(r.window_tokens, 'token')} used "
                f"({_share(r.used_tokens, r.window_tokens)}).")
    return (f"{counted(r.used_tokens, 'token')} for a {r.window_tokens:,}-token window: "
            f"{-r.free_tokens:,} too many.")


_PARTS = (("System prompt", "system_tokens", "solid", "primary"),
          ("Conversation", "history_tokens", "lines", "light"),
          ("Retrieved", "retrieved_tokens", "hatch", "accent"),
          ("Answer", "answer_tokens", "dots", "lighter"))


def _chart(r: ContextBudget) -> Markup:
    segments = [Segment(label, getattr(r, key), f"{getattr(r, key):,}", texture, tone)
                for label, key, texture, tone in _PARTS]
    if r.free_tokens > 0:
        segments.append(Segment("Free", r.free_tokens, f"{r.free_tokens:,}", "empty", "empty"))
    bar = Bar(title=f"One request: {counted(r.used_tokens, 'token')}", segments=tuple(segments),
              limit=r.window_tokens, limit_text=f"window {r.window_tokens:,}")
    return stacked_bars((bar,), "How one request fills the context window, in tokens.",
                        id_prefix="calc-context")


CALCULATOR = Calculator(
    name="context", title="Context-window budget", groups=FIELDS, presets=PRESETS,
    figures=FIGURES, compute=compute, report=report,
    page="rag/",
)
