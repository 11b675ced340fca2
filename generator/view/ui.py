"""The Vietnamese words of the interface that code (not a template) decides:
page titles, breadcrumbs, list headings, descriptions.

Templates keep the words that belong to their markup ("Tin mới nhất", "Trang
sau"); everything the page plan puts into a page's title, crumbs or meta
description comes from here, so one file holds the site's wording.
"""

from __future__ import annotations

HOME = "Trang chủ"
TAGS = "Thẻ"
ARCHIVE = "Lưu trữ"
CATEGORY = "Chuyên mục"
STATS = "Kết quả giải quyết thủ tục hành chính"
STATS_CRUMB = "Kết quả giải quyết TTHC"
STATS_DESCRIPTION = "Số hồ sơ thủ tục hành chính đã giải quyết theo tháng"
NOT_FOUND = "Không tìm thấy trang"
SEARCH = "Tìm kiếm"
SEARCH_DESCRIPTION = "Tìm bài viết, thông báo, bản tin và trang"
ENGLISH_TITLE = "English information"  # the title of /en/, whose content is in English
ENGLISH_CRUMB = "English"


def numbered(title: str, page: int) -> str:
    """A list's title on its page *page*: "Tin tức", "Tin tức - trang 2"."""
    return title if page == 1 else f"{title} - trang {page}"


def tag_title(name: str) -> str:
    """"Thẻ: nông thôn mới"."""
    return f"{TAGS}: {name}"


def month_title(name: str) -> str:
    """"Lưu trữ tháng 7/2023"."""
    return f"{ARCHIVE} {name}"


def category_description(name: str) -> str:
    """"Chuyên mục Nông thôn mới"."""
    return f"{CATEGORY} {name}"


def section_description(title: str, site_name: str) -> str:
    """A section's list: "Tin tức - Trang thông tin điện tử xã Lam Sơn"."""
    return f"{title} - {site_name}"


def periodical_description(title: str, site_name: str) -> str:
    """The bulletins' list: "Bản tin của Trang thông tin điện tử xã Lam Sơn"."""
    return f"{title} của {site_name}"


def facet_heading(label: str, by_year: bool) -> str:
    """The heading over a list's facet links: "Theo năm ban hành", "Theo loại văn bản"."""
    return "Theo năm" if by_year else f"Theo {label[:1].lower()}{label[1:]}"


def facet_title(title: str, label: str, value: str) -> str:
    """"Văn bản năm 2025", "Văn bản - Loại văn bản: Quyết định"."""
    return f"{title} năm {value}" if not label else f"{title} - {label}: {value}"
