"""Reading the HTML the site serves, as a browser would."""

from urllib.parse import urlparse

import html5lib


def parse(content):
    """Parse a page, failing on any HTML parse error."""
    if isinstance(content, bytes):
        content = content.decode()
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(content)


def meta(document, name):
    """The content of <meta name=...> or <meta property=...>, or None."""
    for element in document.iter("meta"):
        if name in (element.get("name"), element.get("property")):
            return element.get("content")
    return None


def links(document, rel):
    return [element for element in document.iter("link") if rel in element.get("rel", "").split()]


def text(element):
    return " ".join("".join(element.itertext()).split())


RESOURCE_ATTRIBUTES = {
    "script": ["src"],
    "link": ["href"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "iframe": ["src"],
    "video": ["src", "poster"],
    "audio": ["src"],
}


def resource_hosts(document):
    """The hosts of everything the page makes a browser load (not links it offers)."""
    hosts = set()
    templates = {id(child) for template in document.iter("template") for child in template.iter()}
    for element in document.iter():
        if element.tag not in RESOURCE_ATTRIBUTES or id(element) in templates:
            continue
        if element.tag == "link" and not {"stylesheet", "icon", "preload", "modulepreload"} & set(
            element.get("rel", "").split()
        ):
            continue
        for attribute in RESOURCE_ATTRIBUTES[element.tag]:
            for candidate in (element.get(attribute) or "").split(","):
                if candidate.strip():
                    hosts.add(urlparse(candidate.strip().split()[0]).netloc)
    return hosts
