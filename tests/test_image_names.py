"""Image names as editors give them: "Ảnh Lễ hội 2023.JPG" is published with a valid
(percent-encoded) address, and a name written in other letter case is reported with
the exact name of the file that is there."""

from __future__ import annotations

import io

from PIL import Image

from generator.errors import diag
from generator.markup import render_markdown
from tests.conftest import THEME, article, make_site, run_build

NAME = "Ảnh Lễ hội 2023.JPG"
ENCODED = "%E1%BA%A2nh%20L%E1%BB%85%20h%E1%BB%99i%202023"


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (180, 90, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_body_links_and_images_are_percent_encoded():
    html = render_markdown(f"![Rước kiệu](<media/2023/{NAME}>)\n\n[Kế hoạch](media/Kế hoạch số 12.pdf)").html
    assert f'src="../../media/2023/{ENCODED}.JPG"' in html
    assert 'href="../../media/K%E1%BA%BF%20ho%E1%BA%A1ch%20s%E1%BB%91%2012.pdf"' in html


def test_a_photo_with_spaces_and_accents_is_published_with_valid_addresses(tmp_path):
    body = f"Lễ hội làng năm nay đông vui.\n\n![Rước kiệu](<media/2023/{NAME}>)"
    make_site(tmp_path, {f"media/2023/{NAME}": jpeg(), "tin-tuc/2023/le-hoi.md": article(
        "Lễ hội làng", category="Văn hóa", summary="Lễ hội làng năm nay đông vui.",
        image=f"media/2023/{NAME}", image_alt="Rước kiệu", body=body)})
    result = run_build("--content", "content", "--theme", str(THEME), "--output", "public", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "public" / "tin-tuc" / "le-hoi-lang" / "index.html").read_text(encoding="utf-8")
    sources = [part.split('"', 1)[0] for part in page.split(' src="')[1:]]
    candidates = [c.strip().split(" ")[0] for part in page.split('srcset="')[1:]
                  for c in part.split('"', 1)[0].split(",")]
    photo = [a for a in sources + candidates if "media/2023/" in a]
    assert len(photo) > 4  # cover and body picture: src and every srcset candidate
    # the variants get plain names (images.py slugs the folder and stem: anh-le-hoi-2023.720.….webp)
    assert all("anh-le-hoi-2023." in a and a.isascii() and " " not in a for a in photo), photo

def test_a_name_in_other_letter_case_names_the_file_found(tmp_path):
    lower = "media/2023/ảnh lễ hội 2023.jpg"
    text = article("Lễ hội làng", category="Văn hóa", summary="Lễ hội làng năm nay đông vui.",
                   body="Lễ hội làng năm nay đông vui.\n\n![Rước kiệu](media/2023/ảnh%20lễ%20hội%202023.jpg)")
    make_site(tmp_path, {f"media/2023/{NAME}": jpeg(), "tin-tuc/2023/le-hoi.md": text})
    result = run_build("check", "--content", "content", "--theme", str(THEME), cwd=tmp_path)
    line = text.split("\n").index("![Rước kiệu](media/2023/ảnh%20lễ%20hội%202023.jpg)") + 1
    wanted = diag("content/tin-tuc/2023/le-hoi.md", line, "wrong_case", target=lower,
                  found=f"media/2023/{NAME}").format()
    assert wanted in result.stdout.splitlines(), result.stdout
    assert "không có trong thư mục" not in result.stdout  # not also reported as plainly missing
    assert result.returncode == 1


def test_a_cover_image_in_other_letter_case_stops_the_build_on_every_system(tmp_path):
    text = article("Lễ hội làng", category="Văn hóa", summary="Lễ hội làng năm nay đông vui.",
                   image="media/2023/ảnh lễ hội 2023.jpg", image_alt="Rước kiệu", body="Nội dung.")
    make_site(tmp_path, {f"media/2023/{NAME}": jpeg(), "tin-tuc/2023/le-hoi.md": text})
    result = run_build("--content", "content", "--theme", str(THEME), "--output", "public", cwd=tmp_path)
    line = text.split("\n").index("image: media/2023/ảnh lễ hội 2023.jpg") + 1
    wanted = diag("content/tin-tuc/2023/le-hoi.md", line, "wrong_case", target="media/2023/ảnh lễ hội 2023.jpg",
                  found=f"media/2023/{NAME}").format()
    assert result.returncode == 1 and wanted in (result.stdout + result.stderr).splitlines(), result.stdout + result.stderr
    assert not (tmp_path / "public").exists()
