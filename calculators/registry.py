"""Every calculator the site, the command line and the tests know, by name."""

from __future__ import annotations

from . import costs
from . import readiness
from . import advisor
from . import context, latency
from .calculator import Calculator

CALCULATORS: dict[str, Calculator] = {
    calc.name: calc
    for calc in (
        readiness.CALCULATOR,
        advisor.CALCULATOR,
        latency.CALCULATOR, context.CALCULATOR,
        costs.CALCULATOR,
    )
}
