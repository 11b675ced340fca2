"""Write the sample site's document and form files: tiny valid one-page PDFs.

    python scripts/sample_documents.py

Each PDF is written by hand (no library): one page, Helvetica, a few lines of
text without tone marks (the standard PDF fonts have no Vietnamese letters), a
correct cross-reference table. Deterministic: the same bytes every run.
"""

from __future__ import annotations

from pathlib import Path

CONTENT = Path(__file__).resolve().parent.parent / "content"

#: (content path, lines of text)
FILES = (
    ("media/van-ban/2025/15-qd-ubnd.pdf", ("UBND XA LAM SON", "So: 15/QD-UBND",
                                          "QUYET DINH", "Ve viec ban hanh Ke hoach phong, chong thien tai nam 2025")),
    ("media/van-ban/2025/02-nq-hdnd.pdf", ("HDND XA LAM SON", "So: 02/NQ-HDND", "NGHI QUYET",
                                          "Ve du toan ngan sach xa nam 2025")),
    ("media/van-ban/2025/20-kh-ubnd.pdf", ("UBND XA LAM SON", "So: 20/KH-UBND", "KE HOACH",
                                          "Tong ve sinh moi truong huong ung Ngay Moi truong the gioi")),
    ("media/van-ban/2025/45-tb-ubnd.pdf", ("UBND XA LAM SON", "So: 45/TB-UBND", "THONG BAO",
                                          "Lich tiep cong dan quy III nam 2025")),
    ("media/van-ban/2025/48-qd-ubnd.pdf", ("UBND XA LAM SON", "So: 48/QD-UBND", "QUYET DINH",
                                          "Thanh lap Ban chi dao chuyen doi so xa Lam Son")),
    ("media/van-ban/2026/03-kh-ubnd.pdf", ("UBND XA LAM SON", "So: 03/KH-UBND", "KE HOACH",
                                          "Xay dung nong thon moi nang cao nam 2026")),
    ("media/van-ban/2026/07-qd-ubnd.pdf", ("UBND XA LAM SON", "So: 07/QD-UBND", "QUYET DINH",
                                          "Ban hanh Quy che lam viec cua UBND xa nhiem ky 2026-2031")),
    ("media/van-ban/2026/12-tb-ubnd.pdf", ("UBND XA LAM SON", "So: 12/TB-UBND", "THONG BAO",
                                          "Ke hoach tiem chung mo rong nam 2027")),
    ("media/van-ban/2026/12-tb-ubnd-phu-luc.pdf", ("PHU LUC", "Kem theo Thong bao so 12/TB-UBND",
                                                   "Danh sach diem tiem theo thon")),
    ("media/thu-tuc/to-khai-khai-sinh.pdf", ("TO KHAI DANG KY KHAI SINH", "Kinh gui: UBND xa Lam Son",
                                             "Ho, chu dem, ten nguoi yeu cau: ....................")),
    ("media/thu-tuc/to-khai-ket-hon.pdf", ("TO KHAI DANG KY KET HON", "Kinh gui: UBND xa Lam Son",
                                           "Ho, chu dem, ten ben nu: ....................")),
    ("media/thu-tuc/to-khai-khai-tu.pdf", ("TO KHAI DANG KY KHAI TU", "Kinh gui: UBND xa Lam Son",
                                           "Ho, chu dem, ten nguoi da chet: ....................")),
    ("media/thu-tuc/phieu-yeu-cau-chung-thuc.pdf", ("PHIEU YEU CAU CHUNG THUC", "Kinh gui: UBND xa Lam Son",
                                                    "Giay to can chung thuc: ....................")),
)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def tiny_pdf(lines: tuple[str, ...]) -> bytes:
    """A valid one-page A4 PDF showing *lines* (ASCII)."""
    stream = "BT /F1 12 Tf 72 770 Td 16 TL\n" + "".join(f"({_escape(line)}) Tj T*\n" for line in lines) + "ET\n"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode("ascii")
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("ascii")
    return bytes(out)


def main() -> None:
    for path, lines in FILES:
        target = CONTENT / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(tiny_pdf(lines))
        print(f"{path}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
