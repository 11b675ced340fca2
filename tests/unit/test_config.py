from generator.config import parse_site_config
from generator.source import Source

GOOD = """\
name: Trang thông tin điện tử xã Lam Sơn
parent: huyện Thanh Miện
base_url: https://lamson.example.vn
masthead:
  editor_in_chief: Nguyễn Văn A - Chủ tịch UBND xã
  phone: "0220 3812 345"
menu:
  - {title: Giới thiệu, url: /trang/gioi-thieu/}
links:
  - {title: Dịch vụ công, url: https://dichvucong.gov.vn/, image: media/dvc.png}
"""


def parse(text):
    return parse_site_config(Source("content/site.yml", text))


def test_good_config():
    config, problems = parse(GOOD)
    assert problems == []
    assert config.name == "Trang thông tin điện tử xã Lam Sơn"
    assert config.base_url == "https://lamson.example.vn/"
    assert config.masthead.editor_in_chief.startswith("Nguyễn Văn A")
    assert config.masthead.email == ""
    assert config.menu[0].url == "/trang/gioi-thieu/"
    assert config.links[0].image == "media/dvc.png"


def test_missing_masthead_is_an_error_naming_the_fix():
    config, problems = parse("name: X\n")
    assert config is None
    assert any("masthead" in p.message and "editor_in_chief" in p.message for p in problems)


def test_missing_editor_in_chief():
    config, problems = parse("name: X\nmasthead:\n  address: Y\n")
    assert config is None
    assert any("masthead.editor_in_chief" in p.message for p in problems)


def test_every_error_is_reported_at_once():
    config, problems = parse("name: [a]\nbase_url: ftp://x\nmasthead: 3\nmenu: x\n")
    assert config is None
    fields = " ".join(p.message for p in problems)
    for key in ("name", "base_url", "masthead", "menu"):
        assert f'"{key}' in fields
    assert {p.line for p in problems} == {1, 2, 3, 4}


def test_unknown_key_suggests_the_right_one():
    config, problems = parse(GOOD + "mnu: []\n")
    assert config is not None
    assert problems[0].level == "warning"
    assert '"menu"' in problems[0].message


def test_phone_read_as_number_is_caught():
    config, problems = parse("name: X\nmasthead:\n  editor_in_chief: A\n  phone: 0220123456\n")
    assert config is None
    assert "ngoặc kép" in problems[0].message
