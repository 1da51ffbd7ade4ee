"""What an uploaded file is, read into a ledger bundle: the ledger's own JSON, a sheet of claims
with statements (CSV, XLSX), or a fact-checker's ClaimReview (a page's JSON-LD, or the JSON-LD
itself). ``ValueError`` with a message for the person who sent it when it is none of these."""

from __future__ import annotations

import json
from typing import Any

from core import json_input

from . import FORMAT

# An upload's size limit (the admin's form and the command): a ledger of several thousand
# claims is a few megabytes.
MAX_BYTES = 20 * 1024 * 1024


def read_upload(name: str, content: bytes) -> Any:
    if len(content) > MAX_BYTES:
        raise ValueError(f"The file is over {MAX_BYTES // (1024 * 1024)} MB.")
    lower = name.lower()
    if lower.endswith((".csv", ".xlsx")):
        from .sheets import read_sheet

        return read_sheet(name, content)
    if lower.endswith((".html", ".htm")):
        from .claimreview import read_claimreview_page

        return read_claimreview_page(content)
    try:
        data = json_input.loads(content.decode("utf-8-sig"))
    except json_input.TooDeep as error:
        raise ValueError(f"{name}: {error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(
            f"{name} is not JSON ({error}). Send a ledger (.json), a sheet (.csv, .xlsx) or a "
            "fact-checker's page (.html)."
        ) from None
    if isinstance(data, dict) and data.get("format") == FORMAT:
        return data
    from .claimreview import is_claimreview, read_claimreview

    if is_claimreview(data):
        return read_claimreview(data)
    return data  # checked against the schema, which says what is wrong
