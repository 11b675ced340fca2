"""The Markdown dialect of editors' habits (generator/editor_markdown.py):
what Word and Zalo paste becomes lists and tables, and nothing standard
Markdown already means changes."""

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator import markup
from generator import list_items
from generator.importer import lines
from generator.markup import render_markdown, sanitise
from generator.source import Source, split_front_matter

ROOT = Path(__file__).resolve().parents[2]

# A commune notice as it arrives when pasted from Word: "1)⇥", "a)⇥", "•⇥" and
# "o⇥" items, a tab-separated table, NBSP (U+00A0) and a zero-width space (U+200B).
NOTICE = (
    "UBND xã Lam Sơn thông báo lịch tiêm phòng gia súc, gia cầm đợt 1 năm 2024 như sau:\n"
    "1)\tThời gian: từ ngày 15/3/2024 đến hết ngày 25/3/2024.\n"
    "2)\tĐối tượng tiêm phòng:\n"
    "a)\tTrâu, bò: vắc xin lở mồm long móng;\n"
    "b)\tLợn: vắc xin dịch tả lợn;\n"
    "c)\tChó, mèo: vắc xin dại.\n"
    "3)\tĐịa điểm: nhà văn hoá các thôn.\n"
    "Các hộ chăn nuôi cần chuẩn bị:\n"
    "•\tSổ theo dõi chăn nuôi;\n"
    "o\tghi rõ số con từng loài;\n"
    "•\tDụng cụ cố định vật nuôi;\n"
    "•\tNước\u00a0sạch để\u200b vệ sinh.\n"
    "Lịch tiêm từng thôn:\n"
    "Thôn\tNgày tiêm\tSố hộ\tSố con\n"
    "Thôn Đông\t15/3/2024\t126\t3.420\n"
    "Thôn Tây\t17/3/2024\t98\t2.115\n"
    "Mọi thắc mắc liên hệ ông Nguyễn Văn Bình, cán bộ thú y xã.\n"
)


def tree(html: str) -> ElementTree.Element:
    return ElementTree.fromstring(f"<div>{html}</div>")


def plain_markdown(text: str) -> str:
    md = markup._new_markdown(editor_habits=False)
    return sanitise(md.convert(text))


def habits_markdown(text: str) -> str:
    md = markup._new_markdown(editor_habits=True)
    return sanitise(md.convert(text))


def test_a_word_pasted_notice_becomes_lists_and_a_table():
    root = tree(render_markdown(NOTICE).html)
    assert [el.tag for el in root] == ["p", "ol", "p", "ul", "p", "div", "p"]  # div: the table's scroll box
    ol = root[1]
    assert [li.text.strip() for li in ol.findall("li")] == [
        "Thời gian: từ ngày 15/3/2024 đến hết ngày 25/3/2024.", "Đối tượng tiêm phòng:",
        "Địa điểm: nhà văn hoá các thôn."]
    letters = ol.findall("li")[1].find("ol")
    assert letters.get("type") == "a" and letters.get("start") is None
    assert [li.text for li in letters] == ["Trâu, bò: vắc xin lở mồm long móng;", "Lợn: vắc xin dịch tả lợn;",
                                           "Chó, mèo: vắc xin dại."]
    ul = root[3]
    assert [li.text.strip() for li in ul.findall("li")] == [
        "Sổ theo dõi chăn nuôi;", "Dụng cụ cố định vật nuôi;", "Nước sạch để vệ sinh."]
    assert [li.text for li in ul.findall("li")[0].find("ul")] == ["ghi rõ số con từng loài;"]
    table = root[5].find("table")
    assert [th.text for th in table.iter("th")] == ["Thôn", "Ngày tiêm", "Số hộ", "Số con"]
    assert [[td.text for td in tr] for tr in table.find("tbody")] == [
        ["Thôn Đông", "15/3/2024", "126", "3.420"], ["Thôn Tây", "17/3/2024", "98", "2.115"]]
    html = render_markdown(NOTICE).html
    assert "\u00a0" not in html and "\u200b" not in html and "&nbsp;" not in html


def test_labels_give_the_start_the_type_and_skipped_numbers():
    root = tree(render_markdown("Trích:\n3)\tBa\n4)\tBốn\n6)\tSáu").html)
    ol = root.find("ol")
    assert ol.get("start") == "3" and ol.get("type") is None
    assert [li.get("value") for li in ol] == [None, None, "6"]
    roman = tree(render_markdown("Mục lục:\nI.\tMở đầu\nII.\tThực trạng\nIII.\tGiải pháp\nIV.\tKiến nghị\n"
                                 "V.\tKết luận").html).find("ol")
    assert roman.get("type") == "I" and len(roman) == 5 and all(li.get("value") is None for li in roman)
    upper = tree(render_markdown("Phần:\nB.\tHai\nC.\tBa").html).find("ol")
    assert upper.get("type") == "A" and upper.get("start") == "2"


def test_vietnamese_letters_count_with_d_stroke():
    root = tree(render_markdown("Khoản 1:\nd)\tmột\nđ)\thai\ne)\tba\ng)\tbốn").html)
    ol = root.find("ol")
    assert ol.get("type") == "a" and ol.get("class") == "vi"
    assert ol.get("start") == str(list_items.VIETNAMESE_LETTERS.index("d") + 1)
    assert all(li.get("value") is None for li in ol)  # đ, e, g follow d in the Vietnamese alphabet
    upper = tree(render_markdown("Phần:\nD.\tmột\nĐ.\thai").html).find("ol")
    assert upper.get("type") == "A" and upper.get("class") == "vi-upper" and upper.get("start") == "4"


@pytest.mark.parametrize("bullet", ["•", "–", "-", "+", "*", "○", "▪", "\uf0b7"])
def test_every_bullet_with_a_tab_or_spaces_inside_a_paragraph_is_an_item(bullet):
    for gap in ("\t", "  ", " "):
        root = tree(render_markdown(f"Gồm:\n{bullet}{gap}Một\n{bullet}{gap}Hai").html)
        assert [el.tag for el in root] == ["p", "ul"], (bullet, gap)
        assert [li.text for li in root.find("ul")] == ["Một", "Hai"]


def test_a_tab_table_needs_two_lines_none_wider_than_the_header():
    assert "<table>" not in render_markdown("Một\tdòng\tthôi").html
    assert "<table>" not in render_markdown("A\tB\nC\tD\tE").html
    two = tree(render_markdown("Họ tên\tThôn\nNguyễn Văn A\tĐông").html)
    assert [el.tag for el in two] == ["div"] and two[0][0].tag == "table"
    # "1)⇥item" lines are a list, not a two-column table
    assert tree(render_markdown("1)\tMột\n2)\tHai").html)[0].tag == "ol"


def test_inline_markdown_still_works_inside_items_and_cells():
    html = render_markdown("Xem:\n•\t**Quan trọng**: [văn bản](/thong-bao/x/)\n\nA\tB\n*nghiêng*\t`mã`").html
    assert "<strong>Quan trọng</strong>" in html and 'href="../../thong-bao/x/"' in html
    assert "<td><em>nghiêng</em></td>" in html and "<td><code>mã</code></td>" in html


def test_nbsp_at_the_start_of_a_line_is_not_indentation():
    # four NBSP pasted as a first-line indent: text, not a code block; a trailing NBSP pair is not a <br>
    html = render_markdown("\u00a0\u00a0\u00a0\u00a0Thực hiện kế hoạch số 12.\u00a0\u00a0\nTiếp theo.").html
    assert html == "<p>Thực hiện kế hoạch số 12.\nTiếp theo.</p>"
    assert render_markdown("Một\n\u00a0\nHai").html == "<p>Một</p>\n<p>Hai</p>"  # an NBSP-only line is blank


def test_soft_hyphen_zero_width_and_emoji_joiner():
    html = render_markdown("Nông\u00adthôn\u200c mới\ufeff \u2060xã 👨\u200d👩\u200d👧").html
    assert html == "<p>Nôngthôn mới xã 👨\u200d👩\u200d👧</p>"


@pytest.mark.parametrize("text", [
    "```\n•\tnot a list\n1)\tnor this\nA\tB\nC\tD\n```",               # fenced code
    "Code:\n\n    •\tindented\n    A\tB\n    C\tD\n",                 # indented code
    "<div>\n•\traw HTML\nA\tB\nC\tD\n</div>",                         # raw HTML block
    "- standard\n- list\n•\tlazy line\n",                              # a standard list keeps its lazy lines
    "1.\tone\n2.\ttwo\n",                                              # a standard list with tabs
    "> quote\n•\tlazy\n",                                              # a quote keeps its lazy line
    "| a | b |\n| - | - |\n| 1\t2 | 3 |\n",                            # a pipe table
    "•\tSetext heading\n---\n",                                        # a setext heading stays one
    "* * *\n\n- - -\n",                                                # rules
    "Text\n    - not code\n",                                          # lazy indented line
])
def test_what_standard_markdown_already_means_does_not_change(text):
    assert habits_markdown(text) == plain_markdown(text)


def _bodies():
    for path in sorted((ROOT / "content").rglob("*.md")):
        front, _ = split_front_matter(Source(str(path), path.read_text(encoding="utf-8")))
        yield str(path.relative_to(ROOT)), front.body
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        yield str(path.relative_to(ROOT)), text
        for n, example in enumerate(re.findall(r"^```(?:markdown|md)\n(.*?)^```", text, re.M | re.S)):
            body = re.sub(r"\A---\n.*?\n---\n", "", example, flags=re.S)
            yield f"{path.relative_to(ROOT)} example {n + 1}", body


def test_the_sample_site_and_the_docs_render_exactly_as_before():
    checked = 0
    for name, body in _bodies():
        assert habits_markdown(body) == plain_markdown(body), name
        checked += 1
    assert checked > 30  # every sample article, README, docs and their examples


def test_the_sanitiser_keeps_list_attributes_only_with_sane_values():
    html = sanitise('<ol type="a" start="3" class="vi"><li value="5">x</li></ol>')
    assert html == '<ol type="a" start="3" class="vi"><li value="5">x</li></ol>'
    assert 'class="vi-upper"' in sanitise('<ol class="vi-upper"><li>x</li></ol>')
    html = sanitise('<ol type="disc" start="x" class="evil"><li value="javascript:">x</li></ol>')
    assert html == "<ol><li>x</li></ol>"


def test_the_importer_and_the_dialect_share_what_a_bullet_is():
    for bullet in "•–○▪\uf0b7":
        assert lines.ITEM_RE.match(f"{bullet} Họp dân") and list_items.list_item(f"{bullet}\tHọp dân")
    assert list_items.list_item("a)\tTrâu bò").style == "lower"
    assert list_items.list_item("IV.\tKiến nghị").style == "roman"
    assert list_items.list_item("a) Trâu bò") is None  # a label needs a tab: "a) x" is ordinary text


def test_the_size_limits_count_what_the_dialect_reads_as_lists_and_tables():
    from generator.limits import MAX_SIBLINGS, markdown_problems
    rows = "\n".join(f"{i}\tNguyễn Văn {i}\tThôn Đông" for i in range(MAX_SIBLINGS + 1))
    assert [code for _, code, _ in markdown_problems("STT\tHọ tên\tThôn\n" + rows)] == ["markdown_limit"]
    items = "\n".join(f"–\tMục {i}" for i in range(MAX_SIBLINGS + 1))
    assert [code for _, code, _ in markdown_problems("Gồm:\n" + items)] == ["markdown_limit"]
    assert markdown_problems("STT\tHọ tên\n" + "\n".join(f"{i}\tA" for i in range(100))) == []
    # ordinary sentences are not items
    assert markdown_problems("\n".join("Câu văn bình thường số %d." % i for i in range(MAX_SIBLINGS + 1))) == []


def test_the_line_after_a_run_starts_a_paragraph_that_can_hold_more_items():
    root = tree(render_markdown("Gồm:\n•\tMột\nTrân trọng.\n- hai\n- ba").html)
    assert [el.tag for el in root] == ["p", "ul", "p", "ul"]
    assert [li.text for li in root[3]] == ["hai", "ba"]
    # an indented line after a run is text, not code; an underline after it is a rule, not a heading
    html = render_markdown("Gồm:\n•\tMột\n        tiếp theo\n---").html
    assert html.endswith("</ul>\n<p>tiếp theo</p>\n<hr>") and "<pre>" not in html and "<h2>" not in html


@pytest.mark.parametrize("bullet", ["Ø", "§", "ü", "Ÿ"])
def test_wingdings_bullets_without_their_font_are_items_not_a_table(bullet):
    root = tree(render_markdown(f"Gồm:\n{bullet}\tHọp dân;\n{bullet}\tBáo cáo xã.").html)
    assert [el.tag for el in root] == ["p", "ul"], bullet
    assert [li.text for li in root.find("ul")] == ["Họp dân;", "Báo cáo xã."]
    assert list_items.list_item(f"{bullet} Họp dân") is None  # without a tab: text ("Øresund")


@pytest.mark.parametrize("letter", ["v", "q"])
def test_letter_bullets_need_a_tab_and_a_run_of_the_same_one(letter):
    root = tree(render_markdown(f"Gồm:\n{letter}\tHọp dân;\n{letter}\tBáo cáo;\n{letter}\tTổng kết.").html)
    assert [el.tag for el in root] == ["p", "ul"] and len(root.find("ul")) == 3
    # one such line among others is a table row or text, never a bullet
    html = render_markdown(f"Ký hiệu\tNghĩa\n{letter}\tvắng mặt\nx\tcó mặt").html
    assert "<table>" in html and f"<td>{letter}</td>" in html and "<ul>" not in html
    assert "<ul>" not in render_markdown(f"Gồm:\n{letter}\tmột dòng thôi").html


def test_a_tab_table_whose_first_column_is_bullets_is_a_list():
    root = tree(render_markdown("•\tThôn Đông\t126 hộ\n•\tThôn Tây\t98 hộ").html)
    assert [el.tag for el in root] == ["ul"] and [li.text for li in root[0]] == ["Thôn Đông 126 hộ", "Thôn Tây 98 hộ"]


def test_a_leading_tab_before_a_bullet_or_a_label_is_a_level_deeper():
    root = tree(render_markdown("Gồm:\n•\tCon trưởng;\n\to\tÝ con một;\n\to\tÝ con hai;\n•\tCon thứ.").html)
    assert [el.tag for el in root] == ["p", "ul"]
    outer = root[1].findall("li")
    assert [li.text for li in outer] == ["Con trưởng;", "Con thứ."]
    assert [li.text for li in outer[0].find("ul")] == ["Ý con một;", "Ý con hai;"]
    # the same bullet one tab deeper is a level too, and a numbered list under a label
    root = tree(render_markdown("Gồm:\n1)\tMục một;\n\t1.\tMục thụt một;\n\t2.\tMục thụt hai;\n"
                                "\t\t•\tSâu hơn;\n2)\tMục hai.").html)
    outer = root.find("ol").findall("li")
    assert [li.text for li in outer] == ["Mục một;", "Mục hai."]
    inner = outer[0].find("ol")
    assert [li.text for li in inner] == ["Mục thụt một;", "Mục thụt hai;"]
    assert [li.text for li in inner[1].find("ul")] == ["Sâu hơn;"]
    root = tree(render_markdown("Gồm:\n•\tMột;\n\t•\tMột chấm một;\n•\tHai.").html)
    assert [li.text for li in root.find("ul").findall("li")[0].find("ul")] == ["Một chấm một;"]


def test_a_tab_indented_numbered_list_is_not_code():
    for text in ("\t1.\tMục thụt một;\n\t2.\tMục thụt hai;", "Trước.\n\n\ta)\tMột;\n\tb)\tHai;"):
        html = render_markdown(text).html
        assert "<pre>" not in html and "<table>" not in html, text
        assert len(tree(html).find("ol")) == 2, text


def test_a_blank_line_between_different_markers_starts_a_new_list_not_a_level():
    root = tree(render_markdown("a)\tMột;\nb)\tHai.\n\nI.\tPhần một\nII.\tPhần hai").html)
    assert [(el.tag, el.get("type")) for el in root] == [("ol", "a"), ("ol", "I")]
    assert root[0].find("li/ol") is None
    root = tree(render_markdown("Gồm:\n•\tMột\n•\tHai\n\n–\tBa\n–\tBốn").html)
    assert [el.tag for el in root] == ["p", "ul", "ul"] and root[1].find("li/ul") is None
    assert [li.text for li in root[2]] == ["Ba", "Bốn"]
    # the same marker after a blank line still continues its list; without the blank line it is a level
    root = tree(render_markdown("Gồm:\n1)\tMột\na)\tmột a\n\nb)\tmột b\n2)\tHai").html)
    assert [el.tag for el in root] == ["p", "ol"] and [li.text for li in root[1].find("li/ol")] == ["một a", "một b"]


def test_a_tab_table_keeps_short_rows_and_ignores_trailing_tabs():
    root = tree(render_markdown("Thôn\tNgày tiêm\tSố hộ\nThôn Đông\t15/3/2024\nThôn Tây\t17/3/2024\t98\t\n"
                                "Thôn Bắc\t\t\nThôn Nam\t19/3/2024\t40").html)
    assert [el.tag for el in root] == ["div"]
    table = root[0].find("table")
    assert [th.text for th in table.iter("th")] == ["Thôn", "Ngày tiêm", "Số hộ"]
    assert [[td.text or "" for td in tr] for tr in table.find("tbody")] == [
        ["Thôn Đông", "15/3/2024", ""], ["Thôn Tây", "17/3/2024", "98"], ["Thôn Bắc", "", ""],
        ["Thôn Nam", "19/3/2024", "40"]]
    # a header typed with a trailing tab has the cells it shows
    root = tree(render_markdown("Họ tên\tThôn\t\nNguyễn Văn A\tĐông").html)
    assert [th.text for th in root[0].find("table").iter("th")] == ["Họ tên", "Thôn"]
