"""The view layer: what readers see, computed from data records (no disk, no Jinja)."""

from __future__ import annotations

import pytest

from generator.config import Masthead, SiteConfig
from generator.view.chrome import chrome, document_title, masthead_heading
from generator.view.contact import phone_links
from generator.view.csp import content_security_policy


def directives(policy: str) -> dict[str, list[str]]:
    out = {}
    for part in policy.split(";"):
        name, *values = part.split()
        assert name not in out, f"directive {name} twice"
        out[name] = values
    return out


def test_policy_allows_nothing_from_elsewhere_without_embed_hosts():
    policy = directives(content_security_policy())
    assert policy["default-src"] == ["'none'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert "frame-src" not in policy and "script-src" not in policy
    assert policy["base-uri"] == ["'none'"] and policy["form-action"] == ["'none'"]


def test_policy_frames_only_the_embed_hosts_over_https():
    policy = directives(content_security_policy(("www.youtube.com", "player.vimeo.com")))
    assert policy["frame-src"] == ["https://www.youtube.com", "https://player.vimeo.com"]


@pytest.mark.parametrize("host", ["www.youtube.com; script-src 'unsafe-inline'", "*", "a.vn/x",
                                  "a.vn:8080", "", "-a.vn", 'a.vn"', "a.vn https://evil.vn"])
def test_policy_refuses_anything_but_a_host_name(host):
    with pytest.raises(ValueError):
        content_security_policy((host,))


def config(**fields) -> SiteConfig:
    masthead = Masthead("Nguyễn Văn A", phone=fields.pop("phone", ""))
    return SiteConfig(name=fields.pop("name", "Trang thông tin điện tử xã Lam Sơn"), masthead=masthead, **fields)


def test_chrome_keeps_the_policy_quotes_for_the_attribute():
    view = chrome(config(embed_hosts=("www.youtube.com",)))
    assert str(view.csp).startswith("default-src 'none';")
    assert hasattr(view.csp, "__html__")  # Jinja prints it as is: no &#39; in the attribute


@pytest.mark.parametrize("line, expected", [
    ("0220 3812 345", [("0220 3812 345", "tel:02203812345")]),
    ("0220.3812.345", [("0220.3812.345", "tel:02203812345")]),
    ("(0220) 3812-345", [("(0220) 3812-345", "tel:02203812345")]),
    ("+84 220 3812 345", [("+84 220 3812 345", "tel:+842203812345")]),
    ("0220 3812 345 - 0912 345 678", [("0220 3812 345", "tel:02203812345"), (" - ", ""),
                                      ("0912 345 678", "tel:0912345678")]),
    ("0220 3812 345; 0912.345.678", [("0220 3812 345", "tel:02203812345"), ("; ", ""),
                                     ("0912.345.678", "tel:0912345678")]),
    ("0220 3812 345 hoặc 113", [("0220 3812 345", "tel:02203812345"), (" hoặc ", ""), ("113", "tel:113")]),
    ("liên hệ văn phòng", [("liên hệ văn phòng", "")]),
])
def test_each_phone_number_is_its_own_tel_link(line, expected):
    pieces = phone_links(line)
    assert [(p.text, p.href) for p in pieces] == expected
    assert "".join(p.text for p in pieces) == line  # the line reads as the editor wrote it


def test_masthead_heading_and_document_title():
    assert masthead_heading(config(parent="huyện Thanh Miện")) == \
        "TRANG THÔNG TIN ĐIỆN TỬ XÃ LAM SƠN - HUYỆN THANH MIỆN"
    assert masthead_heading(config()) == "TRANG THÔNG TIN ĐIỆN TỬ XÃ LAM SƠN"
    assert document_title("Lưu trữ", "Xã A", home=False) == "Lưu trữ - Xã A"
    assert document_title("Trang chủ", "Xã A", home=True) == "Xã A"
