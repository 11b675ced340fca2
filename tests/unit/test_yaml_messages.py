"""The one YAML loader: editors' real mistakes get plain Vietnamese on the line to fix,
with libyaml and with PyYAML's pure-Python parser (their English differs, and so
does what each refuses: 6.0.4's libyaml stops deep nesting itself)."""

from __future__ import annotations

import re

import pytest
import yaml

from generator import source
from generator.source import decode, load_yaml, split_front_matter

LOADERS = [pytest.param(source._PureLoader, id="pure-python")]
if hasattr(yaml, "CSafeLoader"):
    LOADERS.append(pytest.param(source._CLoader, id="libyaml"))

#: Words of PyYAML's messages; none may reach an editor.
ENGLISH = re.compile(r"\b(found|expected|mapping|scanning|while|character|token|stream|allowed|"
                     r"context|parsing|could not|scalar|nesting|depth|exceeded)\b", re.I)


@pytest.fixture(params=LOADERS)
def loader(request, monkeypatch):
    monkeypatch.setattr(source, "_Loader", request.param)
    return request.param


def front(lines: str):
    """An article whose front matter is *lines* (file line 2 is the first of them)."""
    src, problems = decode("content/tin-tuc/a.md", f"---\n{lines}---\n\nNội dung.\n".encode())
    assert src is not None, problems
    return split_front_matter(src)


# (front matter lines, file line of the error, words the message must hold)
MISTAKES = {
    "colon in a title": ("title: Thông báo: lịch họp dân thôn Đông\ndate: 2023-03-01\n", 2,
                         ['dấu hai chấm', 'title: "Thông báo: lịch họp dân thôn Đông"']),
    "colon in the summary": ("title: Họp dân\nsummary: Nội dung: bàn về đường\ndate: 2023-03-01\n", 3,
                             ['ngoặc kép', 'summary: "Nội dung: bàn về đường"']),
    "colon, value with quotes": ('title: Họp dân\nsummary: Chủ đề "Đường làng": góp ý\n', 3,
                                 ["summary: 'Chủ đề \"Đường làng\": góp ý'"]),
    "tab before a field": ("title: Họp dân\ndate: 2023-03-01\n\tcategory: Tin xã\n", 4, ["Tab", "dấu cách"]),
    "tab before a list item": ("title: Họp dân\ntags:\n\t- giao thông\n", 4, ["Tab"]),
    "quote left open": ('title: "Họp dân thôn Đông\ndate: 2023-03-01\ncategory: Tin xã\n', 2,
                        ['ngoặc " mở ở dòng 2', 'dòng 2']),
    "quote left open on the last field": ('title: Họp dân\ndate: "2023-03-01 08:00\n', 3,
                                          ['ngoặc " mở ở dòng 3']),
    "single quote left open": ("title: 'Họp dân\ndate: 2023-03-01\n", 2, ["ngoặc ' mở ở dòng 2"]),
    # the next line's quoted value closes the open one, and what follows it looks like
    # "text after a closing quote" on the next line: the mistake is on the line before
    "quote left open, next value quoted": ('title: "Họp dân thôn Tây\ndate: "2024-03-01"\n', 2,
                                          ['ngoặc " mở ở dòng 2', 'dòng 2']),
    "single quote left open, next value quoted": ("title: 'Họp dân\nauthor: 'Mai Chi'\n", 2,
                                                 ["ngoặc ' mở ở dòng 2"]),
    "quote left open two lines above": ('title: "Họp dân\ncategory: Tin xã\ndate: "2024-03-01"\n', 2,
                                        ['ngoặc " mở ở dòng 2']),
    "bracket left open": ("title: Họp dân\ntags: [nông thôn mới, giao thông\ndate: 2023-03-01\n", 3,
                          ["ngoặc [ mở ở dòng 3", "]"]),
    "bracket left open at the end": ("title: Họp dân\ntags: [nông thôn mới, giao thông\n", 3,
                                     ["ngoặc [ mở ở dòng 3"]),
    "brace left open": ("title: Họp dân\nx: {a: 1\ndate: 2023\n", 3, ["ngoặc { mở ở dòng 3", "}"]),
    "text after a closing quote": ('title: "Họp" dân thôn Đông\ndate: 2023-03-01\n', 2,
                                   ["sau dấu ngoặc kép", "title: '\"Họp\" dân thôn Đông'"]),
    "field indented too far": ("title: Họp dân\n  date: 2023-03-01\n", 3, ["thụt"]),
    "nested field out of line": ("masthead:\n  editor_in_chief: A\n address: B\n", 4, ["thụt lề"]),
    "missing colon": ("title: Họp dân\ndate 2023-03-01\ncategory: Tin\n", 3, ["thiếu dấu hai chấm"]),
    "dash without space": ("title: A\ntags:\n- a\n-b\n", 5, ["dấu cách"]),
    "list item under a text field": ("title: Họp dân\n- giao thông\n", 3, ["mục danh sách"]),
    "value starting with @": ("title: Họp dân\nauthor: @maichi\n", 3, ['"@"', 'author: "@maichi"']),
    "value starting with a backtick": ("title: `Họp dân`\n", 2, ['"`"']),
    "value starting with &": ("title: & Họp dân\n", 2, ['"&"']),
    "value starting with *": ("title: *Họp dân*\n", 2, ['"*"']),
    "value starting with |": ("title: |Họp dân\n", 2, ['"|"']),
    "backslash in double quotes": ('title: Họp\nimage: "C:\\Users\\anh.jpg"\n', 3, ["ngoặc đơn"]),
    "nesting 2000 deep": ("title: A\nx: " + "[" * 2000 + "]" * 2000 + "\n", 3, ["lồng nhau quá sâu"]),
    "nesting 100 deep": ("title: A\nx: " + "[" * 100 + "]" * 100 + "\n", 3, ["lồng nhau quá sâu"]),
    "block nesting 1500 deep": ("title: A\nx:\n" + "".join(" " * i + "- \n" for i in range(1500)), None,
                                ["lồng nhau quá sâu"]),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_yaml_mistakes_are_explained_in_vietnamese_on_the_right_line(name, loader):
    text, line, words = MISTAKES[name]
    fm, problems = front(text)
    assert fm is None
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.code == "yaml_syntax"
    if line is not None:
        assert problem.line == line, problem.format()
    for word in words:
        assert word in problem.message, problem.message
    assert not ENGLISH.search(problem.message), problem.message


def test_an_unknown_error_class_still_gets_vietnamese(loader):
    # a YAML directive inside front matter: rare, no special explanation
    _, _, problems = load_yaml("content/site.yml", "%YAML 1.1 x\n---\na: 1\n")
    if problems:
        assert not ENGLISH.search(problems[0].message), problems[0].message
        assert problems[0].line is not None


@pytest.mark.parametrize("text, key, first, second", [
    ("title: A\ndraft: true\ndate: 2023-03-01\ndraft: false\n", "draft", 3, 5),
    ("title: A\ntitle: B\n", "title", 2, 3),
    ('title: A\n"title": B\n', "title", 2, 3),
    ("title: A\ntags: [a]\nx: {k: 1, k: 2}\n", "k", 4, 4),
])
def test_a_key_given_twice_in_front_matter_is_an_error_naming_both_lines(text, key, first, second, loader):
    fm, problems = front(text)
    assert fm is None
    assert [p.code for p in problems] == ["yaml_duplicate_key"]
    assert problems[0].line == second
    assert f'"{key}"' in problems[0].message
    assert f"dòng {first} và dòng {second}" in problems[0].message


def test_duplicate_keys_in_nested_mappings_and_list_items(loader):
    site = ("name: Xã A\nmasthead:\n  editor_in_chief: A\n  phone: '1'\n  phone: '2'\n"
            "menu:\n  - {title: A, url: /a/, url: /b/}\n")
    data, _, problems = load_yaml("content/site.yml", site)
    assert data is None
    assert sorted((p.line, p.code) for p in problems) == [(5, "yaml_duplicate_key"), (7, "yaml_duplicate_key")]
    tthc = "months:\n  - month: 2023-01\n    on_time: 5\n    late: 0\n    on_time: 9\n"
    _, _, problems = load_yaml("content/tthc.yml", tthc)
    assert [(p.line, p.code) for p in problems] == [(5, "yaml_duplicate_key")]
    assert "dòng 3 và dòng 5" in problems[0].message


def test_the_same_key_in_different_mappings_is_fine(loader):
    text = "menu:\n  - {title: A, url: /a/}\n  - {title: B, url: /b/}\nmasthead: {title: x}\n"
    data, lines, problems = load_yaml("content/site.yml", text)
    assert problems == []
    assert data["menu"][1]["url"] == "/b/"
    assert lines["menu[1].url"] == 3 and lines["masthead.title"] == 4 and lines["menu"] == 1


def test_control_characters_written_as_escapes_are_refused_on_their_line(loader):
    _, _, problems = load_yaml("content/site.yml", 'name: A\nparent: "x\\x01y"\n')
    assert [(p.line, p.code) for p in problems] == [(2, "control_chars")]
    assert "U+0001" in problems[0].message
    _, _, problems = load_yaml("content/site.yml", 'name: "\\uFFFE"\n')
    assert [(p.line, p.code) for p in problems] == [(1, "control_chars")]
