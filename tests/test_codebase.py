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


# Framework attributes that are public despite their underscore: Django's model `_meta`
# API and the named tuple's `_replace`, both documented.
DOCUMENTED_UNDERSCORE_NAMES = {"_meta", "_replace"}
# Where Wagtail has no public way in, the one attribute we set, and why (in the file too).
ALLOWED_PRIVATE_ATTRIBUTES = {
    # `Site.find_for_request` keeps the site it found on the request under this name and
    # says so in its docstring; serving/sites.py leaves the cached site there.
    ("serving/sites.py", "_wagtail_site"),
}


def names_defined(source):
    """The names a module of ours defines: functions, classes, variables, own attributes."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield node.name
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            yield node.id
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Store)
            and isinstance(node.value, ast.Name)
            and node.value.id in {"self", "cls"}
        ):
            yield node.attr


def private_attributes(source, ours):
    """(line, expression) for each `x._name` that reaches a name none of our code defines."""
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and node.attr not in ours | DOCUMENTED_UNDERSCORE_NAMES
        ):
            yield node.lineno, node.attr, ast.unparse(node)


def test_no_private_attributes_of_the_frameworks_are_used():
    sources = {path: path.read_text() for path in python_files()}
    ours = {name for source in sources.values() for name in names_defined(source)}
    found = [
        f"{path.relative_to(ROOT)}:{line} {expression}"
        for path, source in sources.items()
        for line, name, expression in private_attributes(source, ours)
        if (str(path.relative_to(ROOT)), name) not in ALLOWED_PRIVATE_ATTRIBUTES
    ]
    assert found == []


def test_the_check_finds_private_attributes():
    source = (
        "class Ours:\n"
        "    def _helper(self):\n"
        "        self._seen = True\n"
        "request._anything = 1\n"
        "host = request._get_raw_host()\n"
        "Ours()._helper()\n"
        "fields = page._meta.get_fields()\n"
    )
    ours = set(names_defined(source))
    assert [line for line, _name, _expression in private_attributes(source, ours)] == [4, 5]


# The rooms by floor, from the ground up: a room imports only rooms on the floors below
# its own, never one beside it or above it. Page apps use the shared rooms and the
# translation workflow, never each other; a feature app shows itself on another app's
# page by registering a page section.
FLOORS = [
    {
        "serving",
        "images",
        "dashboard",
        "content_migrations",
        "translation_workflow",
        "accounts",
        "operations",
        "outbox",
    },
    {"page_parts", "topics"},
    {"sharing", "search", "site_settings"},
    {"public_forms"},
    {"home", "stories", "gallery", "alliances", "membership"},
    # The public's forms: stories members send become story pages.
    {"submissions"},
    {"caching", "demo"},
    {"config"},
]
FLOOR = {room: number for number, rooms in enumerate(FLOORS) for room in rooms}
ROOMS = set(FLOOR)


def imported_apps(source):
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0]
        elif isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)


def imports_against_the_floors(room, source):
    """The rooms `source`, in `room`, imports from its own floor or above."""
    imported = set(imported_apps(source)) & ROOMS - {room}
    return sorted(other for other in imported if FLOOR[other] >= FLOOR[room])


def test_imports_run_only_down_the_floors():
    wrong = []
    for path in python_files():
        room = path.relative_to(ROOT).parts[0]
        if room in ROOMS:
            for imported in imports_against_the_floors(room, path.read_text()):
                wrong.append(f"{path.relative_to(ROOT)} imports {imported}")
    assert wrong == []


def test_the_check_finds_imports_that_run_up_or_sideways():
    source = "from serving.locales import active_locale\nfrom home.models import HomePage\n"
    assert imports_against_the_floors("page_parts", source) == ["home"]
    assert imports_against_the_floors("stories", source) == ["home"]
    assert imports_against_the_floors("caching", source) == []


def test_every_room_of_the_house_has_a_floor():
    packages = {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in {"tests", "scripts"}
    }
    assert packages == ROOMS


def test_templates_load_only_their_own_apps_and_the_shared_tags():
    """A page shows another app's content through page sections, not that app's tags."""
    library_app = {path.stem: path.parent.parent.name for path in ROOT.glob("*/templatetags/*.py")}
    shared = {"site_settings", "sharing", "images"}
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
