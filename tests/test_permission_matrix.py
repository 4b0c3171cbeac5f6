"""
Who can do what, in which language, through the real admin views; and what the public
sees afterwards. Each cell is one role doing one action on the "What we do" page (or the
Site settings) in one language:

- LIVE: the action is accepted and readers see its effect;
- DRAFT: the action is accepted, and nothing public changes (a draft, a submission);
- NO: the action is refused, nothing is stored, and the public site is byte-for-byte
  unchanged.

The roles table in docs/roles.md is rendered from ROLES_TABLE and checked against it here too.
"""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.views.edit_translation import apply_machine_translation

from home.models import HomePage, StandardPage
from site_settings.models import SiteSettings
from tests.admin import edit_form_data, page_edit_data
from tests.factories import ImageFactory
from tests.translating import (
    current_translation,
    publish_in_editor,
    put_string,
    segments,
    set_string,
    translation_of,
)

pytestmark = pytest.mark.django_db

LIVE, DRAFT, NO, NONE = "live", "draft", "no", "—"
LANGUAGES = ["en", "es", "fr", "ar"]
ROLES = ["editor", "moderator", "translator-es", "translator-fr", "translator-ar"]
NEW_TEXT = "Rewritten while testing who may do what."


def row(*outcomes):
    return dict(zip(LANGUAGES, outcomes, strict=True))


def own_language(language, outcome, others=NO):
    return row(*(outcome if code == language else others for code in LANGUAGES))


def translators(outcome, source=NO, others=NO):
    return {
        f"translator-{code}": {**own_language(code, outcome, others), "en": source}
        for code in ("es", "fr", "ar")
    }


ROLES_TABLE = {
    "open the editor": {
        "editor": row(DRAFT, DRAFT, DRAFT, DRAFT),
        "moderator": row(DRAFT, DRAFT, DRAFT, DRAFT),
        **translators(DRAFT),
    },
    "save a draft": {
        "editor": row(DRAFT, DRAFT, DRAFT, DRAFT),
        "moderator": row(DRAFT, DRAFT, DRAFT, DRAFT),
        **translators(DRAFT),
    },
    "publish": {
        "editor": row(DRAFT, NO, NO, NO),
        "moderator": row(LIVE, LIVE, LIVE, LIVE),
        **translators(LIVE),
    },
    "sync translations and publish": {
        "editor": row(NONE, NO, NO, NO),
        "moderator": row(NONE, LIVE, LIVE, LIVE),
        **translators(NO, source=NONE),
    },
    "update one language from its source": {
        "editor": row(NONE, DRAFT, DRAFT, DRAFT),
        "moderator": row(NONE, DRAFT, DRAFT, DRAFT),
        **translators(DRAFT, source=NONE),
    },
    "submit for translation": {
        "editor": row(NONE, DRAFT, DRAFT, DRAFT),
        "moderator": row(NONE, DRAFT, DRAFT, DRAFT),
        **translators(DRAFT, source=NONE),
    },
    "unpublish": {
        "editor": row(NO, NO, NO, NO),
        "moderator": row(LIVE, LIVE, LIVE, LIVE),
        **translators(LIVE),
    },
    "revert to an earlier version and publish": {
        "editor": row(DRAFT, DRAFT, DRAFT, DRAFT),
        "moderator": row(LIVE, LIVE, LIVE, LIVE),
        **translators(LIVE),
    },
    "delete": {
        "editor": row(NO, NO, NO, NO),
        "moderator": row(LIVE, LIVE, LIVE, LIVE),
        **translators(NO, others=NO),
    },
    "move": {
        "editor": row(NO, NO, NO, NO),
        "moderator": row(LIVE, LIVE, LIVE, LIVE),
        **translators(NO, others=NO),
    },
    "change and publish Site settings": {
        "editor": row(DRAFT, NO, NO, NO),
        "moderator": row(LIVE, LIVE, LIVE, LIVE),
        **translators(LIVE),
    },
}


def roles_table_markdown():
    """The roles table: one row per action, one column per role, languages in the cells."""
    words = {LIVE: "**live**", DRAFT: "draft", NO: "no"}
    lines = [
        "| action | " + " | ".join(f"`{role}`" for role in ROLES) + " |",
        "|---" * (len(ROLES) + 1) + "|",
    ]
    for action, outcomes in ROLES_TABLE.items():
        cells = []
        for role in ROLES:
            languages = {outcome: [] for outcome in words}
            for language in LANGUAGES:
                if outcomes[role][language] != NONE:
                    languages[outcomes[role][language]].append(language)
            used = [(outcome, codes) for outcome, codes in languages.items() if codes]
            if len(used) == 1 and len(used[0][1]) == len(LANGUAGES):
                cells.append(words[used[0][0]])
            else:
                cells.append(
                    ", ".join(f"{words[outcome]} ({' '.join(codes)})" for outcome, codes in used)
                )
        lines.append(f"| {action} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def test_the_roles_page_shows_this_table():
    readme = (Path(__file__).parent.parent / "docs" / "roles.md").read_text()
    assert roles_table_markdown() in readme, roles_table_markdown()


CELLS = [
    (action, role, language)
    for action, outcomes in ROLES_TABLE.items()
    for role in ROLES
    for language in LANGUAGES
    if outcomes[role][language] != NONE
]


@pytest.fixture
def admin():
    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


def what_we_do(language):
    english = StandardPage.objects.get(locale__language_code="en", slug="what-we-do")
    return english.get_translation(Locale.objects.get(language_code=language))


def public(*urls):
    """What an anonymous reader gets at `urls`: status and bytes."""
    reader = Client()
    seen = {}
    for url in urls:
        response = reader.get(url)
        seen[url] = (response.status_code, response.content)
    return seen


def watched_urls(language):
    urls = [what_we_do(code).url for code in LANGUAGES]
    return [*urls, HomePage.objects.get(locale__language_code=language).url]


def refused(response):
    """Wagtail answers a refused admin request by sending the user to the dashboard."""
    if response.status_code == 302:
        return response["Location"] == "/admin/"
    return response.status_code in (200, 403)


class Action:
    """One row of the table: how to set it up, do it, and tell its effect."""

    def __init__(self, page, admin, user, client):
        self.page = page
        self.admin = admin
        self.user = user
        self.client = client
        self.language = page.locale.language_code

    def prepare(self):
        pass

    def draft_stored(self):
        return False

    def latest_revision(self):
        return Page.objects.get(pk=self.page.pk).get_latest_revision()

    def live_effect(self):
        raise NotImplementedError


class OpenEditor(Action):
    def run(self):
        return self.client.get(reverse("wagtailadmin_pages:edit", args=[self.page.pk]))

    def draft_stored(self):
        return self.response.status_code == 200


class SaveDraft(Action):
    def run(self):
        if self.language == "en":
            data = page_edit_data(self.admin, self.page, introduction=NEW_TEXT)
            return self.client.post(reverse("wagtailadmin_pages:edit", args=[self.page.pk]), data)
        translation = translation_of(self.page)
        self.segment = segments(translation, "introduction")[0]
        return put_string(self.client, translation, self.segment, NEW_TEXT)

    def draft_stored(self):
        if self.language == "en":
            return NEW_TEXT in self.latest_revision().content["introduction"]
        return current_translation(translation_of(self.page), self.segment) == NEW_TEXT


class Publish(Action):
    def prepare(self):
        if self.language != "en":
            translation = translation_of(self.page)
            set_string(translation, segments(translation, "introduction")[0], NEW_TEXT)

    def run(self):
        if self.language == "en":
            data = page_edit_data(self.admin, self.page, introduction=NEW_TEXT)
            data["action-publish"] = "action-publish"
            return self.client.post(reverse("wagtailadmin_pages:edit", args=[self.page.pk]), data)
        return publish_in_editor(self.client, self.page)

    def draft_stored(self):
        latest = self.latest_revision()
        return self.language == "en" and NEW_TEXT in latest.content["introduction"]

    def live_effect(self):
        return NEW_TEXT in public(self.page.url)[self.page.url][1].decode()


class SyncAndPublish(Action):
    """The English page gets a new image; "Sync translated pages" with "Publish"."""

    def prepare(self):
        english = what_we_do("en")
        self.image = ImageFactory()
        english.image = self.image
        english.save_revision().publish()
        self.source = TranslationSource.objects.get(object_id=english.translation_key)

    def run(self):
        url = reverse("wagtail_localize:update_translations", args=[self.source.pk])
        return self.client.post(url, {"publish_translations": "on"})

    def live_effect(self):
        return StandardPage.objects.get(pk=self.page.pk).image_id == self.image.pk


class SubmitForTranslation(Action):
    """A new English page, translated into the cell's language."""

    def prepare(self):
        home = HomePage.objects.get(locale__language_code="en")
        self.new_page = StandardPage(title="Fresh page", slug="fresh-page")
        home.add_child(instance=self.new_page)
        self.new_page.save_revision().publish()
        self.locale = self.page.locale

    def run(self):
        url = reverse("wagtail_localize:submit_page_translation", args=[self.new_page.pk])
        return self.client.post(url, {"locales": [self.locale.pk]})

    def draft_stored(self):
        translation = self.new_page.get_translation_or_none(self.locale)
        return translation is not None and not translation.live


class Unpublish(Action):
    def run(self):
        return self.client.post(reverse("wagtailadmin_pages:unpublish", args=[self.page.pk]))

    def live_effect(self):
        return public(self.page.url)[self.page.url][0] == 404


class RevertAndPublish(Action):
    """The page was rewritten and published; the role reverts it to the version before."""

    def prepare(self):
        # A translation that is no longer synced is edited, and reverted, like any page.
        Translation.objects.filter(
            source__object_id=self.page.translation_key, target_locale=self.page.locale
        ).update(enabled=False)
        self.earlier = self.page.get_latest_revision()
        self.page.introduction = NEW_TEXT
        self.page.save_revision().publish()

    def run(self):
        url = reverse("wagtailadmin_pages:revisions_revert", args=[self.page.pk, self.earlier.pk])
        data = edit_form_data(
            self.admin.get(url), self.earlier.as_object(), form_id="page-edit-form"
        )
        data["action-publish"] = "action-publish"
        return self.client.post(url, data)

    def draft_stored(self):
        return NEW_TEXT not in self.latest_revision().content["introduction"]

    def live_effect(self):
        return NEW_TEXT not in public(self.page.url)[self.page.url][1].decode()


class Delete(Action):
    def run(self):
        return self.client.post(reverse("wagtailadmin_pages:delete", args=[self.page.pk]))

    def live_effect(self):
        gone = not Page.objects.filter(pk=self.page.pk).exists()
        return gone and public(self.page.url)[self.page.url][0] == 404


class Move(Action):
    """Under another standard page of the same language."""

    def prepare(self):
        home = HomePage.objects.get(locale=self.page.locale)
        self.destination = StandardPage(title="Elsewhere", slug="elsewhere", locale=home.locale)
        home.add_child(instance=self.destination)
        self.destination.save_revision().publish()

    def run(self):
        url = reverse("wagtailadmin_pages:move_confirm", args=[self.page.pk, self.destination.pk])
        return self.client.post(url)

    def live_effect(self):
        moved = Page.objects.get(pk=self.page.pk)
        return (
            moved.get_parent().pk == self.destination.pk and public(moved.url)[moved.url][0] == 200
        )


class ChangeSiteSettings(Action):
    def prepare(self):
        self.settings = SiteSettings.objects.get(locale=self.page.locale)
        if self.language != "en":
            translation = translation_of(self.settings)
            set_string(translation, segments(translation, "tagline")[0], NEW_TEXT)

    def run(self):
        if self.language != "en":
            return publish_in_editor(self.client, self.settings)
        url = reverse("wagtailsnippets_common_sitesettings:edit", args=[self.settings.pk])
        data = edit_form_data(self.admin.get(url), self.settings, tagline=NEW_TEXT)
        data["action-publish"] = "action-publish"
        return self.client.post(url, data)

    def draft_stored(self):
        latest = SiteSettings.objects.get(pk=self.settings.pk).get_latest_revision()
        return latest is not None and latest.content["tagline"] == NEW_TEXT

    def live_effect(self):
        home = HomePage.objects.get(locale=self.page.locale).url
        return NEW_TEXT in public(home)[home][1].decode()


class UpdateOneLanguage(Action):
    """The English page changes; "Update" brings the new text to one language's translator."""

    def prepare(self):
        english = what_we_do("en")
        english.introduction = NEW_TEXT
        english.save_revision().publish()

    def run(self):
        translation = translation_of(self.page)
        return self.client.post(reverse("update_translation", args=[translation.pk]))

    def draft_stored(self):
        return NEW_TEXT in translation_of(self.page).source.content_json


ACTIONS = {
    "open the editor": OpenEditor,
    "save a draft": SaveDraft,
    "publish": Publish,
    "sync translations and publish": SyncAndPublish,
    "update one language from its source": UpdateOneLanguage,
    "submit for translation": SubmitForTranslation,
    "unpublish": Unpublish,
    "revert to an earlier version and publish": RevertAndPublish,
    "delete": Delete,
    "move": Move,
    "change and publish Site settings": ChangeSiteSettings,
}


def check_cell(action, role, language, admin, client, prepare=None):
    user = get_user_model().objects.get(username=role)
    client.force_login(user)
    cell = ACTIONS[action](what_we_do(language), admin, user, client)
    cell.prepare()
    if prepare:
        prepare(cell)
    before = public(*watched_urls(language))

    cell.response = response = cell.run()
    assert response.status_code < 500
    expected = ROLES_TABLE[action][role][language]
    if expected == LIVE:
        assert response.status_code == 302 and response["Location"] != "/admin/"
        assert cell.live_effect(), (action, role, language)
    else:
        assert public(*watched_urls(language)) == before
        if expected == DRAFT:
            assert cell.draft_stored(), (action, role, language, response.status_code)
        else:
            assert refused(response), (response.status_code, response.get("Location"))
            assert not cell.draft_stored()


@pytest.mark.parametrize(("action", "role", "language"), CELLS)
def test_who_may_do_what(action, role, language, admin, client):
    check_cell(action, role, language, admin, client)


def drafted_by_machine(instance, path):
    """The text at `path` of `instance`'s translation, drafted anew by the machine translator."""
    translation = translation_of(instance)
    segment = segments(translation, path)[0]
    StringTranslation.objects.filter(
        translation_of=segment.string, locale=translation.target_locale, context=segment.context
    ).delete()
    admin = get_user_model().objects.get(username="admin")
    assert apply_machine_translation(translation.pk, admin, get_machine_translator())


def with_deepl_drafts(cell):
    drafted_by_machine(cell.page, "introduction")
    drafted_by_machine(SiteSettings.objects.get(locale=cell.page.locale), "tagline")


MACHINE_TEXT_ACTIONS = {
    "publish",
    "sync translations and publish",
    "change and publish Site settings",
}
REFUSED_WITH_MACHINE_TEXT = [
    (action, role, language)
    for action, role, language in CELLS
    if language != "en"
    and action in MACHINE_TEXT_ACTIONS
    and ROLES_TABLE[action][role][language] == NO
]


@pytest.mark.parametrize(("action", "role", "language"), REFUSED_WITH_MACHINE_TEXT)
def test_refusals_hold_with_deepl_drafts_in_the_page(action, role, language, admin, client, deepl):
    check_cell(action, role, language, admin, client, prepare=with_deepl_drafts)
    assert deepl.requests
