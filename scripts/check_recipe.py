"""
Follow the README's production recipe as written, as an operator would on a new machine,
and check that the site it starts serves pages with their images.

In a fresh clone of this repository, with production settings and a new, empty
PostgreSQL database, it runs the "release" and "demo" blocks command by command, starts
the "processes" block's commands, then reads the home page, a story and every image they
show. The only things it sets are what the README says an operator sets: the
environment. `.ci/run` runs it after the suite.

    python scripts/check_recipe.py   # DATABASE_URL: a PostgreSQL server to create it on
"""

import os
import re
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/x").rsplit("/", 1)[0]


def recipe_blocks():
    """The README's recipe, as {block name: [command, ...]}."""
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"<!-- recipe: (\w+) -->\n```sh\n(.*?)```", readme, flags=re.S)
    return {name: [line for line in body.splitlines() if line.strip()] for name, body in blocks}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sources, self.links = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.sources.append(attrs["src"])
        elif tag == "a" and "/stories/" in (attrs.get("href") or ""):
            self.links.append(attrs["href"])


def get(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


def wait_for(url, processes):
    for _attempt in range(300):
        for process in processes:
            if process.poll() is not None:
                sys.exit(f"{shlex.join(process.args)} stopped with {process.returncode}")
        try:
            return get(url)
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    sys.exit(f"Nothing answered at {url}")


def check_site(base):
    status, _type, _body = wait_for(f"{base}/health/", [])
    assert status == 200, status
    status, _type, body = get(f"{base}/")
    assert status == 200, status
    home = Images()
    home.feed(body.decode())
    story = next(link for link in home.links if link.rstrip("/").count("/") > 2)
    status, _type, body = get(f"{base}{story}")
    page = Images()
    page.feed(body.decode())
    sources = set(home.sources + page.sources)
    assert sources, "the pages show no images"
    for source in sources:
        status, content_type, image = get(f"{base}{source}")
        assert status == 200 and content_type.startswith("image/") and image, source
    print(f"Served the home page and {story}, with {len(sources)} images.")


def main():
    blocks = recipe_blocks()
    assert set(blocks) == {"release", "demo", "processes"}, blocks.keys()
    name = f"recipe_check_{secrets.token_hex(4)}"
    port = free_port()
    subprocess.run(["psql", f"{SERVER}/postgres", "-qc", f"CREATE DATABASE {name}"], check=True)
    processes = []
    try:
        with tempfile.TemporaryDirectory(prefix="recipe-") as checkout:
            subprocess.run(["git", "clone", "--quiet", str(ROOT), checkout], check=True)
            env = {
                "PATH": os.environ["PATH"],
                "HOME": os.environ.get("HOME", checkout),
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "127.0.0.1",
                "DATABASE_URL": f"{SERVER}/{name}",
                "BASE_URL": f"http://127.0.0.1:{port}",
                # The check talks plain HTTP to gunicorn; a real site has TLS in front.
                "SECURE_SSL_REDIRECT": "false",
                "GUNICORN_BIND": f"127.0.0.1:{port}",
                "WEB_CONCURRENCY": "2",
            }
            for command in blocks["release"] + blocks["demo"]:
                print(f"$ {command}", flush=True)
                subprocess.run(command, shell=True, cwd=checkout, env=env, check=True)
            for command in blocks["processes"]:
                print(f"$ {command} &", flush=True)
                processes.append(
                    subprocess.Popen(
                        command, shell=True, cwd=checkout, env=env, start_new_session=True
                    )
                )
            wait_for(f"http://127.0.0.1:{port}/health/", processes)
            check_site(f"http://127.0.0.1:{port}")
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait()
        subprocess.run(
            ["psql", f"{SERVER}/postgres", "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"],
            check=True,
        )
    print("The README's production recipe works as written.")


if __name__ == "__main__":
    main()
