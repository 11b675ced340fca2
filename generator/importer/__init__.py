"""The importer: pages saved from old commune portals turned into articles.

Modules: ``lines`` (the line model and text patterns), ``widgets`` (TTHC widget,
masthead footer, counters, furniture), ``parse`` (lines -> ``ImportedPage``),
``html`` (saved .html -> lines), ``markdown_writer`` (page -> Markdown,
suggestions as YAML), ``report`` (what is printed), ``files`` (reading pages,
copying their images) and ``orchestrate`` (the import itself). The command is
``generator.commands.import_``. See docs/import.md.
"""

from .files import read_page
from .html import html_to_lines
from .markdown_writer import (site_suggestion, site_suggestion_yaml, to_markdown, tthc_suggestion,
                              tthc_suggestion_yaml)
from .orchestrate import import_paths
from .parse import ImportedPage, ImportProblem, parse_html, parse_text
from .report import DUPLICATE, FAILED, IMPORTED, ImportReport, Outcome, report_text, summary_lines

__all__ = ["import_paths", "read_page", "parse_text", "parse_html", "html_to_lines", "to_markdown", "ImportedPage",
           "ImportProblem", "ImportReport", "Outcome", "site_suggestion", "site_suggestion_yaml",
           "tthc_suggestion", "tthc_suggestion_yaml", "summary_lines", "report_text", "IMPORTED",
           "DUPLICATE", "FAILED"]
