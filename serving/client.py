import ipaddress

from django.conf import settings


def client_ip(request):
    """
    The reader's address. With TRUSTED_PROXY_COUNT proxies in front of the site, each
    adds the address it was reached from to X-Forwarded-For, so the reader's address is
    that many entries from the right; whatever a client wrote there itself stands further
    left and is never read. A request that passed fewer proxies (a probe on the same
    machine) is known by the first address written.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if proxies and hops:
        address = hops[-proxies] if len(hops) >= proxies else hops[0]
        try:
            return str(ipaddress.ip_address(address))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR")
