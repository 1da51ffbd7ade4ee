"""The newsroom's admin: where reporters and editors enter and publish the ledger.

A face, like the public site (``website``) and the API (``api``): it reads and writes through
the domain (``claims.services``, ``claims.permissions``, ``claims.visibility``) and holds no rule
of its own.
"""
