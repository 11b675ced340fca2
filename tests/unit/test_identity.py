"""A commune's colours and logo without copying the theme (issue 16)."""

from __future__ import annotations

import pytest

from generator.config import parse_site_config
from generator.identity import contrast, identity_css, parse_hex
from generator.source import Source
from tests.conftest import MINIMAL_SITE_YML


def config(extra: str):
    return parse_site_config(Source("content/site.yml", MINIMAL_SITE_YML + extra))


def test_contrast_is_the_wcag_ratio():
    assert round(contrast((0, 0, 0), (255, 255, 255)), 2) == 21.0
    assert round(contrast(parse_hex("#8b1a1a"), (255, 255, 255)), 1) == 9.3
    assert parse_hex("#abc") == (0xaa, 0xbb, 0xcc) and parse_hex("red") is None


def test_valid_colours_become_custom_properties():
    site, problems = config('colors: {primary: "#8B1A1A", accent: "#0a4a8f"}\nlogo: media/logo.png\n')
    assert problems == [] and site.logo == "media/logo.png"
    css = identity_css(dict(site.colors)).decode()
    assert "--brand: #8b1a1a;" in css and "--link: #0a4a8f;" in css and "--brand-dark: #61" in css


@pytest.mark.parametrize("extra, line, words", [
    ('colors: {primary: "#ffcc00"}\n', 8, "1,51:1"),  # yellow under white text: unreadable
    ('colors:\n  accent: "#999999"\n', 9, "2,84:1"),
    ('colors: {primary: đỏ}\n', 8, "không phải mã màu"),
    ('colors: {nen: "#000000"}\n', 8, "không được dùng"),
    ('logo: /etc/passwd\n', 8, "media/"),
])
def test_bad_identity_is_an_error_on_its_line(extra, line, words):
    site, problems = config(extra)
    assert site is None
    assert any(p.line == line and words in p.message for p in problems), problems
