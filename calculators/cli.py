"""The command line: one subcommand per calculator, its options built from the schema.

    rag-or-finetune readiness --examples 80 --goal style
    rag-or-finetune costs --preset weekly-knowledge --json
    rag-or-finetune advisor --preset legal-analyzer --url

Every answer comes from `run()`, the call the web page makes, so the report, the JSON,
the error messages and the exit codes (0 done, 2 invalid input) match the site. What it
writes goes through calculators.terminal: echoed control characters are escaped, and a
terminal that cannot take the output (its encoding, a full disk, a closed stream) gets a
one-line reason and exit code 1.
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
from dataclasses import dataclass, field

from . import CALCULATORS, __version__, run_with_report
from .kit.calculator import Calculator
from .kit.links import calculator_url, is_placeholder, site_url, site_url_problem
from .kit.provenance import ILLUSTRATIVE, citation
from .kit.reference import input_rows
from .kit.report import Report, aligned, render_text
from .kit.schema import ChoiceField, Field, NumberField, Value, format_number
from .terminal import OutputError, silence, write, write_quietly

PROG = "rag-or-finetune"
EXIT_OK = 0
EXIT_UNWRITTEN = 1  # the output could not be written
EXIT_INVALID = 2  # argparse's own code for a usage error; bad values are one too
# Options every subcommand has; a field of the same name would be a clash.
OUTPUT_OPTIONS = ("json", "markdown", "url", "preset", "site_url", "help")
# Help and the report wrap at the terminal's width, but never wider than this.
MAX_WIDTH = 100


@dataclass
class Said:
    """What one run of the command says: its exit code, its output and its messages."""

    code: int
    out: list[str] = field(default_factory=list)  # for stdout, one print() each
    err: list[str] = field(default_factory=list)  # for stderr


def main(argv: Sequence[str] | None = None, prog: str = PROG) -> int:
    """Run the command line on `argv` (default: sys.argv[1:]) and return the exit code."""
    try:
        said = _main(argv, prog)
    except SystemExit as done:  # argparse has spoken (help, version, a usage error)
        return done.code if isinstance(done.code, int) else EXIT_INVALID
    except (BrokenPipeError, OutputError) as problem:  # while argparse wrote the help
        said = Said(EXIT_UNWRITTEN)
        _unwritten(said, prog, problem)
    return _say(said, prog)


def _main(argv: Sequence[str] | None, prog: str) -> Said:
    parser = build_parser(prog)
    args = parser.parse_args(argv)
    if args.list_presets:
        return Said(EXIT_OK, [presets_text().rstrip("\n")])
    if args.calculator is None:
        parser.error(f"choose a calculator: {', '.join(CALCULATORS)}")
    calc = CALCULATORS[args.calculator]
    answer, report = run_with_report(calc.name, given_inputs(calc, args))
    said = Said(EXIT_OK, err=[f"{args.prog}: note: {note}" for note in answer["notes"]])
    if args.json:
        said.out.append(json.dumps(answer, indent=2, ensure_ascii=False))
    if not answer["ok"]:
        said.err.append(_errors_text(args.subparser, calc, answer["errors"]))
        said.code = EXIT_INVALID
    elif args.markdown:
        said.out.append(answer["markdown"])
    elif args.url:
        _link(said, args, calc, answer["state"])
    elif not args.json:
        assert report is not None
        said.out.append(text_report(calc, answer["state"], report, _width()))
    return said


def _link(said: Said, args: argparse.Namespace, calc: Calculator, state: dict[str, str]) -> None:
    from_environment = None if args.site_url else os.environ.get("SITE_URL")
    problem = site_url_problem(from_environment) if from_environment else None
    if problem:
        said.err.append(f"{args.prog}: error: SITE_URL {problem}")
        said.code = EXIT_INVALID
        return
    base = site_url(args.site_url)
    if is_placeholder(base):
        said.err.append(f"{args.prog}: note: {base} is a placeholder for the published address; "
                        "set SITE_URL or pass --site-url")
    said.out.append(calculator_url(calc, state, base))


def _say(said: Said, prog: str) -> int:
    """Write what was said; a stdout that cannot take it changes the exit code, not the story."""
    if said.out:
        try:
            write(sys.stdout, "\n".join(said.out) + "\n")
        except (BrokenPipeError, OutputError) as problem:
            _unwritten(said, prog, problem)
    if said.err and not write_quietly(sys.stderr, "\n".join(said.err) + "\n"):
        silence(sys.stderr)  # nowhere left to say anything; the exit code still tells
    return said.code


def _unwritten(said: Said, prog: str, problem: Exception) -> None:
    # Python's last flush at exit would fail again, with a traceback: send it nowhere.
    silence(sys.stdout)
    said.code = said.code or EXIT_UNWRITTEN
    if isinstance(problem, OutputError):  # a reader who closed the pipe needs no message
        said.err.append(f"{prog}: error: {problem}")


class _Parser(argparse.ArgumentParser):
    """argparse, writing through calculators.terminal like everything else here."""

    def _print_message(self, message: str, file=None) -> None:  # argparse's signature
        if not message:
            return
        if file is None or file is sys.stderr:
            write_quietly(sys.stderr, message)
        else:
            write(file, message)


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Wraps option help at spaces only, so a choice such as openai-gpt-4o-mini stays whole."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


def build_parser(prog: str = PROG, width: int | None = None) -> argparse.ArgumentParser:
    """The argument parser: one subcommand per calculator in CALCULATORS."""
    width = width or _width()
    formatter = functools.partial(_HelpFormatter, width=width)
    parser = _Parser(
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
        # A long list of choices is spelled out once, in the help, not in the usage line too.
        metavar = ("{" + ",".join(o.value for o in f.options) + "}"
                   if not f.long else "KEY")
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
    group.add_argument("--site-url", metavar="URL", type=_site_url_option,
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


def _site_url_option(text: str) -> str:
    problem = site_url_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return text


def _errors_text(sub: argparse.ArgumentParser, calc: Calculator, errors: dict[str, str]) -> str:
    # argparse's shape for a usage error: the usage line, then "PROG: error: ..." lines.
    fields = {f.name: f for f in calc.fields}
    lines = [sub.format_usage().rstrip("\n")]
    for name, message in errors.items():
        where = f"{option_name(fields[name])} ({fields[name].label})" if name in fields else "input"
        lines.append(f"{sub.prog}: error: {where}: {message}")
    return "\n".join(lines)


def _shown(f: Field, text: str) -> str:
    if isinstance(f, NumberField):
        return format_number(float(text))
    return f.shown(text)


def _width() -> int:
    return min(shutil.get_terminal_size().columns, MAX_WIDTH) - 2
