"""The API's formats besides JSON: ClaimReview and stances as JSON-LD, CSV lists."""

from __future__ import annotations

from rest_framework.renderers import JSONRenderer
from rest_framework_csv.renderers import CSVRenderer


class ClaimReviewRenderer(JSONRenderer):
    """A claim as schema.org ClaimReview (``?format=claimreview``)."""

    media_type = "application/ld+json"
    format = "claimreview"


class StancesJSONLDRenderer(JSONRenderer):
    """A claim with every actor's stance, as JSON-LD (``?format=jsonld``)."""

    media_type = "application/ld+json"
    format = "jsonld"


class FlatCSVRenderer(CSVRenderer):
    """A list as CSV, one row per object, columns in the order the view gives."""

    media_type = "text/csv"
    format = "csv"
