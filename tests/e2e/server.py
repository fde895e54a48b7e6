"""Serve a built site on localhost under a sub-path, as GitHub Pages serves a project site."""

from __future__ import annotations

import threading
from functools import partial
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SUB_PATH = "/rag-vs-finetune/"


class _SubPathHandler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".whl": "application/octet-stream",
    }

    def translate_path(self, path: str) -> str:
        if not path.startswith(SUB_PATH):
            return "/nonexistent"  # outside the sub-path: 404, as on GitHub Pages
        return super().translate_path("/" + path[len(SUB_PATH):])

    def end_headers(self) -> None:
        # Revalidate on every use, like a short max-age: warm visits get 304s.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A browser that navigates away mid-download resets the connection: not an error.
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


class SiteServer:
    """`with SiteServer(site_dir) as url:` serves the site at url (ends with the sub-path)."""

    def __init__(self, site: Path) -> None:
        handler = partial(_SubPathHandler, directory=str(site))
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{SUB_PATH}"

    def __enter__(self) -> str:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self.url

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
