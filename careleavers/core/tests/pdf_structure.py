"""Reading a PDF back to see how a screen reader would find it: whether it is tagged, its
language and title, and the structure tags in reading order (pypdf)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader


@dataclass(frozen=True)
class TaggedPdfFacts:
    marked: bool
    language: str
    title: str
    tags: list[str]  # e.g. ["Document", "H1", "P", "Table", "TR", "TH", ...]


def _tags(node: Any, found: list[str]) -> list[str]:
    node = node.get_object()
    if not isinstance(node, dict):
        return found
    if "/S" in node:
        found.append(str(node["/S"]).lstrip("/"))
    kids = node.get("/K")
    if kids is None:
        return found
    for kid in kids if isinstance(kids, list) else [kids]:
        if hasattr(kid, "get_object"):
            _tags(kid, found)
    return found


def tagged_pdf_facts(pdf: bytes) -> TaggedPdfFacts:
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    mark_info = root.get("/MarkInfo") or {}
    structure = root.get("/StructTreeRoot")
    return TaggedPdfFacts(
        marked=bool(mark_info.get("/Marked")),
        language=str(root.get("/Lang", "")),
        title=str((reader.metadata or {}).get("/Title", "")),
        tags=_tags(structure, []) if structure is not None else [],
    )
