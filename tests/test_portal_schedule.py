"""Issue 15: the work schedule (lịch công tác), one ISO week a file."""

from __future__ import annotations

from datetime import datetime

from generator.commands.new import article_text, parse_asked, target_path
from generator.content import parse_article
from generator.content_types import STANDARD
from generator.errors import errors_of
from generator.pipeline import BuildOptions, build, load_site
from generator.source import Source
from generator.text import VIETNAM_TZ
from generator.weeks import IsoWeek, parse_week
from tests.conftest import THEME, make_site

SCHEDULE = STANDARD["lich-cong-tac"]
#: Wednesday 2 April 2025, in week 2025-W14
IN_W14 = datetime(2025, 4, 2, 9, 0, tzinfo=VIETNAM_TZ)


def week_file(week: str, *events: tuple[str, str, str], body: str = "") -> str:
    lines = [f"week: {week}", "events:"]
    for day, time, title in events:
        lines += [f"  - date: {day}", f'    time: "{time}"', f"    title: {title}",
                  "    who: Chủ tịch UBND xã", "    place: Hội trường UBND"]
    return "---\n" + "\n".join(lines) + "\n---\n" + body


W13 = week_file("2025-W13", ("2025-03-24", "07:30", "Giao ban tuần 13"))
W14 = week_file("2025-W14", ("2025-04-06", "08:00", "Ra quân vệ sinh"), ("2025-03-31", "14:00", "Họp chiều"),
                ("2025-03-31", "07:30", "Giao ban tuần 14"))
W15 = week_file("2025-W15", ("2025-04-07", "07:30", "Giao ban tuần 15"))


def parse(name: str, text: str):
    return parse_article(Source(f"content/lich-cong-tac/{name}", text), SCHEDULE, None)


def build_at(tmp_path, now, files):
    content = make_site(tmp_path, files)
    build(BuildOptions(content=content, theme=THEME, output=tmp_path / "public", now=now))
    return tmp_path / "public"


def test_iso_weeks():
    assert parse_week("2025-W14") == IsoWeek(2025, 14) and parse_week("2025-w1") == IsoWeek(2025, 1)
    assert str(IsoWeek(2025, 1)) == "2025-W01"
    assert parse_week("2025-W53") is None and parse_week("2026-W53") is not None  # 2026 has 53 weeks
    assert parse_week("2025-W00") is None and parse_week("2025-14") is None
    week = IsoWeek(2025, 14)
    assert week.days[0].isoformat() == "2025-03-31" and week.days[-1].isoformat() == "2025-04-06"
    assert IsoWeek(2025, 1).days[0].isoformat() == "2024-12-30"  # week 1 may start in December
    assert week.label == "tuần 14/2025 (31/03 – 06/04/2025)"


def test_week_page_is_a_table_by_day_with_previous_and_next(tmp_path):
    out = build_at(tmp_path, IN_W14, {"lich-cong-tac/2025-13.md": W13, "lich-cong-tac/2025-14.md": W14,
                                      "lich-cong-tac/2025-15.md": W15})
    page = (out / "lich-cong-tac" / "2025-w14" / "index.html").read_text(encoding="utf-8")
    days = ["Thứ Hai, 31/03/2025", "Thứ Ba, 01/04/2025", "Thứ Tư, 02/04/2025", "Thứ Năm, 03/04/2025",
            "Thứ Sáu, 04/04/2025", "Thứ Bảy, 05/04/2025", "Chủ Nhật, 06/04/2025"]
    positions = [page.index(day) for day in days]
    assert positions == sorted(positions)
    # each event under its day, in time order within the day
    assert positions[0] < page.index("Giao ban tuần 14") < page.index("Họp chiều") < positions[1]
    assert positions[6] < page.index("Ra quân vệ sinh")
    assert "<td>Chủ tịch UBND xã</td><td>Hội trường UBND</td>" in page
    assert '<a href="../2025-w13/" rel="prev"><span>Tuần trước:</span> tuần 13/2025' in page
    assert '<a href="../2025-w15/" rel="next"><span>Tuần sau:</span> tuần 15/2025' in page


def test_the_schedule_page_shows_the_current_week_or_says_it_shows_the_latest(tmp_path):
    files = {"lich-cong-tac/2025-13.md": W13, "lich-cong-tac/2025-14.md": W14}
    out = build_at(tmp_path / "a", IN_W14, files)
    page = (out / "lich-cong-tac" / "index.html").read_text(encoding="utf-8")
    assert "Giao ban tuần 14" in page and "Giao ban tuần 13" not in page
    assert "lịch mới nhất" not in page
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="lich-cong-tac/2025-w14/">Lịch công tác tuần 14/2025' in home
    # a month later no week holds the build date: the latest one, saying so
    later = build_at(tmp_path / "b", datetime(2025, 5, 5, tzinfo=VIETNAM_TZ), files)
    page = (later / "lich-cong-tac" / "index.html").read_text(encoding="utf-8")
    assert "Giao ban tuần 14" in page
    assert "Chưa có lịch công tác của tuần này; đây là lịch mới nhất: tuần 14/2025" in page
    # in week 13, week 13 (not the latest)
    earlier = build_at(tmp_path / "c", datetime(2025, 3, 27, tzinfo=VIETNAM_TZ), files)
    page = (earlier / "lich-cong-tac" / "index.html").read_text(encoding="utf-8")
    assert "Giao ban tuần 13" in page and "Giao ban tuần 14" not in page.split("Các tuần")[0]


def test_bad_weeks_and_events_name_file_and_line():
    _, problems = parse("2025-53.md", "---\nweek: 2025-W53\nevents: [{date: 2025-03-31, time: '07:30', title: x}]\n---\n")
    assert [p.format() for p in problems] == [
        'content/lich-cong-tac/2025-53.md:2: tuần "2025-W53" không phải một tuần ISO — viết dạng week: 2025-W14 '
        "(năm, chữ W, số tuần từ 1 đến 52, hoặc 53 với năm có 53 tuần)"]
    text = ("---\nweek: 2025-W14\nevents:\n"
            "  - {date: 2025-03-31, time: \"07:30\", title: Giao ban}\n"
            "  - date: 2025-04-08\n    time: \"08:00\"\n    title: Họp\n"
            "  - date: 2025-04-01\n    time: \"25:00\"\n    title: Họp\n"
            "  - {date: 2025-04-02, time: \"14:00\", title: Họp, who: Chủ tịch, Phó Chủ tịch}\n---\n")
    item, problems = parse("2025-14.md", text)
    assert item is None
    assert [p.format() for p in problems] == [
        'content/lich-cong-tac/2025-14.md:9: giờ "25:00" của mục thứ 3 không hợp lệ — viết giờ:phút trong '
        'ngoặc kép, ví dụ time: "07:30" (không có ngoặc kép, 07:30 bị đọc thành một con số)',
        'content/lich-cong-tac/2025-14.md:11: mục thứ 4 của trường "events" có "Phó Chủ tịch" đứng riêng sau '
        'dấu phẩy: trong {…} dấu phẩy ngăn cách các trường — đặt cả giá trị trong ngoặc kép, ví dụ '
        '"Chủ tịch, Phó Chủ tịch"']
    # the dates outside the week, once the rest is right
    fixed = text.replace('"25:00"', '"15:00"').replace("who: Chủ tịch, Phó Chủ tịch", 'who: "Chủ tịch, Phó Chủ tịch"')
    item, problems = parse("2025-14.md", fixed)
    assert [p.format() for p in problems] == [
        "content/lich-cong-tac/2025-14.md:5: ngày 08/04/2025 của mục thứ 2 không thuộc tuần 14/2025 "
        "(31/03 – 06/04/2025) — sửa ngày, hoặc chuyển mục này sang tệp của tuần đó"]
    # a file named for another week
    item, problems = parse("2025-15.md", fixed.replace("date: 2025-04-08", "date: 2025-04-04"))
    assert [p.format() for p in problems] == [
        'content/lich-cong-tac/2025-15.md:2: tên tệp "2025-15.md" không khớp với week: 2025-W14 — '
        "đổi tên tệp thành 2025-14.md"]
    item, problems = parse("2025-W14.md", fixed.replace("date: 2025-04-08", "date: 2025-04-04"))
    assert problems == [] and item.url == "/lich-cong-tac/2025-w14/"
    # no events at all
    _, problems = parse("2025-14.md", "---\nweek: 2025-W14\n---\n")
    assert [(p.code, p.line) for p in problems] == [("missing_field", 2)]


def test_new_scaffolds_this_weeks_file():
    asked, problem = parse_asked(SCHEDULE, {"week": None}, IN_W14)
    assert problem is None and asked == {"week": IsoWeek(2025, 14)}
    text = article_text(SCHEDULE, "", IN_W14, "", asked)
    assert text.startswith('---\nweek: "2025-W14"\nevents:  # ')
    item, problems = parse("2025-14.md", text)
    assert problems == [] and item.draft
    assert target_path(__import__("pathlib").Path("c"), SCHEDULE, asked["week"].file_stems[0], 2025).as_posix() \
        == "c/lich-cong-tac/2025-14.md"
    _, problem = parse_asked(SCHEDULE, {"week": "2025-W60"}, IN_W14)
    assert problem and "năm-W số tuần" in problem


def test_build_reports_every_bad_week_at_once(tmp_path):
    content = make_site(tmp_path, {"lich-cong-tac/2025-13.md": W13.replace("2025-03-24", "2025-03-31"),
                                   "lich-cong-tac/2025-14.md": W14.replace("2025-W14", "2025-W15")})
    found = {(d.path, d.line) for d in errors_of(load_site(BuildOptions(content=content, theme=THEME,
                                                                        now=IN_W14)).diagnostics)}
    # week 13's event on 31/03; week "15" named 2025-14.md, and its three events outside week 15
    assert found == {("content/lich-cong-tac/2025-13.md", 4), ("content/lich-cong-tac/2025-14.md", 2),
                     ("content/lich-cong-tac/2025-14.md", 4), ("content/lich-cong-tac/2025-14.md", 9),
                     ("content/lich-cong-tac/2025-14.md", 14)}
