"""Content types: what each folder of content/ holds, declared once.

A ``ContentType`` is plain typed data: its folder, its Vietnamese title, its
front-matter ``Field``s (kind, requirement, label, help text, example), whether
its items are dated, how they sort, which list page it gets, its templates and
the body ``new`` writes. Everything else is derived from these declarations:
validation with file:line diagnostics (``content.py``), the ``new`` scaffold
(``commands/new.py``), ``check``'s field rules (``check_rules.py``), the page
plan (``model.py``, ``pages.py``) and the field tables in the editors' docs
(``docs_tables.py``).

Adding a type is one ``ContentType`` plus its templates. The set of types is a
``ContentTypes`` registry carried by the build options (``BuildOptions.types``);
``STANDARD`` holds the four types of a commune site. Field kinds are names
(``TEXT``, ``DATE``…) whose validators live in ``content.VALIDATORS``; a kind
for a list of files, an ISO week or a list of event mappings is one more
validator there, not a new design.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterator

# --- field kinds (each has a validator in content.VALIDATORS) ---------------------

TEXT = "text"  # one line of text (numbers are read as text)
DATE = "date"  # date and time, Việt Nam time: "23/02/2022 08:40:17"
MONTH = "month"  # year and month: "2023-07"
BOOL = "bool"  # true / false
TEXT_LIST = "text-list"  # [a, b]
CONTENT_PATH = "content-path"  # a file inside content/: media/2023/a.jpg
SLUG = "slug"  # lowercase ASCII words joined by "-"
INT = "int"  # a whole number
PHONE = "phone"  # a telephone number written as text: "0220 3812 345"
EMAIL = "email"  # an e-mail address: ubnd@lamson.example.vn
ISO_WEEK = "iso-week"  # an ISO 8601 week: 2025-W14
EVENTS = "events"  # a list of {date, time, title, who, place}

FILE_LIST = "file-list"  # [media/a.pdf, media/b.docx]: files inside content/ that must exist
URL = "url"  # an address a reader may follow: https://dichvucong.gov.vn/…

KINDS = (TEXT, DATE, MONTH, BOOL, TEXT_LIST, CONTENT_PATH, SLUG, INT, PHONE, EMAIL, ISO_WEEK, EVENTS, FILE_LIST, URL)

# --- when a field is required -------------------------------------------------------

OPTIONAL = "optional"
REQUIRED = "required"
UNLESS_DRAFT = "unless-draft"  # required, but a draft may leave it out

# --- how a type's items are ordered (newest first, or by title) ---------------------

BY_DATE = "date"  # newest date first; equal dates by source path
BY_PERIOD = "period"  # newest period (month field "period") first, then date
BY_TITLE = "title"  # alphabetical by title (slug), for standalone pages
BY_ORDER = "order"  # by the whole-number field "order" (smallest first), then title
BY_WEEK = "week"  # newest ISO week (field "week") first
BY_FIELD = "field"  # newest value of the type's ``order_field`` (a DATE field) first

# --- what a type contributes to the home page --------------------------------------

HOME_LATEST = "latest"  # its newest items fill "Tin mới nhất"
HOME_FEATURED = "featured"  # its newest item has a block of its own (and its categories none)


@dataclass(frozen=True)
class Field:
    """One front-matter field of a content type."""

    name: str  # as written in the front matter: title
    kind: str  # one of KINDS
    label: str  # Vietnamese, for the docs and for messages: "tiêu đề bài"
    help: str  # what it means, for the docs table
    example: str  # a value as an editor writes it after "name: "
    required: str = OPTIONAL  # OPTIONAL, REQUIRED or UNLESS_DRAFT
    #: Vietnamese words for "must be …" in a wrong-type message; "" uses the kind's
    expected: str = ""
    #: catalogue codes replacing the generic ones: ("missing", "missing_period"),
    #: ("empty", …), ("bad", …), ("advise", "default_category")
    messages: tuple[tuple[str, str], ...] = ()
    #: ``check`` warns when an item leaves it out (a default stands in)
    advise: bool = False
    #: ``new`` writes this field in the front matter it scaffolds
    scaffold: bool = False
    #: ``new`` asks for it as ``--<name> VALUE`` (fields new cannot fill itself)
    ask: bool = False
    #: no two published items of the type may have the same value (an error naming both files)
    unique: bool = False
    #: each item's ``date`` must lie within this other field's span (an ISO week): events of a week
    within: str = ""
    #: the only values allowed (TEXT), as editors write them; compared without case
    choices: tuple[str, ...] = ()
    #: the value when the field is left out ("" = none)
    default: str = ""
    #: file name endings allowed (CONTENT_PATH, FILE_LIST): (".pdf", ".docx")
    suffixes: tuple[str, ...] = ()
    #: other DATE fields of the same item this DATE may not come before
    not_before: tuple[str, ...] = ()
    #: text that YAML would read as a number ("1.001190" -> 1.00119): must be quoted
    literal: bool = False

    def message(self, event: str, default: str) -> str:
        """The catalogue code for *event* ("missing", "empty", "bad", "advise")."""
        return dict(self.messages).get(event, default)

    def required_for(self, draft: bool) -> bool:
        return self.required == REQUIRED or (self.required == UNLESS_DRAFT and not draft)


@dataclass(frozen=True)
class ListPage:
    """The list page a type gets at /<key>/."""

    template: str = "list.html"
    by_year: bool = False  # one page, grouped by year (else paginated, newest first)
    #: the page shows the item whose span holds the build date (else the latest, saying so)
    current: bool = False
    #: more list pages, one per value of a field (pre-rendered, so filtering works on a static host)
    facets: tuple["Facet", ...] = ()
    #: one page with the items grouped under each value of this field (else paginated)
    group_by: str = ""


@dataclass(frozen=True)
class Facet:
    """List pages of one type per value of a field: per year of a DATE field at
    /<key>/<year>/, or per value of a TEXT field at /<key>/<segment>/<slug of value>/."""

    field: str
    segment: str = ""  # "" for the years of a DATE field; else the URL segment: "loai"
    label: str = ""  # Vietnamese, before the value in the page title: "Loại văn bản"


@dataclass(frozen=True)
class ContentType:
    """A folder of content/ and everything about the items it holds."""

    key: str  # folder and URL segment: tin-tuc
    title: str  # Vietnamese, in menus and breadcrumbs; the default category
    description: str  # what it holds, for the docs: "tin tức"
    fields: tuple[Field, ...]
    dated: bool = True  # items appear in the site-wide lists (categories, tags, archive, feed)
    order: str = BY_DATE
    list_page: ListPage | None = ListPage()
    template: str = "article.html"  # one item's page
    home: str = ""  # HOME_LATEST, HOME_FEATURED or ""
    #: a published item needs a body (a type whose content is all in its fields — a
    #: leader's card, a week's schedule — sets False)
    body_required: bool = True
    #: Markdown body written by ``new`` under the front matter
    scaffold_body: str = ""
    #: ``new``'s title when none is given, formatted with the asked fields (shown
    #: as editors read them): "Bản tin nông thôn mới {period}"; "" = a title is needed
    default_title: str = ""
    #: each item gets a page of its own (False: the items are shown on the list page only)
    item_pages: bool = True
    #: the field the address comes from when there is no slug: field (its value's text, as a slug)
    slug_from: str = "title"
    #: the title of a type without a title field, formatted with its fields: "Lịch công tác {week.label}"
    title_format: str = ""
    #: the file's name must be one of this field's value's ``file_stems`` (2025-14.md for week 2025-W14)
    file_named_by: str = ""
    #: the slug when none is given, formatted with the item's values (a DATE field
    #: takes strftime codes): "{number} {issued:%Y}"; "" = from ``slug_from``
    slug_format: str = ""
    #: the DATE field ``order=BY_FIELD`` sorts on, newest first
    order_field: str = ""
    #: (from, until): DATE fields giving when an item is in force ("Còn hiệu lực");
    #: *from* may name fallbacks: ("effective", "issued"); () = not applicable
    valid_from: tuple[str, ...] = ()
    valid_until: str = ""
    #: an undated type whose files ``new`` puts in year folders: content/van-ban/2025/x.md
    files_by_year: bool = False

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def periodical(self) -> bool:
        """Issues of a periodical (bulletins): ordered by period, each page names its issue."""
        return self.order == BY_PERIOD


class ContentTypes:
    """An ordered, read-only registry of content types (menu order), by key."""

    def __init__(self, types: tuple[ContentType, ...] | list[ContentType]):
        self._types = {t.key: t for t in types}
        if len(self._types) != len(types):
            raise ValueError("two content types share a key")

    def __getitem__(self, key: str) -> ContentType:
        return self._types[key]

    def __contains__(self, key: object) -> bool:
        return key in self._types

    def __iter__(self) -> Iterator[str]:
        return iter(self._types)

    def __len__(self) -> int:
        return len(self._types)

    def __repr__(self) -> str:  # part of cache keys: stable and complete
        return f"ContentTypes({tuple(self._types.values())!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ContentTypes) and tuple(self._types.values()) == tuple(other._types.values())

    def __hash__(self) -> int:
        return hash(tuple(self._types.values()))

    def get(self, key: str) -> ContentType | None:
        return self._types.get(key)

    def keys(self) -> tuple[str, ...]:
        return tuple(self._types)

    def values(self) -> tuple[ContentType, ...]:
        return tuple(self._types.values())

    def with_home(self, role: str) -> tuple[ContentType, ...]:
        return tuple(t for t in self._types.values() if t.home == role)

    def having(self, field_name: str) -> tuple[ContentType, ...]:
        """The types that declare *field_name*."""
        return tuple(t for t in self._types.values() if t.field(field_name) is not None)

    def plus(self, *more: ContentType) -> "ContentTypes":
        """This registry with *more* types added (or replacing ones with the same key)."""
        return ContentTypes(tuple({**self._types, **{t.key: t for t in more}}.values()))


# --- the fields of an article ---------------------------------------------------------

DATE_EXAMPLE = '"23/02/2022 08:40:17"'

TITLE = Field("title", TEXT, "tiêu đề", "tiêu đề bài", "Hội nghị tiếp xúc cử tri",
              required=REQUIRED, scaffold=True)
DATE_FIELD = Field(
    "date", DATE, "ngày giờ đăng",
    "ngày giờ đăng, giờ Việt Nam: `2022-02-23 08:40:17`, `2022-02-23 08:40`, `2022-02-23`, "
    "`23/02/2022 08:40:17` hoặc `23/02/2022`",
    DATE_EXAMPLE, required=UNLESS_DRAFT, expected="ngày giờ viết trong ngoặc kép", scaffold=True)
CATEGORY = Field("category", TEXT, "chuyên mục",
                 "chuyên mục; bỏ trống thì dùng tên chuyên trang", "Nông thôn mới",
                 messages=(("advise", "default_category"),), advise=True, scaffold=True)
AUTHOR = Field("author", TEXT, "tác giả", "tên người viết, hiện ở cuối bài", "Mai Chi", scaffold=True)
SUMMARY = Field("summary", TEXT, "tóm tắt",
                "một câu tóm tắt; bỏ trống thì trang chủ lấy đoạn đầu tiên của bài, cắt ở ranh giới từ", "Một câu tóm tắt bài viết.",
                messages=(("advise", "default_summary"),), advise=True)
IMAGE = Field("image", CONTENT_PATH, "ảnh đại diện", "ảnh đại diện, trong thư mục `media/`",
              "media/2023/anh.jpg", expected="đường dẫn ảnh")
IMAGE_ALT = Field("image_alt", TEXT, "mô tả ảnh", "mô tả ảnh đại diện cho người khiếm thị",
                  "Mô tả ảnh")
TAGS = Field("tags", TEXT_LIST, "thẻ", "danh sách thẻ", "[nông thôn mới, giao thông]")
SLUG_FIELD = Field("slug", SLUG, "tên bài trong địa chỉ",
                   "tên bài trong địa chỉ; mặc định lấy từ tiêu đề bỏ dấu (`đ` → `d`)", "hop-dan-thon-3")
DRAFT = Field("draft", BOOL, "bài nháp", "`true`: bài nháp, không bao giờ được đăng", "true",
              messages=(("bad", "bad_draft"),), scaffold=True)
PERIOD = Field("period", MONTH, "tháng của bản tin",
               "tháng của bản tin, hiện là \"tháng 7/2023\"", "2023-07", required=REQUIRED,
               messages=(("missing", "missing_period"), ("empty", "missing_period"), ("bad", "bad_period")),
               scaffold=True, ask=True)

#: The fields every article has, in the order the docs list them.
ARTICLE_FIELDS = (TITLE, DATE_FIELD, CATEGORY, AUTHOR, SUMMARY, IMAGE, IMAGE_ALT, TAGS, SLUG_FIELD, DRAFT)

#: What ``new`` writes under the front matter of an article.
ARTICLE_BODY = "<!-- Viết nội dung bài ở đây: đoạn đầu tiên là tóm tắt hiện trên trang chủ. -->\n"

#: The usual headings of a monthly new-countryside bulletin.
BULLETIN_HEADINGS = (
    "1. Về công tác chỉ đạo, điều hành",
    "2. Kết quả thực hiện",
    "3. Nhiệm vụ thời gian tới",
)

NEWS = ContentType("tin-tuc", "Tin tức", "tin tức", ARTICLE_FIELDS, home=HOME_LATEST,
                   scaffold_body=ARTICLE_BODY)
BULLETIN = ContentType(
    "ban-tin", "Bản tin", "bản tin hằng tháng (cần `period`)",
    ARTICLE_FIELDS[:2] + (PERIOD,) + ARTICLE_FIELDS[2:],
    order=BY_PERIOD, list_page=ListPage("bulletins.html", by_year=True), home=HOME_FEATURED,
    scaffold_body="".join(f"## {heading}\n\n\n" for heading in BULLETIN_HEADINGS).rstrip("\n") + "\n",
    default_title="Bản tin nông thôn mới {period}")
NOTICE = ContentType("thong-bao", "Thông báo", "thông báo", ARTICLE_FIELDS, scaffold_body=ARTICLE_BODY)
PAGE = ContentType(
    "trang", "Trang", "trang đứng riêng: Giới thiệu, Liên hệ (không cần ngày)",
    tuple(replace(f, required=OPTIONAL, advise=False) if f.name in ("date", "category", "summary") else f
          for f in ARTICLE_FIELDS),
    dated=False, order=BY_TITLE, list_page=None, template="page.html", scaffold_body=ARTICLE_BODY)

# --- the commune's leaders (issue 15): one person a file, shown together on /lanh-dao/ ---

LEADERS = ContentType(
    "lanh-dao", "Lãnh đạo", "lãnh đạo xã: mỗi người một tệp, hiện cùng nhau trên một trang",
    fields=(
        replace(TITLE, label="họ và tên", help="họ và tên", example="Nguyễn Văn An"),
        Field("position", TEXT, "chức vụ", "chức vụ", "Chủ tịch UBND xã", required=UNLESS_DRAFT,
              scaffold=True),
        Field("position_en", TEXT, "chức vụ (tiếng Anh)", "chức vụ bằng tiếng Anh, cho trang `/en/`",
              "Chairman of the Commune People's Committee", scaffold=True),
        Field("order", INT, "thứ tự", "thứ tự trên trang lãnh đạo (1 lên đầu); mỗi người một số",
              "1", required=UNLESS_DRAFT, scaffold=True, unique=True),
        Field("phone", PHONE, "số điện thoại", "số điện thoại, trong ngoặc kép", '"0220 3812 345"',
              expected="số điện thoại viết trong ngoặc kép", scaffold=True),
        Field("email", EMAIL, "thư điện tử", "địa chỉ thư điện tử", "chutich@lamson.example.vn",
              scaffold=True),
        replace(IMAGE, help="ảnh chân dung, trong thư mục `media/`", example="media/lanh-dao/nguyen-van-an.jpg",
                scaffold=True),
        DRAFT,
    ),
    dated=False, order=BY_ORDER, list_page=ListPage("leaders.html"), item_pages=False,
    scaffold_body="<!-- Viết tiểu sử ngắn và nhiệm vụ được phân công ở đây. -->\n")

# --- the work schedule (issue 15): one ISO week a file, /lich-cong-tac/<năm>-w<tuần>/ ---

EVENT_EXAMPLE = ('[{date: 2025-03-31, time: "07:30", title: Giao ban tuần, '
                 'who: "Chủ tịch, Phó Chủ tịch", place: Hội trường UBND}]')

SCHEDULE = ContentType(
    "lich-cong-tac", "Lịch công tác", "lịch công tác: mỗi tuần một tệp, tên tệp là năm-tuần (`2025-14.md`)",
    fields=(
        Field("week", ISO_WEEK, "tuần", "tuần ISO của lịch: năm-W số tuần (tuần bắt đầu từ thứ Hai)",
              "2025-W14", required=REQUIRED, expected="năm-W số tuần", scaffold=True, ask=True,
              messages=(("bad", "bad_week"),)),
        Field("events", EVENTS, "các cuộc họp, công việc",
              "danh sách công việc trong tuần, mỗi mục có `date`, `time` (trong ngoặc kép), `title`, "
              "và nếu cần `who` (thành phần), `place` (địa điểm)", EVENT_EXAMPLE,
              required=UNLESS_DRAFT, expected="một danh sách công việc", scaffold=True, within="week",
              messages=(("bad.date", "bad_event_date"), ("bad.time", "bad_event_time"),
                        ("outside", "event_outside_week"))),
        DRAFT,
    ),
    dated=False, order=BY_WEEK, list_page=ListPage("schedule.html", current=True), template="week.html",
    body_required=False, slug_from="week", title_format="Lịch công tác {week.label}", file_named_by="week",
    default_title="Lịch công tác {week}")



# --- documents (văn bản) and administrative procedures (thủ tục hành chính) ----------
#
# A commune site publishes the documents its authority issues and the procedures it
# handles (Luật Tiếp cận thông tin 2016 Điều 17-18; the README says which duty each answers).

#: The file types a document or form may be published as.
DOCUMENT_SUFFIXES = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt")
#: How far a procedure can be done online: the two levels of online public services
#: (toàn trình, một phần) of Nghị định 42/2022/NĐ-CP, or not at all.
ONLINE_LEVELS = ("toàn trình", "một phần", "không")

_DOC_DATE = "ngày, dạng `2025-03-15` hoặc `15/03/2025`"

DOCUMENT = ContentType(
    "van-ban", "Văn bản", "văn bản của chính quyền xã: quyết định, kế hoạch, thông báo…",
    (
        Field("title", TEXT, "trích yếu", "trích yếu nội dung văn bản",
              "Về việc ban hành Kế hoạch phòng, chống thiên tai năm 2025", required=REQUIRED, scaffold=True),
        Field("number", TEXT, "số ký hiệu", "số ký hiệu văn bản", "15/QĐ-UBND", required=UNLESS_DRAFT,
              scaffold=True, ask=True, literal=True),
        Field("type", TEXT, "loại văn bản",
              "Quyết định, Nghị quyết, Chỉ thị, Kế hoạch, Thông báo, Công văn, Báo cáo, Hướng dẫn…",
              "Quyết định", required=UNLESS_DRAFT, scaffold=True),
        Field("issuer", TEXT, "cơ quan ban hành", "cơ quan ban hành", "UBND xã Lam Sơn",
              required=UNLESS_DRAFT, scaffold=True),
        Field("issued", DATE, "ngày ban hành", "ngày ban hành: " + _DOC_DATE, "2025-03-15",
              required=UNLESS_DRAFT, scaffold=True),
        Field("effective", DATE, "ngày có hiệu lực",
              "ngày có hiệu lực; bỏ trống thì có hiệu lực từ ngày ban hành", "2025-04-01",
              not_before=("issued",), scaffold=True),
        Field("expires", DATE, "ngày hết hiệu lực", "ngày hết hiệu lực; bỏ trống nếu chưa hết",
              "2026-01-01", not_before=("issued", "effective"), scaffold=True),
        Field("signer", TEXT, "người ký", "người ký và chức vụ", "Nguyễn Văn An - Chủ tịch", scaffold=True),
        Field("field", TEXT, "lĩnh vực", "lĩnh vực", "Phòng, chống thiên tai", scaffold=True),
        Field("files", FILE_LIST, "tệp văn bản",
              "danh sách tệp trong `media/`, ít nhất một (PDF, DOC/DOCX, XLS/XLSX, ODT)",
              "[media/van-ban/2025/15-qd-ubnd.pdf]", required=UNLESS_DRAFT, suffixes=DOCUMENT_SUFFIXES,
              scaffold=True),
        Field("slug", SLUG, "tên văn bản trong địa chỉ",
              "tên trong địa chỉ; mặc định lấy từ số ký hiệu và năm ban hành (`15-qd-ubnd-2025`)",
              "15-qd-ubnd-2025"),
        DRAFT,
    ),
    dated=False, order=BY_FIELD, order_field="issued",
    list_page=ListPage("documents.html", facets=(Facet("issued"), Facet("type", "loai", "Loại văn bản"))),
    template="document.html", body_required=False, files_by_year=True,
    scaffold_body="<!-- Ghi chú về văn bản (không bắt buộc). -->\n",
    slug_format="{number} {issued:%Y}", valid_from=("effective", "issued"), valid_until="expires")

PROCEDURE = ContentType(
    "thu-tuc", "Thủ tục hành chính", "thủ tục hành chính giải quyết tại xã",
    (
        Field("title", TEXT, "tên thủ tục", "tên thủ tục", "Đăng ký khai sinh", required=REQUIRED,
              scaffold=True),
        Field("field", TEXT, "lĩnh vực", "lĩnh vực; các thủ tục được xếp theo lĩnh vực", "Hộ tịch",
              required=UNLESS_DRAFT, scaffold=True),
        Field("code", TEXT, "mã thủ tục", "mã thủ tục trên Cơ sở dữ liệu quốc gia, trong ngoặc kép",
              '"1.001193"', literal=True, scaffold=True),
        Field("duration", TEXT, "thời hạn giải quyết", "thời hạn giải quyết", "Trong ngày làm việc",
              required=UNLESS_DRAFT, scaffold=True),
        Field("fee", TEXT, "phí, lệ phí", "phí, lệ phí", "Miễn lệ phí", required=UNLESS_DRAFT, scaffold=True),
        Field("online", TEXT, "dịch vụ công trực tuyến",
              "`toàn trình`, `một phần` hoặc `không` (mặc định)", "toàn trình",
              choices=ONLINE_LEVELS, default="không", scaffold=True),
        Field("url", URL, "địa chỉ nộp trực tuyến", "địa chỉ làm thủ tục trực tuyến (https://…)",
              "https://dichvucong.gov.vn/", scaffold=True),
        Field("forms", FILE_LIST, "mẫu đơn, tờ khai",
              "danh sách tệp mẫu đơn, tờ khai trong `media/` (PDF, DOC/DOCX, XLS/XLSX, ODT)",
              "[media/thu-tuc/to-khai-khai-sinh.docx]", suffixes=DOCUMENT_SUFFIXES, scaffold=True),
        Field("slug", SLUG, "tên thủ tục trong địa chỉ",
              "tên trong địa chỉ; mặc định lấy từ tên thủ tục bỏ dấu", "dang-ky-khai-sinh"),
        DRAFT,
    ),
    dated=False, order=BY_TITLE, list_page=ListPage("procedures.html", group_by="field"),
    template="procedure.html",
    scaffold_body="## Trình tự thực hiện\n\n\n## Thành phần hồ sơ\n\n\n## Đối tượng thực hiện\n\n")

#: The content types of a commune site, in menu order.
STANDARD = ContentTypes((NEWS, BULLETIN, NOTICE, PAGE, LEADERS, SCHEDULE, DOCUMENT, PROCEDURE))
