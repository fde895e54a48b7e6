"""The plugin's work as one plain command over a site some generator already built.

    python -m build_hooks SITE_DIR [--config mkdocs.yml]

For generators that run Python-Markdown extensions (so the calculators are pre-rendered)
but no MkDocs plugins, such as Zensical: it builds and stages the runtime, the wheel and
the standard library, gives calculator pages their head tags and scripts, joins the
site's stylesheets into one, puts a Content-Security-Policy in every page and writes the
service worker, reading the plugin's options from mkdocs.yml as the plugin would.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs.config import load_config

from . import csp, runtime, service_worker, stylesheet, wheel
from .config import CalculatorsConfig
from .download import first_visit_bytes
from .project import Project, has_calculator
from .python_assets import first_visit_files, head_tags, root_from, with_head_tags


def finish(site_dir: Path, config_file: Path) -> list[str]:
    """Finish the built site in `site_dir` as mkdocs.yml at `config_file` configures it;
    return the warnings (a page's own inline script, which its policy blocks)."""
    config = load_config(str(config_file))
    options = _options(config)
    project = Project(Path(options.project_dir or config_file.parent).resolve(), options.package)
    runtime.check_installed(project)
    python = wheel.build(project)
    runtime.stage(project, site_dir)
    python.write(site_dir, project.cache_dir)
    download = first_visit_bytes(site_dir, first_visit_files(project, python))
    bundle = stylesheet.bundle(Path(config.docs_dir), config.extra_css) if options.bundle_css else None
    if bundle:
        bundle.write_into(site_dir)
    warnings = []
    for page in sorted(site_dir.rglob("*.html")):
        dest = page.relative_to(site_dir).as_posix()
        html = page.read_text(encoding="utf-8")
        if bundle:
            html = bundle.relink(html)
        if has_calculator(html):
            tags = head_tags(project, python, download, options.page_scripts, root_from(dest))
            html = with_head_tags(html, tags)
        if options.csp:
            content = csp.content_of(html)
            if csp.inline_scripts(content):
                warnings.append(f"{dest} has an inline <script> in its content; the page's policy blocks it.")
            html = csp.with_policy(html, content)
        page.write_text(html, encoding="utf-8")
    if options.offline:
        service_worker.write(site_dir)  # last: it lists every file
    return warnings


def _options(config) -> CalculatorsConfig:
    """The calculators plugin's options from mkdocs.yml; its defaults if it is not listed
    (a generator that runs no plugins may refuse the entry)."""
    plugin = config.plugins.get("calculators")
    if plugin is not None:
        return plugin.config
    options = CalculatorsConfig()
    options.load_dict({})
    options.validate()
    return options


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_hooks", description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, help="the built site, finished in place")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                        help="the site's mkdocs.yml (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        warnings = finish(args.site_dir, args.config)
    except runtime.RuntimeMissingError as missing:
        print(f"error: {missing}", file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 1 if warnings else 0
