"""Every HTML page of the built sites passes the Nu HTML Checker with zero errors."""

from __future__ import annotations

from browser_checks import REPORT
from browser_support import PAGE_TYPES, output_file


def test_every_page_is_valid_html(servers, vnu_run):
    pages, errors, _ = vnu_run
    assert len(pages) > 50
    for page_type in PAGE_TYPES:
        target = output_file(servers, page_type)
        assert target in pages, target
        REPORT.setdefault(page_type.name, {})["validator errors"] = len(errors.get(target.resolve(), []))
    assert {str(path): messages for path, messages in errors.items()
            if path in {p.resolve() for p in pages}} == {}
