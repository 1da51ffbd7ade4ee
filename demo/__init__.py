"""The demo ledger, built from the AFP article the project starts from (``data``), loaded through
the domain's models (``load``)."""
