import json

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse

HEALTH_PATH = "/health/"
# Only that the process answers: for a proxy that must go on sending readers through a
# database outage, since the site still serves what it has cached (Varnish's probe).
LIVE_PATH = "/health/live/"


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure to reach it means it does not answer
        return False


def cache_answers():
    try:
        cache.set("health-check", "ok", 10)
        return cache.get("health-check") == "ok"
    except Exception:
        return False


class HealthCheckMiddleware:
    """
    `/health/` for load balancers, answered first: before host checks (probes come by IP
    address), the HTTPS redirect and the page cache. 503 while the database does not
    answer; a cache outage is reported but only slows pages, so it stays 200.
    `/health/live/` answers 200 whenever the process does.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == LIVE_PATH:
            return self.answer({"process": "ok"}, 200)
        if request.path != HEALTH_PATH:
            return self.get_response(request)
        checks = {
            "database": "ok" if database_answers() else "unavailable",
            "cache": "ok" if cache_answers() else "unavailable",
        }
        return self.answer(checks, 200 if checks["database"] == "ok" else 503)

    def answer(self, checks, status):
        response = HttpResponse(json.dumps(checks), content_type="application/json", status=status)
        response["Cache-Control"] = "no-store"
        return response
