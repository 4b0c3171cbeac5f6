# Varnish in front of Network Site: the reference deployment of its page cache.
#
# The site says what may be cached (Cache-Control: public, s-maxage, stale-while-revalidate,
# stale-if-error) and purges what changes: on publishing, it sends PURGE for each address
# that shows the change (FRONTEND_CACHE_PURGE_URL points here), or `/<language>/*` for a
# whole language. A purge takes every query string of an address with it.
#
# It sits behind the TLS terminator (deploy/nginx.conf), which adds the reader's address to
# X-Forwarded-For and sets X-Forwarded-Proto; Varnish adds the terminator's address, so
# the site counts two proxies in front of it (TRUSTED_PROXY_COUNT=2). Only what readers
# asked for over HTTPS is cached: anything else goes to the site, which redirects it.
#
# Set the backend to where gunicorn listens (two gunicorn servers on one machine share
# its port); allow purges only from the site's hosts.

vcl 4.1;

import std;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    # The site answers this before any host check or HTTPS redirect, and whatever the
    # database does: while it is away the site still serves what it has cached, and the
    # others get its own "back soon" page.
    .probe = {
        .url = "/health/live/";
        .interval = 1s;
        .timeout = 2s;
        .window = 3;
        .threshold = 2;
    }
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is not allowed from here"));
        }
        if (req.url ~ "\*$") {
            ban("obj.http.x-url ~ ^" + regsub(req.url, "\*$", ""));
        } else {
            ban("obj.http.x-path == " + regsub(req.url, "\?.*$", ""));
        }
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents)/") {
        return (pass);
    }
    # Plain HTTP (from something on this machine, past the terminator): the site redirects
    # it to HTTPS, and that answer is nobody else's.
    if (req.http.X-Forwarded-Proto != "https") {
        return (pass);
    }
    # Signed-in people have a session and see fresh pages. Otherwise the site reads only
    # the CSRF secret of a public form a reader has open (those pages are never cached,
    # and a form opened in two tabs must still send); the language choice only matters
    # on "/", which redirects. The cookie never splits the cache: it is not in the hash.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)csrftoken=") {
        set req.http.Cookie = regsub(req.http.Cookie, "^(.*;\s*)?(csrftoken=[^;]*).*$", "\2");
    } else {
        unset req.http.Cookie;
    }
    unset req.http.Authorization;
    # While the site answers, a page past its time is served for at most a minute more
    # while a fresh copy is fetched; while it does not, for as long as the copy is kept.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 60s;
    }
    return (hash);
}

sub vcl_backend_response {
    # What purges match on, kept with each copy (and not sent to readers).
    set beresp.http.x-url = bereq.url;
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
    # As long as the site's stale-if-error allows.
    set beresp.grace = 7d;
}

sub vcl_deliver {
    unset resp.http.x-url;
    unset resp.http.x-path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
