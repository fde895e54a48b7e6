"""The site's own CSS reaches readers as one file.

The sources stay one file per concern in docs/stylesheets/, listed in `extra_css`; the
build joins them in that order into one file named by its content hash (one request
instead of six, cacheable until it changes) and leaves the sources out of the site.
Stylesheets that are not in docs/ (a plugin's own) are left as they are.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

NAME = "stylesheets/site.{digest}.css"


@dataclass(frozen=True)
class Bundle:
    name: str                  # from the site root
    text: str
    sources: tuple[str, ...]   # in the order they were joined

    def extra_css(self, listed: list[str]) -> list[str]:
        """`listed` with the bundle in place of the first source, so plugins' stylesheets
        keep their order, and without the other sources."""
        return [self.name if css == self.sources[0] else css
                for css in listed if css == self.sources[0] or css not in self.sources]

    def relink(self, html: str) -> str:
        """A built page's links to the sources replaced by one link to the bundle, where
        the first source's link was (for a site some other generator built)."""
        links = {css: re.compile(rf'<link\b[^>]*\bhref="([^"]*?){re.escape(css)}(\?[^"]*)?"[^>]*>')
                 for css in self.sources}
        first = links[self.sources[0]].search(html)
        if first is None:
            return html
        html = html[: first.start()] + f'<link rel="stylesheet" href="{first[1]}{self.name}">' + html[first.end():]
        for css in self.sources[1:]:
            html = links[css].sub("", html)
        return html

    def write_into(self, site_dir: Path) -> None:
        """Put the bundle in a built site and take the sources out."""
        (site_dir / self.name).write_text(self.text, encoding="utf-8")
        for css in self.sources:
            (site_dir / css).unlink(missing_ok=True)


def bundle(docs_dir: Path, extra_css: list[str]) -> Bundle | None:
    """The bundle of every listed stylesheet that is in `docs_dir`, or None if none is."""
    sources = tuple(css for css in extra_css if (docs_dir / css).is_file())
    if not sources:
        return None
    text = "".join(f"/* {css} */\n{(docs_dir / css).read_text(encoding='utf-8')}\n" for css in sources)
    return Bundle(NAME.format(digest=hashlib.sha256(text.encode()).hexdigest()[:10]), text, sources)
