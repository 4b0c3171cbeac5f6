from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.images import get_image_model

from serving.locales import active_locale

from .queries import search_pages

# Longer queries add nothing to a search and only cost the database time.
MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


# Search results are not purged page by page (in production the worker indexes a new
# page after it is published): shared caches keep them a minute.
@require_GET
@cache_control(public=True, max_age=0, s_maxage=60, stale_if_error=7 * 24 * 60 * 60)
def search(request):
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    page = search_pages(query, active_locale()).page(request.GET.get("page"), RESULTS_PER_PAGE)
    attach_images(page.object_list)
    return render(request, "search/search.html", {"query": query, "results": page})


def attach_images(pages):
    """Load the main images of a page of results, with their renditions, in one go."""
    pages = list(pages)
    wanted = {page.image_id for page in pages if getattr(page, "image_id", None)}
    images = get_image_model().objects.filter(pk__in=wanted).prefetch_related("renditions")
    by_id = {image.pk: image for image in images}
    for page in pages:
        if getattr(page, "image_id", None) in by_id:
            page.image = by_id[page.image_id]
