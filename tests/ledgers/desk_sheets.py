"""Spreadsheets as a newsroom's desk keeps them, built cell by cell with openpyxl: a title row
merged across the top, a blank row, headers in the desk's own words (English, French, Arabic),
dates typed as Excel dates and as text, a "Notes" column, a row entered twice."""

from __future__ import annotations

import datetime
import io
import struct
import zipfile

import openpyxl

HEADERS = ["Allégation", "Date", "Who", "Said what", "Stance", "Link", "Notes", "المكان"]
CLAIM = "Burkinabe army drones destroyed a JNIM convoy near Djibo"
AFP = "https://www.afp.com/fr/burkina-drones-convoi-djibo"
RFI = "https://www.rfi.fr/fr/afrique/20250613-jnim-dement"
LEFASO = "https://lefaso.net/djibo-les-familles-parlent"
# What an editor confirms for HEADERS on the import page.
COLUMNS = {
    "Allégation": "claim",
    "Date": "stated_on",
    "Who": "actor",
    "Said what": "quote",
    "Stance": "stance",
    "Link": "source_url",
    "Notes": "",
    "المكان": "place",
}


def desk_rows() -> list[list]:
    said = "Our drones destroyed a terrorist convoy near Djibo."
    return [
        # Typed as an Excel date.
        [CLAIM, datetime.datetime(2025, 6, 12), "Burkinabe army", said, "claims", AFP, "", "جيبو"],
        [
            CLAIM,
            "13 juin 2025",
            "JNIM",
            "Nous n'avons perdu aucun combattant.",
            "dément",
            RFI,
            "via Telegram",
            "",
        ],
        # The army's statement again, typed by a second reporter, its date as text.
        [CLAIM, "12 June 2025", "Burkinabe army", said, "said", AFP, "dup?", ""],
        [
            CLAIM,
            "14/06/2025",
            "Collectif des familles de Djibo",
            "Nos enfants étaient des civils.",
            "rejects",
            LEFASO,
            "new source, call back",
            "",
        ],
    ]


def desk_xlsx(headers: list[str] = HEADERS, rows: list[list] | None = None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Djibo"
    sheet.append(["Sahel desk — claims log (updated 15 June 2025)"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    sheet.append([])
    sheet.append(headers)
    for row in desk_rows() if rows is None else rows:
        sheet.append(row)
    sheet.cell(row=4, column=2).number_format = "DD/MM/YYYY"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def zip_bomb_xlsx(expanded_bytes: int) -> bytes:
    """A real workbook whose sheet is padded to ``expanded_bytes`` of repeated bytes: a few
    hundred kilobytes on the wire, far more once opened."""
    real = zipfile.ZipFile(io.BytesIO(desk_xlsx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for member in real.infolist():
            content = real.read(member.filename)
            if member.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"<sheetData>", b"<sheetData>" + b" " * expanded_bytes)
            bomb.writestr(member.filename, content)
    return out.getvalue()


def lying_zip_bomb_xlsx(expanded_bytes: int) -> bytes:
    """``zip_bomb_xlsx`` with its sheet's stated size forged to a kilobyte, in the member's own
    header and in the zip's directory: a check of stated sizes alone would let it through."""
    data = bytearray(zip_bomb_xlsx(expanded_bytes))
    name = b"xl/worksheets/sheet1.xml"
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(name.decode())
    small = struct.pack("<I", 1024)
    data[info.header_offset + 22 : info.header_offset + 26] = small
    entry = data.find(b"PK\x01\x02", data.find(b"PK\x01\x02"))
    while data[entry + 46 : entry + 46 + len(name)] != name:
        entry = data.find(b"PK\x01\x02", entry + 4)
    data[entry + 24 : entry + 28] = small
    return bytes(data)
