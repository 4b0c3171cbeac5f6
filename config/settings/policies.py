"""What browsers may load and do on the site's pages, and in the admin."""

from urllib.parse import urlsplit

from .storage import MEDIA_URL

# The public pages load nothing from other hosts but the video players readers ask for,
# and uploaded media where MEDIA_URL points at another host (object storage, a CDN).
MEDIA_ORIGIN = urlsplit(MEDIA_URL)._replace(path="", query="", fragment="").geturl()
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "media-src": ["'self'", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
ADMIN_PATH = "/admin/"
# The admin: what Wagtail's admin needs, enforced (its pages still carry inline scripts,
# event handlers and styles, so those are allowed, but nothing from another host is); and
# the strict policy of the public pages as report-only, so browsers log where the admin
# would break it.
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "media-src": ["'self'", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
    "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
ADMIN_CONTENT_SECURITY_POLICY_REPORT_ONLY = {
    **ADMIN_CONTENT_SECURITY_POLICY,
    "script-src": ["'self'"],
    "style-src": ["'self'"],
}

# Browser features no page here uses are switched off; the video players readers start
# may go full screen and play.
VIDEO_PLAYERS = ['"https://www.youtube-nocookie.com"', '"https://player.vimeo.com"']
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": ["self", *VIDEO_PLAYERS],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": ["self", *VIDEO_PLAYERS],
    "fullscreen": ["self", *VIDEO_PLAYERS],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": ["self", *VIDEO_PLAYERS],
    "usb": [],
    "web-share": ["self"],
}
