"""
For scripts/bench.py, in a process set up for the benchmark's database: one page of each
type in English and Arabic, with the SQL queries of one uncached request to each, as JSON.
"""

import json
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from serving.cache import forget  # noqa: E402
from stories.models import StoryIndexPage  # noqa: E402
from tests.pages import ONE_OF_EACH_TYPE, SEARCH_WORDS, in_language  # noqa: E402


def page_types():
    for code in ("en", "ar"):
        for model, slug in ONE_OF_EACH_TYPE:
            yield f"{model.__name__} {slug} ({code})", in_language(model, slug, code).url
        index = in_language(StoryIndexPage, "stories", code).url
        yield f"stories filtered by year ({code})", f"{index}?year=2026"
        yield f"feed ({code})", f"{index}feed/"
        yield f"search ({code})", f"/{code}/search/?q={SEARCH_WORDS[code]}"
        yield f"sitemap ({code})", f"/sitemap-{code}.xml"
    yield "sitemap index", "/sitemap.xml"


def uncached_queries(client, path):
    client.get(path)
    forget(paths=[unquote(urlsplit(path).path)])
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200, path
    return len(queries)


client = Client(HTTP_HOST="127.0.0.1")
print(json.dumps([(name, path, uncached_queries(client, path)) for name, path in page_types()]))
