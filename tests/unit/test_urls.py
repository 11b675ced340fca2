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


def test_relative_agrees_with_posixpath():
    """The fast string version must give the same links as posixpath.relpath."""
    import posixpath
    import random

    def reference(target, page):
        path, hash_, fragment = target.partition("#")
        rel = posixpath.relpath(path, page)
        if path.endswith("/"):
            rel = "./" if rel == "." else rel + "/"
        return rel + hash_ + fragment

    rng = random.Random(7)
    segments = ["a", "b", "tin-tuc", "trang-2"]
    checked = 0
    for _ in range(5000):
        target = "/" + "/".join(rng.choice(segments) for _ in range(rng.randint(0, 3)))
        if target != "/" and rng.random() < 0.7:
            target += "/"
        elif target != "/":
            target += rng.choice(["", ".css", "#x"])
        page = "/" + "".join(rng.choice(segments) + "/" for _ in range(rng.randint(0, 3)))
        if not target.endswith("/") and page.startswith(target.split("#")[0] + "/"):
            continue  # a file cannot also be a folder
        assert urls.relative(target, page) == reference(target, page), (target, page)
        checked += 1
    assert checked > 4000


def test_spaces_and_vietnamese_letters_are_percent_encoded_once():
    name = "/media/2023/Ảnh Lễ hội 2023.JPG"
    encoded = urls.encode(name)
    assert " " not in encoded and encoded.isascii()
    assert encoded == "/media/2023/%E1%BA%A2nh%20L%E1%BB%85%20h%E1%BB%99i%202023.JPG"
    assert urls.encode(encoded) == encoded  # an address already encoded stays as it is
    assert urls.encode("/media/100%.pdf") == "/media/100%25.pdf"
    assert urls.relative(name, "/tin-tuc/le-hoi/") == "../../" + encoded[1:]
    assert urls.absolute(name, "https://lamson.example.vn/") == "https://lamson.example.vn" + encoded
    assert urls.relative("/tin-tuc/le-hoi/#anh-1", "/") == "tin-tuc/le-hoi/#anh-1"  # ASCII unchanged
