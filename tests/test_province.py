"""``bantin province``: one folder, one command, every commune of a province."""

from __future__ import annotations

import html.parser
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.errors import UsageError
from generator.province import commune_folders, parse_province, parse_shard, shard
from generator.source import Source
from generator.commands.province import select
from tests.conftest import MINIMAL_SITE_YML, MINIMAL_TTHC_YML, article, run_build


def site_yml(name: str, base_url: str = "") -> str:
    text = MINIMAL_SITE_YML.replace("xã Thử Nghiệm\n", f"{name}\n", 1)
    return text + (f"base_url: {base_url}\n" if base_url else "")


def commune(root: Path, folder: str, name: str, articles: dict[str, str], base_url: str = "") -> Path:
    content = root / folder
    (content / "tin-tuc").mkdir(parents=True)
    (content / "site.yml").write_text(site_yml(name, base_url), encoding="utf-8")
    (content / "tthc.yml").write_text(MINIMAL_TTHC_YML, encoding="utf-8")
    for rel, text in articles.items():
        (content / rel).write_text(text, encoding="utf-8")
    return content


def province(tmp_path: Path) -> Path:
    """Three communes: one with its own host, two at folders of the province's address."""
    root = tmp_path / "tinh"
    root.mkdir()
    (root / "province.yml").write_text("name: Cổng thông tin điện tử tỉnh Mẫu\n"
                                       "base_url: https://tinh.example.vn/\n", encoding="utf-8")
    commune(root, "xa-an-binh", "xã An Bình", {"tin-tuc/hop-dan.md": article("Họp dân An Bình")})
    commune(root, "xa-lam-son", "xã Lam Sơn", {"tin-tuc/don-tet.md": article("Đón Tết Lam Sơn")},
            base_url="https://lamson.example.vn/")
    commune(root, "xa-van-to", "xã Văn Tố", {"tin-tuc/cay-lua.md": article("Cấy lúa Văn Tố",
                                                                             date="2023-03-01 07:00:00")})
    (root / "ghi-chu").mkdir()  # a folder without site.yml is not a commune
    return root


def source(text: str) -> Source:
    return Source("tinh/province.yml", text)


def test_a_province_of_three_communes_builds_with_one_command(tmp_path):
    root = province(tmp_path)
    out = tmp_path / "public-tinh"
    result = run_build("province", str(root), "--output", str(out))
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("✓")]
    assert [line.split(":")[0] for line in lines] == ["✓ xa-an-binh", "✓ xa-lam-son", "✓ xa-van-to"]
    for folder in ("xa-an-binh", "xa-lam-son", "xa-van-to"):
        assert (out / folder / "index.html").is_file()
    # a commune by folder gets <province base_url><folder>/, one with its own base_url keeps it
    an_binh = BeautifulSoup((out / "xa-an-binh" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert an_binh.find("link", rel="canonical")["href"] == "https://tinh.example.vn/xa-an-binh/"
    lam_son = BeautifulSoup((out / "xa-lam-son" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert lam_son.find("link", rel="canonical")["href"] == "https://lamson.example.vn/"
    # the index lists every commune with its newest item, folder communes by relative links
    index = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    names = [a.get_text() for a in index.select(".province-communes h3 a")]
    assert names == [f"Trang thông tin điện tử {n}" for n in ("xã An Bình", "xã Lam Sơn", "xã Văn Tố")]
    hrefs = [a["href"] for a in index.select(".province-communes h3 a")]
    assert hrefs == ["xa-an-binh/", "https://lamson.example.vn/", "xa-van-to/"]
    links = {a.get_text(): a["href"] for a in index.select(".province-communes li li a")}
    assert links["Họp dân An Bình"].startswith("xa-an-binh/tin-tuc/")
    assert (out / links["Họp dân An Bình"] / "index.html").is_file()
    assert links["Đón Tết Lam Sơn"].startswith("https://lamson.example.vn/tin-tuc/")
    assert index.find("time").get_text() == "23/02/2023"
    csp = index.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert (out / "static" / "style.css").is_file()


def test_site_url_gives_each_commune_its_host(tmp_path):
    root = province(tmp_path)
    (root / "province.yml").write_text("name: Tỉnh Mẫu\nsite_url: https://{site}.tinh.example.vn/\n",
                                       encoding="utf-8")
    out = tmp_path / "public-tinh"
    result = run_build("province", str(root), "--output", str(out), "--only", "xa-van-to")
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((out / "xa-van-to" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find("link", rel="canonical")["href"] == "https://xa-van-to.tinh.example.vn/"
    assert not (out / "xa-an-binh").exists()
    index = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in index.select(".province-communes h3 a")] == ["https://xa-van-to.tinh.example.vn/"]


def test_a_broken_commune_keeps_its_old_site_while_the_others_update(tmp_path):
    root = province(tmp_path)
    out = tmp_path / "public-tinh"
    assert run_build("province", str(root), "--output", str(out)).returncode == 0
    old = (out / "xa-an-binh" / "index.html").read_bytes()
    (root / "xa-an-binh" / "tin-tuc" / "hong.md").write_text("---\ntitle: Hỏng\ndate: 2023-13-45\n---\nA\n",
                                                            encoding="utf-8")
    (root / "xa-an-binh" / "tin-tuc" / "hong2.md").write_text("---\ndate: 2023-01-01\n---\nA\n", encoding="utf-8")
    (root / "xa-van-to" / "tin-tuc" / "moi.md").write_text(article("Tin mới Văn Tố", date="2023-04-01 07:00:00"),
                                                           encoding="utf-8")
    result = run_build("province", str(root), "--output", str(out))
    assert result.returncode == 1
    assert "✗ xa-an-binh: 2 lỗi" in result.stderr
    assert "xa-an-binh/tin-tuc/hong.md" in result.stderr and "xa-an-binh/tin-tuc/hong2.md" in result.stderr
    assert "✓ xa-van-to" in result.stdout
    assert (out / "xa-an-binh" / "index.html").read_bytes() == old
    assert "Tin mới Văn Tố" in (out / "xa-van-to" / "index.html").read_text(encoding="utf-8")
    assert "Tin mới Văn Tố" in (out / "index.html").read_text(encoding="utf-8")
    assert "Họp dân An Bình" in (out / "index.html").read_text(encoding="utf-8")  # still published


@pytest.mark.parametrize("count", [0, 1, 3, 7, 10, 11])
@pytest.mark.parametrize("parts", [1, 2, 3, 4])
def test_shards_are_disjoint_and_cover_every_commune(count, parts):
    folders = [f"xa-{i:02d}" for i in range(count)][::-1]
    pieces = [shard(folders, k, parts) for k in range(1, parts + 1)]
    flat = [name for piece in pieces for name in piece]
    assert sorted(flat) == sorted(folders) and len(flat) == len(set(flat))
    assert flat == sorted(folders)  # contiguous parts in name order
    assert max(map(len, pieces)) - min(map(len, pieces)) <= 1


def test_shard_and_only_options(tmp_path):
    folders = ["xa-a", "xa-b", "xa-c", "xa-d"]
    assert select(folders, None, "2/2") == ["xa-c", "xa-d"]
    assert select(folders, "xa-d,xa-a", None) == ["xa-a", "xa-d"]
    assert parse_shard("0/4") is None and parse_shard("5/4") is None and parse_shard("x") is None
    with pytest.raises(UsageError, match="xa-z"):
        select(folders, "xa-z", None)
    with pytest.raises(UsageError, match="--shard"):
        select(folders, None, "3")
    root = province(tmp_path)
    out = tmp_path / "out"
    result = run_build("province", str(root), "--output", str(out), "--shard", "2/2")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")) == \
        ["static", "xa-lam-son", "xa-van-to"]
    result = run_build("province", str(root), "--output", str(out), "--shard", "9/2")
    assert result.returncode == 2 and "--shard" in result.stderr


def test_commune_folders_are_those_with_site_yml(tmp_path):
    root = province(tmp_path)
    (root / "theme").mkdir()
    (root / "theme" / "site.yml").write_text("name: x\n", encoding="utf-8")
    assert commune_folders(root) == ["xa-an-binh", "xa-lam-son", "xa-van-to"]


@pytest.mark.parametrize("text, line, words", [
    ("name: T\nbase_url: https://a.vn/\nsite_url: https://{site}.a.vn/\n", 3, "chỉ được có một"),
    ("name: T\n", None, "base_url"),
    ("name: T\nsite_url: https://a.vn/\n", 2, "{site}"),
    ("name: T\nsite_url: javascript:alert(1)//{site}\n", 2, "không phải địa chỉ web"),
    ("name: T\nbase_url: https://a.vn/?x=1\n", 2, "không phải địa chỉ web"),
    ("name: T\nbase_url: https://a.vn/\nbase_urll: x\n", 3, "không được dùng"),
])
def test_province_yml_problems_name_the_line_in_vietnamese(text, line, words):
    province_, problems = parse_province(source(text))
    assert province_ is None
    assert any(p.line == line and words in p.message and p.path == "tinh/province.yml" for p in problems), problems


def test_province_yml_addresses():
    by_folder, _ = parse_province(source("name: T\nbase_url: https://tinh.vn\n"))
    assert by_folder.commune_url("xa-a") == "https://tinh.vn/xa-a/"
    by_host, _ = parse_province(source("name: T\nsite_url: https://{site}.tinh.vn\n"))
    assert by_host.commune_url("xa-a") == "https://xa-a.tinh.vn/"


def test_province_errors_exit_1_and_bad_folder_names_are_named(tmp_path):
    root = province(tmp_path)
    commune(root, "Xa_Sai", "xã Sai", {})
    result = run_build("province", str(root), "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Xa_Sai" in result.stderr and "chữ thường" in result.stderr
    assert not (tmp_path / "out").exists()


def test_help_is_vietnamese():
    result = run_build("province", "--help")
    assert result.returncode == 0
    assert "Tạo trang web của mọi xã" in result.stdout and "--shard" in result.stdout


def test_logo_and_colours_apply_without_a_copied_theme(tmp_path):
    from PIL import Image

    root = province(tmp_path)
    content = root / "xa-van-to"
    (content / "media").mkdir()
    Image.new("RGB", (120, 120), (139, 26, 26)).save(content / "media" / "logo.png")
    with open(content / "site.yml", "a", encoding="utf-8") as handle:
        handle.write('logo: media/logo.png\ncolors: {primary: "#1a5c2e", accent: "#0b4f6c"}\n')
    out = tmp_path / "public-tinh"
    result = run_build("province", str(root), "--output", str(out), "--only", "xa-van-to,xa-an-binh")
    assert result.returncode == 0, result.stderr
    assert not (root / "theme").exists()
    css = (out / "xa-van-to" / "static" / "nhan-dien.css").read_text(encoding="utf-8")
    assert "--brand: #1a5c2e;" in css and "--link: #0b4f6c;" in css
    page = BeautifulSoup((out / "xa-van-to" / "index.html").read_text(encoding="utf-8"), "html.parser")
    sheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert sheets == ["static/style.css", "static/nhan-dien.css"]  # after the theme's, so it wins
    logo = page.select_one(".site-name .site-logo img")
    assert logo is not None and logo["alt"] == "" and (out / "xa-van-to" / logo["src"]).is_file()
    # a commune without its own identity keeps the theme's look
    other = (out / "xa-an-binh" / "index.html").read_text(encoding="utf-8")
    assert "nhan-dien.css" not in other and "site-logo" not in other
    assert not (out / "xa-an-binh" / "static" / "nhan-dien.css").exists()


def test_a_province_theme_overrides_single_files_for_every_commune(tmp_path):
    from tests.conftest import THEME

    root = province(tmp_path)
    (root / "theme" / "templates" / "widgets").mkdir(parents=True)
    (root / "theme" / "static").mkdir()
    base = (THEME / "templates" / "base.html").read_text(encoding="utf-8")
    (root / "theme" / "templates" / "base.html").write_text(
        base.replace("<body>", '<body>\n<p class="tinh-banner">Cổng thông tin tỉnh Mẫu</p>', 1), encoding="utf-8")
    (root / "theme" / "static" / "favicon.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>',
                                                          encoding="utf-8")
    out = tmp_path / "public-tinh"
    result = run_build("province", str(root), "--output", str(out))
    assert result.returncode == 0, result.stderr
    for folder in ("xa-an-binh", "xa-lam-son", "xa-van-to"):
        page = (out / folder / "index.html").read_text(encoding="utf-8")
        assert "tinh-banner" in page and "Trang chủ" in page  # the override, the rest of the theme around it
        assert (out / folder / "static" / "favicon.svg").read_text(encoding="utf-8").startswith("<svg xmlns")
        assert (out / folder / "static" / "style.css").read_bytes() == (THEME / "static" / "style.css").read_bytes()
    assert not (root / "theme" / "templates" / "article.html").exists()  # nothing was copied
    assert "Cổng thông tin tỉnh Mẫu" in (out / "xa-an-binh" / "tin-tuc").rglob("*.html").__next__().read_text(
        encoding="utf-8")


def test_server_config_refuses_a_folder_nginx_would_misread(tmp_path):
    from generator.server_config import Hosted, nginx_config

    with pytest.raises(ValueError):
        nginx_config([Hosted("xa-a", '/srv/a"; return 200 "x', "https://a.vn/")])
    root = province(tmp_path)
    result = run_build("province", str(root), "--output", str(tmp_path / "co cach"), "--server-config", "nginx")
    assert result.returncode == 2 and "nginx" in result.stderr
    assert not (tmp_path / "co cach").exists()
