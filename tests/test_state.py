"""Where bantin keeps its state, and what happens around the output folder."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from generator import pipeline
from generator.pipeline import BuildOptions, build
from tests.conftest import NOW, THEME, article, make_site


def test_a_build_started_earlier_never_publishes_over_a_later_one(tmp_path, monkeypatch):
    content = make_site(tmp_path / "site", {"tin-tuc/a.md": article("Bài A", body="Bản cũ.")})
    out = tmp_path / "public"
    options = BuildOptions(content=content, theme=THEME, output=out, now=NOW)
    rendering, real_render = threading.Event(), pipeline.render
    calls = []

    def slow_first_render(*args, **kwargs):
        result = real_render(*args, **kwargs)
        calls.append(1)
        if len(calls) == 1:  # the first build has read the old text and is slow to finish
            rendering.set()
            time.sleep(3)
        return result
    monkeypatch.setattr(pipeline, "render", slow_first_render)
    first = threading.Thread(target=build, args=(options,))
    first.start()
    assert rendering.wait(60)
    (content / "tin-tuc" / "a.md").write_text(article("Bài A", body="Bản mới."), encoding="utf-8")
    second = threading.Thread(target=build, args=(options,))
    second.start()
    first.join(60)
    second.join(60)
    page = (out / "tin-tuc" / "bai-a" / "index.html").read_text(encoding="utf-8")
    assert "Bản mới." in page and "Bản cũ." not in page
