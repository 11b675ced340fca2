"""The checkers themselves: a deliberately broken page must fail each of them."""

from __future__ import annotations

from browser_checks import axe_violations, phone_problems
from browser_support import PAGE_TYPES, PHONE, page_url

ARTICLE = next(t for t in PAGE_TYPES if t.name == "article")


def test_axe_catches_a_missing_alt_and_removed_contrast(servers, open_tab, axe):
    tab = open_tab(PHONE)
    tab.goto(page_url(servers, ARTICLE))
    assert axe_violations(axe, tab.page) == []  # the real page is clean ...
    tab.page.evaluate("""() => {
        document.querySelector('figure.cover img').removeAttribute('alt');
        document.querySelector('.byline').style.color = '#c8c8c8';  // on white: 1.7:1
    }""")
    found = axe_violations(axe, tab.page)  # ... the broken one is not
    assert any(line.startswith("image-alt") for line in found), found
    assert any(line.startswith("color-contrast") and ".byline" in line for line in found), found


def test_phone_probe_catches_sideways_scroll_small_text_and_small_targets(servers, open_tab):
    tab = open_tab(PHONE)
    tab.goto(page_url(servers, ARTICLE))
    assert phone_problems(tab.page) == {"overflow": 0, "small_text": [], "small_targets": []}
    tab.page.evaluate("""() => {
        const wide = document.createElement('div');
        wide.style.width = '500px'; wide.textContent = 'rộng';
        document.querySelector('main').append(wide);
        document.querySelector('.byline').style.fontSize = '13px';
        document.querySelector('.tags a').style.cssText = 'display:inline;padding:0;min-height:0';
    }""")
    problems = phone_problems(tab.page)
    assert problems["overflow"] > 0
    assert any("p " in t and "13.0px" in t for t in problems["small_text"]), problems
    assert len(problems["small_targets"]) == 1, problems


def test_validator_catches_invalid_html(vnu_run):
    """Our real article page passes; the same page with its photo's alt removed does not."""
    _, errors, fixtures = vnu_run
    assert errors.get(fixtures["good"].resolve()) is None
    broken = errors.get(fixtures["broken"].resolve())
    assert broken and any("“alt”" in message for message in broken), broken
