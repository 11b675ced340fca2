"""The view layer: everything between the site model (and page plan) and the templates.

Model records hold data; this package turns them into what a reader sees —
Vietnamese number and date formats, UI text, the Content-Security-Policy,
JSON-LD, chart geometry, phone links — so templates hold markup only. Pure
functions and frozen records; nothing here reads files or the clock.

Modules:
    ``csp``      the Content-Security-Policy of every HTML page
    ``contact``  phone numbers as ``tel:`` links
    ``chrome``   what every page shows around its content (header, footer), once per site
"""
