"""
The Wagtail site a request is for, from the cache. Wagtail asks the database on every
request (`Site.find_for_request`); the sites change about never, so here they are looked
up once per host and kept until a site is saved or deleted, as Wagtail keeps its site root
paths.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port
from wagtail.models import Site

SITES_BY_HOST = "sites-by-host"
# Only hosts in ALLOWED_HOSTS reach a view; where it allows any, only this many are kept.
MOST_HOSTS = 50


def site_for(request):
    """
    Wagtail's site for the request's host and port (None where none serves it), left
    where `Site.find_for_request` looks first for the rest of the request.
    """
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    host = (split_domain_port(request._get_raw_host())[0], request.get_port())
    sites = cache.get(SITES_BY_HOST) or {}
    if host not in sites:
        # A Site without its root page: that may change while the Site does not.
        site = Site._find_for_request(request)
        if site is not None:
            site._state.fields_cache.clear()
        sites[host] = site
        if len(sites) <= MOST_HOSTS:
            cache.set(SITES_BY_HOST, sites, timeout=None)
    request._wagtail_site = sites[host]
    return request._wagtail_site


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def forget_sites(**kwargs):
    cache.delete(SITES_BY_HOST)
