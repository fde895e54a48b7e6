"""Write calculators/prices.py: the model-price table, read from the genai-prices dataset.

Run it after bumping genai-prices (tests/unit/test_prices.py fails until you do):

    .venv/bin/python scripts/update_prices.py             # prices in force today (UTC)
    .venv/bin/python scripts/update_prices.py --as-of 2026-11-25

The calculators run in the reader's browser on the standard library alone, so they never
import the dataset's package (it pulls in pydantic and an HTTP client). This script reads
the installed dataset once and writes a plain, committed Python table instead; the test
regenerates it in memory and compares. A script rather than a build hook: the table is
reviewed in the diff of the pull request that bumps the dataset, not rebuilt unseen.

The dataset carries no single "as of" date (its prices change on dates it lists, some in
the future), so the table is dated by the day whose prices it resolves: `--as-of`.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "calculators" / "prices.py"
DATASET = "genai-prices"

# The models a reader is likely to price, chosen by this site (the dataset lists over 2,000).
# Per provider: the current large, middle and small model, plus the ones the guide names.
CHOSEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    # GPT-4o and GPT-4o mini, which the guide named as tunable in March 2026, stay until they
    # shut down (calculators/vendors/lifecycles.py keeps their dates).
    ("openai", ("gpt-6.1-sol", "gpt-6.1-terra", "gpt-6-luna", "gpt-5-mini", "gpt-4.1",
                "gpt-4.1-mini", "gpt-4o", "gpt-4o-mini")),
    ("anthropic", ("claude-opus-5-5", "claude-sonnet-5-5", "claude-haiku-5-5",
                   "claude-sonnet-4-6", "claude-haiku-4-5")),
    ("google", ("gemini-4-argon", "gemini-3.8-flash", "gemini-3.5-flash-lite", "gemini-2.5-pro")),
    ("mistral", ("mistral-large-4", "mistral-medium-3-5", "mistral-small-2603",
                 "ministral-8b-2512")),
    # Open-weight models (the guide names Llama 3 and Mistral) at one hosting provider, chosen
    # because the dataset gives its models' context windows.
    ("fireworks", ("llama-v3p1-8b-instruct", "llama4-maverick-instruct-basic", "gpt-oss-120b",
                   "gpt-oss-20b", "qwen3-235b-a22b", "gemma-3-27b-it")),
)
# The embedding model whose price stands for "embedding tokens" in RAG's running cost: a
# widely used small one that the dataset prices.
EMBEDDING = ("openai", "text-embedding-3-small")
# How the dataset names a tuned model: OpenAI's "ft:BASE" prefix (model names with a trailing
# "-" match any dated snapshot). Every such model is taken, with its base.
TUNED_PREFIX = "ft:"


@dataclass(frozen=True)
class Row:
    """One table row, with prices as the dataset's exact decimals."""

    key: str
    provider: str
    model: str
    model_id: str
    input: Decimal
    cached_input: Decimal | None
    output: Decimal
    context_window: int | None
    tuned_from: str | None
    higher_price_above: int | None


def row_key(provider_id: str, model_id: str) -> str:
    """A key safe in a URL unescaped: provider and model id, other characters as '-'."""
    return re.sub(r"[^a-z0-9.]+", "-", f"{provider_id}-{model_id}".lower()).strip("-")


def _label(model) -> str:
    # The dataset's display name when it has one with capitals ("Claude Sonnet 4.5"); some
    # names are a lower-cased id ("gpt 4o"), where the id itself reads better.
    return model.name if model.name and model.name != model.name.lower() else model.id


def _base(price) -> Decimal | None:
    """A price's rate for an ordinary prompt: tiered prices start at their base."""
    return getattr(price, "base", price)


def _first_tier(*prices) -> int | None:
    starts = [tier.start for price in prices for tier in getattr(price, "tiers", ())]
    return min(starts) if starts else None


def make_row(provider, model, as_of: datetime.date, tuned_from: str | None = None,
             label: str | None = None) -> Row:
    """A row from one dataset model, its prices those in force on `as_of` (standard tier)."""
    moment = datetime.datetime.combine(as_of, datetime.time(12), datetime.timezone.utc)
    prices = model.get_prices(moment)
    input_price, output_price = _base(prices.input_mtok), _base(prices.output_mtok)
    if input_price is None or output_price is None:
        raise SystemExit(f"{provider.id}/{model.id}: the dataset lists no token prices")
    cached = getattr(prices, "cache_read_mtok", None)
    return Row(
        key=row_key(provider.id, model.id), provider=provider.name, model=label or _label(model),
        model_id=model.id, input=input_price, cached_input=_base(cached), output=output_price,
        context_window=model.context_window, tuned_from=tuned_from,
        higher_price_above=_first_tier(prices.input_mtok, prices.output_mtok, cached),
    )


def select_rows(providers: Sequence, as_of: datetime.date) -> list[Row]:
    """The chosen models and every tuned model with its base, in CHOSEN's order."""
    by_id = {p.id: p for p in providers}
    rows: list[Row] = []
    for provider_id, model_ids in CHOSEN:
        provider = by_id[provider_id]
        models = {m.id: m for m in provider.models}
        missing = [m for m in model_ids if m not in models]
        if missing:
            raise SystemExit(f"{provider_id}: {', '.join(missing)} no longer in {DATASET}; "
                             "update CHOSEN in scripts/update_prices.py")
        rows += [make_row(provider, models[m], as_of) for m in model_ids]
        rows += _tuned_rows(provider, models, model_ids, as_of)
    keys = [r.key for r in rows]
    assert len(set(keys)) == len(keys), "two models share a key"
    return rows


def _tuned_rows(provider, models: dict, chosen: Iterable[str], as_of: datetime.date) -> list[Row]:
    """Tuned models, each after its base (added if it was not chosen)."""
    rows = []
    for model in models.values():
        if not model.id.startswith(TUNED_PREFIX):
            continue
        base_id = model.id.removeprefix(TUNED_PREFIX).rstrip("-")
        base = models.get(base_id)
        if base is None:
            continue  # a tuned model whose base the dataset does not list cannot be compared
        if base_id not in chosen:
            rows.append(make_row(provider, base, as_of))
        rows.append(make_row(provider, model, as_of, tuned_from=row_key(provider.id, base_id),
                             label=f"{_label(base)}, fine-tuned"))
    return rows


HEADER = '''"""Model prices in USD per million tokens, and context windows, from the {dataset} dataset.

GENERATED by scripts/update_prices.py from {dataset} {version}, prices in force on {as_of};
do not edit: bump the dataset and rerun the script. The selection of models is this site's
(see CHOSEN there); every number is the dataset's, for the provider's standard tier.
"""

from __future__ import annotations

from dataclasses import dataclass

DATASET_NAME = "{dataset}"
DATASET_VERSION = "{version}"
PRICES_AS_OF = "{as_of}"  # the day whose prices the table holds (the dataset dates its changes)


@dataclass(frozen=True)
class ModelPrice:
    """One model at one provider; prices per million tokens, None where the dataset has none."""

    key: str  # provider and model id, safe in a URL
    provider: str
    model: str  # the name a reader knows it by
    model_id: str  # the dataset's id
    input: float
    cached_input: float | None  # a prompt prefix read from the provider's cache
    output: float
    context_window: int | None
    tuned_from: str | None = None  # the key of the base model, for a fine-tuned model
    higher_price_above: int | None = None  # prompts longer than this pay a higher rate


'''


def _number(value: Decimal | int | None) -> str:
    return "None" if value is None else format(Decimal(value).normalize(), "f")


def render_table(rows: Iterable[Row], version: str, as_of: datetime.date,
                 embedding: tuple[str, Decimal]) -> str:
    """The source text of calculators/prices.py."""
    lines = [HEADER.format(dataset=DATASET, version=version, as_of=as_of.isoformat()),
             f"# Embedding tokens are priced as {embedding[0]}'s, USD per million.\n",
             f"EMBEDDING_MODEL = {embedding[0]!r}\n",
             f"EMBEDDING_PRICE = {_number(embedding[1])}\n\n",
             "MODELS: tuple[ModelPrice, ...] = (\n"]
    for r in rows:
        extra = "".join(f", {name}={value!r}" for name, value in
                        (("tuned_from", r.tuned_from), ("higher_price_above", r.higher_price_above))
                        if value is not None)
        lines.append(f"    ModelPrice({r.key!r}, {r.provider!r}, {r.model!r}, {r.model_id!r},\n"
                     f"               {_number(r.input)}, {_number(r.cached_input)}, "
                     f"{_number(r.output)}, {_number(r.context_window)}{extra}),\n")
    lines.append(")\n")
    return "".join(lines)


def table_from_installed_dataset(as_of: datetime.date) -> str:
    """The table's text from the genai-prices package installed here."""
    import genai_prices
    from genai_prices import data

    return render_table(select_rows(data.providers, as_of), genai_prices.__version__, as_of,
                        embedding_price(data.providers, as_of))


def embedding_price(providers: Sequence, as_of: datetime.date) -> tuple[str, Decimal]:
    """The embedding model's name and its input price in force on `as_of`."""
    provider_id, model_id = EMBEDDING
    provider = next(p for p in providers if p.id == provider_id)
    model = next(m for m in provider.models if m.id == model_id)
    moment = datetime.datetime.combine(as_of, datetime.time(12), datetime.timezone.utc)
    return model_id, _base(model.get_prices(moment).input_mtok)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--as-of", type=datetime.date.fromisoformat,
                        default=datetime.datetime.now(datetime.timezone.utc).date(),
                        help="the day whose prices to take, YYYY-MM-DD (default: today, UTC)")
    args = parser.parse_args(argv)
    TABLE.write_text(table_from_installed_dataset(args.as_of), encoding="utf-8")
    print(f"wrote {TABLE.relative_to(Path.cwd()) if TABLE.is_relative_to(Path.cwd()) else TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
