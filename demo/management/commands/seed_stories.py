"""
Add many published stories, copied from the demo's, to see how the site behaves with a
large archive: `python manage.py seed_stories --count 5000 --translate`.

Stories are written in bulk (a few statements per thousand pages rather than Wagtail's
page-by-page saves), with their key areas, topics and images, and indexed for search.
They have no revisions: they are for measuring, not for editing.
"""

import datetime
import uuid
from itertools import cycle

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from stories.models import StoryIndexPage, StoryPage

BATCH = 1000
STEP_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP_LENGTH = 4


def step(number):
    """A treebeard path step: `number` in base 36, four characters long."""
    digits = ""
    while number:
        number, remainder = divmod(number, len(STEP_ALPHABET))
        digits = STEP_ALPHABET[remainder] + digits
    return digits.rjust(STEP_LENGTH, "0")


class Command(BaseCommand):
    help = "Add published stories copied from the demo stories, in bulk."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True)
        parser.add_argument(
            "--translate",
            action="store_true",
            help="Also add each story's translation in every language the demo story has.",
        )

    def handle(self, count, translate, **options):
        sources = list(StoryPage.objects.live().filter(locale__language_code="en").order_by("path"))
        if not sources:
            raise CommandError("Load the demo first: python manage.py load_demo")
        with transaction.atomic():
            added = self.seed(sources, count, translate)
        cache.clear()
        self.stdout.write(f"Added {added} story pages.")

    def seed(self, sources, count, translate):
        today = timezone.localdate()
        now = timezone.now()
        languages = {}  # language code -> (index, [(source story, new key, day)])
        versions = {
            source.pk: [source, *(source.get_translations().live().specific() if translate else [])]
            for source in sources
        }
        for version in [version for source in sources for version in versions[source.pk]]:
            code = version.locale.language_code
            if code not in languages:
                languages[code] = (version.get_parent().specific, [])
        for number, source in zip(range(count), cycle(sources), strict=False):
            key = uuid.uuid4()
            day = today - datetime.timedelta(days=number % 3650)
            for version in versions[source.pk]:
                languages[version.locale.language_code][1].append((version, key, day))
        added = 0
        for index, stories in languages.values():
            added += self.add_children(index, stories, now)
        return added

    def add_children(self, index: StoryIndexPage, stories, now):
        last = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1).aggregate(
            Max("path")
        )["path__max"]
        first_step = int(last[-STEP_LENGTH:], 36) + 1 if last else 1
        content_type = ContentType.objects.get_for_model(StoryPage)
        pages = []
        for offset, (source, key, _day) in enumerate(stories):
            slug = f"{source.slug}-{first_step + offset}"
            published = now - datetime.timedelta(seconds=len(stories) - offset)
            pages.append(
                Page(
                    path=index.path + step(first_step + offset),
                    depth=index.depth + 1,
                    numchild=0,
                    translation_key=key,
                    locale_id=index.locale_id,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    title=source.title,
                    draft_title=source.title,
                    slug=slug,
                    url_path=f"{index.url_path}{slug}/",
                    content_type=content_type,
                    seo_title=source.seo_title,
                    search_description=source.search_description,
                )
            )
        for start in range(0, len(pages), BATCH):
            Page.objects.bulk_create(pages[start : start + BATCH])
        created = Page.objects.filter(
            path__in=[page.path for page in pages], depth=index.depth + 1
        ).values_list("path", "id")
        ids = dict(created)
        self.insert_story_rows(
            [
                (ids[page.path], source, day)
                for page, (source, _key, day) in zip(pages, stories, strict=True)
            ]
        )
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + len(pages))
        index.numchild += len(pages)
        new_stories = list(StoryPage.objects.filter(pk__in=ids.values()))
        get_search_backend().add_bulk(StoryPage, new_stories)
        return len(pages)

    def insert_story_rows(self, rows):
        """Each story's own columns, key areas and topics, copied from its source story."""
        fields = StoryPage._meta.local_concrete_fields
        table = connection.ops.quote_name(StoryPage._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        placeholders = ", ".join(["%s"] * len(fields))
        copied = {}
        values, key_areas, topics = [], [], []
        for page_id, source, day in rows:
            if source.pk not in copied:
                copied[source.pk] = (
                    {field.name: field.value_from_object(source) for field in fields},
                    list(source.key_areas.values_list("pk", flat=True)),
                    list(source.topics.values_list("pk", flat=True)),
                )
            columns_of_source, area_ids, topic_ids = copied[source.pk]
            own = {**columns_of_source, "page_ptr": page_id, "date": day}
            values.append([field.get_db_prep_save(own[field.name], connection) for field in fields])
            key_areas += [
                StoryPage.key_areas.through(storypage_id=page_id, keyareapage_id=area_id)
                for area_id in area_ids
            ]
            topics += [
                StoryPage.topics.through(storypage_id=page_id, topic_id=topic_id)
                for topic_id in topic_ids
            ]
        with connection.cursor() as cursor:
            for start in range(0, len(values), BATCH):
                cursor.executemany(
                    f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",
                    values[start : start + BATCH],
                )
        StoryPage.key_areas.through.objects.bulk_create(key_areas, batch_size=BATCH)
        StoryPage.topics.through.objects.bulk_create(topics, batch_size=BATCH)
