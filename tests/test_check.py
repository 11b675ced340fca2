"""``python build.py check``: each listed problem found in a fixture site, with file, line and fix."""

from __future__ import annotations

import unicodedata

import pytest

from tests.conftest import ROOT, SAMPLE_CONTENT, THEME, article, make_site, run_build
from generator.check_rules import text_findings
from generator.errors import diag
from generator.source import decode

FIXTURE = ROOT / "tests" / "fixtures" / "check_site"
CONTENT = FIXTURE / "content"


def line_of(rel: str, snippet: str) -> int:
    """The 1-based line of the fixture file *rel* holding *snippet* (read, not hard-coded)."""
    lines = (CONTENT / rel).read_bytes().decode("utf-8", errors="replace").split("\n")
    return next(i for i, text in enumerate(lines, start=1) if snippet in text)


@pytest.fixture(scope="module")
def fixture_report():
    result = run_build("check", "--content", "content", "--theme", str(THEME), cwd=FIXTURE)
    return result


def expect(report, rel: str, line: int | None, code: str, level: str = "error", **values) -> None:
    wanted = diag(f"content/{rel}", line, code, level=level, **values).format()
    assert wanted in report.stdout.splitlines(), f"missing:\n{wanted}\n--- got:\n{report.stdout}"


def test_errors_exit_1_and_every_line_names_file_and_line(fixture_report):
    assert fixture_report.returncode == 1
    findings = [line for line in fixture_report.stdout.splitlines() if line.startswith("content/")]
    assert len(findings) >= 12  # one per problem in the fixture
    for line in findings:
        where = line.split(": ", 1)[0]
        assert ":" in where, f"no line number: {line}"
        assert " — " in line, f"no fix given: {line}"
    assert "Traceback" not in fixture_report.stderr


def test_build_errors_are_reported(fixture_report):
    expect(fixture_report, "tin-tuc/2023/ngay-sai.md", 3, "bad_date", value="31/02/2023")


def test_broken_internal_link(fixture_report):
    rel = "tin-tuc/2023/lien-ket-hong.md"
    expect(fixture_report, rel, line_of(rel, "le-hoi-khong-co"), "broken_link",
           target="/tin-tuc/le-hoi-khong-co/")


def test_broken_menu_link_in_site_yml(fixture_report):
    expect(fixture_report, "site.yml", line_of("site.yml", "/trang/gioi-thieu/"), "broken_link",
           target="/trang/gioi-thieu/")


def test_missing_image_and_image_without_alt(fixture_report):
    rel = "tin-tuc/2023/anh-thieu.md"
    expect(fixture_report, rel, line_of(rel, "hoi-nghi.jpg"), "missing_image",
           target="media/2023/hoi-nghi.jpg")
    expect(fixture_report, rel, line_of(rel, "![](media"), "image_no_alt", level="warning",
           target="media/2023/duong-lang.jpg")


def test_default_category_warns_and_a_first_paragraph_that_serves_needs_no_summary(fixture_report):
    rel = "tin-tuc/2023/thieu-chuyen-muc.md"
    expect(fixture_report, rel, 2, "default_category", level="warning", default="Tin tức",
           example="Nông thôn mới")
    assert not any(line.startswith(f"content/{rel}") and "tóm tắt" in line
                   for line in fixture_report.stdout.splitlines())


def test_a_first_paragraph_too_short_for_a_summary_warns(fixture_report):
    expect(fixture_report, "tin-tuc/2023/tom-tat-ngan.md", 2, "default_summary", level="warning",
           default="Kính gửi: các hộ dân.")


def test_not_nfc_and_control_characters(fixture_report):
    rel = "tin-tuc/2023/chu-to-hop.md"
    expect(fixture_report, rel, line_of(rel, unicodedata.normalize("NFD", "tổ hợp")), "not_nfc",
           level="warning")
    rel = "tin-tuc/2023/ky-tu-dieu-khien.md"
    expect(fixture_report, rel, line_of(rel, "\x0b"), "control_chars", chars="U+000B",
           where=' ngay sau chữ "dán từ Word"')


def test_legacy_encoding_is_named(fixture_report):
    rel = "tin-tuc/2023/bang-ma-cu.md"
    line = next(line for line in fixture_report.stdout.splitlines() if line.startswith(f"content/{rel}:"))
    assert "UTF-8" in line and "Windows-1258" in line


def test_empty_article(fixture_report):
    expect(fixture_report, "tin-tuc/2023/bai-rong.md", 8, "empty_article")


def test_date_far_in_the_future(fixture_report):
    expect(fixture_report, "tin-tuc/2023/nam-go-nham.md", 3, "far_future", level="warning",
           value="14/03/2203 08:00:00")


def test_a_duplicate_title_is_one_warning_naming_the_other_file(fixture_report):
    news, notice = "tin-tuc/2023/hop-dan-thon-dong.md", "thong-bao/2023/hop-dan-thon-dong.md"
    expect(fixture_report, news, 2, "duplicate_title", level="warning", title="Họp dân thôn Đông",
           other=f"content/{notice}")
    assert sum("Họp dân thôn Đông" in line for line in fixture_report.stdout.splitlines()) == 1


def test_two_articles_at_one_address_are_one_message(tmp_path):
    same = article("Họp dân thôn Đông", category="Tin xã", summary="Họp dân thôn Đông bàn việc làm đường.")
    make_site(tmp_path, {"tin-tuc/2023/hop-dan.md": same, "tin-tuc/2024/hop-dan.md": same})
    result = run_build("check", "--content", "content", "--theme", str(THEME), cwd=tmp_path)
    assert result.returncode == 1
    findings = [line for line in result.stdout.splitlines() if line.startswith("content/")]
    assert len(findings) == 1, result.stdout
    assert findings[0].startswith("content/tin-tuc/2024/hop-dan.md:") and "content/tin-tuc/2023/hop-dan.md" in findings[0]


def test_clean_article_in_the_fixture_has_no_finding(fixture_report):
    assert "bai-chuan.md" not in fixture_report.stdout


def test_the_fresh_sample_site_is_quiet():
    result = run_build("check", "--strict", "--content", str(SAMPLE_CONTENT), "--theme", str(THEME))
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "Không có lỗi nào. Nội dung sẵn sàng để tạo trang.", result.stdout


def test_warnings_exit_0_and_strict_exits_1(tmp_path):
    make_site(tmp_path, {"tin-tuc/2023/a.md": article("Bài thiếu chuyên mục", body="Nội dung.")})
    plain = run_build("check", "--content", "content", "--theme", str(THEME), cwd=tmp_path)
    strict = run_build("check", "--strict", "--content", "content", "--theme", str(THEME), cwd=tmp_path)
    quiet = run_build("check", "-q", "--content", "content", "--theme", str(THEME), cwd=tmp_path)
    assert plain.returncode == 0 and "cảnh báo:" in plain.stdout
    assert strict.returncode == 1
    # the last line agrees with the exit code
    assert "tạo được trang" in plain.stdout.splitlines()[-1]
    assert "tính là lỗi vì có --strict" in strict.stdout.splitlines()[-1]
    assert "0 lỗi" not in strict.stdout.splitlines()[-1]
    assert quiet.returncode == 0 and "cảnh báo:" not in quiet.stdout


def test_clean_site_says_so(tmp_path):
    make_site(tmp_path, {"tin-tuc/2023/a.md": article("Bài đầy đủ", category="Tin xã",
                                                      summary="Tóm tắt.", body="Nội dung.")})
    result = run_build("check", "--strict", "--content", "content", "--theme", str(THEME), cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "Không có lỗi" in result.stdout


def test_link_to_a_draft_warns_instead_of_failing(tmp_path):
    text = article("Bài đã đăng", category="X", summary="S.", body="Xem [bài nháp](/tin-tuc/bai-nhap/).")
    line = text.split("\n").index("Xem [bài nháp](/tin-tuc/bai-nhap/).") + 1
    make_site(tmp_path, {
        "tin-tuc/2023/a.md": text,
        "tin-tuc/2023/b.md": article("Bài nháp", category="X", summary="S.", body="Nháp.", draft=True),
    })
    result = run_build("check", "--content", "content", "--theme", str(THEME), cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    expected = diag("content/tin-tuc/2023/a.md", line, "link_unpublished", level="warning",
                    target="/tin-tuc/bai-nhap/", other="content/tin-tuc/2023/b.md").format()
    assert expected in result.stdout.splitlines(), result.stdout


def test_encoded_link_to_an_existing_file_is_fine():
    from generator.check_rules import Targets
    targets = Targets(frozenset({"/tin-tuc/a/"}), frozenset({"/media/2023/ảnh hội nghị.jpg"}), {})
    assert targets.exists("/media/2023/%E1%BA%A3nh%20h%E1%BB%99i%20ngh%E1%BB%8B.jpg")
    assert targets.exists("/tin-tuc/a") and targets.exists("/tin-tuc/a/index.html")
    assert targets.exists("/tin-tuc/a/#binh-luan")
    assert not targets.exists("/tin-tuc/b/") and not targets.exists("/media/2023/khac.jpg")


def test_text_rules_on_their_own():
    def findings(text: str):
        source, problems = decode("x.md", text.encode())
        return [(d.line, d.code) for d in problems + text_findings(source)]

    assert findings("Hội nghị\n") == []
    assert findings("dòng một\nca\u0301 tre\x07\n") == [(2, "control_chars"), (2, "not_nfc")]
    # invisible characters in a title and a body: a warning with the fix, on their line
    found = findings("---\ntitle: Họp\u200b dân\n---\n\nChữ \u202eđảo\u202c chiều, giữa\ufeffchữ.\n")
    assert found == [(2, "invisible_chars"), (5, "invisible_chars")]
    source, _ = decode("x.md", "---\ntitle: Họp\u200b dân\n---\n".encode())
    message = text_findings(source)[0].message
    assert "U+200B" in message and "dấu cách độ rộng 0" in message and 'sau chữ "title: Họp"' in message


def test_help_is_vietnamese_with_an_example():
    result = run_build("check", "--help")
    assert result.returncode == 0
    assert "Ví dụ:" in result.stdout and "python build.py check" in result.stdout
    assert "--strict" in result.stdout and "usage" not in result.stdout.lower()


def test_missing_content_folder_is_a_usage_error(tmp_path):
    result = run_build("check", "--content", str(tmp_path / "khong-co"))
    assert result.returncode == 2 and "không tìm thấy thư mục nội dung" in result.stderr


def test_check_reads_and_decodes_each_file_once(tmp_path, monkeypatch):
    """One reading per file: site.yml was read three times, articles twice with a second decoder."""
    from collections import Counter

    from generator import content, pipeline, source
    from generator.commands.check import check_site
    from generator.pipeline import BuildOptions

    site_dir = make_site(tmp_path, {"tin-tuc/a.md": article(title="Bài A", body="[b](/tin-tuc/khong-co/)"),
                                    "tin-tuc/b.md": article(title="Bài B")})
    calls: Counter = Counter()
    real = source.decode

    def counting(path, data, *args, **kwargs):
        calls[path.rsplit("/", 1)[-1]] += 1
        return real(path, data, *args, **kwargs)

    monkeypatch.setattr(pipeline, "decode", counting)
    monkeypatch.setattr(content, "decode", counting)
    opened: Counter = Counter()
    real_read = pipeline.read_regular

    def counting_read(path, *args, **kwargs):
        opened[str(path).rsplit("/", 1)[-1]] += 1
        return real_read(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "read_regular", counting_read)
    findings = check_site(BuildOptions(content=site_dir, theme=THEME))
    assert any(d.code == "broken_link" for d in findings)
    assert calls == Counter({"site.yml": 1, "tthc.yml": 1, "a.md": 1, "b.md": 1})
    assert opened["site.yml"] == 1
