"""Installs are reproducible: the environment holds exactly what the lock file says, and
the built package holds every app."""

import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import distributions
from pathlib import Path

import pytest
from django.conf import settings
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
# What a checkout gathers that is not the project: environments, builds, media, databases.
LEFT_BY_RUNS = (".*", "build", "*.egg-info", "var", "media", "static", "__pycache__", "*.sqlite3")


def locked(name):
    lines = (ROOT / "requirements" / name).read_text().splitlines()
    pins = dict(
        line.split("==") for line in lines if line and not line.startswith(" ") and "==" in line
    )
    return {canonicalize_name(package): version for package, version in pins.items()}


def test_every_dependency_of_the_project_is_pinned():
    assert set(locked("production.txt")) <= set(locked("test.txt"))
    assert all(version for version in locked("test.txt").values())


def test_the_test_environment_is_exactly_the_lock_file():
    installed = {canonicalize_name(dist.metadata["Name"]): dist.version for dist in distributions()}
    installed.pop("network-site", None)  # the project itself, installed from the checkout
    for tool in ("pip", "setuptools", "wheel"):  # the virtualenv's own
        installed.pop(tool, None)
    if installed != locked("test.txt"):
        pytest.fail(
            "Installed packages differ from requirements/test.txt: "
            f"extra {sorted(set(installed.items()) - set(locked('test.txt').items()))}, "
            f"missing {sorted(set(locked('test.txt').items()) - set(installed.items()))}"
        )


def test_the_built_wheel_holds_every_room_and_every_installed_app(tmp_path):
    """What `pip install .` puts on a server: every app Django loads, and every room."""
    # From a copy: setuptools would otherwise reuse what an earlier build left in build/.
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*LEFT_BY_RUNS))
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", tmp_path, source],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("network_site-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        packages = {
            name.split("/")[0] for name in archive.namelist() if name.endswith("/__init__.py")
        }
    apps_of_ours = {app.split(".")[0] for app in settings.INSTALLED_APPS if (ROOT / app).is_dir()}
    rooms = {path.parent.name for path in ROOT.glob("*/__init__.py")} - {"tests", "scripts"}
    assert apps_of_ours <= rooms
    assert packages == rooms
