"""The copies of Material's partials in overrides/ stay Material's own file plus the
changes each comment names (and, after the copy, what a comment starting "Added after the
copy" introduces), so a Material upgrade that changes the original fails here instead of
silently keeping the old markup."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

ROOT = Path(__file__).resolve().parents[2]
MATERIAL = Path(material.__file__).parent / "templates"
# Each copy, and its changes: (Material's text, ours).
CHANGES = {
    "partials/search.html": [('data-md-component="search" role="dialog">',
                              'data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">'),
                             ('md-icon" title="{{ lang.t(\'search.reset\') }}" aria-label', 'md-icon" aria-label')],
    "partials/source.html": [('title="{{ lang.t(\'source\') }}" class="md-source" data-md-component="source">',
                              'class="md-source">')],
    "partials/palette.html": [('class="md-header__option" data-md-component="palette">',
                               'class="md-header__option">'),
                              ('md-icon" title="{{ option.toggle.name }}"',
                               'md-icon" data-hint="{{ option.toggle.name }}"')],
}
_COMMENT = re.compile(r"\{#-.*?-#\}\n", re.DOTALL)  # a template's leading comment
_ADDED = re.compile(r"\{#- Added after the copy.*", re.DOTALL)  # our own part, after the copy


@pytest.mark.parametrize("partial", sorted(CHANGES))
def test_each_copied_partial_is_materials_with_one_change(partial: str) -> None:
    theirs = _COMMENT.sub("", (MATERIAL / partial).read_text(encoding="utf-8"), count=1)
    ours = _COMMENT.sub("", (ROOT / "overrides" / partial).read_text(encoding="utf-8"), count=1)
    ours = _ADDED.sub("", ours)
    for original, changed in CHANGES[partial]:
        assert theirs.count(original) == 1
        theirs = theirs.replace(original, changed)
    assert ours == theirs


def test_every_copied_partial_is_checked() -> None:
    copies = {p.relative_to(ROOT / "overrides").as_posix() for p in (ROOT / "overrides" / "partials").rglob("*.html")}
    assert copies == set(CHANGES)
