"""Reading the HTML the site serves, as a browser would."""

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
