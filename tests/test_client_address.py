"""
The reader's address behind the proxies in front of the site: TRUSTED_PROXY_COUNT entries
from the right of X-Forwarded-For, and nothing a client wrote there itself.
"""

import pytest
from django.test import RequestFactory

from serving.client import client_ip

# What gunicorn sees as the connection's address: the nearest proxy (Varnish).
NEAREST = "10.0.0.9"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "address"),
    [
        # No proxy: the connection's own address; a header nobody in front wrote is a lie.
        (0, "", NEAREST),
        (0, "198.51.100.7", NEAREST),
        # One proxy (a CDN, or nginx alone) adds the reader's address last.
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "192.0.2.66, 203.0.113.5", "203.0.113.5"),
        # The reference chain: the TLS terminator adds the reader, Varnish the terminator.
        (2, "203.0.113.5, 127.0.0.1", "203.0.113.5"),
        (2, "192.0.2.66, 192.0.2.67, 203.0.113.5, 127.0.0.1", "203.0.113.5"),
        (2, " 2001:db8::5 ,127.0.0.1", "2001:db8::5"),
        # Through Varnish alone (a probe on the machine): the first address written.
        (2, "127.0.0.1", "127.0.0.1"),
        # What a proxy never writes is not an address.
        (2, "unknown, 127.0.0.1", NEAREST),
        (2, "", NEAREST),
    ],
)
def test_the_address_is_counted_from_the_right(settings, proxies, forwarded, address):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=NEAREST, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == address


def test_forged_entries_never_change_the_address(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    addresses = {
        client_ip(
            RequestFactory().get(
                "/",
                REMOTE_ADDR=NEAREST,
                HTTP_X_FORWARDED_FOR=f"192.0.2.{forged}, 203.0.113.5, 127.0.0.1",
            )
        )
        for forged in range(20)
    }
    assert addresses == {"203.0.113.5"}
