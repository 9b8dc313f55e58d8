"""What the fast workbook reader does not tell, read from the workbook's own XML: the merged
cells of an .ods sheet, the .xlsx cells whose formula has no saved value, and hidden rows.

Both only look; any file they cannot make sense of gives nothing found, since the cells
themselves are still checked. XML is parsed with defusedxml, safe against XML bombs.
"""

from __future__ import annotations

import io
import re
import zipfile

__all__ = ["hidden_rows", "ods_merged_ranges", "xlsx_unsaved_formulas"]

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def ods_merged_ranges(data: bytes, sheet: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The merged cells of an .ods sheet as ((top, left), (bottom, right)), 0-based, read from
    its content.xml (repeated rows and cells counted); [] for any other file."""
    from defusedxml.ElementTree import iterparse  # safe against XML bombs; nbconvert needs it

    found: list[tuple[tuple[int, int], tuple[int, int]]] = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = archive.read("content.xml")
        if b"-spanned" not in content:
            return found  # the common case, told without parsing
        inside, row, col = False, -1, 0
        for event, element in iterparse(io.BytesIO(content), events=("start", "end")):
            tag = element.tag
            if tag == f"{_TABLE}table":
                if event == "end" and inside:
                    break
                inside = event == "start" and element.get(f"{_TABLE}name") == sheet
            elif not inside:
                pass
            elif tag == f"{_TABLE}table-row":
                if event == "start":
                    row, col = row + 1, 0
                else:
                    row += int(element.get(f"{_TABLE}number-rows-repeated", "1")) - 1
                    element.clear()
            elif event == "start" and tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                across = int(element.get(f"{_TABLE}number-columns-spanned", "1"))
                down = int(element.get(f"{_TABLE}number-rows-spanned", "1"))
                if across > 1 or down > 1:
                    found.append(((row, col), (row + down - 1, col + across - 1)))
                col += int(element.get(f"{_TABLE}number-columns-repeated", "1"))
    except Exception:
        return found  # not an .ods, or damaged: the cells themselves are still checked
    return found


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DOC_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_CELL_REF = re.compile(r"([A-Z]+)([0-9]+)")


def xlsx_unsaved_formulas(data: bytes, sheet: str) -> dict[tuple[int, int], str]:
    """Cells of an .xlsx sheet holding a formula whose value was never saved (a file written by
    a program rather than by Excel or LibreOffice), as {(row, column): formula}, 0-based. Such a
    cell reads as empty, so it needs its own message; {} for any other file."""
    from defusedxml.ElementTree import iterparse

    found: dict[tuple[int, int], str] = {}
    try:
        content = _xlsx_sheet_xml(data, sheet)
        if b"<f" not in content and b":f" not in content:
            return found
        for _, element in iterparse(io.BytesIO(content)):
            if element.tag != f"{_MAIN}c":
                continue
            formula, value = element.find(f"{_MAIN}f"), element.find(f"{_MAIN}v")
            ref = _CELL_REF.fullmatch(element.get("r", ""))
            if formula is not None and (value is None or not value.text) and ref:
                letters, row = ref.groups()
                column = 0
                for letter in letters:
                    column = column * 26 + ord(letter) - ord("A") + 1
                found[(int(row) - 1, column - 1)] = formula.text or ""
            element.clear()
    except Exception:  # StopIteration too: no such sheet
        return found  # not an .xlsx, or laid out unusually: the cells are still checked
    return found


def _xlsx_sheet_xml(data: bytes, sheet: str) -> bytes:
    """The XML of the .xlsx sheet named ``sheet``; raises for any other file or no such sheet."""
    from defusedxml.ElementTree import fromstring

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        book = fromstring(archive.read("xl/workbook.xml"))
        rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        rel_id = next(
            s.get(f"{_DOC_RELS}id") for s in book.iter(f"{_MAIN}sheet") if s.get("name") == sheet
        )
        target = next(
            r.get("Target", "") for r in rels.iter(f"{_RELS}Relationship") if r.get("Id") == rel_id
        )
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        return archive.read(part)


def hidden_rows(data: bytes, sheet: str) -> list[tuple[int, int]]:
    """The hidden (or filtered out) rows of a sheet of an .xlsx or .ods workbook, as 0-based
    (first, last) ranges: a teacher does not see them, but they are read like the others.
    [] for any other file, or one laid out unusually."""
    from defusedxml.ElementTree import iterparse

    found: list[tuple[int, int]] = []
    try:
        if data[:2] != b"PK":
            return found
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            content = archive.read("content.xml") if "content.xml" in names else None
        if content is None:  # .xlsx: <row r="5" hidden="1">
            xml = _xlsx_sheet_xml(data, sheet)
            if b"hidden=" not in xml:
                return found
            for _, element in iterparse(io.BytesIO(xml)):
                if element.tag == f"{_MAIN}row":
                    if element.get("hidden") in ("1", "true") and element.get("r", "").isdigit():
                        row = int(element.get("r", "0")) - 1
                        found.append((row, row))
                    element.clear()
            return found
        if b"table:visibility" not in content:  # .ods: <table:table-row table:visibility=...>
            return found
        inside, row = False, 0
        for event, element in iterparse(io.BytesIO(content), events=("start", "end")):
            tag = element.tag
            if tag == f"{_TABLE}table":
                if event == "end" and inside:
                    break
                inside = event == "start" and element.get(f"{_TABLE}name") == sheet
            elif inside and tag == f"{_TABLE}table-row" and event == "end":
                count = int(element.get(f"{_TABLE}number-rows-repeated", "1"))
                if element.get(f"{_TABLE}visibility") in ("collapse", "filter"):
                    found.append((row, row + count - 1))
                row += count
                element.clear()
    except Exception:  # StopIteration too: no such sheet
        return found
    return found
