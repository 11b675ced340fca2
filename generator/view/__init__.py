"""The view layer: everything between the site model (and page plan) and the templates.

Model records hold data; this package turns them into what a reader sees —
Vietnamese number and date formats, UI text, the Content-Security-Policy,
JSON-LD, chart geometry, phone links — so templates hold markup only. Pure
functions and frozen records; nothing here reads files or the clock.

Modules (none imports pages.py or render.py; pages and render import them):
    ``format``   values as readers write them (3.340, 99,9%, "—", dates, month labels); the Jinja filters
    ``ui``       the words the page plan puts in titles, breadcrumbs and descriptions
    ``tthc``     TTHC figures as text, the period they cover, the statistics page, the CSV
    ``chart``    every coordinate of the statistics bar chart
    ``json_ld``  schema.org NewsArticle data of an article page
    ``csp``      the Content-Security-Policy of every HTML page
    ``contact``  phone numbers as ``tel:`` links
    ``feeds``    what the Atom feeds, the sitemap and robots.txt list
    ``chrome``   what every page shows around its content (policy, title, footer, TTHC box)
"""
