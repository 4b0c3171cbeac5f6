"""
Uploaded media: on one machine only renditions are served; in object storage every app
server shares uploads, and documents still go through Wagtail's view, privacy included.
"""

import io
import urllib.error
import urllib.request

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.object_storage import bucket_keys, object_storage, storage_settings  # noqa: F401

pytestmark = pytest.mark.django_db


def png(colour="#2e7d4f", size=(640, 400)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n% a partner school's annual report\n%%EOF\n"


def upload_image(admin_client, name="garden.png"):
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "School garden",
            "file": SimpleUploadedFile(name, png()),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    return get_image_model().objects.latest("pk")


def upload_document(admin_client, collection=None):
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Annual report",
            "file": SimpleUploadedFile("annual-report.pdf", PDF),
            "collection": (collection or Collection.get_first_root_node()).pk,
        },
    )
    assert response.status_code == 302
    return get_document_model().objects.latest("pk")


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def private_collection():
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def test_one_machine_serves_renditions_but_not_originals_or_documents(admin_client):
    client = Client()
    image = upload_image(admin_client)
    rendition = image.get_rendition("fill-200x100")
    assert rendition.url.startswith("/media/images/")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=2592000"
    assert Image.open(io.BytesIO(body(response))).size == (200, 100)

    assert image.file.storage.exists(image.file.name)
    assert client.get(f"/media/{image.file.name}").status_code == 404

    document = upload_document(admin_client)
    assert client.get(f"/media/{document.file.name}").status_code == 404
    served = client.get(document.url)
    assert served.status_code == 200
    assert body(served) == PDF


def test_a_private_document_is_refused_to_the_public(admin_client):
    document = upload_document(admin_client, private_collection())
    response = Client().get(document.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert body(admin_client.get(document.url)) == PDF


@pytest.fixture
def media_in_the_bucket(settings, object_storage):  # noqa: F811
    settings.STORAGES = {**settings.STORAGES, "default": storage_settings(object_storage)}
    return object_storage


def test_in_object_storage_uploads_and_renditions_live_in_the_bucket(
    admin_client, media_in_the_bucket
):
    image = upload_image(admin_client)
    rendition = image.get_rendition("fill-200x100")
    keys = bucket_keys(media_in_the_bucket)
    assert image.file.name in keys
    assert rendition.file.name in keys and rendition.file.name.startswith("images/")

    # Pages link renditions straight to the bucket (or the CDN in front of it).
    assert rendition.url.startswith(f"{media_in_the_bucket}/network-media/images/")
    with urllib.request.urlopen(rendition.url) as answer:
        assert Image.open(io.BytesIO(answer.read())).size == (200, 100)
    # The original stays private to the app, though its address is easy to guess.
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{media_in_the_bucket}/network-media/{image.file.name}")
    assert refused.value.code == 403

    # Two uploads with one name are two files: nothing is overwritten.
    second = upload_image(admin_client)
    assert second.file.name != image.file.name
    assert {image.file.name, second.file.name} <= bucket_keys(media_in_the_bucket)


def test_in_object_storage_documents_go_through_wagtail_with_their_privacy(
    admin_client, media_in_the_bucket
):
    client = Client()
    public = upload_document(admin_client)
    assert public.file.name in bucket_keys(media_in_the_bucket)
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(f"{media_in_the_bucket}/network-media/{public.file.name}")
    served = client.get(public.url)
    assert served.status_code == 200
    assert body(served) == PDF

    private = upload_document(admin_client, private_collection())
    assert client.get(private.url).status_code == 302
    assert body(admin_client.get(private.url)) == PDF
