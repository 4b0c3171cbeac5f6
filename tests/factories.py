"""
Factories for what tests need, built with wagtail-factories and factory_boy instead of the
demo content: a test names the pages it reads, so a change to a demo text cannot break it.

`build_site()` makes the frame every test starts from: four languages, each with a home
page and its sections, Site settings, the roles and one user per role.
"""

import datetime

import factory
import wagtail_factories
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from alliances.models import AllianceIndexPage, AlliancePage
from gallery.models import GalleryIndexPage, MediaItemPage
from home.models import HomePage, KeyAreaIndexPage, KeyAreaPage, StandardPage
from site_settings.models import SiteSettings
from stories.models import StoryIndexPage, StoryPage
from topics.models import Topic
from translation_workflow.roles import (
    EDITORS,
    MODERATORS,
    TRANSLATORS,
    ensure_roles,
    language_group_name,
)

PASSWORD = "test-password"


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Photo {n}")
    description = factory.LazyAttribute(lambda image: f"{image.title}, described")
    file = factory.django.ImageField(width=1280, height=800, color="#2e7d4f")


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Report {n}")


def english(model):
    return model.objects.get(locale__language_code="en")


class PageFactory(wagtail_factories.PageFactory):
    """Pages are added under `parent` and published, as an editor would leave them."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        page = super()._create(model_class, *args, **kwargs)
        page.save_revision().publish()
        page.refresh_from_db()
        return page


def topic(name, language="en"):
    """The topic called `name` in a language, made if there is none."""
    found, _created = Topic.objects.get_or_create(
        locale=Locale.objects.get(language_code=language),
        slug=slugify(name),
        defaults={"name": name},
    )
    return found


def set_key_areas(page, areas):
    if areas:
        page.key_areas = areas
        page.save_revision().publish()


class StandardPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    parent = factory.LazyFunction(lambda: english(HomePage))

    class Meta:
        model = StandardPage


class KeyAreaPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Key area {n}")
    summary = factory.LazyAttribute(lambda area: f"What {area.title} is about.")
    parent = factory.LazyFunction(lambda: english(KeyAreaIndexPage))

    class Meta:
        model = KeyAreaPage


class StoryPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Story {n}")
    summary = factory.LazyAttribute(lambda story: f"What happened in {story.title}.")
    date = datetime.date(2026, 3, 1)
    body = factory.LazyAttribute(lambda story: [("paragraph", f"<p>{story.summary}</p>")])
    parent = factory.LazyFunction(lambda: english(StoryIndexPage))

    class Meta:
        model = StoryPage

    key_areas = factory.PostGeneration(lambda page, create, areas: set_key_areas(page, areas))


class MediaItemPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Video {n}")
    description = factory.LazyAttribute(lambda item: f"About {item.title}.")
    date = datetime.date(2026, 3, 1)
    media_type = MediaItemPage.MediaType.VIDEO
    video_url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    image = factory.SubFactory(ImageFactory)
    parent = factory.LazyFunction(lambda: english(GalleryIndexPage))

    class Meta:
        model = MediaItemPage

    key_areas = factory.PostGeneration(lambda page, create, areas: set_key_areas(page, areas))


class AlliancePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Alliance {n}")
    summary = factory.LazyAttribute(lambda alliance: f"Who {alliance.title} are.")
    parent = factory.LazyFunction(lambda: english(AllianceIndexPage))
    key_areas = factory.PostGeneration(lambda page, create, areas: set_key_areas(page, areas))

    class Meta:
        model = AlliancePage


# The frame every test starts from, translated by wagtail-localize from these texts.
TRANSLATIONS = {
    "es": {
        "Education Network": "Red de Educación",
        "What we do": "Qué hacemos",
        "what-we-do": "que-hacemos",
        "Key areas": "Áreas clave",
        "key-areas": "areas-clave",
        "Sustainable leadership": "Liderazgo sostenible",
        "sustainable-leadership": "liderazgo-sostenible",
        "Stories": "Historias",
        "stories": "historias",
        "Media gallery": "Mediateca",
        "gallery": "mediateca",
        "Alliances": "Alianzas",
        "alliances": "alianzas",
    },
    "fr": {
        "Education Network": "Réseau Éducation",
        "What we do": "Ce que nous faisons",
        "what-we-do": "ce-que-nous-faisons",
        "Key areas": "Domaines clés",
        "key-areas": "domaines-cles",
        "Sustainable leadership": "Leadership durable",
        "sustainable-leadership": "leadership-durable",
        "Stories": "Récits",
        "stories": "recits",
        "Media gallery": "Médiathèque",
        "gallery": "mediatheque",
    },
    "ar": {
        "Education Network": "شبكة التعليم",
        "What we do": "ما نقوم به",
        "what-we-do": "ما-نقوم-به",
        "Key areas": "المجالات الرئيسية",
        "key-areas": "مجالات",
        "Sustainable leadership": "القيادة المستدامة",
        "sustainable-leadership": "القيادة-المستدامة",
        "Stories": "قصص",
        "stories": "قصص",
        "Media gallery": "المكتبة الإعلامية",
        "gallery": "المكتبة",
        "Alliances": "التحالفات",
        "alliances": "التحالفات",
    },
}
KEY_AREAS = [
    ("sustainable-leadership", "Sustainable leadership"),
    ("climate-change-and-nature-education", "Climate change and nature education"),
]
USERS = [
    ("admin", None),
    ("editor", EDITORS),
    ("moderator", MODERATORS),
    ("translator-es", "es"),
    ("translator-fr", "fr"),
    ("translator-ar", "ar"),
]


def build_site():
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    home = build_english_home()
    for code, texts in TRANSLATIONS.items():
        locale = Locale.objects.get(language_code=code)
        for instance in [home, *home.get_descendants().specific(), site_settings(home.locale)]:
            publish_translation(instance, locale, texts)
    ensure_roles()
    build_users()
    return home


def build_english_home():
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = HomePage(
        title="Education Network",
        slug="home",
        mission="Quality education for sustainable development, everywhere.",
        vision="Every learner able to shape a fairer, greener world.",
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Education Network",
        },
    )
    sections = [
        StandardPage(title="What we do", slug="what-we-do", introduction="Our work."),
        KeyAreaIndexPage(title="Key areas", slug="key-areas", introduction="Our areas."),
        StoryIndexPage(title="Stories", slug="stories", introduction="From schools."),
        GalleryIndexPage(title="Media gallery", slug="gallery", introduction="Watch and share."),
        AllianceIndexPage(title="Alliances", slug="alliances", introduction="Partners."),
    ]
    for section in sections:
        home.add_child(instance=section)
        section.save_revision().publish()
    for slug, title in KEY_AREAS:
        KeyAreaPageFactory(title=title, slug=slug, parent=sections[1])
    site_settings = SiteSettings(
        locale=home.locale,
        organisation_name="Education Network",
        tagline="Schools for a sustainable future.",
        contact_email="hello@example.org",
        footer_text="<p>A network of schools for sustainability.</p>",
        default_share_image=ImageFactory(
            title="Sharing image",
            file__filename="sharing-image.png",
            file__width=1200,
            file__height=630,
        ),
        main_menu=[menu_link(page) for page in sections],
        footer_menu=[menu_link(page) for page in sections[:1]],
    )
    site_settings.save()
    site_settings.save_revision().publish()
    return home


def menu_link(page):
    return ("link", {"page": page, "external_url": "", "label": ""})


def site_settings(locale):
    return SiteSettings.objects.get(locale=locale)


def publish_translation(instance, locale, texts):
    """
    Translate `instance` into `locale` through wagtail-localize, as a translator would,
    with the translations in `texts`; other texts the translator kept as they are.
    Then publish it.
    """
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=texts.get(segment.string.data, segment.string.data),
        )
    translation.save_target(publish=False)
    instance.get_translation(locale).get_latest_revision().publish()


def build_users():
    User = get_user_model()
    for username, role in USERS:
        user = User.objects.create_user(
            username=username,
            password=PASSWORD,
            email=f"{username}@example.org",
            is_superuser=role is None,
            is_staff=role is None,
        )
        if role in TRANSLATIONS:
            names = [TRANSLATORS, language_group_name(role)]
            user.groups.add(*Group.objects.filter(name__in=names))
        elif role:
            user.groups.add(Group.objects.get(name=role))
