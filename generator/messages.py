"""The message catalogue: every text an editor can see about their content.

Plain Vietnamese, each says what is wrong and how to fix it. Keys are stable
codes used by tests; ``errors.diag`` fills in the ``{placeholders}``.
"""

URL_HINT = "dùng địa chỉ web đầy đủ (https://…), địa chỉ trong trang (/trang/gioi-thieu/), mailto: hoặc tel:"
DATE_HINT = "dùng dạng 23/02/2022 08:40:17 hoặc 2022-02-23 08:40:17"

MESSAGES: dict[str, str] = {
    # reading files
    "unreadable": "không đọc được tệp ({reason}) — kiểm tra quyền truy cập tệp",
    "not_utf8": "tệp không phải UTF-8 (có vẻ là {encoding}) — mở tệp và lưu lại với bảng mã UTF-8",
    "binary": "tệp không phải văn bản (có vẻ là tệp nhị phân) — xoá tệp này hoặc đổi đuôi khác .md",
    "empty_file": "tệp rỗng — viết phần đầu (---, title, date, ---) và nội dung bài, hoặc xoá tệp",
    "no_front_matter": "thiếu phần đầu bài — dòng đầu tiên phải là --- rồi title:, date:, và kết thúc bằng ---",
    "unclosed_front_matter": "phần đầu bài mở bằng --- ở dòng 1 nhưng không có dòng --- đóng lại — thêm một dòng --- sau trường cuối cùng",
    "yaml_syntax": "{problem} — {fix}",
    "yaml_duplicate_key": "trường \"{key}\" được viết hai lần (dòng {first} và dòng {second}) — giữ một dòng đúng và xoá dòng kia",
    "yaml_alias": "không dùng neo/bí danh YAML (& và *) trong nội dung — viết giá trị đầy đủ",
    "yaml_not_mapping": "phần đầu bài phải là các dòng \"tên: giá trị\" (ví dụ title: Tiêu đề), không phải {kind}",
    "too_large": "tệp quá lớn ({size_mb} MB, tối đa {limit_mb} MB) — chia bài thành nhiều bài hoặc bỏ bớt nội dung dán vào",
    "not_regular": "không phải tệp thường (đây là {kind}) — bantin chỉ đọc tệp thường; xoá nó hoặc thay bằng tệp thật",
    "media_active": "loại tệp {suffix} có thể chứa mã chạy trên trình duyệt (như SVG, HTML, XML, JavaScript) hoặc không phải ảnh, tài liệu, âm thanh, video nên không được đăng — {fix}",
    "media_markup": "tệp có đuôi {suffix} nhưng bên trong là mã trang web (HTML/SVG/XML), trình duyệt có thể chạy nó nên không được đăng — dùng tệp ảnh hoặc tài liệu thật, hoặc nén tệp vào một tệp .zip",
    "symlink_loop": "liên kết tượng trưng trỏ về chính thư mục chứa nó (vòng lặp) — xoá liên kết này",
    "symlink_outside": "liên kết tượng trưng trỏ ra ngoài thư mục content/ — chép tệp thật vào content/ thay vì liên kết",
    # front matter fields
    "missing_field": "thiếu trường bắt buộc \"{field}\" — thêm dòng {field}: {example}",
    "field_type": "trường \"{field}\" phải là {expected}, không phải {got} — ví dụ: {field}: {example}",
    "empty_field": "trường \"{field}\" đang để trống — điền giá trị hoặc xoá dòng này",
    "bad_date": "ngày \"{value}\" không hợp lệ — " + DATE_HINT,
    "bad_period": "kỳ bản tin \"{value}\" không hợp lệ — dùng dạng period: 2023-07 (năm-tháng)",
    "missing_period": "bản tin thiếu trường \"period\" — thêm dòng period: 2023-07 (năm-tháng của bản tin)",
    "bad_draft": "trường \"draft\" chỉ nhận true hoặc false, không phải \"{value}\" — viết draft: true để giữ bài nháp",
    "bad_slug": "slug \"{value}\" không hợp lệ — chỉ dùng chữ thường không dấu, số và dấu gạch ngang, tối đa 150 ký tự, ví dụ slug: hop-dan-thon-3",
    "bad_path": "đường dẫn \"{value}\" không hợp lệ — dùng đường dẫn trong thư mục content/, ví dụ media/2023/anh.jpg, không dùng ../ hay đường dẫn tuyệt đối",
    "field_quote": "trường \"{field}\" là một mã, viết không có ngoặc kép thì bị đọc thành số và mất chữ số 0 ở cuối — viết trong ngoặc kép: {field}: {example}",
    "bad_choice": "trường \"{field}\" chỉ nhận một trong các giá trị: {choices} — không phải \"{value}\"; ví dụ: {field}: {example}",
    "bad_file_type": "tệp \"{target}\" (trường \"{field}\") có loại {suffix} không được đăng ở đây — chỉ dùng tệp {allowed}; lưu lại tệp thành PDF rồi sửa đường dẫn",
    "date_order": "{field} ({value}) trước {other} ({other_value}) — kiểm tra lại hai ngày này",
    "bad_url": "địa chỉ \"{value}\" (trường \"{field}\") không hợp lệ hoặc không an toàn — dùng địa chỉ web đầy đủ bắt đầu bằng https://, ví dụ: {field}: {example}",
    "missing_file": "không tìm thấy tệp \"{target}\" (trường \"{field}\") — chép tệp vào content/media/ hoặc sửa đường dẫn",
    "unknown_field": "trường \"{field}\" không được dùng — {hint}",
    "field_case": "tên trường \"{field}\" phải viết chữ thường là \"{known}\", viết khác đi bantin không nhận ra — sửa đầu dòng thành {known}:",
    "bad_month": "trường \"{field}\" có tháng \"{value}\" không hợp lệ — dùng dạng {field}: {example} (năm-tháng)",
    "bad_bool": "trường \"{field}\" chỉ nhận true hoặc false, không phải \"{value}\" — ví dụ: {field}: {example}",
    "bad_phone": "trường \"{field}\" có số điện thoại \"{value}\" không hợp lệ — chỉ viết chữ số, dấu cách, dấu chấm hoặc gạch ngang, trong ngoặc kép, ví dụ: {field}: {example}",
    "bad_email": "trường \"{field}\" có địa chỉ thư \"{value}\" không hợp lệ — viết một địa chỉ dạng ten@xa.example.vn, ví dụ: {field}: {example}",
    "item_missing": "mục thứ {item} của trường \"{field}\" thiếu \"{key}\" — viết mỗi mục dạng {example}",
    "item_unknown": "mục thứ {item} của trường \"{field}\" có \"{key}\" không dùng được — viết mỗi mục dạng {example}",
    "item_comma": "mục thứ {item} của trường \"{field}\" có \"{key}\" đứng riêng sau dấu phẩy: trong {{…}} dấu phẩy ngăn cách các trường — đặt cả giá trị trong ngoặc kép, ví dụ \"{before}, {key}\"",
    "item_bad": "mục thứ {item} của trường \"{field}\" có {key} \"{value}\" không hợp lệ — viết mỗi mục dạng {example}",
    "item_outside": "mục thứ {item} của trường \"{field}\" có ngày {value} không thuộc {span} — sửa ngày, hoặc chuyển mục sang tệp có {within} đúng",
    "bad_week": "tuần \"{value}\" không phải một tuần ISO — viết dạng week: 2025-W14 (năm, chữ W, số tuần từ 1 đến 52, hoặc 53 với năm có 53 tuần)",
    "bad_event_date": "ngày \"{value}\" của mục thứ {item} không hợp lệ — viết date: 2025-03-31 hoặc date: 31/03/2025",
    "bad_event_time": "giờ \"{value}\" của mục thứ {item} không hợp lệ — viết giờ:phút trong ngoặc kép, ví dụ time: \"07:30\" (không có ngoặc kép, 07:30 bị đọc thành một con số)",
    "event_outside_week": "ngày {value} của mục thứ {item} không thuộc {span} — sửa ngày, hoặc chuyển mục này sang tệp của tuần đó",
    "file_name_mismatch": "tên tệp \"{name}\" không khớp với {field}: {value} — đổi tên tệp thành {expected}.md",
    "duplicate_value": "\"{field}: {value}\" trùng với tệp {other} (hai tệp không được cùng {label}) — đổi {field} ở một trong hai tệp",
    "duplicate_url": "hai bài có cùng địa chỉ {url} (bài kia: {other}) — đổi tiêu đề hoặc thêm slug: khác cho một trong hai bài",
    "unknown_section": "thư mục \"{section}\" không phải chuyên trang nào ({known}) — chuyển tệp vào một trong các thư mục đó",
    # images (generator/images.py)
    "image_outside_media": "ảnh \"{target}\" phải nằm trong thư mục content/media/ — chép ảnh vào đó và sửa đường dẫn, ví dụ media/2023/anh.jpg",
    "image_not_image": "tệp \"{target}\" không phải ảnh ({why}) — dùng ảnh JPEG, PNG, GIF hoặc WebP trong thư mục content/media/",
    "image_svg": "ảnh \"{target}\" là tệp SVG, có thể chứa mã chạy được nên không được dùng làm ảnh trong bài — xuất ảnh sang PNG hoặc JPEG rồi dùng tệp đó",
    "image_heic": "ảnh \"{target}\" là ảnh HEIC của iPhone, trình duyệt không hiển thị được — chuyển sang JPEG (trên iPhone: Cài đặt > Camera > Định dạng > Tương thích nhất), rồi chép lại",
    "image_broken": "ảnh \"{target}\" bị hỏng hoặc chép chưa hết (tệp bị cắt cụt) — chép lại ảnh từ điện thoại hoặc máy ảnh",
    "image_bomb": "ảnh \"{target}\" quá lớn ({mp} megapixel, tối đa {limit} megapixel) — thu nhỏ ảnh, ví dụ còn 4000 điểm ảnh chiều dài, rồi chép lại",
    "image_file_too_big": "ảnh \"{target}\" nặng {size_mb} MB (tối đa {limit_mb} MB) — thu nhỏ ảnh hoặc lưu lại dạng JPEG rồi chép lại",
    "image_large": "ảnh \"{target}\" rất lớn ({mp} megapixel): trang web chỉ đăng bản thu nhỏ, nhưng tạo trang chậm và tốn bộ nhớ — nên thu nhỏ ảnh còn dưới 8000 điểm ảnh chiều dài",
    "image_animated": "ảnh \"{target}\" là ảnh động: chỉ khung hình đầu tiên được đăng (ảnh động làm trang rất nặng trên điện thoại) — muốn đăng đoạn phim, hãy đưa lên YouTube rồi nhúng vào bài",
    "image_symlink": "ảnh \"{target}\" là liên kết tượng trưng trỏ ra ngoài thư mục content/ — chép ảnh thật vào content/media/",
    "image_unreadable": "không đọc được ảnh \"{target}\" ({reason}) — kiểm tra quyền truy cập tệp",
    "image_changed": "ảnh \"{target}\" bị thay đổi hoặc xoá trong lúc đang tạo trang — chạy lại lệnh tạo trang",
    "image_original_gps": "ảnh \"{target}\" có tên kết thúc bằng -goc nên được đăng nguyên tệp gốc, kể cả vị trí GPS nơi chụp ghi trong ảnh — nếu không muốn, bỏ -goc khỏi tên tệp (trang sẽ đăng bản đã xoá vị trí)",
    "no_base_url_sharing": "site.yml chưa có base_url nên trang web không có tin RSS (Atom) và sơ đồ trang sitemap.xml, và khi chia sẻ bài lên Zalo, Facebook sẽ không có ảnh và tiêu đề xem trước — thêm dòng base_url: https://tenxa.example.vn/ (địa chỉ thật của trang) vào site.yml, hoặc tạo trang với python build.py --base-url https://tenxa.example.vn/",
    # content valid file by file but wrong together (generator/consistency.py)
    "duplicate_period": "đã có bản tin tháng {month} ({other}) — hai bản tin cùng một tháng; kiểm tra lại dòng period: của một trong hai bài",
    "near_category": "chuyên mục \"{name}\" {how} chuyên mục \"{other}\" ({count} bài) — có phải gõ nhầm? viết tên chuyên mục giống hệt nhau ở mọi bài",
    "iframe_dropped": "khung nhúng từ \"{src}\" sẽ bị bỏ khỏi trang vì địa chỉ không phải https từ trang được phép nhúng (embed_hosts trong site.yml: {hosts}) — thêm tên trang đó vào embed_hosts, hoặc dùng liên kết thường",
    # two outputs at one path (generator/collisions.py)
    "output_collision": "{one} và {other} cùng ghi vào tệp {target} của trang web (cái sau sẽ đè mất cái trước) — đổi slug:, tên tệp hoặc tên chuyên mục/thẻ để hai thứ có địa chỉ khác nhau",
    # Markdown shapes too costly to convert (generator/limits.py)
    "markdown_limit": "{what}: {count} (tối đa {limit}) — bantin không chuyển được nội dung như vậy trong thời gian hợp lý; {fix}",
    "markdown_unclosed": "đoạn văn bắt đầu ở dòng này ({size} ký tự) có quá nhiều dấu [ ( ` < lồng nhau hoặc mở mà không đóng ({count} dấu chưa đóng), chuyển đoạn này sẽ mất rất lâu — đóng các dấu ] ) ` > còn thiếu, xoá các dấu thừa, hoặc chia đoạn bằng dòng trống",
    # site.yml
    "missing_site": "không có tệp site.yml — tạo tệp content/site.yml với tên trang (name:) và ban biên tập (masthead:)",
    "site_field": "trường \"{field}\" {problem} — {fix}",
    # province.yml and the province folder
    "province_field": "trường \"{field}\" {problem} — {fix}",
    "province_missing": "không có tệp province.yml — tạo tệp này với name: và base_url: (hoặc site_url:) của tỉnh",
    "province_folder": "tên thư mục xã \"{name}\" không dùng được làm địa chỉ web — đổi tên thư mục thành chữ thường không dấu, số và dấu gạch ngang, ví dụ xa-lam-son",
    # tthc.yml
    "tthc_row": "dòng số liệu tháng {month}: {problem} — {fix}",
    "tthc_duplicate": "tháng {month} xuất hiện hai lần (dòng {first} và dòng {second}) — gộp lại thành một dòng",
    "tthc_future": "tháng {month} chưa đến (hôm nay {today}) — kiểm tra lại năm và tháng",
    "tthc_field": "{problem} — {fix}",
    "tthc_too_large": "tháng {month}: {field} = {value} lớn quá mức có thể (tối đa {limit} hồ sơ một tháng) — kiểm tra lại số này, có thể gõ thừa chữ số",
    "tthc_over_received": "tháng {month}: {what} = {total} hồ sơ, nhiều hơn số tiếp nhận (received: {received}) — kiểm tra lại các số; số tiếp nhận gồm cả hồ sơ tháng trước chuyển sang nên không thể nhỏ hơn",
    "tthc_processed_mismatch": "tháng {month}: processed = {given} nhưng on_time + late = {on_time} + {late} = {total} — sửa cho khớp, hoặc xoá dòng processed (bantin tự cộng on_time và late)",
    "tthc_unaccounted": "tháng {month}: tiếp nhận {received} hồ sơ nhưng đã xử lý (on_time + late) và đang giải quyết (pending) chỉ có {total}, thiếu {missing} hồ sơ — kiểm tra lại các số (nếu đúng là có hồ sơ bị trả lại hay rút đi thì bỏ qua cảnh báo này)",
    "tthc_unknown_count": "tháng {month}: trường \"{field}\" không phải tên trường số liệu nên số {value} sẽ bị bỏ qua — {fix}",
    "tthc_unknown_key": "tháng {month}: trường \"{field}\" không được dùng và bị bỏ qua — các trường của một tháng: month, received, on_time, late, pending",
    "tthc_unknown_top": "trường \"{field}\" không được dùng và bị bỏ qua — {hint}",
    "tthc_gap": "sau tháng {before} là tháng {after}: không có số liệu {missing} — thêm {them} nếu có số liệu (khung TTHC chỉ tính các tháng có số liệu)",
    # theme
    "template": "lỗi trong giao diện: {problem}",
    "search_index": "không tạo được chỉ mục tìm kiếm ({problem}) — chạy lại; nếu vẫn lỗi, cài lại bantin (pip install -e .)",
    # python build.py new
    "new_exists": "tệp này đã có, bantin không ghi đè — mở tệp để sửa tiếp, hoặc đặt một tiêu đề khác",
    "new_same_slug": "đã có bài cùng tên tệp ({other}), hai bài sẽ trùng địa chỉ — đặt một tiêu đề khác",
    # python build.py check
    "url_refused": "liên kết \"{target}\" bị bỏ khỏi trang vì không phải địa chỉ được phép — " + URL_HINT,
    "url_typo": "địa chỉ \"{target}\" có vẻ viết sai, người đọc bấm vào sẽ gặp trang lỗi — có phải ý bạn là \"{meant}\"? Sửa thành {meant}",
    "broken_link": "liên kết \"{target}\" không trỏ tới trang hay tệp nào — sửa địa chỉ (ví dụ /tin-tuc/ten-bai/) hoặc bỏ liên kết",
    "link_unpublished": "liên kết \"{target}\" trỏ tới bài chưa đăng ({other}) — người đọc sẽ gặp trang lỗi cho đến khi bài đó được đăng",
    "wrong_case": "không có tệp \"{target}\" nhưng có \"{found}\": tên chỉ khác chữ hoa/chữ thường, mà máy chủ web phân biệt hai cách viết — sửa đường dẫn thành {found} (hoặc đổi tên tệp cho khớp)",
    "missing_image": "ảnh \"{target}\" không có trong thư mục content/ — chép ảnh vào content/media/ hoặc sửa đường dẫn",
    "image_no_alt": "ảnh \"{target}\" thiếu mô tả cho người khiếm thị — viết mô tả trong ngoặc vuông: ![Mô tả ảnh]({target})",
    "cover_no_alt": "ảnh đại diện \"{target}\" thiếu mô tả cho người khiếm thị — thêm dòng image_alt: Mô tả ảnh",
    "default_category": "bài chưa có chuyên mục (category) nên được xếp vào \"{default}\" — nếu muốn chuyên mục khác, thêm dòng category: {example}",
    "default_field": "bài chưa có trường \"{field}\" nên dùng giá trị mặc định — nếu muốn khác, thêm dòng {field}: {example}",
    "default_summary": "bài chưa có tóm tắt (summary) và đoạn đầu tiên (\"{default}\") quá ngắn để làm tóm tắt trên trang chủ — thêm dòng summary: Một câu tóm tắt bài viết",
    "not_nfc": "chữ có dấu ở dòng này được lưu ở dạng tổ hợp (không phải Unicode dựng sẵn) — đặt bộ gõ ở chế độ Unicode dựng sẵn rồi gõ lại, hoặc lưu lại tệp bằng trình soạn thảo hỗ trợ Unicode",
    "control_chars": "có ký tự điều khiển không nhìn thấy ({chars}){where} — xoá ký tự này (đặt con trỏ vào đó rồi nhấn Delete) hoặc gõ lại dòng này; thường do dán từ Word hay PDF",
    "invisible_chars": "có ký tự ẩn không nhìn thấy ({chars}: {names}){where} — xoá ký tự này hoặc gõ lại dòng này; thường do dán từ web, Word hay Zalo, và làm sai việc tìm kiếm, sắp xếp, so sánh",
    "empty_article": "bài không có nội dung — viết nội dung bên dưới dòng --- thứ hai, hoặc xoá tệp",
    "far_future": "ngày \"{value}\" cách hôm nay hơn một năm, có lẽ gõ nhầm năm (bài sẽ không hiện cho đến ngày đó) — kiểm tra lại năm ở dòng date:",
    "duplicate_title": "tiêu đề \"{title}\" trùng với bài {other} — đặt tiêu đề khác để người đọc phân biệt",
    # python build.py serve
    "internal_error": "lỗi không mong đợi khi tạo trang ({problem}) — lưu lại tệp vừa sửa để thử lại; nếu vẫn lỗi, gửi dòng này cho người phụ trách kỹ thuật",
    # writing the site (the old site stays as it was)
    "write_no_space": "ổ đĩa đầy khi ghi trang web — giải phóng chỗ trống trên ổ đĩa này rồi chạy lại; trang cũ trong {output} vẫn nguyên vẹn",
    "write_denied": "không có quyền ghi ({reason}) — cho phép ghi vào thư mục này và thư mục chứa {output} (hoặc chọn --output/--state khác) rồi chạy lại; trang cũ vẫn nguyên vẹn",
    "write_busy": "một chương trình khác đang mở tệp trong thư mục này — đóng trình duyệt tệp, trình xem ảnh hay máy chủ web đang dùng {output} rồi chạy lại; trang cũ vẫn nguyên vẹn",
    "write_failed": "không ghi được trang web ({reason}) — kiểm tra ổ đĩa và quyền ghi của {output} và {state}, rồi chạy lại; trang cũ vẫn nguyên vẹn",
}


#: How ``check`` names the invisible characters of ``text.INVISIBLE_CHARS``.
INVISIBLE_NAMES: dict[str, str] = {
    "\u00ad": "dấu gạch nối mềm",
    "\u200b": "dấu cách độ rộng 0",
    "\u200c": "ký tự không nối độ rộng 0",
    "\u200d": "ký tự nối độ rộng 0",
    "\u2060": "ký tự nối từ",
    "\ufeff": "dấu BOM giữa chữ",
    **{ch: "ký tự đổi chiều chữ" for ch in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
       "\u2066\u2067\u2068\u2069"},
}


#: Operating-system errors by errno name, for "không đọc được tệp (…)" and the like:
#: the system's own text is English (or the Windows language), never shown to editors.
OS_REASONS: dict[str, str] = {
    "EACCES": "không có quyền truy cập",
    "EPERM": "không có quyền truy cập",
    "ENOENT": "không tìm thấy tệp hoặc thư mục",
    "EISDIR": "đây là một thư mục, không phải tệp",
    "ENOTDIR": "một phần của đường dẫn không phải thư mục",
    "ELOOP": "liên kết tượng trưng trỏ vòng quanh",
    "ENAMETOOLONG": "tên tệp hoặc đường dẫn quá dài",
    "ENOSPC": "ổ đĩa đã đầy",
    "EDQUOT": "đã hết dung lượng được phép trên ổ đĩa",
    "EROFS": "ổ đĩa hoặc thư mục chỉ cho đọc",
    "EIO": "lỗi đọc ghi ổ đĩa",
    "EBUSY": "tệp đang được một chương trình khác dùng",
    "ETXTBSY": "tệp đang được một chương trình khác dùng",
    "EMFILE": "mở quá nhiều tệp cùng lúc",
    "ENFILE": "mở quá nhiều tệp cùng lúc",
    "EEXIST": "tệp đã có",
    "EADDRINUSE": "cổng đang được một chương trình khác dùng",
    "EADDRNOTAVAIL": "địa chỉ này không có trên máy",
    "ENXIO": "thiết bị không sẵn sàng",
    "EAGAIN": "tệp tạm thời không đọc được",
    "EINVAL": "tên hoặc đường dẫn không hợp lệ trên hệ điều hành này",
}
