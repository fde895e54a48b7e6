"""The command line, run as a reader runs it: a real process, its output, its exit code."""

from __future__ import annotations

import inspect
import json
import os
import re
import subprocess
import sys
import venv
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

import calculators
from calculators import CALCULATORS, run
from calculators.cli import option_name
from calculators.kit.provenance import ILLUSTRATIVE
from calculators.kit.schema import ChoiceField, NumberField, format_number

ROOT = Path(__file__).resolve().parents[2]
NAMES = sorted(CALCULATORS)


def cli(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT,
        command: tuple[str, ...] = (sys.executable, "-m", "calculators"),
        ) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    return subprocess.run([*command, *args], capture_output=True, text=True, cwd=cwd,
                          env={**clean, "COLUMNS": "100", **(env or {})}, timeout=60)


def other_inputs(name: str) -> dict[str, str]:
    """Valid inputs that differ from the defaults: each field's value in the last preset."""
    calc = CALCULATORS[name]
    return run(name, dict(calc.presets[-1].values))["state"]


def as_options(name: str, inputs: dict[str, str]) -> list[str]:
    fields = {f.name: f for f in CALCULATORS[name].fields}
    return [part for field, text in inputs.items() for part in (option_name(fields[field]), text)]


def answer(name: str, inputs: dict) -> dict:
    """What `run()` returns, as JSON sees it (tuples become lists)."""
    return json.loads(json.dumps(run(name, inputs)))


def words(text: str) -> str:
    """Text without Markdown emphasis marks or line breaks, to compare what a reader reads."""
    return re.sub(r"\s+", " ", re.sub(r"\*\*|(?<!\w)_|_(?!\w)", "", text)).strip()


@pytest.mark.parametrize("name", NAMES)
def test_json_is_exactly_what_run_returns(name):
    inputs = other_inputs(name)
    done = cli(name, *as_options(name, inputs), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == answer(name, inputs)
    assert json.loads(done.stdout)["result"] != run(name, {})["result"]


@pytest.mark.parametrize("name", NAMES)
def test_the_text_report_carries_the_pages_reasons_and_warnings(name):
    done = cli(name, *as_options(name, other_inputs(name)))
    assert done.returncode == 0, done.stderr
    report = words(done.stdout)
    assert CALCULATORS[name].title in report
    markdown = run(name, other_inputs(name))["markdown"]
    sentences = [words(line.removeprefix("- ")) for line in markdown.splitlines()
                 if line.strip() and not line.startswith("|")]
    assert sentences and all(s in report for s in sentences)


@pytest.mark.parametrize("name", NAMES)
def test_help_names_every_input_with_its_unit_default_and_source(name):
    done = cli(name, "--help")
    assert done.returncode == 0, done.stderr
    text = words(done.stdout)
    for field in CALCULATORS[name].fields:
        assert option_name(field) in text
        assert words(field.label) in text
        if isinstance(field, NumberField):
            assert f"Default: {format_number(field.default)} {field.unit}" in text
        else:
            assert isinstance(field, ChoiceField)
            assert all(f"{o.value} = {words(o.label)}" in text for o in field.options)
        if isinstance(field, NumberField) or field.source is not ILLUSTRATIVE:
            assert words(f"Source: {field.source.kind}: {field.source.detail}") in text
    for preset in CALCULATORS[name].presets:
        assert preset.name in text


def test_top_level_help_lists_every_calculator():
    done = cli("--help")
    assert done.returncode == 0
    assert all(name in done.stdout for name in NAMES)


def test_an_invalid_number_exits_2_with_the_web_message():
    done = cli("readiness", "--examples", "-5")
    expected = run("readiness", {"examples": "-5"})["errors"]["examples"]
    assert done.returncode == 2
    assert done.stdout == ""
    assert "usage:" in done.stderr and "--examples" in done.stderr
    assert expected in done.stderr


def test_an_invalid_choice_gets_the_web_message_not_argparses():
    done = cli("advisor", "--knowledge", "maybe")
    assert done.returncode == 2
    assert run("advisor", {"knowledge": "maybe"})["errors"]["knowledge"] in done.stderr


def test_a_cross_field_problem_exits_2_and_json_still_reports_it():
    inputs = {"retrieval_low_ms": "400", "retrieval_high_ms": "200"}
    done = cli("latency", "--retrieval-low-ms", "400", "--retrieval-high-ms", "200", "--json")
    expected = answer("latency", inputs)
    assert done.returncode == 2
    assert json.loads(done.stdout) == expected
    assert expected["errors"] and all(m in done.stderr for m in expected["errors"].values())


def test_an_unknown_preset_or_option_is_a_usage_error():
    assert cli("readiness", "--preset", "nope").returncode == 2
    assert cli("readiness", "--colour", "blue").returncode == 2
    assert cli().returncode == 2


@pytest.mark.parametrize("name", NAMES)
def test_a_preset_loads_and_options_override_it(name):
    preset = CALCULATORS[name].presets[0]
    done = cli(name, "--preset", preset.name, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == answer(name, dict(preset.values))
    field = CALCULATORS[name].fields[0]
    text = field.text(field.default)
    done = cli(name, "--preset", preset.name, option_name(field), text, "--json")
    assert json.loads(done.stdout) == answer(name, {**preset.values, field.name: text})


def test_list_presets_names_each_one():
    done = cli("--list-presets")
    assert done.returncode == 0
    for name, calc in CALCULATORS.items():
        assert all(re.search(rf"^{name}\s+{p.name}\s", done.stdout, re.M) for p in calc.presets)


@pytest.mark.parametrize("name", NAMES)
def test_url_opens_the_same_state_on_the_calculators_page(name):
    inputs = other_inputs(name)
    base = "https://example.test/guide/"
    done = cli(name, *as_options(name, inputs), "--url", "--site-url", base)
    assert done.returncode == 0, done.stderr
    url = urlsplit(done.stdout.strip())
    assert f"{url.scheme}://{url.netloc}{url.path}" == base + CALCULATORS[name].page
    assert url.fragment == f"calc-{name}-title"
    prefix = f"{name}."
    pairs = parse_qsl(url.query, keep_blank_values=True)
    assert all(key.startswith(prefix) for key, _ in pairs)
    state = {key.removeprefix(prefix): value for key, value in pairs}
    assert run(name, state) == run(name, inputs)


def test_url_takes_the_site_from_site_url_and_says_when_it_is_a_placeholder():
    from_env = cli("readiness", "--url", env={"SITE_URL": "https://a.test/x"})
    assert from_env.stdout.startswith("https://a.test/x/fine-tuning/?readiness.")
    assert from_env.stderr == ""
    placeholder = cli("readiness", "--url")
    assert placeholder.returncode == 0 and "placeholder" in placeholder.stderr


def test_markdown_is_what_the_copy_button_gives():
    done = cli("context", "--markdown")
    assert done.stdout == run("context", {})["markdown"] + "\n"


def test_every_public_name_has_a_one_line_first_sentence():
    for name in calculators.__all__:
        obj = getattr(calculators, name)
        if not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        first = (inspect.getdoc(obj) or "").split("\n\n")[0]
        assert first and "\n" not in first and first.endswith("."), name


def test_the_built_wheel_installs_a_working_command(tmp_path):
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(tmp_path / "dist"), str(ROOT)], check=True, capture_output=True)
    (wheel,) = (tmp_path / "dist").glob("calculators-*-py3-none-any.whl")
    venv.create(tmp_path / "venv", with_pip=True)
    bin_dir = tmp_path / "venv" / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--no-deps",
                    "--no-index", str(wheel)], check=True, capture_output=True)
    # Run outside the checkout, so only the installed package can answer.
    done = cli("advisor", "--preset", "legal-analyzer", "--json", cwd=tmp_path,
               command=(str(bin_dir / "rag-or-finetune"),))
    assert done.returncode == 0, done.stderr
    preset = next(p for p in CALCULATORS["advisor"].presets if p.name == "legal-analyzer")
    assert json.loads(done.stdout) == answer("advisor", dict(preset.values))
