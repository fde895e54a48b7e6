"""The plugin's options, as mkdocs.yml gives them under `plugins: - calculators:`."""

from __future__ import annotations

from mkdocs.config import config_options as option
from mkdocs.config.base import Config


class CalculatorsConfig(Config):
    # The calculator package the pages name (built with the kit; it exports CALCULATORS,
    # run_json, render_default_widget, render_reference, preset_query and has a `cli`).
    package = option.Type(str, default="calculators")
    # The folder with that package's pyproject.toml, package.json (pinning Pyodide) and
    # node_modules; by default the one mkdocs.yml is in.
    project_dir = option.Optional(option.Dir(exists=True))
    # Module scripts only pages that hold a calculator load, from the site root.
    page_scripts = option.ListOfItems(option.Type(str), default=["javascripts/calculator.js"])
    # The site's own stylesheets (those under docs/ in extra_css) joined into one file.
    bundle_css = option.Type(bool, default=True)
    # A service worker that keeps the site, and its calculators once used, working offline.
    offline = option.Type(bool, default=True)
    # A Content-Security-Policy <meta> in every page: scripts from the site's own origin only.
    csp = option.Type(bool, default=True)
    # Material's search index built once the reader opens the search, by this stand-in for
    # Material's search worker (a path from the site root; build_hooks/search.py says why);
    # empty: Material's worker, which builds it as every page loads. The plugin's alone:
    # `python -m build_hooks` leaves other generators' search as they made it.
    search_worker = option.Type(str, default="javascripts/search-worker.js")
