"""Adding a content type is one declaration plus its templates.

A throwaway "hỏi đáp" (questions from residents, answered by the commune) is
declared here, with fields of its own and two templates in a copy of the theme.
Nothing in generator/ is changed or patched: the declaration reaches the build
through BuildOptions.types, and from it come the validation messages (file and
line), the scaffold ``new`` writes, and the type's list and item pages.
"""

from __future__ import annotations

import shutil

from generator.commands.new import article_text, target_path
from generator.content import parse_article
from generator.content_types import (BY_TITLE, DRAFT, INT, SLUG_FIELD, STANDARD, TEXT, TITLE,
                                     UNLESS_DRAFT, ContentType, Field, ListPage)
from generator.errors import errors_of
from generator.pipeline import BuildOptions, build, load_site
from generator.source import Source
from tests.conftest import NOW, THEME, make_site

FAQ = ContentType(
    "hoi-dap", "Hỏi đáp", "câu hỏi của người dân và trả lời của xã",
    fields=(
        TITLE,
        Field("question", TEXT, "câu hỏi", "câu hỏi của người dân, nguyên văn",
              "Làm thẻ BHYT cho trẻ dưới 6 tuổi ở đâu?", required=UNLESS_DRAFT, scaffold=True),
        Field("asker", TEXT, "người hỏi", "tên và thôn của người hỏi", "Bà Nguyễn Thị C, thôn Phú Xá",
              scaffold=True),
        Field("answered_by", TEXT, "người trả lời", "cán bộ trả lời", "Công chức Văn hoá - Xã hội",
              required=UNLESS_DRAFT, scaffold=True),
        Field("order", INT, "thứ tự", "thứ tự trong danh sách (số nhỏ lên trước)", "3"),
        SLUG_FIELD, DRAFT,
    ),
    dated=False, order=BY_TITLE, list_page=ListPage("hoi-dap-list.html"), template="hoi-dap.html",
    scaffold_body="<!-- Viết câu trả lời của xã ở đây. -->\n")

TYPES = STANDARD.plus(FAQ)

ITEM_TEMPLATE = """{% extends "base.html" %}
{% block main %}
<article class="faq">
  <h1>{{ article.title }}</h1>
  <p class="question">{{ article.value("question") }} — {{ article.value("asker") }}</p>
  <p class="answered-by">Trả lời: {{ article.value("answered_by") }}</p>
  <div class="body">{{ article.html|safe }}</div>
</article>
{% endblock %}
"""

LIST_TEMPLATE = """{% extends "base.html" %}
{% block main %}
<h1>{{ heading }}</h1>
<ol class="faq-list">
{% for item in articles %}  <li><a href="{{ url(item.url) }}">{{ item.title }}</a></li>
{% endfor %}</ol>
{% endblock %}
"""

GOOD = """---
title: Thẻ BHYT cho trẻ em
question: Làm thẻ BHYT cho trẻ dưới 6 tuổi ở đâu?
asker: Bà Nguyễn Thị C, thôn Phú Xá
answered_by: Công chức Văn hoá - Xã hội
order: 1
---

Cha mẹ nộp tờ khai tại bộ phận một cửa của xã.
"""

BAD = """---
title: Đăng ký khai sinh
asker: Ông Trần Văn D
order: ba
---

Nộp tờ khai tại bộ phận một cửa.
"""


def faq_theme(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(THEME, theme)
    (theme / "templates" / "hoi-dap.html").write_text(ITEM_TEMPLATE, encoding="utf-8")
    (theme / "templates" / "hoi-dap-list.html").write_text(LIST_TEMPLATE, encoding="utf-8")
    return theme


def options(tmp_path, content, **more):
    return BuildOptions(content=content, theme=faq_theme(tmp_path), output=tmp_path / "public", now=NOW,
                        types=TYPES, **more)


def test_its_fields_are_validated_with_file_and_line(tmp_path):
    content = make_site(tmp_path, {"hoi-dap/the-bhyt.md": GOOD, "hoi-dap/khai-sinh.md": BAD})
    found = {d.format() for d in errors_of(load_site(options(tmp_path, content)).diagnostics)}
    assert found == {
        'content/hoi-dap/khai-sinh.md:4: trường "order" phải là một số nguyên, không phải một dòng chữ '
        "— ví dụ: order: 3",
        'content/hoi-dap/khai-sinh.md:2: thiếu trường bắt buộc "question" — thêm dòng '
        "question: Làm thẻ BHYT cho trẻ dưới 6 tuổi ở đâu?",
        'content/hoi-dap/khai-sinh.md:2: thiếu trường bắt buộc "answered_by" — thêm dòng '
        "answered_by: Công chức Văn hoá - Xã hội",
    }
    # the same folder is not a content type of the standard site
    standard = load_site(BuildOptions(content=content, theme=THEME, now=NOW)).diagnostics
    assert {d.code for d in errors_of(standard)} == {"unknown_section"}


def test_new_writes_its_scaffold(tmp_path):
    text = article_text(FAQ, "Thẻ BHYT cho trẻ em", NOW, "Mai Chi")
    assert text == (
        "---\n"
        'title: "Thẻ BHYT cho trẻ em"\n'
        "question:  # câu hỏi, ví dụ: Làm thẻ BHYT cho trẻ dưới 6 tuổi ở đâu?\n"
        "asker:  # người hỏi, ví dụ: Bà Nguyễn Thị C, thôn Phú Xá\n"
        "answered_by:  # người trả lời, ví dụ: Công chức Văn hoá - Xã hội\n"
        "draft: true\n"
        "---\n"
        "\n"
        "<!-- Viết câu trả lời của xã ở đây. -->\n")
    assert target_path(tmp_path, FAQ, "the-bhyt-cho-tre-em", NOW.year) == tmp_path / "hoi-dap" / "the-bhyt-cho-tre-em.md"
    # the scaffold is a valid draft; published as it is, it names what is missing
    item, problems = parse_article(Source("content/hoi-dap/x.md", text), FAQ, None)
    assert item is not None and item.draft and item.empty and problems == []
    published = text.replace("draft: true\n", "")
    item, problems = parse_article(Source("content/hoi-dap/x.md", published), FAQ, None)
    assert item is None
    assert {(p.code, p.line) for p in problems} == {
        ("empty_field", 3), ("empty_field", 5), ("empty_article", 8)}


def test_its_list_page_and_item_pages_are_built(tmp_path):
    content = make_site(tmp_path, {"hoi-dap/the-bhyt.md": GOOD,
                                   "hoi-dap/khai-sinh.md": GOOD.replace("Thẻ BHYT cho trẻ em", "Đăng ký khai sinh")})
    build(options(tmp_path, content))
    out = tmp_path / "public"
    listing = (out / "hoi-dap" / "index.html").read_text(encoding="utf-8")
    assert '<ol class="faq-list">' in listing
    assert listing.index("Đăng ký khai sinh") < listing.index("Thẻ BHYT cho trẻ em")  # ordered by title
    page = (out / "hoi-dap" / "the-bhyt-cho-tre-em" / "index.html").read_text(encoding="utf-8")
    assert "Làm thẻ BHYT cho trẻ dưới 6 tuổi ở đâu? — Bà Nguyễn Thị C, thôn Phú Xá" in page
    assert "Trả lời: Công chức Văn hoá - Xã hội" in page
    assert "Cha mẹ nộp tờ khai" in page
