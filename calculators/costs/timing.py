"""Time to production and time spent on updates: the estimator's other half, in weeks."""

from __future__ import annotations

from dataclasses import dataclass

from .model import APPROACHES, BANDS, Band, CostInputs, Range, band_of, retrains_by_cause

HOURS_PER_WEEK = 7 * 24


@dataclass(frozen=True)
class TimeInputs:
    """Weeks to production and hours per iteration, each a range."""

    rag_weeks: Range
    ft_weeks: Range
    rag_iteration_hours: Range
    ft_iteration_hours: Range


def weeks_to_production(times: TimeInputs) -> dict[str, Band]:
    """Weeks until each approach is live; both follows the guide's path: RAG first, then tuning."""
    out = {}
    for approach in APPROACHES:
        values = []
        for band in BANDS:
            rag, ft = times.rag_weeks.at(band), times.ft_weeks.at(band)
            values.append({"rag": rag, "ft": ft, "both": rag + ft}[approach])
        out[approach] = band_of(values)
    return out


def iteration_weeks(times: TimeInputs, inputs: CostInputs) -> dict[str, float]:
    """Typical elapsed weeks spent on changes over the horizon.

    RAG edits a document per knowledge update; fine-tuning waits for each retraining run.
    """
    updates = inputs.updates_per_month * inputs.horizon_months
    retrains = sum(retrains_by_cause(inputs.horizon_months, inputs, "ft").values())
    return {
        "rag": updates * times.rag_iteration_hours.at("typical") / HOURS_PER_WEEK,
        "ft": retrains * times.ft_iteration_hours.at("typical") / HOURS_PER_WEEK,
    }
