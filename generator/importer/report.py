"""Importer: what ``python build.py import`` prints — one line per page, the
summary (imported, skipped and why) and the suggested site.yml / tthc.yml values."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .markdown_writer import site_suggestion_yaml, tthc_suggestion_yaml

from .parse import ImportedPage
from .widgets import MastheadWidget, TthcWidget

IMPORTED, DUPLICATE, FAILED = "imported", "duplicate", "failed"


@dataclass(frozen=True)
class Outcome:
    source: str
    status: str            # imported | duplicate (skipped, not an error) | failed (skipped, error)
    target: str = ""
    reason: str = ""
    code: str = ""
    warnings: tuple[str, ...] = ()
    page: ImportedPage | None = None


@dataclass(frozen=True)
class ImportReport:
    outcomes: tuple[Outcome, ...]
    content_root: Path
    dry_run: bool = False
    mastheads: tuple[MastheadWidget, ...] = ()   # one per distinct old portal footer seen
    tthc: TthcWidget | None = None          # the most recently updated widget seen

    @property
    def masthead(self) -> MastheadWidget | None:
        return self.mastheads[0] if self.mastheads else None

    def of(self, status: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def exit_code(self) -> int:
        return 1 if self.of(FAILED) else 0


def summary_lines(report: ImportReport) -> list[str]:
    imported, duplicates, failed = report.of(IMPORTED), report.of(DUPLICATE), report.of(FAILED)
    drafts = [o for o in imported if o.page is not None and o.page.draft]
    bulletins = [o for o in imported if o.page is not None and o.page.is_bulletin]
    verb = "sẽ nhập" if report.dry_run else "đã nhập"
    first = f"Tổng kết: {verb} {len(imported)} trang"
    extra = []
    if bulletins:
        extra.append(f"{len(bulletins)} bản tin")
    if drafts:
        extra.append(f"{len(drafts)} bài nháp vì trang không ghi ngày")
    if extra:
        first += " (" + ", ".join(extra) + ")"
    lines = [first + "."]
    if duplicates:
        lines.append(f"  Bỏ qua {len(duplicates)} trang đã nhập trước đó (đã có bài cùng tiêu đề và ngày "
                     "đăng, hay cùng tiêu đề khi trang không ghi ngày).")
    if failed:
        reasons: dict[str, int] = {}
        for outcome in failed:
            label = _FAIL_LABELS.get(outcome.code, outcome.reason.split(" — ")[0])
            reasons[label] = reasons.get(label, 0) + 1
        detail = "; ".join(f"{n} {label}" for label, n in reasons.items())
        lines.append(f"  Bỏ qua {len(failed)} trang vì lỗi: {detail}.")
    if report.dry_run:
        lines.append("  Chạy thử (--dry-run): chưa ghi tệp nào.")
    return lines


_FAIL_LABELS = {
    "no_title": "không tìm thấy tiêu đề",
    "no_body": "không có nội dung bài",
    "target_exists": "trùng tên tệp đã có",
    "not_utf8": "không phải UTF-8",
    "empty": "tệp rỗng",
    "unreadable": "không đọc được",
    "binary": "không phải văn bản",
    "too_large": "tệp quá lớn",
    "no_html_library": "thiếu thư viện beautifulsoup4",
}


def report_text(report: ImportReport) -> str:
    out: list[str] = []
    for outcome in report.outcomes:
        if outcome.status == IMPORTED:
            verb = "Sẽ nhập" if report.dry_run else "Đã nhập"
            out.append(f"{verb}: {outcome.source} -> {outcome.target}")
            out.extend(f"    cảnh báo: {w}" for w in outcome.warnings)
        elif outcome.status == DUPLICATE:
            out.append(f"Bỏ qua: {outcome.source}: {outcome.reason}")
        else:
            out.append(f"Lỗi, bỏ qua: {outcome.source}: {outcome.reason}")
    if not report.outcomes:
        out.append("Không có tệp .txt hoặc .html nào để nhập.")
    out.append("")
    out.extend(summary_lines(report))
    site = report.content_root / "site.yml"
    if len(report.mastheads) == 1:
        out += ["", f"Gợi ý cho {site.as_posix()} (lấy từ chân trang của cổng cũ — kiểm tra rồi chép "
                    "vào nếu đúng):", site_suggestion_yaml(report.mastheads[0]).rstrip("\n")]
    elif report.mastheads:
        out += ["", f"Gợi ý cho {site.as_posix()}: các trang đến từ {len(report.mastheads)} cổng cũ "
                    "khác nhau (ví dụ các xã cũ trước khi sáp nhập) — chọn và sửa cho xã mới:"]
        for number, masthead in enumerate(report.mastheads, 1):
            out += [f"# --- cổng cũ thứ {number}", site_suggestion_yaml(masthead).rstrip("\n")]
    if report.tthc is not None:
        out += ["", f"Gợi ý cho {(report.content_root / 'tthc.yml').as_posix()} (từ ô \"Kết quả giải "
                    "quyết TTHC\" của cổng cũ):", tthc_suggestion_yaml(report.tthc).rstrip("\n")]
    return "\n".join(out) + "\n"
