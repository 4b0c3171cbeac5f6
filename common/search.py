"""
Site search in the reader's language, from the text Wagtail's search index keeps for each
page. On PostgreSQL the words are stemmed with the text search configuration of the
page's language ("huerto" finds "huertos"; `simple`, no stemming, for a language
PostgreSQL has none for). On SQLite they match as written, through Wagtail's FTS5 table.
Either way the database finds the matches through its full-text index, and the reader's
live pages among them are ranked (title matches first, then the newest) and fetched one
page of results at a time.
"""

import re
from functools import cache, reduce
from operator import and_

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils.translation import get_language_info
from wagtail.models import Page, get_page_models
from wagtail.search import models as search_models
from wagtail.search.models import IndexEntry
from wagtail.search.utils import parse_query_string

from .models import public

# Wagtail keeps an FTS5 table beside its index where SQLite has FTS5 (nearly everywhere).
FTS_ENTRIES = getattr(search_models, "SQLiteFTSIndexEntry", None)


def search_pages(query, locale):
    """The live, public pages in `locale` matching `query`, best first, fetched a page at a time."""
    if connection.vendor == "sqlite" and FTS_ENTRIES:
        return sqlite_search(query, locale)
    if connection.vendor != "postgresql":
        # Paired quotes make a phrase search; a stray quote would be a syntax error.
        terms = query.replace('"', " ") if query.count('"') % 2 else query
        _filters, parsed_query = parse_query_string(terms)
        return Page.objects.live().public().filter(locale=locale).specific().search(parsed_query)
    config = text_search_config(locale.language_code)
    words = SearchQuery(query, config=config, search_type="websearch")
    # First the matches, found through the language's full-text index alone (joined to
    # the pages, PostgreSQL would rather analyse every page's text), then the reader's
    # live pages among them: those whose title matches first, then the newest.
    matches = index_matches(words, config)
    ranked = (
        public(Page.objects.live().filter(locale=locale, pk__in=[int(pk) for pk in matches]))
        .annotate(title_rank=SearchRank(SearchVector("title", config=config), words))
        .order_by("-title_rank", "-first_published_at", "pk")
        .values_list("pk", flat=True)
    )
    return RankedPages(ranked)


def sqlite_search(query, locale):
    """Pages with every word of `query`, found through Wagtail's FTS5 table."""
    words = re.findall(r"\w+", query)
    if not words:
        return RankedPages(Page.objects.none().values_list("pk", flat=True))
    # Each word as an FTS5 string, so that no word is read as an operator: all must match.
    match = " ".join(f'"{word}"' for word in words)
    page_types = ContentType.objects.get_for_models(*get_page_models()).values()
    table = FTS_ENTRIES._meta.db_table
    # The matching pages' ids stay in the database, as a subquery: thousands of them
    # would cost more to carry through Python than to rank.
    matches = (
        IndexEntry.objects.filter(
            content_type__in=page_types,
            pk__in=RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [match]),
        )
        .annotate(page_id=Cast("object_id", IntegerField()))
        .values("page_id")
    )
    title_matches = reduce(and_, (Q(title__icontains=word) for word in words))
    ranked = (
        public(Page.objects.live().filter(locale=locale, pk__in=matches))
        .annotate(
            title_rank=Case(
                When(title_matches, then=Value(1)), default=Value(0), output_field=IntegerField()
            )
        )
        .order_by("-title_rank", "-first_published_at", "pk")
        .values_list("pk", flat=True)
    )
    return RankedPages(ranked)


def index_matches(words, config):
    """The ids (as text) of the pages whose indexed text matches `words`."""
    # The index holds images, documents and snippets too; their ids are not pages'.
    page_types = ContentType.objects.get_for_models(*get_page_models()).values()
    return (
        IndexEntry.objects.filter(content_type__in=page_types)
        .annotate(document=search_document(config))
        .filter(document=words)
        .values_list("object_id", flat=True)
    )


def search_document(config):
    """
    A page's words as `config` reads them, title first. Migration common/0005 indexes this
    very expression for each language, so a search reads the index, not every page.
    """
    return SearchVector("title_text", weight="A", config=config) + SearchVector(
        "body_text", weight="B", config=config
    )


class RankedPages:
    """Search results for a paginator: counted in the database, fetched one slice at a time."""

    def __init__(self, ranked_ids):
        self.ranked_ids = ranked_ids

    def count(self):
        return self.ranked_ids.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        order = list(self.ranked_ids[window])
        found = Page.objects.filter(pk__in=order).specific().in_bulk()
        return [found[pk] for pk in order if pk in found]


@cache
def text_search_config(language_code):
    """PostgreSQL's configuration named after the language ('spanish'), else 'simple'."""
    name = get_language_info(language_code)["name"].lower()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [name])
        return name if cursor.fetchone() else "simple"
