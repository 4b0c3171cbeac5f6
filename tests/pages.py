"""The demo pages that stand for their types in the site-wide audits."""

from wagtail.models import Locale

from alliances.models import AllianceIndexPage, AlliancePage
from gallery.models import GalleryIndexPage, MediaItemPage
from home.models import HomePage, KeyAreaIndexPage, KeyAreaPage, StandardPage
from membership.models import JoinPage
from stories.models import StoryIndexPage, StoryPage
from submissions.models import ShareStoryPage

# One page of each type by its English slug: a video, an album and a set of documents.
ONE_OF_EACH_TYPE = [
    (HomePage, "home"),
    (KeyAreaIndexPage, "key-areas"),
    (KeyAreaPage, "global-digital-citizenship"),
    (StandardPage, "what-we-do"),
    (StoryIndexPage, "stories"),
    (StoryPage, "school-garden-fresno"),
    (GalleryIndexPage, "gallery"),
    (MediaItemPage, "why-we-learn-outdoors"),
    (MediaItemPage, "planting-day"),
    (MediaItemPage, "annual-report-2025"),
    (AllianceIndexPage, "alliances"),
    (AlliancePage, "sage"),
    (ShareStoryPage, "share-your-story"),
    (JoinPage, "join"),
]
# Their forms are for one reader each, never cached.
PUBLIC_FORMS = (ShareStoryPage, JoinPage)
# A search word that finds something in each audited language.
SEARCH_WORDS = {"en": "garden", "ar": "حديقة"}


def in_language(model, slug, language):
    """The `language` translation of the English `model` page with `slug`."""
    page = model.objects.get(locale__language_code="en", slug=slug)
    return page.get_translation(Locale.objects.get(language_code=language))


def audited_urls(language):
    """One page of each type in `language`, the stories filtered, and search results."""
    urls = [in_language(model, slug, language).url for model, slug in ONE_OF_EACH_TYPE]
    area = in_language(KeyAreaPage, "sustainable-leadership", language)
    stories = in_language(StoryIndexPage, "stories", language).url
    return [*urls, f"{stories}?area={area.slug}", f"/{language}/search/?q={SEARCH_WORDS[language]}"]
