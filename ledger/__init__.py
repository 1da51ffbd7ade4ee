"""The ledger as one file: every record by its natural key, out and back in, exactly.

``fields`` says once how each model's fields read and write in the file (partial dates as ISO
8601 at their precision, foreign keys as slugs, URLs or references); ``export`` writes the bundle
(the whole ledger, or the public part through ``claims.visibility``); ``load`` reads one back
through the workflow's services, atomically, idempotently, with a row-by-row report; ``sheets``
and ``claimreview`` turn a reporter's spreadsheet and a fact-checker's ClaimReview into the same
bundle. The format is documented in ``schema.json`` (JSON Schema) and the README ("Ledgers in and
out").
"""

FORMAT = "contested-ledger"
VERSION = 1
