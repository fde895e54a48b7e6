"""Numbers as readers write them, and as the form and links write them back.

One rule for every field, every link and the command line (each hands `read_number_text`
the text as typed):

- the decimal mark is a point: 2.5, 0.25;
- thousands may be grouped, in threes, by commas or by spaces (any of the spaces below),
  one kind throughout: 1,500 / 1 500 / 12,345,678.5; a space anywhere else is refused
  ("1 5", which a link's "1+5" also becomes);
- a point followed by exactly three digits after one to three others ("50.000", "2.000",
  "1.500") is how much of Europe groups thousands and how the rest write decimals, so it
  is not guessed: the message gives both readings and how to write each;
- a comma as the decimal mark ("2,5", "1.000,5", "1 000,5", or points grouping thousands,
  "1.500.000") is refused, with the number written the way the site reads it;
- a number too small to hold ("1e-400") is refused rather than read as 0; one too large
  reads as infinite, which every field then refuses by its range.

Writing is exact: `exact_text(x)` reads back as the same float, and never in the
ambiguous shape, so a state or a link reopens the very answer it came from.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# One text for each clause of the rule above, in its order: the methodology page shows
# what each reads as (kit.reference.render_number_rules), so the page and the rule agree.
RULE_EXAMPLES = ("2.5", "1,500", "1 500", "1.5e3", "50.000", "1.500", "1.000,5", "2,5",
                 "1 5", "1e-400")
# Longest text we try to read as a number; anything longer is a paste accident.
MAX_NUMBER_TEXT = 40
# Separators between groups of thousands: comma, space, no-break space, narrow
# no-break space (French, SI style), thin space.
_SPACES = "\u0020\u00a0\u202f\u2009"
_SEPARATORS = "," + _SPACES
_WHOLE = rf"(?:\d+|\d{{1,3}}(?P<sep>[{_SEPARATORS}])\d{{3}}(?:(?P=sep)\d{{3}})*)"
_NUMBER = re.compile(rf"[+-]?(?:{_WHOLE}(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?")
# "50.000": fifty, or fifty thousand with a point between the thousands.
_TWO_WAYS = re.compile(r"(?P<sign>[+-]?)(?P<whole>[1-9]\d{0,2})\.(?P<part>\d{3})")
# A comma for decimals, perhaps with points or spaces between thousands: "1.000,5".
_COMMA_DECIMAL = re.compile(
    rf"(?P<sign>[+-]?)(?P<whole>\d{{1,3}}(?P<sep>[.{_SPACES}])\d{{3}}(?:(?P=sep)\d{{3}})*|\d+)"
    r"(?:,(?P<part>\d+))?")
_NOT_FINITE = {"nan": math.nan, "infinity": math.inf, "inf": math.inf}
# Beyond this many characters a plain decimal stops being readable; use an exponent.
_MAX_PLAIN = 24


@dataclass(frozen=True)
class Reading:
    """What a text says as a number: `number` (maybe infinite or NaN), or why it is none."""

    number: float | None
    problem: str | None = None


def read_number_text(text: str) -> Reading:
    """Read `text` as a number, as the form, a link or the command line gives it, by the
    module's one rule; a text it will not guess at gets a message saying how to write it."""
    text = text.strip()
    if not text:
        return Reading(None, "Enter a number.")
    if len(text) > MAX_NUMBER_TEXT:
        return Reading(None, "That is too long to be a number.")
    sign, word = (text[0], text[1:]) if text[0] in "+-" else ("", text)
    if word.lower() in _NOT_FINITE:
        return Reading(-_NOT_FINITE[word.lower()] if sign == "-" else _NOT_FINITE[word.lower()])
    two_ways = _TWO_WAYS.fullmatch(text)
    if two_ways:
        return Reading(None, _two_ways_problem(text, two_ways))
    match = _NUMBER.fullmatch(text)
    if not match:
        return Reading(None, _unread_problem(text))
    digits = text if not match["sep"] else text.replace(match["sep"], "")
    number = float(digits)  # inf when the exponent is beyond any float
    if number == 0 and re.search("[1-9]", digits.lower().partition("e")[0]):
        return Reading(None, f"“{shorten(text)}” is too close to 0 to work with here: "
                             "enter 0, or a larger number.")
    return Reading(number)


def _two_ways_problem(text: str, match: re.Match[str]) -> str:
    sign, whole, part = match["sign"], match["whole"], match["part"]
    decimal = float(f"{sign}{whole}.{part}")
    thousands = int(f"{sign}{whole}{part}")
    return (f"“{text}” could mean {format_number(decimal)} or {format_number(thousands)}; "
            f"write {exact_text(decimal)} or {thousands} to say which.")


def _unread_problem(text: str) -> str:
    european = _COMMA_DECIMAL.fullmatch(text)
    if european and (european["part"] is not None or european["sep"] == "."):
        whole = european["whole"].replace(european["sep"] or " ", "")
        meant = float(f"{european['sign']}{whole}.{european['part'] or '0'}")
        return (f"“{shorten(text)}” is not read: here a point marks decimals and a comma "
                f"only separates thousands, so write {exact_text(meant)}.")
    if any(c in _SPACES for c in text):
        return (f"“{shorten(text)}” is not a number: a space may only separate "
                "groups of three digits, like 1 500.")
    return f"“{shorten(text)}” is not a number. Use digits, like 250, 1,500 or 2.5."


def number_from_value(value: int | float) -> float:
    """A Python number as a float, any int included (one too big for a float is infinite)."""
    try:
        return float(value)
    except OverflowError:  # an int beyond the largest float
        return math.inf if value > 0 else -math.inf


def exact_text(number: float) -> str:
    """The shortest text that reads back as exactly `number`: "1500", "0.0000004", "5e-324",
    and "1.1250" for 1.125, which "1.125" would not (see the rule above)."""
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number == int(number):
        whole = str(int(number))
        return whole if len(whole) <= _MAX_PLAIN else repr(number)
    text = repr(number)  # the shortest round-tripping digits, perhaps with an exponent
    if "e" in text:
        plain = _plain_decimal(text)
        text = plain if len(plain) <= _MAX_PLAIN else text
    # "1.125" would be refused as a possible 1,125; one more zero says it is a decimal.
    return text + "0" if _TWO_WAYS.fullmatch(text) else text


def format_number(number: float) -> str:
    """A number the way a reader writes it: 1,500 or 0.25, never 1500.0 or 1e3.

    Six decimals at most; a number that would round to 0 keeps its first figures instead
    (0.0000004), so a tiny price never reads as free.
    """
    if number == math.floor(number) and abs(number) < 1e15:
        return f"{int(number):,}"
    text = f"{number:,.6f}".rstrip("0").rstrip(".")
    if text in ("0", "-0") and number != 0:
        return _plain_decimal(f"{number:.2e}").rstrip("0").rstrip(".")
    return text


def value_text(value: object) -> str:
    """Any value as text for the form, without ever failing (a state keeps what was given)."""
    if isinstance(value, str):
        return value
    if isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool)):
        return exact_text(number_from_value(value))
    try:
        return repr(value)
    except Exception:  # noqa: BLE001 - a caller's object whose repr fails: say what it was
        return f"<{type(value).__name__}>"


def shorten(text: str, limit: int = 30) -> str:
    """`text`, cut to `limit` characters with an ellipsis when longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plain_decimal(scientific: str) -> str:
    """ "4e-07" -> "0.0000004": the same digits with the point moved, no exponent."""
    mantissa, _, exponent = scientific.partition("e")
    sign = "-" if mantissa.startswith("-") else ""
    whole, _, fraction = mantissa.lstrip("-").partition(".")
    digits = whole + fraction
    point = len(whole) + int(exponent)
    if point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if point >= len(digits):
        return sign + digits + "0" * (point - len(digits))
    return f"{sign}{digits[:point]}.{digits[point:]}"
