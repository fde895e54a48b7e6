"""The command line: one subcommand per calculator, its options built from the schema.

    rag-or-finetune readiness --examples 80 --goal style
    rag-or-finetune costs --preset weekly-knowledge --json
    rag-or-finetune advisor --preset legal-analyzer --url

Every answer comes from `run()`, the call the web page makes, so the report, the JSON,
the error messages and the exit codes (0 done, 2 invalid input) match the site.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Sequence
from typing import TextIO

from . import CALCULATORS, __version__, run_with_report
from .kit.calculator import Calculator
from .kit.links import calculator_url, is_placeholder, site_url
from .kit.provenance import ILLUSTRATIVE, citation
from .kit.reference import input_rows
from .kit.report import Report, aligned, render_text
from .kit.schema import ChoiceField, Field, NumberField, Value, format_number

PROG = "rag-or-finetune"
EXIT_OK = 0
EXIT_INVALID = 2  # argparse's own code for a usage error; bad values are one too
# Options every subcommand has; a field of the same name would be a clash.
OUTPUT_OPTIONS = ("json", "markdown", "url", "preset", "site_url", "help")
# Help and the report wrap at the terminal's width, but never wider than this.
MAX_WIDTH = 100


def main(argv: Sequence[str] | None = None, prog: str = PROG) -> int:
    """Run the command line on `argv` (default: sys.argv[1:]) and return the exit code."""
    try:
        return _main(argv, prog)
    except BrokenPipeError:
        # The reader piped the output into e.g. `head`, which stopped reading: not an error
        # worth a traceback. Python's docs give this recipe (signal, SIGPIPE note).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _main(argv: Sequence[str] | None, prog: str) -> int:
    parser = build_parser(prog)
    args = parser.parse_args(argv)
    if args.list_presets:
        print(presets_text(), end="")
        return EXIT_OK
    if args.calculator is None:
        parser.error(f"choose a calculator: {', '.join(CALCULATORS)}")
    calc = CALCULATORS[args.calculator]
    inputs = given_inputs(calc, args)
    answer, report = run_with_report(calc.name, inputs)
    if args.json:
        print(json.dumps(answer, indent=2, ensure_ascii=False))
    for note in answer["notes"]:
        print(f"{args.prog}: note: {note}", file=sys.stderr)
    if not answer["ok"]:
        _report_errors(args.subparser, calc, answer["errors"], sys.stderr)
        return EXIT_INVALID
    if args.markdown:
        print(answer["markdown"])
    elif args.url:
        base = site_url(args.site_url)
        if is_placeholder(base):
            print(f"{args.prog}: note: {base} is a placeholder for the published address; "
                  "set SITE_URL or pass --site-url", file=sys.stderr)
        print(calculator_url(calc, answer["state"], base))
    elif not args.json:
        assert report is not None
        print(text_report(calc, answer["state"], report, _width()))
    return EXIT_OK


def build_parser(prog: str = PROG, width: int | None = None) -> argparse.ArgumentParser:
    """The argument parser: one subcommand per calculator in CALCULATORS."""
    width = width or _width()
    formatter = functools.partial(argparse.RawDescriptionHelpFormatter, width=width)
    parser = argparse.ArgumentParser(
        prog=prog, formatter_class=formatter,
        description=textwrap.fill("Calculators for choosing between RAG, fine-tuning, both, or "
                                  "better prompts: the same Python that runs on the site, in "
                                  "your terminal.", width - 2),
        epilog=f"Each calculator has its own help, e.g. `{prog} {next(iter(CALCULATORS))} --help`.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--list-presets", action="store_true",
                        help="list every calculator's presets and exit")
    commands = parser.add_subparsers(dest="calculator", metavar="CALCULATOR",
                                     title="calculators")
    for calc in CALCULATORS.values():
        sub = commands.add_parser(calc.name, help=calc.title, formatter_class=formatter,
                                  description=textwrap.fill(_description(calc), width - 2),
                                  epilog=_epilog(calc, prog))
        sub.set_defaults(subparser=sub, prog=sub.prog)
        _add_fields(sub, calc)
        _add_output_options(sub, calc)
    return parser


def help_text(name: str | None = None, prog: str = PROG, width: int = 88) -> str:
    """The `--help` text of the command, or of one calculator's subcommand, at a fixed width."""
    parser = build_parser(prog, width)
    if name is None:
        return parser.format_help()
    return parser.parse_args([name]).subparser.format_help()


def given_inputs(calc: Calculator, args: argparse.Namespace) -> dict[str, Value]:
    """The inputs to `run()`: the preset's values, if any, then every option given."""
    inputs: dict[str, Value] = {}
    if args.preset:
        inputs.update(next(p for p in calc.presets if p.name == args.preset).values)
    for f in calc.fields:
        text = getattr(args, f"field_{f.name}")
        if text is not None:
            inputs[f.name] = text
    return inputs


def text_report(calc: Calculator, state: dict[str, str], report: Report, width: int = 88) -> str:
    """A plain-text report: the title, the inputs used, then the result as text."""
    inputs = [[f"{f.label} ({f.unit})" if isinstance(f, NumberField) else f.label,
               _shown(f, state[f.name])] for f in calc.fields]
    lines = [calc.title, "=" * len(calc.title), "", *aligned([["Input", "Value"], *inputs]), ""]
    return "\n".join(lines) + "\n" + render_text(report, width)


def presets_text() -> str:
    """Every calculator's presets, one a line, as `--list-presets` prints them."""
    lines = []
    for calc in CALCULATORS.values():
        for preset in calc.presets:
            lines.append(f"{calc.name:<10} {preset.name:<24} {preset.label}")
    return "\n".join(lines) + "\n"


def option_name(f: Field) -> str:
    """The option that sets field `f`, e.g. --target-p50-ms for target_p50_ms."""
    return "--" + f.name.replace("_", "-")


def _add_fields(sub: argparse.ArgumentParser, calc: Calculator) -> None:
    rows = {row.name: row for row in input_rows(calc)}
    for index, group in enumerate(calc.groups):
        first = " Each takes the preset's value, else its default." if index == 0 else ""
        options = sub.add_argument_group(group.title.lower(), group.help + first)
        for f in group.fields:
            _add_field(options, calc, f, rows[f.name].default, rows[f.name].allowed)


def _add_field(options: argparse._ArgumentGroup, calc: Calculator, f: Field, default: str,
               allowed: str) -> None:
    if f.name in OUTPUT_OPTIONS:
        raise ValueError(f"{calc.name}: field {f.name!r} clashes with an option")
    label = f.label if f.label[-1] in ".?" else f.label + "."
    if isinstance(f, NumberField):
        metavar = "N"
        default = f"{default}; {allowed[0].lower()}{allowed[1:]}"
    else:
        assert isinstance(f, ChoiceField)
        metavar = "{" + ",".join(o.value for o in f.options) + "}"
        default = f"{f.default}; choices: " + ", ".join(f"{o.value} = {o.label}" for o in f.options)
    # A choice describes the reader's situation; only a figure, or a sourced choice, cites.
    cited = isinstance(f, NumberField) or f.source is not ILLUSTRATIVE
    source = f" Source: {citation(f.source).rstrip('.')}." if cited else ""
    text = f"{label} {f.help} Default: {default}.{source}".replace("  ", " ")
    # Text values go to run() unparsed, so a bad one gets the web page's message.
    options.add_argument(option_name(f), dest=f"field_{f.name}", metavar=metavar,
                         help=text.replace("%", "%%"))


def _add_output_options(sub: argparse.ArgumentParser, calc: Calculator) -> None:
    group = sub.add_argument_group("output")
    if calc.presets:
        group.add_argument("--preset", choices=[p.name for p in calc.presets], metavar="NAME",
                           help="start from a preset (listed below); options given override it")
    shown = group.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true",
                       help="print exactly what run() returns, as JSON (also on invalid input)")
    shown.add_argument("--markdown", action="store_true",
                       help="print the result as Markdown, as the page's copy button does")
    shown.add_argument("--url", action="store_true",
                       help=f"print a link that opens these inputs on the site's {calc.page} page")
    group.add_argument("--site-url", metavar="URL",
                       help="the site address for --url (default: $SITE_URL, else the "
                            "published address)")
    sub.set_defaults(preset=None)


def _description(calc: Calculator) -> str:
    # The calculator module's own summary line, so it is written once.
    doc = sys.modules[calc.compute.__module__].__doc__ or calc.title
    return doc.strip().split("\n\n")[0].replace("\n", " ")


def _epilog(calc: Calculator, prog: str) -> str:
    first = calc.fields[0]
    lines = ["examples:", f"  {prog} {calc.name}",
             f"  {prog} {calc.name} {option_name(first)} {first.text(first.default)} --url"]
    if calc.presets:
        lines.insert(2, f"  {prog} {calc.name} --preset {calc.presets[0].name} --json")
        lines = ["presets:", *(f"  {p.name:<24} {p.label}" for p in calc.presets), "", *lines]
    return "\n".join(lines)


def _report_errors(sub: argparse.ArgumentParser, calc: Calculator, errors: dict[str, str],
                   out: TextIO) -> None:
    # argparse's shape for a usage error: the usage line, then "PROG: error: ..." lines.
    sub.print_usage(out)
    fields = {f.name: f for f in calc.fields}
    for name, message in errors.items():
        where = f"{option_name(fields[name])} ({fields[name].label})" if name in fields else "input"
        print(f"{sub.prog}: error: {where}: {message}", file=out)


def _shown(f: Field, text: str) -> str:
    if isinstance(f, NumberField):
        return format_number(float(text))
    return next(o.label for o in f.options if o.value == text)


def _width() -> int:
    return min(shutil.get_terminal_size().columns, MAX_WIDTH) - 2
