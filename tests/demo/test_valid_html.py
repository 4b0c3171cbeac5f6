"""
The W3C Nu HTML checker finds no error on one page of every type, in English and in
Arabic. `make test` installs it (vnu.jar from npm, pinned in the Makefile) and Java.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.pages import SEARCH_WORDS, audited_urls

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

CHECKER = Path(__file__).resolve().parents[2] / "var"


def checker_command():
    jars = sorted(CHECKER.glob("vnu-*/node_modules/vnu-jar/build/dist/vnu.jar"))
    if not jars or not shutil.which("java"):
        message = "The Nu HTML checker is not installed: `make test` installs it."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return ["java", "-jar", str(jars[-1]), "--format", "json", "--errors-only"]


def nu_errors(documents, directory):
    """The checker's errors for each {url: html} document, as 'url line: message'."""
    files = {}
    for number, (url, html) in enumerate(documents.items()):
        path = directory / f"{number}.html"
        path.write_bytes(html)
        files[path.name] = url
    result = subprocess.run(
        [*checker_command(), *(str(path) for path in directory.glob("*.html"))],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{files.get(message.get('url', '').rsplit('/', 1)[-1], message.get('url'))} "
        f"{message.get('lastLine')}: {message['message']}"
        for message in messages
        if message["type"] in ("error", "non-document-error")
    ]


def test_every_page_type_is_valid_html_in_english_and_arabic(client, tmp_path):
    documents = {}
    for language in SEARCH_WORDS:
        for url in [*audited_urls(language), f"/{language}/no-such-page/"]:
            response = client.get(url)
            assert response.status_code in (200, 404), url
            documents[url] = response.content
    assert len(documents) == 34
    assert nu_errors(documents, tmp_path) == []


def test_the_checker_finds_real_errors(tmp_path):
    page = b"<!DOCTYPE html><html lang='en'><title>x</title><ul><div>x</div></ul></html>"
    assert nu_errors({"/broken/": page}, tmp_path) == [
        "/broken/ 1: Element \u201cdiv\u201d not allowed as child of element \u201cul\u201d "
        "in this context. (Suppressing further errors from this subtree.)"
    ]
