"""Links into the published site that open a calculator with given inputs.

The query format is the browser's (docs/javascripts/url-state.js): `?NAME.field=value`,
one pair per input, so several calculators can share one page's address.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from .calculator import Calculator
from .form import title_id

# Where GitHub Pages publishes the site. It is a placeholder until the project has its
# own address: the deploy sets SITE_URL (see .github/workflows/ci.yml), and a reader can
# set SITE_URL or pass --site-url to the command line to point links at any copy.
PUBLISHED_SITE_URL = "https://OWNER.github.io/REPO/"


def site_url(override: str | None = None) -> str:
    """The site's base address, ending in "/": `override`, else $SITE_URL, else the placeholder."""
    base = override or os.environ.get("SITE_URL") or PUBLISHED_SITE_URL
    return base if base.endswith("/") else base + "/"


def is_placeholder(base: str) -> bool:
    """True when `base` is the placeholder address, which leads nowhere yet."""
    return base.rstrip("/") == PUBLISHED_SITE_URL.rstrip("/")


def state_query(name: str, state: Mapping[str, str]) -> str:
    """The URL query that fills calculator `name` with `state` ({field: text})."""
    # Imported here: only the build and the command line make links, and importing
    # urllib.parse is a noticeable part of Python's start-up in the browser.
    from urllib.parse import urlencode

    return urlencode({f"{name}.{field}": text for field, text in state.items()})


def calculator_url(calc: Calculator, state: Mapping[str, str], base: str) -> str:
    """The address of `calc` on its page under `base`, filled in with `state`."""
    if not calc.page:
        raise ValueError(f"calculator {calc.name!r} names no page of the site")
    return f"{base}{calc.page}?{state_query(calc.name, state)}#{title_id(calc.name)}"
