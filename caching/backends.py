"""A Redis cache whose outages slow the site down rather than break it."""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def tolerant(method, fallback=None):
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except RedisError as error:
            self.report(error)
            return fallback(*args, **kwargs) if fallback else None

    call.__name__ = method.__name__
    call.__doc__ = method.__doc__
    return call


class TolerantRedisCache(RedisCache):
    """
    Django's Redis cache, answering as an empty cache while Redis cannot be reached:
    pages are rendered uncached instead of failing. The outage is logged once a minute.
    """

    last_report = 0.0

    def report(self, error):
        now = time.monotonic()
        if now - TolerantRedisCache.last_report > 60:
            TolerantRedisCache.last_report = now
            logger.warning("The cache is unreachable; serving uncached pages. %s", error)

    get = tolerant(RedisCache.get, lambda key, default=None, version=None: default)
    get_many = tolerant(RedisCache.get_many, lambda keys, version=None: {})
    has_key = tolerant(RedisCache.has_key, lambda key, version=None: False)
    add = tolerant(RedisCache.add, lambda *args, **kwargs: False)
    set = tolerant(RedisCache.set)
    set_many = tolerant(RedisCache.set_many, lambda data, *args, **kwargs: list(data))
    touch = tolerant(RedisCache.touch, lambda *args, **kwargs: False)
    delete = tolerant(RedisCache.delete, lambda *args, **kwargs: False)
    delete_many = tolerant(RedisCache.delete_many)
    clear = tolerant(RedisCache.clear)
