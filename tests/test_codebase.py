"""The codebase keeps to public interfaces, so that upgrades do not break it silently."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).parent.parent
FRAMEWORKS = {"django", "wagtail", "wagtail_localize", "modelcluster", "taggit"}


# Python lives in the apps, config and tests; `makemessages` (run by the catalog tests)
# leaves short-lived .py files beside the templates.
NOT_PYTHON = {"templates", "site", "docs", "media", "static"}


def python_files():
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if parts[0].startswith(".") or parts[0] in NOT_PYTHON or "migrations" in parts:
            continue
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


# Which app may import which: the rooms and their arrows, as the README draws them. Page
# apps use the shared room (common) and the translation workflow, never each other;
# a feature app shows itself on another app's page by registering a page section.
PAGE_APPS = {"home", "stories", "gallery", "alliances"}
SHARED = {"common", "topics", "translation_workflow"}
ALLOWED_IMPORTS = {
    "config": PAGE_APPS | SHARED | {"demo", "operations"},
    "demo": PAGE_APPS | SHARED | {"submissions", "membership"},
    "caching": PAGE_APPS | SHARED,
    **dict.fromkeys(PAGE_APPS, SHARED),
    # The public's forms: stories members send become story pages.
    "submissions": {"stories"} | SHARED,
    "membership": SHARED,
    "common": {"translation_workflow"},
    "topics": {"common", "translation_workflow"},
    "translation_workflow": set(),
    "accounts": set(),
    "operations": set(),
    "outbox": set(),
}


def imported_apps(source):
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0]
        elif isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)


def test_imports_run_only_the_allowed_way():
    wrong = []
    for path in python_files():
        app = path.relative_to(ROOT).parts[0]
        if app not in ALLOWED_IMPORTS:
            continue
        for imported in set(imported_apps(path.read_text())) & set(ALLOWED_IMPORTS) - {app}:
            if imported not in ALLOWED_IMPORTS[app]:
                wrong.append(f"{path.relative_to(ROOT)} imports {imported}")
    assert wrong == []


def test_templates_load_only_their_own_apps_and_the_shared_tags():
    """A page shows another app's content through page sections, not that app's tags."""
    library_app = {path.stem: path.parent.parent.name for path in ROOT.glob("*/templatetags/*.py")}
    shared = {"common"}
    # Templates of ours that override a framework's belong to the app that needs them.
    overrides = {"wagtail_localize": "translation_workflow"}
    wrong = []
    for template in (ROOT / "templates").rglob("*.html"):
        app = template.relative_to(ROOT / "templates").parts[0]
        app = overrides.get(app, app)
        for match in re.finditer(r"{%\s*load\s+([^%]+)%}", template.read_text()):
            for library in match.group(1).split():
                if library_app.get(library, app) not in {app, *shared}:
                    wrong.append(f"{template.relative_to(ROOT)} loads {library}")
    assert wrong == []
