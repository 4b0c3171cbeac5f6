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
    host = (split_domain_port(request.get_host())[0], request.get_port())
    sites = cache.get(SITES_BY_HOST) or {}
    if host not in sites:
        sites[host] = without_root_page(Site.find_for_request(request))
        if len(sites) <= MOST_HOSTS:
            cache.set(SITES_BY_HOST, sites, timeout=None)
    # Wagtail has no public way to be handed the site; `Site.find_for_request` documents
    # that it keeps the one it found here, and reuses it for the rest of the request.
    request._wagtail_site = sites[host]
    return sites[host]


def without_root_page(site):
    """A copy of `site` without the root page it was fetched with: that page may change."""
    if site is None:
        return None
    return Site(**{field.attname: getattr(site, field.attname) for field in Site._meta.fields})


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def forget_sites(**kwargs):
    cache.delete(SITES_BY_HOST)
