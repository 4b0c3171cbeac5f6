"""What operators and their load balancers rely on: health checks and error reports."""

import gzip
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import brotli
import pytest
from django.db import connection
from django.test import override_settings

from home.models import StandardPage
from tests.test_deployment import PRODUCTION_ENV, run
from tests.test_outages import closed_port, refuse, unreachable_redis

pytestmark = pytest.mark.django_db


def test_health_answers_when_the_database_and_cache_do(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert "X-Page-Cache" not in response


def test_health_is_503_while_the_database_is_down(client):
    with connection.execute_wrapper(refuse):
        response = client.get("/health/")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "unavailable"


def test_a_cache_outage_is_reported_but_keeps_the_server_in_service(client):
    with override_settings(CACHES=unreachable_redis()):
        response = client.get("/health/")
    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "cache": "unavailable"}


PROBE = """
from config.environment import use_settings_for_purpose; use_settings_for_purpose()
import django; django.setup()
from django.test import Client
for path in ("/health/", "/health/live/"):
    response = Client().get(path, HTTP_HOST="10.0.0.5")
    print(response.status_code, response.content.decode())
"""


def test_a_load_balancer_probes_by_address_over_plain_http():
    up = run(["-c", PROBE], {**PRODUCTION_ENV, "DATABASE_URL": "sqlite:///:memory:"})
    assert up.stdout.split()[0] == "200", up.stderr
    down = run(
        ["-c", PROBE],
        {**PRODUCTION_ENV, "DATABASE_URL": f"postgres://postgres@127.0.0.1:{closed_port()}/x"},
    )
    assert down.stdout.split()[0] == "503", down.stderr
    assert '"database": "unavailable"' in down.stdout
    # Varnish's probe: the process answers, so readers still get what the site has cached.
    assert down.stdout.splitlines()[1] == '200 {"process": "ok"}'


class SentryIngest(BaseHTTPRequestHandler):
    """Stands in for Sentry's ingest endpoint: keeps each envelope it is sent."""

    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            body = brotli.decompress(body)
        self.received.append(body.decode(errors="replace"))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


REPORT = """
from config.environment import use_settings_for_purpose; use_settings_for_purpose()
import django; django.setup()
import sentry_sdk
from django.test import Client, override_settings
with override_settings(ROOT_URLCONF="tests.failing_urls"):
    print(Client(raise_request_exception=False).get("/fail/").status_code)
sentry_sdk.flush(timeout=5)
"""


def test_errors_are_reported_to_sentry_when_configured():
    server = ThreadingHTTPServer(("127.0.0.1", 0), SentryIngest)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    dsn = f"http://public-key@127.0.0.1:{server.server_port}/1"
    try:
        result = run(
            ["-c", REPORT],
            {
                "DEBUG": "true",
                "ALLOWED_HOSTS": "testserver",
                "SENTRY_DSN": dsn,
                "DATABASE_URL": "sqlite:///:memory:",
            },
        )
    finally:
        server.shutdown()
    assert result.stdout.split()[0] == "500", result.stderr
    reports = "".join(SentryIngest.received)
    assert "a bug only production meets" in reports
    assert "RuntimeError" in reports
    # No personal data: no cookies, no user.
    assert '"cookies"' not in reports


def test_moderators_e_mails_link_to_base_url(settings, mailoutbox, user):
    """'View draft' and 'Edit' in the moderation e-mail go to the site's real address."""
    settings.WAGTAILADMIN_BASE_URL = "https://network.example.org"
    page = StandardPage.objects.get(locale__language_code="en", slug="what-we-do")
    page.introduction = "A change for review."
    page.save_revision(user=user("editor"))
    page.get_workflow().start(page, user("editor"))
    to_moderator = [mail for mail in mailoutbox if "moderator@example.org" in mail.to]
    assert to_moderator
    links = re.findall(r"https?://[^\s\"'<>]+", to_moderator[0].body)
    assert links
    assert all(link.startswith("https://network.example.org/admin/") for link in links), links
