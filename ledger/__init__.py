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


def origin() -> str:
    """This Contested's name for itself in the files it writes (``"origin"``): derived from its
    secret key, so stable across restarts, restores and machines of one deployment and different
    for every other, and revealing nothing of the key. An import updates records that already
    exist only from a file with this origin (its own ledger), and only when asked
    (``ledger.load``); a file from anywhere else — another newsroom's Contested, a spreadsheet,
    a fact-checker's ClaimReview — adds what is new and leaves what exists as it is."""
    from django.utils.crypto import salted_hmac

    return salted_hmac("contested.ledger.origin", "ledger", algorithm="sha256").hexdigest()[:20]
