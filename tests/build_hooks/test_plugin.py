"""The calculators plugin as MkDocs loads it: registered by name, its options typed, the
markers extension kept in step with it, and its last steps run after every other plugin's."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, PluginCollection
from mkdocs.structure.files import File, Files

from build_hooks import stylesheet
from build_hooks.plugin import MARKERS, CalculatorsPlugin
from build_hooks.python_assets import head_tags, root_from

ROOT = Path(__file__).resolve().parents[2]


def configured(options: dict, **mkdocs: object) -> tuple[CalculatorsPlugin, MkDocsConfig]:
    plugin = CalculatorsPlugin()
    errors, _ = plugin.load_config(options)
    assert not errors
    config = MkDocsConfig(config_file_path=str(ROOT / "mkdocs.yml"))
    config.load_dict({"site_name": "test", "docs_dir": str(ROOT / "docs"), **mkdocs})
    assert config.validate() == ([], [])
    return plugin, config


def test_mkdocs_finds_the_plugin_by_its_name():
    (entry,) = entry_points(group="mkdocs.plugins", name="calculators")
    assert entry.load() is CalculatorsPlugin


def test_the_options_are_typed_and_default_to_this_projects_layout():
    plugin = CalculatorsPlugin()
    errors, _ = plugin.load_config({"package": 3})
    assert [name for name, _ in errors] == ["package"]
    plugin, config = configured({})
    plugin.on_config(config)
    assert plugin.project.root == ROOT and plugin.project.package == "calculators"
    assert plugin.config.page_scripts == ["javascripts/calculator.js"]


def test_the_markers_extension_is_added_with_the_plugins_package_and_must_agree():
    plugin, config = configured({"package": "calculators"})
    plugin.on_config(config)
    assert MARKERS in config.markdown_extensions
    assert config.mdx_configs[MARKERS] == {"package": "calculators"}
    plugin, config = configured({"package": "calculators"}, markdown_extensions=[{MARKERS: {"package": "json"}}])
    with pytest.raises(PluginError, match="name one"):
        plugin.on_config(config)


def test_a_search_worker_stand_in_missing_from_the_docs_fails_the_build():
    plugin, config = configured({"bundle_css": False, "search_worker": "javascripts/absent.js"})
    present = Files([File("javascripts/search-worker.js", config.docs_dir, config.site_dir, False)])
    with pytest.raises(PluginError, match="javascripts/absent.js is not in the site's docs"):
        plugin.on_files(present, config=config)
    plugin, config = configured({"bundle_css": False})
    assert plugin.on_files(present, config=config) is present
    plugin, config = configured({"bundle_css": False, "search_worker": ""})  # Material's own worker
    assert plugin.on_files(Files([]), config=config) is not None


def test_the_stylesheets_under_docs_become_one_and_others_keep_their_place():
    plugin, config = configured({}, extra_css=["stylesheets/guide.css", "https://cdn/x.css",
                                               "stylesheets/costs.css"])
    plugin.on_config(config)
    assert config.extra_css == [plugin.bundle.name, "https://cdn/x.css"]
    assert plugin.bundle.sources == ("stylesheets/guide.css", "stylesheets/costs.css")


class _Other(BasePlugin):
    """Another site's plugin: adds an inline script to every page, writes a file at the end."""

    def on_post_page(self, output: str, *, page, config) -> str:
        return output.replace("</head>", "<script>other()</script></head>")

    def on_post_build(self, *, config) -> None:
        (Path(config.site_dir) / "other.txt").write_text("written after the calculators plugin")


def test_the_policy_and_the_service_worker_come_after_other_plugins(tmp_path: Path):
    plugin, config = configured({"bundle_css": False}, site_dir=str(tmp_path))
    plugins = PluginCollection()
    plugins["calculators"] = plugin  # listed first, as in mkdocs.yml
    plugins["other"] = _Other()
    page = SimpleNamespace(content="<p>hi</p>", file=SimpleNamespace(src_uri="a.md", dest_uri="a/index.html"))
    html = plugins.on_post_page("<html><head></head><body><p>hi</p></body></html>", page=page, config=config)
    assert "sha256-" in html.split("script-src", 1)[1].split(";", 1)[0]  # other()'s script is hashed
    plugin.on_config(config)
    plugins.on_post_build(config=config)
    assert "other.txt" in (tmp_path / "sw.js").read_text()


def test_calculator_pages_get_their_scripts_relative_to_themselves():
    assert root_from("index.html") == "./" and root_from("decide/index.html") == "../"
    assert root_from("a/b/index.html") == "../../"
    project = SimpleNamespace(runtime_folder=lambda: "assets/pyodide/1/")
    python = SimpleNamespace(wheel_path="w/x.whl", stdlib_path="w/s.zip")
    tags = head_tags(project, python, 4_900_123, ["javascripts/calculator.js"], "../")
    assert tags.endswith('<script type="module" src="../javascripts/calculator.js"></script>')
    assert '<meta name="calculators-wheel" content="w/x.whl">' in tags
    assert '<meta name="calculators-download" content="4900123">' in tags


def test_a_built_pages_stylesheet_links_become_one_link_to_the_bundle():
    bundle = stylesheet.Bundle("stylesheets/site.1.css", "", ("stylesheets/a.css", "stylesheets/b.css"))
    html = ('<link rel="stylesheet" href="x.css"><link rel="stylesheet" href="../stylesheets/a.css">'
            '<link rel="stylesheet" href="../stylesheets/b.css?v=2">')
    assert bundle.relink(html) == ('<link rel="stylesheet" href="x.css">'
                                   '<link rel="stylesheet" href="../stylesheets/site.1.css">')
