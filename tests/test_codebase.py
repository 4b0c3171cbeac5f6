"""The codebase keeps to public interfaces, so that upgrades do not break it silently."""

import ast
from pathlib import Path

ROOT = Path(__file__).parent.parent
FRAMEWORKS = {"django", "wagtail", "wagtail_localize", "modelcluster", "taggit"}


def python_files():
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if not parts[0].startswith(".") and "migrations" not in parts:
            yield path


def private_imports(source):
    """(line, import) for each name or module imported that a framework keeps to itself."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            dotted = [*node.module.split("."), *(alias.name for alias in node.names)]
        elif isinstance(node, ast.Import):
            dotted = [part for alias in node.names for part in alias.name.split(".")]
        else:
            continue
        if dotted[0] in FRAMEWORKS and any(part.startswith("_") for part in dotted):
            yield node.lineno, ast.unparse(node)


def test_no_private_names_of_the_frameworks_are_imported():
    found = [
        f"{path.relative_to(ROOT)}:{line} {statement}"
        for path in python_files()
        for line, statement in private_imports(path.read_text())
    ]
    assert found == []


def test_the_check_finds_private_imports():
    source = (
        "from django.utils.html import _json_script_escapes\n"
        "from wagtail.models import Page\n"
        "import wagtail._internal\n"
    )
    assert [line for line, _statement in private_imports(source)] == [1, 3]
