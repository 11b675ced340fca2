"""Content types are declarations: validation, emptiness and check rules follow them."""

from datetime import datetime

from generator.check_rules import article_findings
from generator.content import VALIDATORS, is_empty_body, parse_article
from generator.content_types import KINDS, REQUIRED, STANDARD, UNLESS_DRAFT
from generator.source import Source
from generator.text import VIETNAM_TZ

NOW = datetime(2024, 1, 1, tzinfo=VIETNAM_TZ)


def parse(text, key="tin-tuc", name="2023/bai"):
    return parse_article(Source(f"content/{key}/{name}.md", text), STANDARD[key], None)


def test_every_declared_kind_has_a_validator():
    assert set(KINDS) == set(VALIDATORS)
    for ctype in STANDARD.values():
        for spec in ctype.fields:
            assert spec.kind in VALIDATORS, (ctype.key, spec.name)


def test_the_standard_declarations_keep_the_article_contract():
    assert list(STANDARD)[:4] == ["tin-tuc", "ban-tin", "thong-bao", "trang"]
    assert {"van-ban", "thu-tuc"} <= set(STANDARD)  # issue 15: documents and procedures
    for key in ("tin-tuc", "ban-tin", "thong-bao"):
        assert STANDARD[key].field("date").required == UNLESS_DRAFT
    assert STANDARD["trang"].field("date").required != UNLESS_DRAFT and not STANDARD["trang"].dated
    assert STANDARD["ban-tin"].field("period").required == REQUIRED
    assert STANDARD["tin-tuc"].field("period") is None


def test_a_known_field_in_another_case_is_an_error_not_a_silent_publish():
    item, problems = parse("---\ntitle: Bài\ndate: 2023-01-01\nDraft: true\n---\nNội dung.\n")
    assert item is None
    (problem,) = [p for p in problems if p.code == "field_case"]
    assert problem.line == 4 and problem.level == "error"
    assert '"Draft"' in problem.message and "draft:" in problem.message
    item, problems = parse("---\nTitle: Bài\ndate: 2023-01-01\n---\nNội dung.\n")
    assert item is None and {p.code for p in problems} >= {"field_case", "missing_field"}


def test_an_unknown_field_is_a_warning_with_a_suggestion():
    item, problems = parse("---\ntitle: Bài\ndate: 2023-01-01\ncategoy: Kinh tế\n---\nNội dung.\n")
    assert item is not None
    (problem,) = problems
    assert problem.level == "warning" and problem.line == 4 and '"category"' in problem.message


def test_emptiness_is_one_rule_for_build_and_check():
    assert is_empty_body("") and is_empty_body("  \n\n")
    assert is_empty_body("<!-- Viết nội dung bài ở đây -->\n\n<!-- hai -->\n")
    assert is_empty_body("<!-- chưa đóng\n")
    assert not is_empty_body("<!-- x -->\nMột câu.")
    assert not is_empty_body("![Ảnh](media/a.jpg)")
    # the comment `new` writes: build refuses the published article…
    comment = STANDARD["tin-tuc"].scaffold_body
    item, problems = parse(f"---\ntitle: Bài\ndate: 2023-01-01\n---\n\n{comment}")
    assert item is None and [p.code for p in problems] == ["empty_article"] and problems[0].line == 6  # the comment line
    # …and check warns about the draft, by the same rule
    item, problems = parse(f"---\ntitle: Bài\ndraft: true\n---\n\n{comment}")
    assert problems == [] and item.empty
    findings = [f for f in article_findings(item, NOW) if f.code == "empty_article"]
    assert [(f.level, f.line) for f in findings] == [("warning", 6)]
    item, _ = parse("---\ntitle: Bài\ndraft: true\n---\n\nCó nội dung.\n")
    assert not item.empty and "empty_article" not in {f.code for f in article_findings(item, NOW)}


def test_check_advises_on_the_fields_the_declaration_marks():
    item, _ = parse("---\ntitle: Bài\ndate: 2023-01-01\n---\n\nCó nội dung.\n")
    assert {f.code for f in article_findings(item, NOW)} == {"default_category", "default_summary"}
    page, _ = parse("---\ntitle: Giới thiệu\n---\n\nCó nội dung.\n", "trang")
    assert article_findings(page, NOW) == []


def test_the_scaffold_of_every_standard_type_is_a_valid_draft():
    from generator.commands.new import article_text, parse_asked
    for ctype in STANDARD.values():
        asked, problem = parse_asked(ctype, {f.name: f.example.strip('"') for f in ctype.fields if f.ask})
        assert problem is None
        text = article_text(ctype, "Tiêu đề", NOW, "Mai Chi", asked)
        # the file where new puts it (a week's schedule is named by its week)
        name = asked[ctype.file_named_by].file_stems[0] if ctype.file_named_by else "2023/bai"
        item, problems = parse(text, ctype.key, name)
        assert problems == [] and item.draft, ctype.key
        assert item.category == ctype.title
        assert item.author == ("Mai Chi" if ctype.field("author") else "")
        # published as written: only the fields new leaves for the editor (a leader's position)
        # and an empty body (the comment) stop it
        published, problems = parse(text.replace("draft: true\n", ""), ctype.key, name)
        left = ["empty_field" for f in ctype.fields if f.scaffold and f.required == UNLESS_DRAFT
                and f.name not in ("title", "date", "category", "author", "draft") and f.name not in asked]
        if is_empty_body(ctype.scaffold_body) and ctype.body_required:
            assert item.empty and published is None and [p.code for p in problems] == left + ["empty_article"]
        elif is_empty_body(ctype.scaffold_body) or left:  # all in its fields (or notes that may stay empty)
            assert published is None and [p.code for p in problems] == left, ctype.key
        else:
            assert not item.empty and published is not None and problems == [], ctype.key


def test_a_bad_item_of_a_list_is_named_on_its_own_line():
    item, problems = parse("---\ntitle: Bài\ndate: 2023-01-01\ntags:\n  - giao thông\n  - {a: 1}\n---\nx\n")
    assert item is None and [(p.code, p.line) for p in problems] == [("field_type", 6)]
    item, problems = parse("---\ntitle: Bài\ndate: 2023-01-01\ntags: [giao thông, [a]]\n---\nx\n")
    assert item is None and [(p.code, p.line) for p in problems] == [("field_type", 4)]


def test_a_type_may_hold_everything_in_its_fields():
    from dataclasses import replace
    from generator.content_types import INT, Field
    card = replace(STANDARD["trang"], key="lanh-dao", body_required=False,
                   fields=STANDARD["trang"].fields + (Field("order", INT, "thứ tự", "thứ tự", "1"),))
    text = "---\ntitle: Nguyễn Văn A\norder: 2\n---\n"
    item, problems = parse_article(Source("content/lanh-dao/a.md", text), card, None)
    assert problems == [] and item.empty and item.value("order") == 2
    assert article_findings(item, NOW, STANDARD.plus(card)) == []
    item, problems = parse_article(Source("content/lanh-dao/a.md", text.replace("2", "hai")), card, None)
    assert item is None and [(p.code, p.line) for p in problems] == [("field_type", 3)]
