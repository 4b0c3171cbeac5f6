"""Installs are reproducible: the environment holds exactly what the lock file says."""

from importlib.metadata import distributions
from pathlib import Path

import pytest
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


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
