"""The REST API (v1): the public ledger read, and written with a token."""
