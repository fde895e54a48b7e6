"""Serve a built site on localhost under a sub-path, as GitHub Pages serves a project site:
404 outside the sub-path, gzip for text and WebAssembly, revalidation with Last-Modified."""

from __future__ import annotations

import gzip
import os
import sys
import threading
from email.utils import formatdate, parsedate_to_datetime
from functools import lru_cache, partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from build_hooks.download import GZIP_LEVEL
from build_hooks.project import DECODER_FILE, RUNTIME_DIR, WHEEL_DIR

SUB_PATH = "/rag-vs-finetune/"
# Where Python lives (the runtime; the wheel and standard library; the decoder that
# unpacks them): counted apart.
PYTHON_PATHS = (*(SUB_PATH + folder + "/" for folder in (RUNTIME_DIR, WHEEL_DIR)), SUB_PATH + DECODER_FILE)
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/wasm",
                "image/svg+xml", "application/xml")


@lru_cache(maxsize=256)
def _gzipped(path: str, mtime: float) -> bytes:
    with open(path, "rb") as file:
        return gzip.compress(file.read(), compresslevel=GZIP_LEVEL)


class _SubPathHandler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".whl": "application/octet-stream",
    }

    def translate_path(self, path: str) -> str:
        if not path.startswith(SUB_PATH):
            return "/nonexistent"  # outside the sub-path: 404, as on GitHub Pages
        return super().translate_path("/" + path[len(SUB_PATH):])

    def send_head(self):
        path = self.translate_path(self.path.split("?", 1)[0].split("#", 1)[0])
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        kind = self.guess_type(path)
        if (not os.path.isfile(path) or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not kind.startswith(COMPRESSIBLE)):
            return super().send_head()
        mtime = os.path.getmtime(path)
        if self._not_modified_since(mtime):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.end_headers()
            return None
        body = _gzipped(os.path.realpath(path), mtime)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", formatdate(mtime, usegmt=True))
        self.end_headers()
        return _Body(body)

    def _not_modified_since(self, mtime: float) -> bool:
        since = self.headers.get("If-Modified-Since")
        try:
            return since is not None and int(mtime) <= parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False

    def end_headers(self) -> None:
        # Revalidate on every use: warm visits get 304s, and a test's new build is seen.
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def do_GET(self) -> None:
        self.server.traffic.requests += 1
        super().do_GET()

    def copyfile(self, source, outputfile) -> None:
        data = source.read()
        self.server.traffic.bytes += len(data)
        if self.path.startswith(PYTHON_PATHS):
            self.server.traffic.python_bytes += len(data)
        outputfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


class Traffic:
    """What the server sent: request count and body bytes (compressed where gzipped),
    and how many of those bytes were the Python runtime and wheel."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.requests = self.bytes = self.python_bytes = 0


class _Body:
    """A file-like body for SimpleHTTPRequestHandler.copyfile."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        chunk, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return chunk

    def close(self) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A browser that navigates away mid-download resets the connection: not an error.
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


class SiteServer:
    """`with SiteServer(site_dir) as url:` serves the site at url (ends with the sub-path)."""

    def __init__(self, site: Path, port: int = 0) -> None:
        handler = partial(_SubPathHandler, directory=str(site))
        self.httpd = _QuietServer(("127.0.0.1", port), handler)
        self.httpd.traffic = self.traffic = Traffic()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{SUB_PATH}"

    def __enter__(self) -> str:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self.url

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
