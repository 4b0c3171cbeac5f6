from django.db import connection
from django.test.utils import CaptureQueriesContext


def render_queries(client, url):
    """How many SQL queries a page makes, once its image renditions exist."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)
