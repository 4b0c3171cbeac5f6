from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from operations.media import media_urls
from search.views import search
from serving.routing import serve_page
from sharing.sitemaps import language_sitemap, sitemap_index
from sharing.views import robots_txt

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<str:language>.xml", language_sitemap, name="language_sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Passkey ceremonies; they refuse a signed-in person who owes a second factor.
    path("passkeys/", include("django_otp_webauthn.urls", namespace="otp_webauthn")),
]

urlpatterns += media_urls()

urlpatterns += i18n_patterns(
    path("search/", search, name="search"),
    re_path(wagtail_urls.serve_pattern, serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
)
