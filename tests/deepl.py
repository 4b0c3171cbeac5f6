"""
DeepL's API, answered on this machine. The site reaches it exactly as it reaches DeepL:
wagtail-localize's DeepL translator posts to https://api.deepl.com/v2/translate through
the HTTPS proxy the environment names (HTTPS_PROXY), the way servers behind a company's
proxy do; the proxy here tunnels DeepL's host to a local server whose certificate a test
authority signed (REQUESTS_CA_BUNDLE). Nothing of the site is changed.

The stand-in translates as DeepL does in form: one text per `text` field, the same order
back, XML tags kept in place, no marker of any kind; it refuses a wrong key with 403 and
answers 456 once its quota is used up.
"""

import json
import re
import socket
import socketserver
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import trustme

from tests.network import join_both_ways

HOSTS = {"api.deepl.com", "api-free.deepl.com"}
AUTH_KEY = "0c7b8f7e-5a39-4c53-9d43-fake-deepl-key"
WORDS = {
    "ES": {
        "a": "un",
        "and": "y",
        "every": "cada",
        "flood": "inundar",
        "gardens": "jardines",
        "rain": "lluvia",
        "school": "escuela",
        "schoolyard": "patio",
        "spring": "primavera",
        "that": "que",
        "the": "el",
        "to": "a",
        "used": "solía",
    },
}
WORD = re.compile(r"[A-Za-z]+")


def translate(text, target):
    """Each word outside the tags in its `target` form, when the stand-in knows it."""
    words = WORDS.get(target, {})
    parts = re.split(r"(<[^>]+>)", text)
    return "".join(
        part
        if part.startswith("<")
        else WORD.sub(lambda word: words.get(word.group().lower(), word.group()), part)
        for part in parts
    )


class DeepLHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        service = self.server.service
        length = int(self.headers.get("Content-Length", 0))
        fields = parse_qs(self.rfile.read(length).decode())
        if self.path != "/v2/translate":
            return self.answer(404, {"message": "Not found"})
        if self.headers.get("Authorization") != f"DeepL-Auth-Key {AUTH_KEY}":
            return self.answer(403, {"message": "Wrong key"})
        if service.quota is not None and service.quota <= 0:
            return self.answer(456, {"message": "Quota exceeded"})
        texts = fields.get("text", [])
        target = fields.get("target_lang", [""])[0]
        service.requests.append({"target_lang": target, "text": texts})
        if service.quota is not None:
            service.quota -= 1
        translations = [
            {"detected_source_language": "EN", "text": translate(text, target)} for text in texts
        ]
        return self.answer(200, {"translations": translations})

    def answer(self, status, body):
        content = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, format, *args):
        pass


class Tunnel(socketserver.BaseRequestHandler):
    """An HTTP proxy's CONNECT, for DeepL's hosts only, to the local DeepL."""

    def handle(self):
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = self.request.recv(4096)
            if not chunk:
                return
            request += chunk
        method, target, _version = request.split(b"\r\n", 1)[0].decode().split(" ")
        host = target.rsplit(":", 1)[0]
        if method != "CONNECT" or host not in HOSTS:
            self.request.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
            return
        with socket.create_connection(self.server.upstream) as upstream:
            self.request.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            join_both_ways(self.request, upstream)


class Proxy(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class FakeDeepL:
    """The service and the proxy in front of it, on free ports, until `stop()`."""

    def __init__(self, directory):
        self.requests = []
        self.quota = None
        authority = trustme.CA()
        certificate = authority.issue_cert(*sorted(HOSTS))
        self.ca_bundle = directory / "deepl-ca.pem"
        authority.cert_pem.write_to_path(str(self.ca_bundle))
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        certificate.configure_cert(context)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), DeepLHandler)
        self.server.daemon_threads = True
        self.server.service = self
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.proxy = Proxy(("127.0.0.1", 0), Tunnel)
        self.proxy.upstream = self.server.server_address
        for server in (self.server, self.proxy):
            threading.Thread(target=server.serve_forever, daemon=True).start()

    @property
    def proxy_url(self):
        return f"http://127.0.0.1:{self.proxy.server_address[1]}"

    def stop(self):
        for server in (self.server, self.proxy):
            server.shutdown()
            server.server_close()
