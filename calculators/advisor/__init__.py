"""Decision advisor: the guide's five questions as a calculator that explains its answer.

This module only assembles it. `inputs` holds the form and presets; `facts` the outcomes and
thresholds; `readings` the site's own calls behind some rules; `rules` the rule table and
`details` what a rule adds for the reader's answers; `advice` the walk over the table;
`platforms` and `tuning_words` the dated vendor facts for the reader's platform; `report` the
words; `diagram` the path through the five questions; `page` the decision page's outcomes.
"""

from __future__ import annotations

from ..kit.calculator import Calculator
from .advice import compute
from .facts import FIGURES
from .inputs import FIELDS, PRESETS
from .report import report
from .rules import rules_table

CALCULATOR = Calculator(
    name="advisor", title="Decision advisor", groups=FIELDS, presets=PRESETS, figures=FIGURES,
    compute=compute, report=report, rules_table=rules_table, page="decide/",
)
