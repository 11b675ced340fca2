import pytest

from generator import urls


@pytest.mark.parametrize("target, page, rel", [
    ("/chuyen-muc/x/", "/tin-tuc/abc/", "../../chuyen-muc/x/"),
    ("/", "/tin-tuc/abc/", "../../"),
    ("/", "/", "./"),
    ("/static/style.css", "/", "static/style.css"),
    ("/tin-tuc/", "/tin-tuc/trang-2/", "../"),
    ("/a/#x", "/b/", "../a/#x"),
    ("https://dichvucong.gov.vn/", "/b/", "https://dichvucong.gov.vn/"),
])
def test_relative(target, page, rel):
    assert urls.relative(target, page) == rel


def test_output_paths():
    assert urls.output_path("/tin-tuc/x/") == "tin-tuc/x/index.html"
    assert urls.output_path("/") == "index.html"
    assert urls.output_path("/404.html") == "404.html"
    assert urls.paged("/tin-tuc/", 1) == "/tin-tuc/"
    assert urls.paged("/tin-tuc/", 2) == "/tin-tuc/trang-2/"
    assert urls.absolute("/tin-tuc/x/", "https://a.vn/xa/") == "https://a.vn/xa/tin-tuc/x/"
