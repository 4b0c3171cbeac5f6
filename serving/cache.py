"""
Where the page cache and the shared fragments are filed, and the generations that purge
them. A cached page is filed under its path's generation and its language's: purging a
path (with every query string on it) or a whole language bumps a number rather than
hunting down keys, and what the old number filed expires on its own.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache

FRAGMENT_SECONDS = 24 * 60 * 60


def page_generations(path, language):
    """The generations a page is filed under, in one cache round trip."""
    keys = [f"gen:path:{path}", f"gen:language:{language}"]
    found = cache.get_many(keys)
    return tuple(found.get(key, 0) for key in keys)


def bump(keys):
    """Start new generations for `keys`: what the old ones filed is never read again."""
    if keys:
        current = cache.get_many(keys)
        cache.set_many({key: current.get(key, 0) + 1 for key in keys}, timeout=None)


def shared_fragment(name, language, compute):
    """
    A value many pages of `language` share (a listing on the home page, filter options),
    computed once per change to that language's content.
    """
    version = cache.get(f"gen:content:{language}", 0)
    key = f"fragment:{name}:{language}:{version}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=FRAGMENT_SECONDS)
    return value


def forget(paths=(), languages=(), content_languages=()):
    """
    Purge the cached pages at `paths` (on any host, with any query string), every cached
    page of `languages`, and the shared fragments of `content_languages`.
    """
    bump(
        [f"gen:path:{path}" for path in paths]
        + [f"gen:language:{language}" for language in languages]
        + [f"gen:content:{language}" for language in {*languages, *content_languages}]
    )


purges_paused = ContextVar("purges_paused", default=False)


@contextmanager
def whole_cache_cleared_after():
    """
    For bulk loads (the demo): purge nothing page by page while they run, then empty the
    whole cache once they are done.
    """
    token = purges_paused.set(True)
    try:
        yield
    finally:
        purges_paused.reset(token)
        cache.clear()
