from urllib.parse import unquote, urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext

from serving.cache import forget


def render_queries(client, url):
    """
    How many SQL queries a page makes when it is not in the page cache, once its image
    renditions and the fragments its language shares exist.
    """
    return len(rendered_sql(client, url))


def rendered_sql(client, url):
    """The SQL of those queries."""
    path = unquote(urlsplit(url).path)
    forget(paths=[path])
    client.get(url)
    forget(paths=[path])
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries]
