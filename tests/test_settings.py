"""The settings by purpose: every environment variable they read is in the operators' list."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READERS = {"env_bool", "env_list"}


def variables_read(source):
    """The names of the environment variables a settings module reads."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            function = node.func
            if (isinstance(function, ast.Name) and function.id in READERS) or (
                isinstance(function, ast.Attribute)
                and function.attr == "get"
                and ast.unparse(function.value) == "os.environ"
            ):
                yield node.args[0].value
        elif (
            isinstance(node, ast.Subscript)
            and ast.unparse(node.value) == "os.environ"
            and isinstance(node.slice, ast.Constant)
        ):
            yield node.slice.value


def variables_listed():
    """The variables named in the first column of docs/production.md's table."""
    table = (ROOT / "docs" / "production.md").read_text().split("\n## ")[0]
    rows = [line.split("|")[1] for line in table.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`([A-Z0-9_]+)`", row)}


def test_every_variable_the_settings_read_is_listed_for_operators():
    read = {
        name
        for module in (ROOT / "config" / "settings").glob("*.py")
        if module.stem != "test"
        for name in variables_read(module.read_text())
    }
    assert len(read) > 40
    assert read - variables_listed() == set()


def test_the_check_finds_a_variable_read_in_each_way():
    source = (
        'A = os.environ.get("ONE", "1")\n'
        'B = os.environ["TWO"]\n'
        'C = env_bool("THREE")\n'
        'D = env_list("FOUR", "x")\n'
        'E = other.get("NOT_A_VARIABLE")\n'
    )
    assert sorted(variables_read(source)) == ["FOUR", "ONE", "THREE", "TWO"]
