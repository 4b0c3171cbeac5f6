"""
make deploy-check: the production recipe (docs/production.md) followed as written, in a fresh clone,
with the reference chain in front of it, and what the site promises checked through it.

On free local ports it starts a PostgreSQL cluster and a Redis of its own, a mail server
(aiosmtpd, which keeps what it is sent), then runs the recipe's "release" and "demo"
blocks command by command and starts the "processes" block's commands as written, the web
server twice (two gunicorn servers share one port). In front: Varnish with
deploy/varnish.vcl as shipped, only its backend port set, and nginx with deploy/nginx.conf,
only its ports, host name and certificate set. The only other things it sets are what the
production manual says an operator sets: the environment. Readers are told apart by the address they
connect from (127.0.0.2, 127.0.0.3, ...), as the TLS terminator sees them.

    python scripts/check_deployment.py
"""

import email
import mailbox
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import requests
import trustme
from requests.adapters import HTTPAdapter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.costly_files import gif_that_unfolds  # noqa: E402
from tests.network import free_port  # noqa: E402

HOST = "127.0.0.1"
DEMO_PASSWORDS = {"admin": "demo-admin", "editor": "demo-editor", "moderator": "demo-moderator"}
AS_ROOT = os.geteuid() == 0


def say(check):
    print(f"✓ {check}", flush=True)


def recipe_blocks():
    """The production recipe (docs/production.md), as {block name: [command, ...]}."""
    readme = (ROOT / "docs" / "production.md").read_text()
    blocks = re.findall(r"<!-- recipe: (\w+) -->\n```sh\n(.*?)```", readme, flags=re.S)
    return {name: [line for line in body.splitlines() if line.strip()] for name, body in blocks}


def wait_until(condition, what, seconds=120):
    deadline = time.monotonic() + seconds
    while True:
        try:
            if condition():
                return
        except (requests.RequestException, OSError):
            pass
        if time.monotonic() > deadline:
            sys.exit(f"Gave up waiting: {what}")
        time.sleep(0.5)


class Services:
    """Everything the check starts, stopped again whatever happens."""

    def __init__(self, directory):
        self.directory = directory
        self.processes = {}

    def start(self, name, command, **options):
        log = open(self.directory / f"{name}.log", "ab")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **options
        )
        self.processes[name] = (process, log)
        return process

    def alive(self, name):
        return self.processes[name][0].poll() is None

    def stop(self, name):
        process, log = self.processes.pop(name)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        log.close()

    def log(self, name):
        return (self.directory / f"{name}.log").read_text(errors="replace")

    def stop_all(self):
        for name in reversed(list(self.processes)):
            self.stop(name)


def as_postgres(command):
    return ["runuser", "-u", "postgres", "--", *command] if AS_ROOT else command


class PostgreSQL:
    """A cluster of the check's own, so that stopping it stops nobody else's database."""

    def __init__(self, directory):
        binaries = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
        self.bin = binaries[-1] if binaries else Path(shutil.which("initdb")).parent
        self.data = directory / "postgresql"
        self.data.mkdir(parents=True)
        if AS_ROOT:
            shutil.chown(directory, "postgres")
            shutil.chown(self.data, "postgres")
        self.port = free_port()
        subprocess.run(
            as_postgres(
                [
                    self.bin / "initdb",
                    "-D",
                    self.data,
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self.url = f"postgres://postgres@{HOST}:{self.port}/network"

    def pg_ctl(self, *arguments):
        options = (
            f"-p {self.port} -c listen_addresses={HOST} -c unix_socket_directories={self.data}"
        )
        command = [self.bin / "pg_ctl", "-D", self.data, "-w", "-o", options, *arguments]
        subprocess.run(as_postgres(command), check=True, stdout=subprocess.DEVNULL)

    def start(self):
        self.pg_ctl("-l", self.data / "server.log", "start")

    def stop(self):
        self.pg_ctl("-m", "fast", "stop")

    def create_database(self):
        subprocess.run(
            [
                "psql",
                f"postgres://postgres@{HOST}:{self.port}/postgres",
                "-qc",
                "CREATE DATABASE network",
            ],
            check=True,
        )


class Reader(requests.Session):
    """A reader's browser, connecting from an address of her own."""

    def __init__(self, address, certificate):
        super().__init__()
        # The chain's own authority, whatever certificate bundle the environment names.
        self.trust_env = False
        self.verify = str(certificate)
        adapter = SourceAddressAdapter(address)
        self.mount("https://", adapter)
        self.mount("http://", adapter)


class SourceAddressAdapter(HTTPAdapter):
    def __init__(self, address):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


class Fields(HTMLParser):
    """The fields of the forms in a page, as a browser would send them."""

    def __init__(self):
        super().__init__()
        self.fields, self.select, self.textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("checkbox", "radio", "file"):
            self.fields.setdefault(name, attrs.get("value") or "")
        elif tag == "select" and name:
            self.select = name
            self.fields.setdefault(name, "")
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields[self.select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self.textarea = name
            self.fields.setdefault(name, "")

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


class Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sources = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.sources.append(dict(attrs)["src"])


def images_of(html):
    parser = Images()
    parser.feed(html)
    return parser.sources


def fields_of(html):
    parser = Fields()
    parser.feed(html)
    return parser.fields


class Site:
    def __init__(self, base, certificate):
        self.base = base
        self.certificate = certificate

    def reader(self, number):
        return Reader(f"127.0.0.{number + 1}", self.certificate)

    def url(self, path):
        return f"{self.base}{path}"

    def sign_in(self, reader, username, password):
        form = reader.get(self.url("/admin/login/"))
        data = {
            **fields_of(form.text),
            "username": username,
            "password": password,
        }
        return reader.post(
            self.url("/admin/login/"),
            data=data,
            headers={"Referer": self.url("/admin/login/")},
            allow_redirects=False,
        )

    def form(self, reader, path):
        """The form at `path`, opened long enough ago for a person to have filled it in."""
        fields = fields_of(reader.get(self.url(path)).text)
        time.sleep(6)  # PUBLIC_FORM_MIN_SECONDS
        return fields

    def send(self, reader, path, data, files=None):
        return reader.post(
            self.url(path),
            data=data,
            files=files,
            headers={"Referer": self.url(path)},
            allow_redirects=False,
        )


STORY = {
    "title": "Solar lamps from bottles",
    "summary": "Pupils built lamps from bottles and light the village at night.",
    "text": "We collected bottles.\n\nNow the lamps light the paths.",
    "place_name": "Kisumu",
    "country": "KE",
    "date": "2026-10-01",
    "name": "Amina Otieno",
    "role": "Teacher",
    "consent": "on",
    "website": "",
}
JOIN = {
    "name": "Kofi Mensah",
    "country": "GH",
    "wants": "news",
    "preferred_language": "en",
    "consent": "on",
    "website": "",
}


def start_mail_server(services, port, maildir):
    """aiosmtpd, keeping each message it takes in a Maildir."""
    command = ["-n", "-l", f"{HOST}:{port}", "-c", "aiosmtpd.handlers.Mailbox", str(maildir)]
    services.start("mail", [sys.executable, "-m", "aiosmtpd", *command])
    wait_until(lambda: connects(port), "the mail server")


def connects(port):
    with socket.create_connection((HOST, port), timeout=1):
        return True


def arrived(directory):
    """{key: (recipients, subject)} of each e-mail the mail server keeps."""
    box = mailbox.Maildir(directory, create=False)
    return {key: (message["To"], message["Subject"]) for key, message in box.items()}


def link_in(directory, to, part):
    box = mailbox.Maildir(directory, create=False)
    for message in box:
        parsed = email.message_from_bytes(message.as_bytes())
        if parsed["To"] != to:
            continue
        body = parsed.get_payload(decode=True).decode()
        for url in re.findall(r"https?://\S+", body):
            if part in url:
                return re.sub(r"^https?://[^/]+", "", url)
    return None


def main():
    blocks = recipe_blocks()
    assert set(blocks) == {"release", "demo", "processes"}, blocks.keys()
    scratch = Path(tempfile.mkdtemp(prefix="deploy-check-"))
    scratch.chmod(0o755)  # PostgreSQL's own user reaches its data inside
    services = Services(scratch)
    try:
        run(blocks, scratch, services)
    except BaseException:
        for name in services.processes:
            print(f"--- the end of {name}'s log:\n{services.log(name)[-3000:]}", file=sys.stderr)
        raise
    finally:
        services.stop_all()
        shutil.rmtree(scratch, ignore_errors=True)
    print("The production recipe and reference chain work as shipped.")


def run(blocks, scratch, services):
    ports = {
        name: free_port() for name in ("gunicorn", "varnish", "https", "http", "redis", "smtp")
    }
    tls_base = f"https://{HOST}:{ports['https']}"

    # The machine's services, as the recipe assumes them: PostgreSQL, Redis, a mail server.
    postgresql = PostgreSQL(scratch / "db")
    postgresql.start()
    postgresql.create_database()
    services.start(
        "redis",
        [
            "redis-server",
            "--port",
            str(ports["redis"]),
            "--bind",
            HOST,
            "--save",
            "",
            "--appendonly",
            "no",
        ],
    )
    maildir = scratch / "mail"
    start_mail_server(services, ports["smtp"], maildir)

    # The certificate the TLS terminator shows, from an authority the readers trust.
    authority = trustme.CA()
    issued = authority.issue_cert(HOST)
    certificate, key, trusted = scratch / "site.pem", scratch / "site.key", scratch / "ca.pem"
    issued.cert_chain_pems[0].write_to_path(str(certificate))
    issued.private_key_pem.write_to_path(str(key))
    authority.cert_pem.write_to_path(str(trusted))

    checkout = scratch / "checkout"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), checkout], check=True)
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", str(checkout)),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "CSRF_TRUSTED_ORIGINS": tls_base,
        "DATABASE_URL": postgresql.url,
        "REDIS_URL": f"redis://{HOST}:{ports['redis']}/0",
        "BASE_URL": tls_base,
        "FRONTEND_CACHE_PURGE_URL": f"http://{HOST}:{ports['varnish']}",
        "EMAIL_HOST": HOST,
        "EMAIL_PORT": str(ports["smtp"]),
        "DEFAULT_FROM_EMAIL": "network@example.org",
        "GUNICORN_BIND": f"{HOST}:{ports['gunicorn']}",
        "WEB_CONCURRENCY": "2",
    }
    with open(scratch / "recipe.log", "ab") as log:
        for command in blocks["release"] + blocks["demo"]:
            print(f"$ {command}", flush=True)
            done = subprocess.run(
                command, shell=True, cwd=checkout, env=env, stdout=log, stderr=log
            )
            if done.returncode:
                sys.exit(f"{command} failed:\n{(scratch / 'recipe.log').read_text()[-3000:]}")
    # The check signs in with the demo's users, which a real site never has.
    subprocess.run(
        [".venv/bin/python", "manage.py", "load_demo", "--with-users"],
        cwd=checkout,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    web, worker, scheduler = blocks["processes"]
    for name, command in [
        ("web-1", web),
        ("web-2", web),
        ("worker", worker),
        ("scheduler", scheduler),
    ]:
        print(f"$ {command} &", flush=True)
        services.start(name, shlex.split(command), cwd=checkout, env=env)
    say("the recipe ran as written: two web servers, the worker and the scheduler are up")

    vcl = (ROOT / "deploy" / "varnish.vcl").read_text()
    assert vcl.count('.port = "8000";') == 1
    (scratch / "site.vcl").write_text(
        vcl.replace('.port = "8000";', f'.port = "{ports["gunicorn"]}";')
    )
    services.start(
        "varnish",
        [
            "varnishd",
            "-F",
            "-j",
            "none",
            "-n",
            str(scratch / "varnish"),
            "-a",
            f"{HOST}:{ports['varnish']}",
            "-f",
            str(scratch / "site.vcl"),
            "-s",
            "malloc,64m",
        ],
    )
    site_conf = (ROOT / "deploy" / "nginx.conf").read_text()
    replacements = {
        "listen 80;": f"listen {ports['http']};",
        "listen [::]:80;": f"listen [::]:{ports['http']};",
        "listen 443 ssl http2;": f"listen {ports['https']} ssl http2;",
        "listen [::]:443 ssl http2;": f"listen [::]:{ports['https']} ssl http2;",
        "server_name network.example.org;": f"server_name {HOST};",
        "/etc/letsencrypt/live/network.example.org/fullchain.pem": str(certificate),
        "/etc/letsencrypt/live/network.example.org/privkey.pem": str(key),
        "proxy_pass http://127.0.0.1:6081;": f"proxy_pass http://{HOST}:{ports['varnish']};",
    }
    for shipped, here in replacements.items():
        assert shipped in site_conf, shipped
        site_conf = site_conf.replace(shipped, here)
    (scratch / "site.conf").write_text(site_conf)
    temporary = scratch / "nginx"
    temporary.mkdir()
    temporary.chmod(0o777)
    (scratch / "nginx.conf").write_text(
        f"pid {temporary}/nginx.pid;\nerror_log {temporary}/error.log;\nevents {{}}\n"
        f"http {{\n  access_log {temporary}/access.log;\n"
        + "".join(
            f"  {kind}_temp_path {temporary}/{kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        + f"  include {scratch / 'site.conf'};\n}}\n"
    )
    services.start(
        "nginx",
        [
            "nginx",
            "-e",
            str(temporary / "error.log"),
            "-c",
            str(scratch / "nginx.conf"),
            "-g",
            "daemon off;",
        ],
    )

    site = Site(tls_base, trusted)
    anyone = site.reader(1)
    wait_until(
        lambda: anyone.get(site.url("/health/")).status_code == 200, "the site behind the chain"
    )
    varnish_admin = ["varnishadm", "-n", str(scratch / "varnish"), "backend.list"]
    wait_until(
        lambda: (
            "healthy"
            in subprocess.run(varnish_admin, capture_output=True, text=True).stdout.lower()
        ),
        "Varnish's probe to pass",
    )
    say("Varnish's probe passes under production settings (/health/live/)")

    check_pages(site, anyone, ports)
    check_sign_ins(site)
    check_form_limits(site)
    check_costly_uploads(site)
    check_purges_and_mail_outage(site, scratch, services, maildir, ports["smtp"])
    check_database_outage(site, services, postgresql, checkout, env)


def check_pages(site, reader, ports):
    for path in ("/en/", "/en/stories/", "/ar/", "/en/what-we-do/"):
        first = reader.get(site.url(path))
        second = reader.get(site.url(path))
        assert first.status_code == second.status_code == 200, (path, first.status_code)
        assert second.headers["X-Cache"] == "HIT", (path, second.headers.get("X-Cache"))
    say("pages answer 200 through the chain, and a second GET is a Varnish hit")
    sources = set(images_of(reader.get(site.url("/en/")).text))
    assert sources, "the home page shows no images"
    for source in sources:
        image = reader.get(site.url(source))
        assert image.status_code == 200 and image.headers["Content-Type"].startswith("image/")
    say(f"the home page's {len(sources)} images are served through the chain")
    plain = reader.get(f"http://{HOST}:{ports['http']}/en/", allow_redirects=False)
    assert plain.status_code == 301 and plain.headers["Location"] == f"https://{HOST}/en/", (
        plain.headers
    )
    direct = [
        reader.get(f"http://{HOST}:{ports['varnish']}/en/", allow_redirects=False) for _ in range(2)
    ]
    assert [answer.status_code for answer in direct] == [301, 301]
    assert all(answer.headers["Location"].startswith("https://") for answer in direct)
    assert [answer.headers["X-Cache"] for answer in direct] == ["MISS", "MISS"]
    say("plain HTTP is redirected to HTTPS, at the terminator and behind it, and never cached")


def check_sign_ins(site):
    attacker = site.reader(2)
    answers = [
        site.sign_in(attacker, "editor", f"guess {number}").status_code for number in range(12)
    ]
    assert answers[:9] == [200] * 9 and answers[-1] == 429, answers
    assert site.sign_in(attacker, "moderator", DEMO_PASSWORDS["moderator"]).status_code == 429
    for username in ("moderator", "editor"):
        colleague = site.reader(3)
        answer = site.sign_in(colleague, username, DEMO_PASSWORDS[username])
        assert answer.status_code == 302, (username, answer.status_code)
        assert colleague.get(site.url("/admin/")).status_code == 200
    say(
        "twelve wrong passwords from reader A pause A alone: reader B signs in to another "
        "account, and to the same account with its password"
    )


def share_path(reader, site):
    home = reader.get(site.url("/en/")).text
    return re.search(r'href="(/en/[^"]*share[^"]*/)"', home).group(1)


def check_form_limits(site):
    reader_a, reader_b = site.reader(4), site.reader(5)
    path = share_path(reader_a, site)
    form = site.form(reader_a, path)
    answers = [
        site.send(reader_a, path, {**form, **STORY, "email": f"sender-{number}@example.org"})
        for number in range(6)
    ]
    assert [answer.status_code for answer in answers] == [302] * 5 + [429], answers
    form = site.form(reader_b, path)
    answer = site.send(reader_b, path, {**form, **STORY, "email": "someone@example.org"})
    assert answer.status_code == 302, answer.status_code
    say("six story submissions from reader A: the sixth refused; reader B's accepted")


def check_costly_uploads(site):
    gif = gif_that_unfolds()
    reader = site.reader(6)
    path = share_path(reader, site)
    data = {**site.form(reader, path), **STORY, "email": "gif@example.org"}
    data["photos-0-alt_text"] = "An animation"
    started = time.monotonic()
    answer = site.send(reader, path, data, files={"photos-0-photo": ("animation.gif", gif)})
    public_seconds = time.monotonic() - started
    assert answer.status_code == 200 and "Send photos as JPEG, PNG or WebP" in answer.text
    admin = site.reader(7)
    assert site.sign_in(admin, "admin", DEMO_PASSWORDS["admin"]).status_code == 302
    form = admin.get(site.url("/admin/images/multiple/add/"))
    data = {**fields_of(form.text)}
    started = time.monotonic()
    answer = admin.post(
        site.url("/admin/images/multiple/add/"),
        data={"csrfmiddlewaretoken": data["csrfmiddlewaretoken"], "collection": "1"},
        files={"files[]": ("animation.gif", gif, "image/gif")},
        headers={"Referer": site.url("/admin/images/multiple/add/")},
    )
    admin_seconds = time.monotonic() - started
    refusal = answer.json()
    assert refusal["success"] is False and "300 frames" in refusal["error_message"], refusal
    assert public_seconds < 2 and admin_seconds < 2, (public_seconds, admin_seconds)
    say(
        f"the {len(gif) // 1024} KB GIF of 300 frames of 4000 × 4000 is a form error in "
        f"{public_seconds:.2f} s on the public form and {admin_seconds:.2f} s in the admin"
    )


def check_purges_and_mail_outage(site, scratch, services, maildir, mail_port):
    # A reader asks to join while the mail server works: her confirmation link arrives.
    member = site.reader(8)
    join = re.search(r'href="(/en/[^"]*join[^"]*/)"', member.get(site.url("/en/")).text).group(1)
    data = {**site.form(member, join), **JOIN, "email": "kofi@example.org"}
    answer = site.send(member, join, data)
    assert answer.status_code == 302, answer.status_code
    wait_until(lambda: link_in(maildir, "kofi@example.org", "/confirm/"), "the confirmation e-mail")
    confirm = link_in(maildir, "kofi@example.org", "/confirm/")

    reader = site.reader(9)
    stories = "/en/stories/"
    unrelated = "/en/alliances/"
    for path in (stories, unrelated):
        reader.get(site.url(path))
        assert reader.get(site.url(path)).headers["X-Cache"] == "HIT"

    # The mail server goes away; a moderator publishes a story and the member confirms.
    services.stop("mail")
    moderator = site.reader(10)
    assert site.sign_in(moderator, "moderator", DEMO_PASSWORDS["moderator"]).status_code == 302
    dashboard = moderator.get(site.url("/admin/")).text
    action = re.search(r"/admin/pages/workflow/action/(\d+)/approve/(\d+)/", dashboard).group(0)
    answer = moderator.post(
        site.url(action),
        data={"csrfmiddlewaretoken": moderator.cookies["csrftoken"], "comment": ""},
        headers={"Referer": site.url("/admin/")},
        allow_redirects=False,
    )
    assert answer.status_code == 302, answer.status_code
    page = member.get(site.url(confirm))
    answer = member.post(
        site.url(confirm),
        data={"csrfmiddlewaretoken": fields_of(page.text)["csrfmiddlewaretoken"]},
        headers={"Referer": site.url(confirm)},
    )
    assert answer.status_code == 200 and "Your e-mail address is confirmed" in answer.text
    say("with the mail server stopped, a moderator's publishing and a member's confirming succeed")

    def story_listed():
        answer = reader.get(site.url(stories))
        return "Solar lamps" in answer.text and answer.headers["X-Cache"] == "MISS"

    wait_until(story_listed, "the stories index to be purged")
    assert reader.get(site.url(unrelated)).headers["X-Cache"] == "HIT"
    purged = subprocess.run(
        [
            "varnishlog",
            "-n",
            str(scratch / "varnish"),
            "-d",
            "-g",
            "request",
            "-q",
            'ReqMethod eq "PURGE"',
            "-i",
            "ReqURL",
        ],
        capture_output=True,
        text=True,
        timeout=30,
    ).stdout
    addresses = sorted({line.split()[-1] for line in purged.splitlines() if "ReqURL" in line})
    assert stories in addresses and unrelated not in addresses, addresses
    say(f"publishing the story purged exactly its pages in Varnish: {', '.join(addresses)}")

    before = set(arrived(maildir))
    start_mail_server(services, mail_port, maildir)
    wanted = {"grace.achieng@example.org", "kofi@example.org"}

    def both_arrived():
        held = [message for key, message in arrived(maildir).items() if key not in before]
        return wanted <= {to for to, _subject in held}

    wait_until(both_arrived, "the e-mails held during the outage", seconds=180)
    say("both e-mails arrived once the mail server was back: the story's sender's, the member's")


def check_database_outage(site, services, postgresql, checkout, env):
    reader = site.reader(11)
    cached = "/en/what-we-do/"
    reader.get(site.url(cached))
    schedule = (
        "from django.utils import timezone; from datetime import timedelta; "
        "from stories.models import StoryPage; "
        "story = StoryPage.objects.filter(locale__language_code='en', live=True).last(); "
        "story.unpublish(); story.go_live_at = timezone.now() + timedelta(seconds=20); "
        "story.save_revision().publish(); print(story.url)"
    )
    answer = subprocess.run(
        [".venv/bin/python", "manage.py", "shell", "-c", schedule],
        cwd=checkout,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    scheduled = answer.stdout.strip().splitlines()[-1]
    postgresql.stop()
    started = time.monotonic()
    assert reader.get(site.url(cached)).status_code == 200
    down = reader.get(site.url("/en/key-areas/?outage=1"))
    assert down.status_code == 503 and down.headers.get("Retry-After") == "60", down.status_code
    time.sleep(max(0, 40 - (time.monotonic() - started)))
    assert reader.get(site.url(cached)).status_code == 200
    postgresql.start()
    say("PostgreSQL stopped for 40 s: cached pages 200, others the site's own 503 page")
    wait_until(
        lambda: reader.get(site.url(scheduled)).status_code == 200,
        "the scheduled story",
        seconds=180,
    )
    assert services.alive("worker") and services.alive("scheduler")
    say("after the outage the worker and scheduler are alive, and the story due during it is live")


if __name__ == "__main__":
    main()
