"""A legitimately huge article (20 MB) builds, in bounded time and memory.

Measured in a subprocess so the peak resident memory (``ru_maxrss``) is the
build's own. Speed targets live in benchmarks/; the bounds here are generous
and only catch a blow-up (memory growing far beyond a few copies of the text,
or Python-Markdown going quadratic on a long body). Measured on the reference
machine (busy): about 20-30 s and 320-350 MB for this 20 MB article; converted
in one piece, as before markup.pieces(), the same build took 137 s.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, THEME, article, make_site

PARAGRAPH = ("Thực hiện Nghị quyết của Đảng ủy xã, năm 2023 xã Lam Sơn đã hoàn thành đường bê tông liên thôn "
             "dài 3.340 m, rộng 5 m, do nhân dân đóng góp và ngân sách xã hỗ trợ. ") * 4
SIZE = 20 * 1024 * 1024

MEASURE = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from generator.cli import main
started = time.perf_counter()
code = main(sys.argv[2:])
print(json.dumps({"code": code, "seconds": time.perf_counter() - started,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


@pytest.mark.slow
def test_a_20_mb_article_builds_in_bounded_memory(tmp_path):
    sections = []
    size = 0
    i = 0
    while size < SIZE:
        block = f"## Mục {i}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n- ý thứ nhất của mục {i}\n- ý thứ hai\n\n"
        sections.append(block)
        size += len(block.encode("utf-8"))
        i += 1
    content = make_site(tmp_path, {"tin-tuc/bao-cao-rat-dai.md": article(
        title="Báo cáo tổng kết rất dài", body="".join(sections), slug="bao-cao")})
    assert (content / "tin-tuc/bao-cao-rat-dai.md").stat().st_size >= SIZE
    out = tmp_path / "public"
    result = subprocess.run([sys.executable, "-c", MEASURE, str(ROOT), "--content", str(content),
                             "--theme", str(THEME), "--output", str(out), "-q"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    print("20 MB article:", measured)
    assert measured["code"] == 0
    page = (out / "tin-tuc/bao-cao/index.html").read_bytes()
    assert len(page) > SIZE
    assert f"Mục {i - 1}</h2>".encode() in page  # the very end made it
    assert measured["max_rss_mb"] < 1024
    assert measured["seconds"] < 100
