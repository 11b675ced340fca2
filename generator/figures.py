"""Captions: a photo standing alone in its paragraph, with a Markdown title, becomes a figure.

``![mô tả](media/anh.jpg "Chú thích ảnh")`` on its own line renders as
``<figure><img alt="mô tả" …><figcaption>Chú thích ảnh</figcaption></figure>``:
the alt text stays the description for screen readers, the title is the
caption everyone sees. A Python-Markdown tree processor, registered by
``markup`` before its link rewriting; pure and Pillow-free (it runs in every
article parse).
"""

from __future__ import annotations

from xml.etree import ElementTree

from markdown.treeprocessors import Treeprocessor


class FigureProcessor(Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        for parent in root.iter():
            for p in list(parent):
                if p.tag != "p" or len(p) != 1 or (p.text or "").strip():
                    continue
                img = p[0]
                caption = " ".join((img.get("title") or "").split())
                if img.tag != "img" or (img.tail or "").strip() or not caption:
                    continue
                p.tag = "figure"
                p.text = None
                img.tail = None
                del img.attrib["title"]  # the caption says it; a tooltip would repeat it
                figcaption = ElementTree.SubElement(p, "figcaption")
                figcaption.text = caption


def register(md) -> None:
    """Add the figure processor to *md*, before link rewriting (priority 1)."""
    md.treeprocessors.register(FigureProcessor(md), "bantin_figures", 5)
