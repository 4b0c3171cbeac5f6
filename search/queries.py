"""
Site search in the reader's language, from the text Wagtail's search index keeps for each
page. On PostgreSQL the words are stemmed with the text search configuration of the
page's language ("huerto" finds "huertos"; `simple`, no stemming, for a language
PostgreSQL has none for). On SQLite they match as written, through Wagtail's FTS5 table.
Either way the database finds the matches through its full-text index, and the reader's
live pages among them are ranked (title matches first, then the newest) and fetched one
page of results at a time, with how many there are in all.
"""

import re
from functools import cache, reduce
from operator import and_

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, Count, IntegerField, Q, Value, When, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils.translation import get_language_info
from wagtail.models import Page, get_page_models
from wagtail.search import models as search_models
from wagtail.search.models import IndexEntry
from wagtail.search.utils import parse_query_string

from page_parts.listings import public

# Wagtail keeps an FTS5 table beside its index where SQLite has FTS5 (nearly everywhere).
FTS_ENTRIES = getattr(search_models, "SQLiteFTSIndexEntry", None)


def search_pages(query, locale):
    """The live, public pages in `locale` matching `query`, best first, fetched a page at a time."""
    if not query:
        return RankedPages(Page.objects.none())
    if connection.vendor == "sqlite" and FTS_ENTRIES:
        return sqlite_search(query, locale)
    if connection.vendor != "postgresql":
        # Paired quotes make a phrase search; a stray quote would be a syntax error.
        terms = query.replace('"', " ") if query.count('"') % 2 else query
        _filters, parsed_query = parse_query_string(terms)
        return FoundPages(
            Page.objects.live().public().filter(locale=locale).specific().search(parsed_query)
        )
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
    )
    return RankedPages(ranked)


def sqlite_search(query, locale):
    """Pages with every word of `query`, found through Wagtail's FTS5 table."""
    words = re.findall(r"\w+", query)
    if not words:
        return RankedPages(Page.objects.none())
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
    """
    Search results ranked by the database. Counting the matches and ranking them each take
    a pass over every match, so a page of results comes with how many there are in all,
    from one query.
    """

    def __init__(self, ranked):
        self.ranked_ids = ranked.values_list("pk", flat=True)
        self.with_total = ranked.annotate(total=Window(Count("pk"))).values_list("pk", "total")
        self.fetched = None

    def page(self, number, per_page):
        """Page `number` of the results for a template (the last page past the end)."""
        paginator = Paginator(self, per_page)
        start = (first_page_or(number) - 1) * per_page
        rows = list(self.with_total[start : start + per_page])
        paginator.count = rows[0][1] if rows else self.count()
        self.fetched = (start, [pk for pk, _total in rows])
        return paginator.get_page(number)

    def count(self):
        return self.ranked_ids.count()

    def __getitem__(self, window):
        if self.fetched and self.fetched[0] == window.start:
            order = self.fetched[1]
        else:
            order = list(self.ranked_ids[window])
        found = Page.objects.filter(pk__in=order).specific().in_bulk()
        return [found[pk] for pk in order if pk in found]


class FoundPages:
    """Wagtail's own search results, where the database has no full-text index of ours."""

    def __init__(self, results):
        self.results = results

    def page(self, number, per_page):
        return Paginator(self.results, per_page).get_page(number)


def first_page_or(number):
    """The page number asked for, or 1 (the paginator then picks the page it shows)."""
    try:
        return max(int(number), 1)
    except (TypeError, ValueError):
        return 1


@cache
def text_search_config(language_code):
    """PostgreSQL's configuration named after the language ('spanish'), else 'simple'."""
    name = get_language_info(language_code)["name"].lower()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [name])
        return name if cursor.fetchone() else "simple"
