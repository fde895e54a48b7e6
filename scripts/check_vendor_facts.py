"""Say what in the vendor facts (calculators/vendors) needs re-checking, and fail if anything does.

    python scripts/check_vendor_facts.py                     # as of today (UTC)
    python scripts/check_vendor_facts.py --today 2027-03-05  # as of another day, to see ahead

It fails (exit 1) when the facts were last checked more than STALE_AFTER_DAYS ago, or when a
date they list has come: a route still offered past its last job day or its retirement, a
model past its announced retirement or price change. `make check-vendors` runs it, and so
does a monthly GitHub workflow (.github/workflows/vendor-facts.yml). The tests never run it
against the real clock: the day is an argument.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the calculators package, standard library only, from the checkout

from calculators.vendors import CHECKED, STALE_AFTER_DAYS, stale_problems  # noqa: E402


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2027-03-05") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--today", type=_day, metavar="YYYY-MM-DD",
                        help="check as of this day instead of today (UTC)")
    args = parser.parse_args(argv)
    today = args.today or datetime.datetime.now(datetime.timezone.utc).date()
    problems = stale_problems(today)
    if not problems:
        print(f"Vendor facts checked on {CHECKED}; as of {today} nothing needs re-checking "
              f"(they go stale after {STALE_AFTER_DAYS} days).")
        return 0
    lines = [f"As of {today}, the vendor facts (calculators/vendors, checked {CHECKED}) need "
             f"{len(problems)} thing{'s' if len(problems) != 1 else ''} re-checked:",
             *(f"  - {p}" for p in problems),
             "Re-read each source, update the facts and CHECKED, then run this again."]
    print("\n".join(lines))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")  # the workflow run's page shows the list
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write("\n".join([f"### Vendor facts need re-checking ({today})", "",
                                 *(f"- {p}" for p in problems), ""]))
    return 1


if __name__ == "__main__":
    sys.exit(main())
