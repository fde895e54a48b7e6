"""The MkDocs plugin: everything a calculator site needs past its Markdown.

    plugins:
      - calculators:
          package: calculators

Before the build it builds the package's wheel and checks the pinned Pyodide; the runtime,
wheel and standard library go into the site before any page, so each calculator page gets
the tags that say where Python is, how much a first visit downloads, and its scripts;
after the build the service worker lists every file. Every page's config names the site's
stand-in for Material's search worker (search.py). Every page gets its
Content-Security-Policy last, once other plugins are done with it. The page markers are a Python-Markdown
extension (blocks.py) this plugin adds if mkdocs.yml does not list it, so they also work
under generators that run no plugins; `python -m build_hooks SITE_DIR` does this plugin's
work over any built site.
"""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import csp, runtime, service_worker, stylesheet, wheel
from .config import CalculatorsConfig
from .download import first_visit_bytes
from .project import Project, has_calculator
from .python_assets import first_visit_files, head_tags, root_from, with_head_tags
from .search import with_search_on_demand

# Under "mkdocs." so that MkDocs shows the warnings and strict mode counts them.
log = logging.getLogger("mkdocs.plugins.calculators")
MARKERS = "build_hooks.blocks"
# Last of all plugins: the policy hashes a page's final text, and the service worker
# lists every file any plugin wrote.
LAST = -100


class CalculatorsPlugin(BasePlugin[CalculatorsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False  # `mkdocs serve` injects an inline live-reload script
        self.project: Project | None = None
        self.python: wheel.BrowserPython | None = None  # this build's
        self.download = 0  # bytes a first visit's Python downloads, as this build wrote it
        self.bundle: stylesheet.Bundle | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = self.config.project_dir or Path(config.config_file_path).parent
        self.project = Project(Path(root).resolve(), self.config.package)
        if MARKERS not in config.markdown_extensions:
            config.markdown_extensions.append(MARKERS)
        markers = config.mdx_configs.setdefault(MARKERS, {})
        if markers.setdefault("package", self.project.package) != self.project.package:
            raise PluginError(f"{MARKERS} names package {markers['package']!r}, "
                              f"the calculators plugin {self.project.package!r}: name one.")
        self.bundle = None
        if self.config.bundle_css:
            self.bundle = stylesheet.bundle(Path(config.docs_dir), config.extra_css)
        if self.bundle:
            config.extra_css = self.bundle.extra_css(config.extra_css)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        worker = self.config.search_worker
        if worker and files.get_file_from_path(worker) is None:
            raise PluginError(f"search_worker: {worker} is not in the site's docs; copy "
                              "docs/javascripts/search-worker.js there, or set search_worker: ''.")
        if self.bundle:
            for css in self.bundle.sources:
                source = files.get_file_from_path(css)
                if source is not None:
                    files.remove(source)
            files.append(File.generated(config, self.bundle.name, content=self.bundle.text))
        return files

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        try:  # before the slow wheel build: a stale node_modules fails fast
            runtime.check_installed(self.project)
        except runtime.RuntimeMissingError as missing:
            raise PluginError(str(missing)) from None
        self.python = wheel.build(self.project)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # MkDocs writes the site after this event, pages last: Python goes in first, so
        # pages state the size of the files as written (nothing rewrites them later).
        site_dir = Path(config.site_dir)
        runtime.stage(self.project, site_dir)
        self.python.write(site_dir, self.project.cache_dir)
        self.download = first_visit_bytes(site_dir, first_visit_files(self.project, self.python))
        return env

    def _place_python(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if not has_calculator(output):
            return output
        tags = head_tags(self.project, self.python, self.download, self.config.page_scripts,
                         root_from(page.file.dest_uri))
        return with_head_tags(output, tags)

    def _place_search(self, output: str, *, page: Page | None, config: MkDocsConfig) -> str:
        if not self.config.search_worker:
            return output
        return with_search_on_demand(output, self.config.search_worker)

    @event_priority(LAST)
    def _place_policy(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if not self.config.csp:
            return output
        content = page.content or ""
        if csp.inline_scripts(content):
            log.warning("%s has an inline <script> in its content; the page's policy blocks it.",
                        page.file.src_uri)
        # Only the theme's own inline scripts are hashed: the page's content is left out.
        return csp.with_policy(output, content, allow_inline=self.serving)

    on_post_page = CombinedEvent(_place_python, _place_search, _place_policy)

    @event_priority(LAST)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        # Pages rendered from a template alone (404.html) are all theme: hash all of it.
        if not template_name.endswith(".html"):
            return output_content
        output_content = self._place_search(output_content, page=None, config=config)
        if not self.config.csp:
            return output_content
        return csp.with_policy(output_content, allow_inline=self.serving)

    @event_priority(LAST)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.offline:
            service_worker.write(Path(config.site_dir))
