"""The package's layers, read from the source (the AST of every module, no import).

- the pipeline (modules of generator/ outside commands/ and importer/) never
  imports from generator.commands: commands sit on top of the pipeline;
- generator.importer uses the pipeline only through public names (no ``_private``
  name, no private module);
- there is no import cycle anywhere in the package (imports inside functions
  count too: a cycle hidden in a function is still a cycle).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "generator"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "__pycache__" not in p.parts}


def is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def imports(name: str) -> list[tuple[str, tuple[str, ...]]]:
    """(imported module, names taken from it) for every import statement in module *name*."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"), filename=str(MODULES[name]))
    here = name if is_package(name) else name.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, ()) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here.split(".")
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = tuple(alias.name for alias in node.names)
            # "from . import urls" / "from .view import ui": the names may be modules
            submodules = [f"{target}.{n}" for n in names if f"{target}.{n}" in MODULES]
            found += [(m, ()) for m in submodules]
            rest = tuple(n for n in names if f"{target}.{n}" not in MODULES)
            if rest or not submodules:
                found.append((target, rest))
    return found


def internal(target: str) -> str | None:
    """The module of this package *target* names (a dotted prefix of it), or None."""
    while target and target not in MODULES:
        target = target.rpartition(".")[0]
    return target or None


def is_pipeline(name: str) -> bool:
    return not name.startswith(("generator.commands", "generator.importer")) and name != "generator.cli"


def test_the_walk_sees_the_whole_package():
    assert {"generator.pipeline", "generator.content", "generator.commands.new",
            "generator.importer.orchestrate", "generator.content_types"} <= set(MODULES)
    assert ("generator.content_types", ("STANDARD",)) in imports("generator.importer.orchestrate")


@pytest.mark.parametrize("name", sorted(n for n in MODULES if is_pipeline(n)))
def test_the_pipeline_never_imports_commands(name):
    bad = [target for target, _ in imports(name) if (internal(target) or "").startswith("generator.commands")]
    assert not bad, f"{name} imports {bad}"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if is_pipeline(n)))
def test_the_pipeline_never_imports_the_importer(name):
    """What build and import share (list items, text rules) lives in the pipeline;
    the importer builds on it, never the other way round."""
    bad = [target for target, _ in imports(name) if (internal(target) or "").startswith("generator.importer")]
    assert not bad, f"{name} imports {bad}"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("generator.importer")))
def test_the_importer_uses_only_public_names_of_the_pipeline(name):
    for target, names in imports(name):
        module = internal(target)
        if module is None or module.startswith("generator.importer"):
            continue
        assert not module.startswith("generator.commands"), f"{name} imports {module}"
        assert not any(part.startswith("_") for part in module.split(".")[1:]), f"{name} imports {module}"
        private = [n for n in names if n.startswith("_")]
        assert not private, f"{name} takes private names {private} from {module}"


def graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for name in MODULES:
        targets = {internal(t) for t, _ in imports(name)} - {None, name}
        # importing generator.x.y runs generator.x/__init__ first, never the reverse
        edges[name] = {t for t in targets if not name.startswith(t + ".")}
    return edges


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_there_is_no_import_cycle():
    cycle = find_cycle(graph())
    assert cycle is None, " -> ".join(cycle)


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
