"""Reading exported PDFs in tests: text per page, and where each word lies."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader


def squash(text: str) -> str:
    """Text without whitespace or ligatures: PDF extraction splits words and lines at will."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def page_texts(path: Path) -> list[str]:
    """The text of each page: poppler's pdftotext when installed (ten times faster on
    a long guide), else pypdf."""
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        pages = text.split("\f")
        count = len(PdfReader(path).pages)
        return (pages + [""] * count)[:count]
    return [page.extract_text() or "" for page in PdfReader(path).pages]


@dataclass(frozen=True)
class Word:
    page: int
    """1-based."""
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    page_width: float
    page_height: float


def words(path: Path) -> list[Word]:
    """Every word with its box in points (origin top left), from ``pdftotext -bbox``,
    or else each text run's starting point from pypdf."""
    if shutil.which("pdftotext"):
        xml = subprocess.run(
            ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
        xml = re.sub(r'\sxmlns="[^"]+"', "", xml)
        root = ET.fromstring(xml)
        found = []
        for number, page in enumerate(root.iter("page"), start=1):
            width, height = float(page.get("width")), float(page.get("height"))
            for word in page.iter("word"):
                found.append(
                    Word(
                        number,
                        word.text or "",
                        float(word.get("xMin")),
                        float(word.get("yMin")),
                        float(word.get("xMax")),
                        float(word.get("yMax")),
                        width,
                        height,
                    )
                )
        return found
    return _pypdf_words(path)


def _pypdf_words(path: Path) -> list[Word]:
    found: list[Word] = []
    for number, page in enumerate(PdfReader(path).pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)

        def visit(text, cm, tm, font, size, number=number, width=width, height=height):
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = height - (tm[4] * cm[1] + tm[5] * cm[3] + cm[5])
            found.append(Word(number, text, x, y, x, y, width, height))

        page.extract_text(visitor_text=visit)
    return found
