"""MkDocs hook: the site's own CSS reaches readers as one file.

The sources stay one file per concern in docs/stylesheets/, listed in `extra_css`; the
build joins them in that order into one file named by its content hash (one request
instead of six, cacheable until it changes) and leaves the sources out of the site.
Stylesheets that are not in docs/ (a plugin's own) are left as they are.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.structure.files import File, Files

BUNDLE = "stylesheets/site.{digest}.css"
_bundle: dict[str, object] = {}  # this build's bundle: its name, text and sources


def on_config(config, **kwargs):
    _bundle.clear()
    docs = Path(config["docs_dir"])
    sources = [css for css in config["extra_css"] if (docs / css).is_file()]
    if not sources:
        return config
    text = "".join(f"/* {css} */\n{(docs / css).read_text(encoding='utf-8')}\n" for css in sources)
    name = BUNDLE.format(digest=hashlib.sha256(text.encode()).hexdigest()[:10])
    _bundle.update(name=name, text=text, sources=set(sources))
    # The bundle takes the place of the first source, so plugins' stylesheets keep their order.
    config["extra_css"] = [name if css == sources[0] else css
                           for css in config["extra_css"] if css == sources[0] or css not in sources]
    return config


def on_files(files: Files, config, **kwargs) -> Files:
    if not _bundle:
        return files
    for css in _bundle["sources"]:
        source = files.get_file_from_path(css)
        if source is not None:
            files.remove(source)
    files.append(File.generated(config, str(_bundle["name"]), content=str(_bundle["text"])))
    return files
