"""Layering of the view: templates hold markup only, the view layer sits below the plan.

Templates may print values, test them and loop over them; they may not compute
(arithmetic, slicing with numbers, "~" concatenation) or name a content type by
its folder ("ban-tin"): the view layer and the page plan give them finished values.
"""

from __future__ import annotations

import ast
from pathlib import Path

import jinja2
import pytest

from generator.content_types import STANDARD
from tests.conftest import ROOT, THEME

TEMPLATES = sorted(p for p in (THEME / "templates").rglob("*") if p.is_file())
ARITHMETIC = {"+", "-", "*", "/", "//", "%", "**", "~"}
#: numbers a template may still write in an expression: a comparison such as "page > 1"
ALLOWED_NUMBERS = {"0", "1"}


def expression_tokens(path: Path):
    env = jinja2.Environment()
    return [(line, kind, value) for line, kind, value in env.lex(path.read_text(encoding="utf-8"))
            if kind not in ("data", "whitespace")]


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.relative_to(THEME).as_posix())
def test_templates_do_no_arithmetic(path):
    found = [(line, value) for line, kind, value in expression_tokens(path)
             if (kind == "operator" and value in ARITHMETIC)
             or (kind in ("integer", "float") and value not in ALLOWED_NUMBERS)]
    assert found == [], f"{path.name}: compute this in generator/view/ instead: {found}"


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.relative_to(THEME).as_posix())
def test_templates_name_no_content_type(path):
    keys = {t.key for t in STANDARD.values()}
    found = [(line, value) for line, kind, value in expression_tokens(path)
             if kind == "string" and value.strip("'\"").strip("/") in keys]
    assert found == [], f"{path.name}: a content type's key written in a template: {found}"


def test_the_checks_catch_what_they_look_for(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text('{{ bar.x + 16 }}{% for a in items[:20] %}{{ url(urls.section("ban-tin")) }}{% endfor %}',
                   encoding="utf-8")
    tokens = expression_tokens(bad)
    assert ("+" in {v for _, k, v in tokens if k == "operator"})
    assert {"16", "20"} <= {v for _, k, v in tokens if k == "integer"}
    assert '"ban-tin"' in {v for _, k, v in tokens if k == "string"}


def imports_of(path: Path) -> set[str]:
    """Modules *path* imports, as absolute generator.* names."""
    package = "generator.view"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = f"{base}.{node.module}" if base and node.module else (node.module or base)
            found.add(module)
            if node.module is None:
                found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


@pytest.mark.parametrize("path", sorted((ROOT / "generator" / "view").glob("*.py")), ids=lambda p: p.name)
def test_the_view_layer_depends_on_the_model_only(path):
    """The plan (pages) and rendering call the view; the view never reaches back up,
    nor into commands, the importer, Jinja, the disk or the clock."""
    forbidden = ("generator.pages", "generator.render", "generator.commands", "generator.importer",
                 "generator.pipeline", "generator.writer", "jinja2", "os", "pathlib", "time")
    imported = imports_of(path)
    assert not {m for m in imported for f in forbidden if m == f or m.startswith(f + ".")}, imported
