from django.conf import settings


def client_ip(request):
    """
    The address a request came from. Behind the TLS proxy the site is told to trust
    (SECURE_PROXY_SSL_HEADER), that is the last address the proxy added to
    X-Forwarded-For; a client cannot forge it, whatever it put there itself.
    """
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and forwarded:
        return forwarded.rsplit(",", 1)[-1].strip()
    return request.META.get("REMOTE_ADDR")
