"""
Tags were shared by every language; they become topics, a snippet each language
translates. Each tag becomes a topic of the source language (a topic with its slug is
reused, so translations made earlier are kept), and every story, revision and
translation source points at the topics instead of the tags. Migrating back turns the
topics into tags again.
"""

import modelcluster.fields
from django.conf import settings
from django.db import migrations

import topics.models
from content_migrations.operations import DEPENDENCY, rewrite_stored_content


def tags_to_topics(apps, schema_editor):
    StoryTag = apps.get_model("stories", "StoryTag")
    Tag = apps.get_model("taggit", "Tag")
    Topic = apps.get_model("topics", "Topic")
    Locale = apps.get_model("wagtailcore", "Locale")
    StoryPage = apps.get_model("stories", "StoryPage")
    source = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    used = Tag.objects.filter(pk__in=StoryTag.objects.values("tag"))
    if source is None or not used.exists():
        return
    topic_of_tag = {
        tag.pk: Topic.objects.get_or_create(
            locale=source, slug=tag.slug, defaults={"name": tag.name}
        )[0].pk
        for tag in used
    }
    StoryPage.topics.through.objects.bulk_create(
        StoryPage.topics.through(storypage_id=item.content_object_id, topic_id=topic_of_tag[item.tag_id])
        for item in StoryTag.objects.all()
    )

    def rewrite(content):
        items = content.pop("tagged_items", [])
        content["topics"] = [topic_of_tag[item["tag"]] for item in items if item["tag"] in topic_of_tag]
        return content

    rewrite_stored_content(apps, "stories", "StoryPage", rewrite)


def topics_to_tags(apps, schema_editor):
    StoryTag = apps.get_model("stories", "StoryTag")
    Tag = apps.get_model("taggit", "Tag")
    Topic = apps.get_model("topics", "Topic")
    StoryPage = apps.get_model("stories", "StoryPage")
    links = StoryPage.topics.through.objects.all()
    tag_of_topic = {
        topic.pk: Tag.objects.get_or_create(slug=topic.slug, defaults={"name": topic.name})[0].pk
        for topic in Topic.objects.filter(pk__in=links.values("topic"))
    }
    StoryTag.objects.bulk_create(
        StoryTag(content_object_id=link.storypage_id, tag_id=tag_of_topic[link.topic_id])
        for link in links
    )

    def rewrite(content):
        topic_ids = content.pop("topics", [])
        content["tagged_items"] = [
            {"pk": None, "tag": tag_of_topic[topic_id], "content_object": content.get("pk")}
            for topic_id in topic_ids
            if topic_id in tag_of_topic
        ]
        return content

    rewrite_stored_content(apps, "stories", "StoryPage", rewrite)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0006_translatable_labels"),
        ("topics", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        DEPENDENCY,
    ]

    operations = [
        migrations.AddField(
            model_name="storypage",
            name="topics",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                help_text="What the story is about. Each language shows the topics' translations.",
                limit_choices_to=topics.models.in_source_language,
                related_name="stories",
                to="topics.topic",
                verbose_name="Topics",
            ),
        ),
        migrations.RunPython(tags_to_topics, topics_to_tags),
        migrations.RemoveField(model_name="storypage", name="tags"),
        migrations.DeleteModel(name="StoryTag"),
    ]
