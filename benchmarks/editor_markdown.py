"""The editors' Markdown dialect (generator/editor_markdown.py): its cost.

Converts a Word-style notice (paragraphs, "•⇥" and "1)⇥"/"a)⇥" items, tab
tables, NBSP) of growing size with and without the extension, and plain prose,
and prints seconds per run. Goal: the extension's own passes stay linear and a
small share of the conversion. Run: ``python benchmarks/editor_markdown.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator import markup  # noqa: E402

NOTICE = (
    "UBND xã Lam Sơn thông báo lịch tiêm phòng gia súc, gia cầm đợt {n} như sau:\n"
    "1)\tThời gian: từ ngày 15/3/2024 đến hết ngày 25/3/2024.\n"
    "2)\tĐối tượng:\n"
    "a)\tTrâu, bò: vắc xin lở mồm long móng;\n"
    "b)\tLợn: vắc xin dịch tả lợn.\n"
    "Các hộ cần chuẩn bị:\n"
    "•\tSổ theo dõi chăn nuôi;\n"
    "•\tNước\u00a0sạch để vệ sinh.\n"
    "Thôn\tNgày tiêm\tSố hộ\tSố con\n"
    "Thôn Đông\t15/3/2024\t126\t3.420\n"
    "Thôn Tây\t17/3/2024\t98\t2.115\n\n"
)
PROSE = "Đoạn văn số {n} kể lại buổi họp dân ở nhà văn hoá thôn, ai nói gì và quyết định ra sao.\n\n"


def seconds(text: str, habits: bool) -> float:
    md = markup._new_markdown(editor_habits=habits)
    start = time.perf_counter()
    for piece in markup.pieces(text):
        md.reset()
        md.convert(piece)
    return time.perf_counter() - start


def main() -> None:
    print(f"{'document':<24}{'KB':>8}{'without':>10}{'with':>10}")
    for name, unit in (("Word-style notice", NOTICE), ("plain prose", PROSE)):
        for count in (100, 400, 1600):
            text = "".join(unit.format(n=n) for n in range(count))
            print(f"{name + ' x' + str(count):<24}{len(text.encode()) // 1024:>8}"
                  f"{seconds(text, False):>10.2f}{seconds(text, True):>10.2f}")


if __name__ == "__main__":
    main()
