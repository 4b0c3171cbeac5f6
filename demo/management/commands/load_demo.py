from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Max
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Site
from wagtail.users.models import UserProfile

from demo import alliances, content, gallery, members, stories
from demo.images import demo_image, draw_landscape, draw_logo
from demo.localize import (
    demo_texts,
    publish_translations,
    translation_sources,
    untranslated_texts,
)
from home.models import HomePage, KeyAreaIndexPage, KeyAreaPage, StandardPage
from serving.cache import whole_cache_cleared_after
from site_settings.models import SiteSettings
from translation_workflow.roles import ensure_roles


def publish_child(parent, page):
    """Add `page` under `parent` and publish it, unless a child with its slug exists."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


class Command(BaseCommand):
    help = (
        "Build the demo site from the seed texts: home page, key areas, 'What we do', the "
        "demo stories, media and alliances, the forms for sharing a story and joining, "
        "one member's story waiting for moderation, site settings, their "
        "Spanish, French and Arabic translations, roles and one user per role. "
        "Safe to re-run: what exists is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has a home page.",
        )
        parser.add_argument(
            "--with-users",
            action="store_true",
            help="Create the demo users (published passwords) even with DEBUG off.",
        )

    @transaction.atomic
    def handle(self, *args, if_empty=False, with_users=False, **options):
        if if_empty and HomePage.objects.exists():
            self.stdout.write("The site already has content; demo content not loaded.")
            return
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            Locale.objects.get_or_create(language_code=code)
        last_redirect = Redirect.objects.aggregate(last=Max("pk"))["last"] or 0
        with whole_cache_cleared_after():
            home = self.load_home()
            self.load_what_we_do(home)
            self.load_key_areas(home)
            for section in (stories, gallery, alliances):
                section.load(home)
            sections = list(home.get_children().live().specific())
            forms = members.load_pages(home)
            self.load_site_settings(home, sections, [*sections, *forms])
            self.load_translations(home)
        # Translating renames the copies' slugs, and Wagtail keeps a redirect for each
        # rename once the transaction commits: nobody ever visited those addresses.
        transaction.on_commit(lambda: Redirect.objects.filter(pk__gt=last_redirect).delete())
        call_command("setup_site", stdout=self.stdout)
        ensure_roles()
        members.load_waiting_story(home)
        if settings.DEBUG or with_users:
            self.load_users()
        else:
            self.stdout.write("Demo users not created (DEBUG is off; --with-users creates them).")
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))

    def load_home(self):
        root = Page.get_first_root_node()
        site = Site.objects.filter(is_default_site=True).first()
        # Wagtail starts with a placeholder "Welcome" page; the home page replaces it.
        placeholders = root.get_children().exact_type(Page)
        if placeholders.exists():
            if site:
                site.root_page = root  # so that removing the placeholder keeps the site
                site.save()
            for placeholder in placeholders:
                placeholder.delete()

        source = Locale.get_default()
        home = HomePage.objects.filter(locale=source).first()
        if home is None:
            data = content.HOME
            alt = "An illustrated landscape of green hills under a warm sun."
            home = HomePage(
                title=data["title"],
                slug="home",
                locale=source,
                mission=data["mission"],
                introduction=data["introduction"],
                vision=data["vision"],
                image=demo_image("Students in a school garden", draw_landscape("home"), alt),
                image_alt_text=alt,
                objectives=[("objective", text) for text in data["objectives"]],
                core_values=[
                    ("value", {"title": title, "description": description})
                    for title, description in data["core_values"]
                ],
                key_areas_introduction=data["key_areas_introduction"],
            )
            root.add_child(instance=home)
            home.save_revision().publish()
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "root_page": home,
                "site_name": settings.WAGTAIL_SITE_NAME,
            },
        )
        return home

    def load_key_areas(self, home):
        data = content.KEY_AREAS_INDEX
        index = publish_child(
            home,
            KeyAreaIndexPage(
                title=data["title"], slug=data["slug"], introduction=data["introduction"]
            ),
        )
        alt = "An illustrated landscape of hills under a sun."
        for area in content.KEY_AREAS:
            body = [("paragraph", "".join(f"<p>{text}</p>" for text in area["body"]))]
            if "quote" in area:
                quote, attribution = area["quote"]
                body.append(("quote", {"quote": quote, "attribution": attribution, "role": ""}))
            if "figures" in area:
                body.append(
                    (
                        "key_figures",
                        {
                            "heading": "",
                            "figures": [
                                {"figure": figure, "label": label}
                                for figure, label in area["figures"]
                            ],
                        },
                    )
                )
            publish_child(
                index,
                KeyAreaPage(
                    title=area["title"],
                    slug=area["slug"],
                    summary=area["summary"],
                    image=demo_image(area["title"], draw_landscape(area["slug"]), alt),
                    image_alt_text=alt,
                    body=body,
                ),
            )

    def load_what_we_do(self, home):
        data = content.WHAT_WE_DO
        alt = "An illustrated landscape with a rising sun."
        body = []
        for block_type, value in data["body"]:
            if block_type == "heading":
                value = {"text": value, "level": "h2"}
            elif block_type == "quote":
                value = {"quote": value, "attribution": "", "role": ""}
            body.append((block_type, value))
        page = publish_child(
            home,
            StandardPage(
                title=data["title"],
                slug=data["slug"],
                introduction=data["introduction"],
                image=demo_image("Public education", draw_landscape("what-we-do"), alt),
                image_alt_text=alt,
                body=body,
            ),
        )
        if not home.call_to_action or not home.call_to_action[0].value["page"]:
            cta = content.HOME["call_to_action"]
            home.call_to_action = [("call_to_action", {**cta, "page": page, "external_url": ""})]
            home.save_revision().publish()

    def load_site_settings(self, home, menu_pages, footer_pages):
        if SiteSettings.objects.filter(locale=home.locale).exists():
            return
        site_settings = SiteSettings(
            locale=home.locale,
            **content.ORGANISATION,
            logo=demo_image("Network logo", draw_logo(content.ORGANISATION["short_name"])),
            default_share_image=demo_image(
                "Sharing image", draw_landscape("share", 1200, 630), "The network's emblem."
            ),
            main_menu=[
                ("link", {"page": page, "external_url": "", "label": ""}) for page in menu_pages
            ],
            footer_menu=[
                ("link", {"page": page, "external_url": "", "label": ""}) for page in footer_pages
            ],
            social_links=[
                ("link", {"network": network, "url": url, "label": ""})
                for network, url in content.SOCIAL_LINKS
            ],
        )
        site_settings.save()
        site_settings.save_revision().publish()

    def load_translations(self, home):
        """
        Publish every demo page and the site settings in the other languages, from the
        translations in demo/translations/. Existing translations are kept.
        """
        locales = Locale.objects.exclude(pk=home.locale_id)
        for source in translation_sources(home):
            missing = [locale for locale in locales if not source.has_translation(locale)]
            if missing:
                publish_translations(source, missing)
        texts = demo_texts(home)
        for locale in locales:
            untranslated = untranslated_texts(texts, locale.language_code)
            if untranslated:
                self.stdout.write(
                    self.style.WARNING(
                        f"{len(untranslated)} demo texts have no {locale.language_code} "
                        f"translation yet and show in English: {untranslated}"
                    )
                )

    def load_users(self):
        User = get_user_model()
        for username, password, (first_name, last_name), language, groups in content.DEMO_USERS:
            if User.objects.filter(username=username).exists():
                continue
            user = User.objects.create_user(
                username=username,
                password=password,
                email=f"{username}@example.org",
                first_name=first_name,
                last_name=last_name,
                is_superuser=not groups,
                is_staff=not groups,
            )
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save()
            user.groups.add(*Group.objects.filter(name__in=groups))
