from datetime import datetime, timedelta

from generator.config import Masthead, SiteConfig
from generator.content import Article
from generator.model import build_site
from generator.pages import PER_PAGE, plan_pages
from generator.text import VIETNAM_TZ
from generator.tthc import EMPTY

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=VIETNAM_TZ)
CONFIG = SiteConfig(name="Trang thông tin điện tử xã A", masthead=Masthead("B"))


def make(slug, day, section="tin-tuc", category="Nông thôn mới", **fields):
    date = None if day is None else datetime(2023, 1, 1, 8, 0, tzinfo=VIETNAM_TZ) + timedelta(days=day)
    return Article(source=f"content/{section}/{slug}.md", section=section, slug=slug, title=slug.title(),
                   date=date, category=category, author="", summary="", html="<p>x</p>", **fields)


def site_of(*articles, preview=False):
    site, problems = build_site(CONFIG, list(articles), EMPTY, NOW, preview=preview)
    assert problems == []
    return site


def test_newest_first_and_stable_for_equal_dates():
    site = site_of(make("b", 5), make("a", 5), make("c", 9), make("d", 1))
    assert [a.slug for a in site.articles] == ["c", "a", "b", "d"]


def test_drafts_and_future_articles_are_not_published():
    future = make("sau", 3000)  # 2031
    draft = make("nhap", 2, draft=True)
    site = site_of(make("a", 1), future, draft)
    assert [a.slug for a in site.articles] == ["a"]
    assert all(draft not in g.articles and future not in g.articles for g in site.categories)
    preview = site_of(make("a", 1), future, draft, preview=True)
    assert {a.slug for a in preview.articles} == {"a", "sau", "nhap"}


def test_indexes():
    site = site_of(make("a", 1, tags=("OCOP", "lúa")), make("b", 40, category="Kinh tế", tags=("OCOP",)),
                   make("c", 2, section="thong-bao", category="Thông báo"),
                   make("gioi-thieu", None, section="trang", category="Trang"))
    assert [g.name for g in site.categories] == ["Kinh tế", "Nông thôn mới", "Thông báo"]
    assert [g.key for g in site.tags] == ["lua", "ocop"]
    assert [a.slug for a in site.tag_of["OCOP"].articles] == ["b", "a"]
    assert [g.key for g in site.months] == ["2023-02", "2023-01"]
    assert [a.slug for a in site.sections["tin-tuc"]] == ["b", "a"]
    assert [a.slug for a in site.pages] == ["gioi-thieu"]
    assert site.neighbours["/tin-tuc/a/"] == (None, site.sections["tin-tuc"][0])


def test_related_is_same_category_newest_first_without_itself():
    site = site_of(make("a", 1), make("b", 2), make("c", 3), make("x", 4, category="Kinh tế"))
    assert [a.slug for a in site.related["/tin-tuc/a/"]] == ["c", "b"]
    assert site.related["/tin-tuc/x/"] == ()


def test_bulletins_ordered_by_period():
    site = site_of(make("t6", 40, section="ban-tin", period=(2023, 6)),
                   make("t7", 10, section="ban-tin", period=(2023, 7)))
    assert [b.slug for b in site.bulletins] == ["t7", "t6"]
    older, newer = site.neighbours["/ban-tin/t7/"]
    assert older.slug == "t6" and newer is None


def test_two_articles_at_one_url_are_one_error_naming_the_other():
    one = make("trung", 1)
    two = Article(**{**one.__dict__, "source": "content/tin-tuc/2024/trung.md"})
    site, problems = build_site(CONFIG, [two, one], EMPTY, NOW)
    assert site is None
    assert len(problems) == 1  # one problem, one message
    later, first = sorted([one.source, two.source], reverse=True)
    assert problems[0].path == later and first in problems[0].message
    assert "/tin-tuc/trung/" in problems[0].message


def test_pagination_20_per_page():
    site = site_of(*[make(f"bai-{i:02d}", i) for i in range(45)])
    plans = {p.url: p for p in plan_pages(site)}
    assert "/chuyen-muc/nong-thon-moi/trang-3/" in plans
    assert "/chuyen-muc/nong-thon-moi/trang-4/" not in plans
    first = plans["/chuyen-muc/nong-thon-moi/"]
    assert len(first.data["articles"]) == PER_PAGE
    third = plans["/chuyen-muc/nong-thon-moi/trang-3/"]
    assert len(third.data["articles"]) == 5
    assert third.data["pagination"].previous == "/chuyen-muc/nong-thon-moi/trang-2/"
    assert third.data["pagination"].next is None


def test_every_planned_url_is_unique():
    site = site_of(*[make(f"bai-{i}", i, tags=("x",)) for i in range(30)])
    urls = [p.url for p in plan_pages(site)]
    assert len(urls) == len(set(urls))


def test_an_undated_draft_is_shown_last_in_preview_only():
    site = site_of(make("a", 1), make("nhap", None, draft=True), preview=True)
    assert [a.slug for a in site.articles] == ["a", "nhap"]
    plans = {p.url for p in plan_pages(site)}
    assert "/tin-tuc/nhap/" in plans
    assert [a.slug for a in site_of(make("a", 1), make("nhap", None, draft=True)).articles] == ["a"]
