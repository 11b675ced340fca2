import unicodedata
from datetime import date, datetime
from decimal import Decimal

import pytest

from generator.text import (VIETNAM_TZ, format_date, format_datetime, format_int, format_month,
                            format_percent, iso_datetime, nfc, parse_datetime, parse_month,
                            percent_floor, slugify, upper_vi)


@pytest.mark.parametrize("title, slug", [
    ("Bước đầu triển khai xây dựng nông thôn mới nâng cao",
     "buoc-dau-trien-khai-xay-dung-nong-thon-moi-nang-cao"),
    ("Đường làng, ngõ xóm", "duong-lang-ngo-xom"),
    ("ĐẠI HỘI Chi bộ thôn Phú Xá 2025-2027", "dai-hoi-chi-bo-thon-phu-xa-2025-2027"),
    ("  Hội nghị   (lần 2) — tổng kết!  ", "hoi-nghi-lan-2-tong-ket"),
    ("Ưu tiên ở Ấp Ổn Định", "uu-tien-o-ap-on-dinh"),
])
def test_slugify_transliterates_vietnamese(title, slug):
    assert slugify(title) == slug


def test_nfd_title_gives_the_same_slug_as_nfc():
    title = "Bước đầu triển khai xây dựng nông thôn mới nâng cao"
    decomposed = unicodedata.normalize("NFD", title)
    assert decomposed != title
    assert slugify(decomposed) == slugify(title)
    assert nfc(decomposed) == title


@pytest.mark.parametrize("text, expected", [
    ("2022-02-23 08:40:17", datetime(2022, 2, 23, 8, 40, 17)),
    ("2022-02-23 08:40", datetime(2022, 2, 23, 8, 40)),
    ("2022-02-23", datetime(2022, 2, 23)),
    ("23/02/2022 08:40:17", datetime(2022, 2, 23, 8, 40, 17)),
    ("23/02/2022", datetime(2022, 2, 23)),
    (" 23/02/2022   08:40:17 ", datetime(2022, 2, 23, 8, 40, 17)),
])
def test_parse_datetime_accepts_the_contract_forms_in_vietnam_time(text, expected):
    parsed = parse_datetime(text)
    assert parsed == expected.replace(tzinfo=VIETNAM_TZ)
    assert parsed.utcoffset().total_seconds() == 7 * 3600


@pytest.mark.parametrize("bad", ["31/02/2023", "2023-13-01", "23-02-2022", "hôm qua", "", 20230223, None, ["2023-01-01"]])
def test_parse_datetime_rejects_impossible_or_unknown(bad):
    assert parse_datetime(bad) is None


def test_parse_datetime_takes_yaml_objects():
    assert parse_datetime(date(2023, 7, 1)) == datetime(2023, 7, 1, tzinfo=VIETNAM_TZ)


def test_date_formats():
    moment = datetime(2022, 2, 23, 8, 40, 17, tzinfo=VIETNAM_TZ)
    assert format_datetime(moment) == "23/02/2022 08:40:17"
    assert format_date(moment) == "23/02/2022"
    assert iso_datetime(moment) == "2022-02-23T08:40:17+07:00"
    assert format_month(2023, 7) == "tháng 7/2023"


@pytest.mark.parametrize("text, expected", [("2023-07", (2023, 7)), ("7/2023", (2023, 7)),
                                            ("07/2023", (2023, 7)), ("2023-13", None), ("x", None)])
def test_parse_month(text, expected):
    assert parse_month(text) == expected


@pytest.mark.parametrize("value, text", [(0, "0"), (2, "2"), (999, "999"), (3340, "3.340"),
                                         (1234567, "1.234.567"), (-3340, "-3.340")])
def test_format_int_uses_dots_for_thousands(value, text):
    assert format_int(value) == text


@pytest.mark.parametrize("part, whole, shown", [
    (3338, 3340, "99,9%"), (749, 750, "99,8%"), (750, 750, "100%"), (0, 750, "0%"),
    (1, 3, "33,3%"), (2, 3, "66,6%"), (9999, 10000, "99,9%"),
])
def test_percent_floor_rounds_down(part, whole, shown):
    assert format_percent(percent_floor(part, whole)) == shown


def test_format_percent_drops_trailing_zero():
    assert format_percent(Decimal("100.0")) == "100%"
    assert format_percent(Decimal("12.50")) == "12,5%"


def test_upper_vi():
    assert upper_vi("Trang thông tin điện tử xã Lam Sơn - huyện Thanh Miện") == \
        "TRANG THÔNG TIN ĐIỆN TỬ XÃ LAM SƠN - HUYỆN THANH MIỆN"
