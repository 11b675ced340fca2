import time

import pytest

from generator.source import decode, split_front_matter


def parse(data: bytes):
    source, problems = decode("content/tin-tuc/a.md", data)
    if source is None:
        return None, problems
    return split_front_matter(source)


def test_fields_carry_their_file_line():
    fm, problems = parse(b"---\ntitle: A\n\ndate: 2023-01-01\ntags:\n  - x\n---\n\nBody\n")
    assert problems == []
    assert fm.lines["title"] == 2
    assert fm.body_line == 9
    # blank lines right after the opening --- must not shift the numbers
    fm, problems = parse(b"---\n\n\ntitle: A\n---\n\n\nBody\n")
    assert fm.lines["title"] == 4
    assert fm.body_line == 8
    fm, problems = parse(b"---\ntitle: A\n\ndate: 2023-01-01\ntags:\n  - x\n---\n\nBody\n")
    assert problems == []
    assert fm.lines["title"] == 2
    assert fm.lines["date"] == 4
    assert fm.lines["tags"] == 5
    assert fm.body == "Body\n"
    assert fm.body_line == 9


def test_bom_and_crlf_simply_work():
    fm, problems = parse("\ufeff---\r\ntitle: Xin chào\r\n---\r\nNội dung\r\n".encode())
    assert problems == []
    assert fm.values["title"] == "Xin chào"
    assert "\r" not in fm.body


def test_text_is_nfc():
    fm, _ = parse("---\ntitle: Nông thôn mới\n---\nx".encode().replace("ô".encode(), "o\u0302".encode()))
    assert fm.values["title"] == "Nông thôn mới"


def test_dates_stay_text_for_our_own_parser():
    fm, _ = parse(b"---\ndate: 2023-02-23 08:40:17\n---\n")
    assert fm.values["date"] == "2023-02-23 08:40:17"


@pytest.mark.parametrize("data, code, line", [
    (b"", "empty_file", None),
    (b"   \n\n", "empty_file", None),
    (b"title: A\n", "no_front_matter", 1),
    (b"---\ntitle: A\nno closing line\n", "unclosed_front_matter", 1),
    (b"---\n- a\n- b\n---\n", "yaml_not_mapping", 2),
    (b"---\ntitle: a: b\n---\n", "yaml_syntax", 2),
    (b"---\ntitle: A\ndate: [x\n---\n", "yaml_syntax", None),
    (b"---\na: &x [1]\nb: *x\n---\n", "yaml_alias", 2),
    (b"\x00\x01\x02binary", "binary", None),
    ("---\ntitle: Xin chào\n---\n".encode("cp1258"), "not_utf8", 2),
])
def test_bad_sources_become_diagnostics(data, code, line):
    result, problems = parse(data)
    assert result is None
    assert [p.code for p in problems] == [code]
    if line is not None:
        assert problems[0].line == line


def test_windows_1258_is_named():
    import unicodedata
    # Windows-1258 stores tone marks as combining characters (NFD-like): "chào" = cha + U+0300 + o
    data = unicodedata.normalize("NFD", "---\ntitle: Chào bà con đi làm\n---\n").encode("cp1258")
    _, problems = parse(data)
    assert "Windows-1258" in problems[0].message


def test_billion_laughs_is_refused_quickly():
    bomb = "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        bomb += f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
    bomb += "---\n"
    started = time.perf_counter()
    result, problems = parse(bomb.encode())
    assert time.perf_counter() - started < 1.0  # generous: refusal is immediate
    assert result is None and problems[0].code == "yaml_alias"


def test_control_characters_in_a_body_are_errors_on_each_line_and_never_kept():
    data = ("---\ntitle: Họp\n---\n\nBáo cáo\x01 dán từ PDF\nbình thường\n\x1b[0m màu\tcó tab\n"
            "xoá\x7f và \ufffe, \uffff\n").encode()
    source, problems = decode("content/tin-tuc/a.md", data)
    assert [(p.line, p.code) for p in problems] == [(5, "control_chars"), (7, "control_chars"),
                                                    (8, "control_chars")]
    assert 'U+0001' in problems[0].message and 'ngay sau chữ "Báo cáo"' in problems[0].message
    assert "ở đầu dòng" in problems[1].message
    assert "U+007F, U+FFFE, U+FFFF" in problems[2].message
    # the rest of the file is still read (other errors show in the same run), lines unchanged
    assert source.text.split("\n")[6] == "[0m màu\tcó tab"
    assert not any(ch in source.text for ch in "\x01\x1b\x7f\ufffe\uffff")


def test_one_decoder_for_the_importer_accepts_utf16_with_its_bom():
    text = "Họp dân thôn Đông\r\n23/02/2022 08:40\r\n"
    for data in (text.encode("utf-16"), b"\xef\xbb\xbf" + text.encode()):
        source, problems = decode("trang.txt", data, utf16=True)
        assert problems == [] and source.text == text.replace("\r\n", "\n")
    source, problems = decode("content/tin-tuc/a.md", text.encode("utf-16"))
    assert source is None and problems[0].code == "not_utf8" and "UTF-16" in problems[0].message


def test_operating_system_errors_reach_editors_in_vietnamese():
    import errno

    from generator.errors import os_reason
    from generator.safefs import NotRegularFile

    assert os_reason(PermissionError(errno.EACCES, "Permission denied")) == "không có quyền truy cập"
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "ổ đĩa đã đầy"
    assert "đường dẫn quá dài" in os_reason(OSError(errno.ENAMETOOLONG, "File name too long"))
    assert "thư mục" in os_reason(IsADirectoryError(errno.EISDIR, "Is a directory"))
    assert "ống" in os_reason(NotRegularFile("x.md", "fifo")) or "tệp thường" in os_reason(NotRegularFile("x.md", "fifo"))
    unknown = os_reason(OSError(errno.EXDEV, "Invalid cross-device link"))
    assert unknown == f"lỗi hệ thống số {errno.EXDEV}" and "link" not in unknown
