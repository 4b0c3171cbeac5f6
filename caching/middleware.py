import re
import time
from hashlib import md5

import brotli
from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.gzip import GZipMiddleware
from django.template.response import TemplateResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.translation import get_language_from_path

from serving.cache import page_generations

# How long a cached page is served without asking the site again, how long after that it
# may still be served while the site cannot answer, and what HTTP caches are told.
FRESH_SECONDS = 60 * 60
STALE_SECONDS = 7 * 24 * 60 * 60
PUBLIC_CACHE_CONTROL = (
    f"public, max-age=0, s-maxage={FRESH_SECONDS}, stale-while-revalidate=60, "
    f"stale-if-error={STALE_SECONDS}"
)
SHARED_MAX_AGE = re.compile(r"s-maxage=(\d+)")
UNCACHED_PREFIXES = ("/admin/", "/documents/", settings.STATIC_URL, settings.MEDIA_URL)


def preferred_encoding(request):
    accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
    codings = {coding.split(";")[0].strip() for coding in accepted.split(",")}
    if "br" in codings:
        return "br"
    return "gzip" if "gzip" in codings else "identity"


class PageCacheMiddleware:
    """
    Answer anonymous readers' GET and HEAD requests for public pages from the cache.

    A response is kept when it is a 200 that sets no cookie and asks for no privacy; it
    goes out with a Cache-Control for shared caches and an ETag, so browsers and HTTP
    caches revalidate with 304s. Readers who are signed in (they have a session) always
    get a fresh page. A page is filed under its address, the encoding it was compressed
    with and its generations (see serving/cache.py); `X-Page-Cache` says hit, miss or stale.

    When the site cannot answer (the database is down), a page cached within the last
    week is served stale rather than an error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        key = self.cache_key(request)
        entry = cache.get(key)
        if entry and entry["fresh_until"] > time.time():
            return self.answer(request, entry, "hit")
        response = self.get_response(request)
        if response.status_code >= 500 and entry:
            return self.answer(request, entry, "stale")
        if request.method == "GET" and self.is_cacheable_response(request, response):
            # A view may ask for a shorter life (search results: a minute).
            fresh = SHARED_MAX_AGE.search(response.get("Cache-Control", ""))
            fresh_seconds = int(fresh.group(1)) if fresh else FRESH_SECONDS
            if not fresh:
                response["Cache-Control"] = PUBLIC_CACHE_CONTROL
            response["X-Page-Cache"] = "miss"
            entry = self.entry(response, fresh_seconds)
            cache.set(key, entry, timeout=fresh_seconds + STALE_SECONDS)
        return response

    def is_cacheable_request(self, request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
            and not request.path.startswith(UNCACHED_PREFIXES)
        )

    def is_cacheable_response(self, request, response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            # A form with a CSRF token (a page's password form) belongs to one reader.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not response.streaming
            and not response.cookies
            and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        )

    def cache_key(self, request):
        path = request.path
        language = get_language_from_path(path) or "-"
        path_generation, language_generation = page_generations(path, language)
        address = md5(request.get_full_path().encode(), usedforsecurity=False).hexdigest()
        return (
            f"page:{request.get_host()}:{preferred_encoding(request)}:"
            f"{language_generation}:{path_generation}:{address}"
        )

    def entry(self, response, fresh_seconds):
        headers = {
            name: value
            for name, value in response.items()
            if name not in ("X-Page-Cache", "Content-Length")
        }
        return {
            "status": response.status_code,
            "headers": headers,
            "content": response.content,
            "fresh_until": time.time() + fresh_seconds,
        }

    def answer(self, request, entry, state):
        etag = entry["headers"].get("ETag")
        if etag:
            not_modified = get_conditional_response(request, etag=etag)
            if isinstance(not_modified, HttpResponseNotModified):
                for name in ("Cache-Control", "Vary"):
                    if name in entry["headers"]:
                        not_modified[name] = entry["headers"][name]
                not_modified["X-Page-Cache"] = state
                return not_modified
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"].items():
            response[name] = value
        response["X-Page-Cache"] = state
        return response


class CompressionMiddleware(GZipMiddleware):
    """Compress responses with Brotli where the browser accepts it, else with gzip."""

    def process_response(self, request, response):
        if preferred_encoding(request) != "br":
            return super().process_response(request, response)
        if (
            response.streaming
            or len(response.content) < 200
            or response.has_header("Content-Encoding")
        ):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        compressed = brotli.compress(response.content, quality=5)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response["Content-Length"] = str(len(compressed))
        response["Content-Encoding"] = "br"
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response["ETag"] = "W/" + etag
        return response


class DatabaseOutageMiddleware:
    """While the database cannot be reached, say so with a 503 and when to try again."""

    RETRY_AFTER_SECONDS = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        # Could not reach the database, as opposed to a query it refused.
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        context = {"site_name": settings.WAGTAIL_SITE_NAME}
        response = TemplateResponse(request, "503.html", context, status=503)
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
