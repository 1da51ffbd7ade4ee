"""Outlets and sources in the public API. Only what a public claim cites is readable."""

from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers

from api.fields import ApiUrlField, HtmlUrlField
from api.serializers.base import WriteSerializer
from api.serializers.shared import SavedAsReference, correction_note_field
from core.grades import Reliability
from sources.models import Capture, LinkStatus, Outlet, OutletKind, Source


class OutletSerializer(serializers.ModelSerializer):
    url = ApiUrlField(view_name="api:outlet-detail")
    kind = serializers.ChoiceField(choices=OutletKind.choices)
    country = serializers.CharField(source="country.code", read_only=True)
    website = serializers.CharField(read_only=True, help_text="Empty when unknown.")

    class Meta:
        model = Outlet
        fields = [
            "id",
            "url",
            "name",
            "slug",
            "kind",
            "country",
            "website",
            "default_reliability",
            "updated_at",
        ]
        read_only_fields = fields


class SourceSerializer(serializers.ModelSerializer):
    url = ApiUrlField(view_name="api:source-detail")
    html_url = HtmlUrlField()
    document_url = serializers.CharField(
        source="url", read_only=True, help_text="The document's address; empty for a broadcast."
    )
    archive_url = serializers.CharField(read_only=True, help_text="Empty when not archived.")
    outlet = OutletSerializer(read_only=True)
    reliability = serializers.ChoiceField(
        source="reliability_grade",
        choices=Reliability.choices,
        read_only=True,
        help_text="Admiralty A–F: the document's own grade, else its outlet's default.",
    )

    class Meta:
        model = Source
        fields = [
            "id",
            "url",
            "html_url",
            "title",
            "document_url",
            "archive_url",
            "outlet",
            "byline",
            "published_on",
            "language",
            "retrieved_on",
            "reliability",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class CaptureSerializer(serializers.ModelSerializer):
    """A copy the newsroom captured of the document: when, its SHA-256, and where to download
    it (the document as received, and its WARC record)."""

    document_download_url = serializers.SerializerMethodField(
        help_text="The document as captured, served as a download."
    )
    warc_url = serializers.SerializerMethodField(
        help_text="The web-archive record (WARC, gzipped) of the capture."
    )

    class Meta:
        model = Capture
        fields = [
            "id",
            "captured_at",
            "sha256",
            "status_code",
            "final_url",
            "content_type",
            "size",
            "document_download_url",
            "warc_url",
        ]
        read_only_fields = fields

    def _absolute(self, name: str, capture: Capture) -> str:
        path = reverse(name, args=[capture.source_id, capture.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    def get_document_download_url(self, capture: Capture) -> str:
        return self._absolute("sources:capture-copy", capture)

    def get_warc_url(self, capture: Capture) -> str:
        return self._absolute("sources:capture-warc", capture)


class SourceWithCapturesSerializer(SourceSerializer):
    """A source as its own endpoint gives it: with the state of its address and the newsroom's
    copies, newest first (``CAPTURES_SHOWN`` at most)."""

    link_status = serializers.ChoiceField(
        choices=LinkStatus.choices,
        read_only=True,
        help_text="What the last capture or check found at the address: live, moved, changed "
        "(since captured), gone, refused (not capturable), unreachable, or unchecked.",
    )
    link_status_since = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text="Since when, e.g. when the original went."
    )
    captures = CaptureSerializer(many=True, read_only=True, source="copies")

    class Meta(SourceSerializer.Meta):
        fields = [*SourceSerializer.Meta.fields, "link_status", "link_status_since", "captures"]
        read_only_fields = fields


class SourceWriteSerializer(SavedAsReference, WriteSerializer):
    """A source, through ``claims.services.save_reference`` (``SavedAsReference``): one a public
    claim cites is the editors' to change, and their change is a correction on each."""

    document_url = serializers.URLField(
        source="url", max_length=1000, required=False, allow_blank=True
    )
    outlet = serializers.PrimaryKeyRelatedField(queryset=Outlet.objects.all())
    correction_note = correction_note_field()

    class Meta:
        model = Source
        fields = [
            "title",
            "document_url",
            "archive_url",
            "outlet",
            "byline",
            "published_on",
            "language",
            "retrieved_on",
            "reliability",
            "correction_note",
        ]
