"""Tell every PDF reader that the glyphs of the blind font (gui/pdf_text.py) stand for no text.

Qt writes a character map (ToUnicode) for each embedded font; for the blind font it is empty,
and a reader that finds no entry for a glyph guesses: poppler leaves it out, but others (pypdf,
pdf.js) copy the glyph's number as a control character. So the finished file gets an
incremental update (the standard way to amend a PDF: new versions of objects appended after the
old ones, with their own cross-reference section) in which the blind font's map says, for each
of its glyphs, "no text".
"""

from __future__ import annotations

import re
from pathlib import Path

ENTRIES_PER_BLOCK = 100  # the most a bfchar block may hold
CMAP_HEAD = (
    b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
    b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
)
CMAP_TAIL = b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"


def silence_fonts(path: Path, family: bytes, most_glyphs: int) -> None:
    """Map every glyph of the fonts whose name starts with family to no text, in place.
    most_glyphs: how many the font has, for a subset whose widths do not say."""
    data = path.read_bytes()
    maps = {
        to_unicode: _silent_map(_glyph_count(data, descendant) or most_glyphs)
        for descendant, to_unicode in _fonts(data, family)
    }
    if maps:
        path.write_bytes(data + _update(data, maps))


def _fonts(data: bytes, family: bytes) -> list[tuple[int, int]]:
    """(descendant font, ToUnicode map) object numbers of each Type 0 font of the family."""
    pattern = re.compile(
        rb"/Subtype /Type0\s*/BaseFont /"
        + re.escape(family)
        + rb"[^\s/]*\s*/Encoding /Identity-H\s*"
        rb"/DescendantFonts \[(\d+) 0 R\]\s*/ToUnicode (\d+) 0 R"
    )
    return [(int(m.group(1)), int(m.group(2))) for m in pattern.finditer(data)]


def _glyph_count(data: bytes, descendant: int) -> int | None:
    """How many glyphs the font's subset holds, from its widths (/W): groups of
    ``first [w w ...]`` and ranges ``first last w``. None when it lists none (/DW only)."""
    widths = _widths(data, descendant)
    if widths is None:
        return None
    tokens = re.findall(rb"\[[^\]]*\]|[\d.]+", widths)
    last, at = -1, 0
    while at + 1 < len(tokens):
        first, then = int(tokens[at]), tokens[at + 1]
        if then.startswith(b"["):
            last, at = max(last, first + len(then[1:-1].split()) - 1), at + 2
        else:
            last, at = max(last, int(then)), at + 3
    return last + 1


def _widths(data: bytes, descendant: int) -> bytes | None:
    """What the /W array of a font object holds, if it has one."""
    font = re.search(rb"\n%d 0 obj\n<<((?:(?!endobj).)*?)>>\s*endobj" % descendant, data, re.S)
    if font is None:
        return None
    widths = re.search(rb"/W\s*\[((?:[^\[\]]|\[[^\[\]]*\])*)\]", font.group(1))
    return widths.group(1) if widths else None


def _silent_map(glyphs: int) -> bytes:
    blocks = []
    for first in range(0, glyphs, ENTRIES_PER_BLOCK):
        codes = range(first, min(first + ENTRIES_PER_BLOCK, glyphs))
        entries = b"".join(b"<%04X> <>\n" % code for code in codes)
        blocks.append(b"%d beginbfchar\n%sendbfchar\n" % (len(codes), entries))
    return CMAP_HEAD + b"".join(blocks) + CMAP_TAIL


def _update(data: bytes, maps: dict[int, bytes]) -> bytes:
    """An incremental update that replaces the objects in maps with those streams."""
    trailer = re.findall(rb"trailer\s*<<(.*?)>>\s*startxref\s*(\d+)", data, re.S)[-1]
    keys = trailer[0]
    kept = b" ".join(
        entry.group(0) for entry in re.finditer(rb"/(Size|Root|Info) \d+(?: 0 R)?", keys)
    )
    update = b"\n"
    offsets = {}
    for number, stream in sorted(maps.items()):
        offsets[number] = len(data) + len(update)
        update += b"%d 0 obj\n<< /Length %d >>\nstream\n%sendstream\nendobj\n" % (
            number,
            len(stream),
            stream,
        )
    xref = len(data) + len(update)
    update += b"xref\n" + b"".join(
        b"%d 1\n%010d 00000 n \n" % (number, offset) for number, offset in offsets.items()
    )
    update += b"trailer\n<< %s /Prev %s >>\nstartxref\n%d\n%%%%EOF\n" % (kept, trailer[1], xref)
    return update
