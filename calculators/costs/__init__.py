"""Cost and time estimator: every approach that can do the reader's job, costed like for like.

The approaches and their words are in `approaches`, the inputs in `fields`, the models'
prices in `pricing` (routes and retirements from `calculators.vendors`), the token and cache
arithmetic in `usage`, month-by-month plans in `plan`, the estimate in `estimate`, time in
`timing`, and the words in `report`, `notes` and `words`. This module only assembles them.
"""

from __future__ import annotations

from ..kit.calculator import Calculator
from .estimate import compute
from .fields import FIELDS, PRESETS, check
from .method import FIGURES, methodology_table
from .report import downloads, report

CALCULATOR = Calculator(
    name="costs", title="Cost and time estimator", groups=FIELDS, presets=PRESETS,
    figures=FIGURES, compute=compute, report=report, downloads=downloads,
    rules_table=methodology_table, check=check, page="costs/",
)
