"""
`make bench`: how much each page type costs, at the demo's size and with thousands of
stories more.

For each size (the demo's ten stories, a hundred, and five thousand by default) it copies
the demo database (SQLite), adds stories with `seed_stories`, serves the copy with
gunicorn (two sync workers, production settings) and, per page type, prints the SQL
queries of one uncached request, the CPU time the workers spend per uncached request, and
requests per second uncached (each request a new address, so the page cache misses) and
cached, with wrk; the forms' pages are never cached. The static-file ceiling is a
stylesheet served by the same gunicorn in the same run. Last, each page type's CPU time
at every size, and how it grew.
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.network import free_port  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "bench"
PYTHON = sys.executable
SECONDS = 3
FULL_LISTINGS = 100
CONNECTIONS = 4
# Each worker's first requests of a page cost several times the rest (imports, templates,
# connections): every page is asked for this often before it is measured.
WARM_UP_REQUESTS = 6
# On a loaded machine a run may end before any request does: it is run again, longer.
ATTEMPTS = 3

UNIQUE_ADDRESSES = """
counter = 0
request = function()
    counter = counter + 1
    local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
    return wrk.format(nil, wrk.path .. separator .. "bench=" .. counter)
end
"""


def environment(database):
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{database}",
        "STATIC_ROOT": str(WORK / "static"),
        "SECURE_SSL_REDIRECT": "false",
        "TASK_WORKER": "false",
        "LOG_LEVEL": "WARNING",
    }


def manage(*args, database, debug=True, **kwargs):
    env = {**environment(database), "DEBUG": "true" if debug else "false"}
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs)


def demo_database():
    database = WORK / "demo.sqlite3"
    if not database.exists():
        print("Building the demo database (once)...", flush=True)
        partial = WORK / "demo-partial.sqlite3"
        partial.unlink(missing_ok=True)
        manage("migrate", "-v0", database=partial)
        manage("load_demo", database=partial, stdout=subprocess.DEVNULL)
        partial.rename(database)
    return database


class Server:
    def __init__(self, database):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                *(PYTHON, "-m", "gunicorn", "config.wsgi"),
                *("--workers", "2", "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning"),
            ],
            cwd=ROOT,
            env=environment(database),
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def worker_seconds(self):
        """CPU seconds the workers have used (user and system)."""
        workers = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True
        ).stdout.split()
        ticks = 0
        for pid in workers:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def wrk(url, unique, seconds):
    args = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "-H", "Accept-Encoding: br, gzip"]
    if unique:
        script = WORK / "unique.lua"
        script.write_text(UNIQUE_ADDRESSES)
        args += ["-s", str(script)]
    url = quote(url, safe=":/?&=%")
    output = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} failed responses\n{output}")
    return requests, rate


def measured(server, url, unique):
    """(requests, requests per second, worker CPU seconds) of a wrk run that served some."""
    for attempt in range(1, ATTEMPTS + 1):
        before = server.worker_seconds()
        requests, rate = wrk(url, unique, SECONDS * attempt)
        if requests:
            return requests, rate, server.worker_seconds() - before
        print(f"{url}: no request answered in {SECONDS * attempt} s; running it again", flush=True)
    return 0, None, None


def warm_up(server, paths):
    for path in paths:
        for _request in range(WARM_UP_REQUESTS):
            with urllib.request.urlopen(quote(server.url(path), safe=":/?&=%"), timeout=60):
                pass


def cacheable(url):
    """Whether the site lets caches keep the page (a form's page it never does)."""
    with urllib.request.urlopen(quote(url, safe=":/?&=%"), timeout=10) as response:
        return "no-store" not in response.headers.get("Cache-Control", "")


def page_types(database):
    """(name, path, queries of one uncached request) for one page of each type."""
    env = {**environment(database), "DJANGO_SETTINGS_MODULE": "config.settings.development"}
    script = ROOT / "scripts" / "bench_pages.py"
    result = subprocess.run([PYTHON, script], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


def bench(size, extra_stories):
    database = WORK / f"stories-{size}.sqlite3"
    shutil.copy(demo_database(), database)
    if extra_stories:
        started = time.monotonic()
        manage(
            "seed_stories",
            "--count",
            str(extra_stories),
            "--translate",
            database=database,
            stdout=subprocess.DEVNULL,
        )
        print(
            f"seed_stories --count {extra_stories} --translate: {time.monotonic() - started:.1f} s",
            flush=True,
        )
    types = page_types(database)
    server = Server(database)
    try:
        warm_up(server, [path for _name, path, _count in types])
        _requests, static_rate, _cpu = measured(server, server.url("/static/css/site.css"), False)
        rows = []
        for name, path, count in types:
            requests, uncached, cpu_seconds = measured(server, server.url(path), unique=True)
            cpu_ms = cpu_seconds * 1000 / requests if requests else None
            cached = "never"
            if cacheable(server.url(path)):
                _requests, cached, _cpu = measured(server, server.url(path), unique=False)
            rows.append((name, count, cpu_ms, uncached, cached))
    finally:
        server.stop()
    load = os.getloadavg()[0]
    print(f"\n{size} stories in English (and as many in each translation); load {load:.2f}")
    print(f"{'page type':48} {'queries':>7} {'CPU ms':>7} {'uncached/s':>10} {'cached/s':>9}")
    for name, count, cpu_ms, uncached, cached in rows:
        figures = [shown(cpu_ms, 7), shown(uncached, 10), shown(cached, 9)]
        print(f"{name[:48]:48} {count:>7} {' '.join(figures)}")
    print(f"{'static file (ceiling)':48} {'':>7} {'':>7} {'':>10} {shown(static_rate, 9)}")
    rates = [cached for *_rest, cached in rows if isinstance(cached, float)]
    if rates and static_rate:
        ceiling = min(rates) / static_rate
        print(f"slowest cached page: {ceiling:.0%} of the static-file ceiling", flush=True)
    print("never: a form's page, for one reader (its CSRF token), is never cached", flush=True)
    print("n/a: no request was answered in any of its runs (the machine was too busy)")
    return {name: cpu_ms for name, _count, cpu_ms, _uncached, _cached in rows}


def shown(figure, width):
    if isinstance(figure, float):
        return f"{figure:>{width}.1f}"
    return f"{figure or 'n/a':>{width}}"


def print_growth(costs):
    """Each page type's CPU per request at each size, and how it grew to the largest."""
    sizes = list(costs)
    print(f"\nCPU ms per uncached request as stories are added (load {os.getloadavg()[0]:.2f})")
    heading = "".join(f"{size:>9}" for size in sizes)
    print(f"{'page type':48}{heading} {sizes[-1]}/{sizes[0]} {sizes[-1]}/{sizes[1]}")
    for name in costs[sizes[0]]:
        figures = [costs[size][name] for size in sizes]
        if None in figures:
            print(f"{name[:48]:48}{''.join(shown(figure, 9) for figure in figures)}")
            continue
        growth = f"{figures[-1] / figures[0] - 1:>+9.0%} {figures[-1] / figures[1] - 1:>+9.0%}"
        print(f"{name[:48]:48}{''.join(shown(figure, 9) for figure in figures)} {growth}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stories", type=int, default=5000, help="the large size")
    options = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    manage("collectstatic", "--noinput", "-v0", database=WORK / "unused.sqlite3", debug=False)
    demo_stories = 9
    # The demo's size; enough stories to fill every listing, feed and page of search
    # results (at ten, they show fewer); and the large size.
    sizes = [demo_stories + 1, FULL_LISTINGS, options.stories]
    print_growth({size: bench(size, size - demo_stories) for size in sizes})


if __name__ == "__main__":
    main()
