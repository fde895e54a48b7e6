"""Material's search index, built when the reader opens the search, not as every page loads.

Material's script fetches the site's search index as each page loads and hands it to its
search worker, which builds a Lunr index from it at once. On the fine-tuning page that work
competed with the page and with Python's start for the CPU: with it deferred, the first live
answer came at 1,348 against 1,518 ms cold and 639 against 714 ms on a repeat visit (medians
of six alternating runs, 2026-12-06, a 2-core machine). A reader's first search waits no
longer: the index is built while they type (96 against 102 ms to the first results).

The page's config (Material's `<script id="__config">`) names the worker Material starts.
This points it at the site's stand-in (docs/javascripts/search-worker.js), with Material's
worker after the "#", relative to the stand-in; the stand-in loads it once the reader opens
the search (docs/javascripts/search.js tells it) or searches. A page without Material's
search worker in its config is left as it is. The plugin does this, not `python -m
build_hooks`: Zensical names a worker at the same path whose page speaks another protocol.
"""

from __future__ import annotations

import json
import posixpath
import re

# The config's path to Material's worker: the page's way to the site root, then the worker's
# path from there (its file name carries its release's hash).
_MATERIAL_WORKER = re.compile(r"([^#]*/)?(assets/javascripts/workers/search\.[0-9a-f]+\.min\.js)")
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def with_search_on_demand(html: str, stand_in: str) -> str:
    """`html` whose config names the stand-in at `stand_in` (a path from the site root) in
    place of Material's search worker; unchanged without Material's worker in its config."""
    config = _CONFIG.search(html)
    if config is None:
        return html
    worker = json.loads(config.group(2)).get("search")
    material = _MATERIAL_WORKER.fullmatch(worker) if isinstance(worker, str) else None
    if material is None:
        return html
    to_root, from_root = material.group(1) or "", material.group(2)
    from_stand_in = posixpath.relpath(from_root, posixpath.dirname(stand_in) or ".")
    text = config.group(2).replace(json.dumps(worker), json.dumps(f"{to_root}{stand_in}#{from_stand_in}"), 1)
    return html[: config.start(2)] + text + html[config.end(2):]
