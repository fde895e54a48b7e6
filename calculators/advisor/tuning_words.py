"""The vendor facts in the advisor's words: a tuning road, a closed road, who enforces a format.

Every date and claim comes from `calculators.vendors`; each sentence says the day it was
checked, because these facts change under the reader.
"""

from __future__ import annotations

from ..kit.provenance import Source
from ..vendors import (
    CHECKED,
    CHOSEN_REGION,
    DEDICATED,
    EXISTING_CUSTOMERS,
    METHODS,
    OWN_HARDWARE,
    PER_TOKEN,
    FormatSupport,
    TuningRoute,
    route,
)
from ..vendors.model import CONFIDENCE
from .platforms import TuningOptions

AS_OF = f"as of {CHECKED}"
_SERVING = {DEDICATED: "a tuned model runs on a dedicated endpoint, billed while it is up, used or not",
            PER_TOKEN: "a tuned model is billed per token"}
_OWN_SERVING = "you serve the tuned model on machines you run"
_WHERE = {OWN_HARDWARE: "the data stays on hardware you control",
          CHOSEN_REGION: "region-bound: the data stays in the cloud region the job runs in"}
# Ways to do without tuning, each an outcome this advisor already gives.
WITHOUT_TUNING = ("or do without tuning: structured outputs for a fixed format, a few worked "
                  "examples in the prompt for tone and style, RAG for knowledge")


def road_name(r: TuningRoute) -> str:
    """A road as a reader names it: the platform, then the model family."""
    return f"{r.platform}: {r.family}"


def road_text(r: TuningRoute) -> str:
    """What a reader needs to pick a road: methods, billing, dates, where the data goes."""
    methods = ", ".join(METHODS[m] for m in r.methods)
    parts = [methods[:1].upper() + methods[1:],
             _OWN_SERVING if r.residency == OWN_HARDWARE else _SERVING[r.serving]]
    if r.jobs_until:
        parts.append(f"new tuning jobs until {r.jobs_until}")
    if r.retires:
        parts.append(f"tuned models retire on {r.retires}{' or later' if r.retires_or_later else ''}")
    parts.append(_WHERE.get(r.residency, "the data goes wherever the host runs it"))
    worst = max((f.confidence for f in r.facts), key=CONFIDENCE.index)
    if worst != "high":
        parts.append(f"the sources for this are of {worst} confidence")
    return "; ".join(parts) + "."


def closed_text(keys: tuple[str, ...]) -> str:
    """What closed or is closing, in the facts' own words, and that it is no way forward."""
    roads = [route(k) for k in keys]
    said = " ".join(f.claim for r in roads for f in r.facts)
    if any(r.access == EXISTING_CUSTOMERS for r in roads):
        said += " That road is closing, so it is not offered here as a way forward."
    return f"As checked on {CHECKED}: {said}"


def section_title(options: TuningOptions) -> str:
    """The heading over the roads, saying whose model they tune and the day they were checked."""
    if options.embedding:
        what = "Where to tune the embedding model"
    elif options.separate:
        what = "Where to tune the small routing model"
    else:
        what = "Where you could tune instead" if options.elsewhere else "Where you can tune today"
    return f"{what} ({AS_OF})"


def road_sources(options: TuningOptions) -> tuple[Source, ...]:
    """The pages behind every road and closed road shown."""
    return tuple(f.source for k in (*options.routes, *options.closed) for f in route(k).facts)


def format_text(facts: tuple[FormatSupport, ...], mine: bool) -> str:
    """Who holds a reply to a JSON schema: the reader's platform, or the vendors checked."""
    if mine:
        return f"On your platform, {AS_OF}: {facts[0].fact.claim}"
    vendors = ", ".join(f.vendor for f in facts)
    return (f"APIs that hold a reply to a JSON schema, {AS_OF}: {vendors}. Check that your "
            f"platform does before tuning for a format.")
