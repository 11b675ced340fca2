"""The editors' field tables are generated from the declarations and kept up to date."""

from dataclasses import replace
from pathlib import Path

import pytest

from generator import docs_tables
from generator.content_types import INT, NEWS, STANDARD, ContentType, ContentTypes, Field

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", docs_tables.DOCUMENTS)
def test_the_docs_tables_match_the_declarations(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    assert "<!-- bantin:fields -->" in text and "<!-- /bantin:fields -->" in text
    assert docs_tables.refresh(text) == text, (
        f"{name}: bảng trường đã cũ — chạy python -m generator.docs_tables")


def test_a_changed_declaration_makes_the_docs_stale():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    faq = ContentType("hoi-dap", "Hỏi đáp", "câu hỏi của người dân và trả lời của xã",
                      NEWS.fields + (Field("order", INT, "thứ tự", "thứ tự trong danh sách", "3"),))
    fresh = docs_tables.refresh(text, STANDARD.plus(faq))
    assert fresh != text
    assert "| `hoi-dap/` | câu hỏi của người dân và trả lời của xã | `/hoi-dap/<tên-bài>/` |" in fresh
    assert "| `order` | không (chỉ dùng trong `hoi-dap/`) | thứ tự trong danh sách | `order: 3` |" in fresh
    # text outside the markers is kept as it was
    assert fresh.split("<!-- bantin:types -->")[0] == text.split("<!-- bantin:types -->")[0]


def test_requirement_wording_follows_the_rules():
    # the four article types (documents and procedures, issue 15, have fields of their own)
    articles = ContentTypes(tuple(STANDARD[key] for key in ("tin-tuc", "ban-tin", "thong-bao", "trang")))
    assert docs_tables.requirement("title", STANDARD) == "có"
    assert docs_tables.requirement("date", articles) == "có (trừ `trang/` và bài nháp)"
    assert docs_tables.requirement("period", STANDARD) == "có, với `ban-tin/`"
    assert docs_tables.requirement("tags", articles) == "không"
    strict = articles.plus(replace(STANDARD["trang"], fields=STANDARD["tin-tuc"].fields))
    assert docs_tables.requirement("date", strict) == "có (trừ bài nháp)"
