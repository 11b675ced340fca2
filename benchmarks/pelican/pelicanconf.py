"""Pelican settings for the bantin benchmark (see benchmarks/README.md).

Aim: pages comparable to what bantin renders from the same corpus: one page
per article, paginated (20) index/category/tag listings, categories and tags
indexes, an archive and monthly archives, one Atom feed. No author pages
(bantin has none), no per-category feeds, no plugins.

benchmarks/run.py passes PATH (content), OUTPUT_PATH and CACHE_PATH on the
command line (`-e`), so this file has no machine-specific paths.
"""

SITENAME = "Trang thông tin điện tử xã Lam Sơn"
SITEURL = ""
RELATIVE_URLS = True
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
DEFAULT_DATE_FORMAT = "%d/%m/%Y %H:%M"

THEME = "simple"  # Pelican's built-in minimal theme
DEFAULT_PAGINATION = 20
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/trang/{number}/", "{base_name}/trang/{number}/index.html"),
)

# URL layout like bantin's: /tin-tuc/<slug>/, /chuyen-muc/<slug>/, /the/<slug>/
ARTICLE_URL = "tin-tuc/{slug}/"
ARTICLE_SAVE_AS = "tin-tuc/{slug}/index.html"
PAGE_URL = "trang/{slug}/"
PAGE_SAVE_AS = "trang/{slug}/index.html"
CATEGORY_URL = "chuyen-muc/{slug}/"
CATEGORY_SAVE_AS = "chuyen-muc/{slug}/index.html"
TAG_URL = "the/{slug}/"
TAG_SAVE_AS = "the/{slug}/index.html"
CATEGORIES_SAVE_AS = "chuyen-muc/index.html"
TAGS_SAVE_AS = "the/index.html"
ARCHIVES_SAVE_AS = "luu-tru/index.html"
MONTH_ARCHIVE_URL = "luu-tru/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "luu-tru/{date:%Y}/{date:%m}/index.html"
YEAR_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""

# One site-wide Atom feed (bantin writes one feed.xml); nothing per category/author.
FEED_DOMAIN = "https://lamson.example.vn"
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

STATIC_PATHS = []
DELETE_OUTPUT_DIRECTORY = False  # run.py removes the output itself before a clean build

# Clean builds never reuse a cache; run.py turns these on with -e only for the
# "edit with content cache" measurement.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
