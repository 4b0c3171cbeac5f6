"""
Outages degrade the site and never break it: without Redis pages are rendered uncached;
without the database, cached pages are served stale and the others say to come back.
"""

import socket

import pytest
from django.db import OperationalError, connection
from django.test import override_settings

from caching.backends import TolerantRedisCache
from tests.html import parse, text

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/en/",
    "/ar/",
    "/en/what-we-do/",
    "/en/key-areas/",
    "/en/stories/",
    "/en/stories/feed/",
    "/en/gallery/",
    "/en/alliances/",
    "/en/search/?q=garden",
    "/sitemap.xml",
    "/sitemap-ar.xml",
    "/robots.txt",
]


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def unreachable_redis():
    """The cache settings of a site whose Redis does not answer."""
    return {
        "default": {
            "BACKEND": "caching.backends.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


def test_with_redis_unreachable_every_public_page_answers(client, caplog, monkeypatch):
    # The outage is logged once a minute; an earlier test's outage must not silence it.
    monkeypatch.setattr(TolerantRedisCache, "last_report", 0.0)
    with override_settings(CACHES=unreachable_redis()):
        for url in PUBLIC_URLS:
            assert client.get(url).status_code == 200, url
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.get("X-Page-Cache") in (None, "miss"), url
    assert "The cache is unreachable" in caplog.text


def refuse(execute, sql, params, many, context):
    raise OperationalError("connection refused: the database is down")


def test_with_the_database_down_cached_pages_are_served_stale(client, monkeypatch):
    cached = "/en/what-we-do/"
    page = client.get(cached)
    monkeypatch.setattr("caching.middleware.FRESH_SECONDS", 0)
    client.get("/en/key-areas/")  # cached, but already stale when the database goes
    with connection.execute_wrapper(refuse):
        stale = client.get(cached)
        assert stale.status_code == 200
        assert stale["X-Page-Cache"] == "hit"
        assert stale.content == page.content
        stale = client.get("/en/key-areas/")
        assert (stale.status_code, stale["X-Page-Cache"]) == (200, "stale")


def test_with_the_database_down_other_pages_say_when_to_come_back(client):
    with connection.execute_wrapper(refuse):
        response = client.get("/es/", follow=False)
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Cache-Control"] == "no-store"
    document = parse(response.content)
    assert document.get("lang") == "es"
    assert text(document.find(".//h1")) == "Volvemos enseguida"
    assert "Partnerships for Sustainability Education" in text(document.find(".//main"))
