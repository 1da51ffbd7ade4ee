"""The newsroom's side: captures on entry, by hand, their errors, and the sources needing
attention."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from sources.capture import capture
from sources.models import CaptureReason, Source
from sources.tasks import CaptureFailed, capture_source
from tests.factories import OutletFactory, SourceFactory

pytestmark = pytest.mark.django_db

PAGE = b"<html><head><title>Convoy</title></head><body>Convoy</body></html>"
CHANGELIST = reverse("admin:sources_source_changelist")


def queued() -> list[list]:
    return [row.args_kwargs["args"] for row in DBTaskResult.objects.order_by("enqueued_at")]


def test_entering_a_source_in_the_admin_queues_its_capture_without_waiting_for_it(
    editor, django_capture_on_commit_callbacks
):
    outlet = OutletFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            reverse("admin:sources_source_add"),
            {
                "title": "Army statement",
                "url": "https://army.example/statement",
                "outlet": outlet.pk,
                "change_reason": "",
            },
        )

    assert response.status_code == 302, response.content.decode()[:2000]
    source = Source.objects.get(url="https://army.example/statement")
    assert queued() == [[source.pk, "entry"]]
    assert not source.captures.exists()  # fetched by the worker, not by the request


def test_an_editor_captures_sources_again_by_hand(editor):
    with_url, without = SourceFactory(), SourceFactory(url="")

    editor.post(
        CHANGELIST,
        {"action": "capture_again", "_selected_action": [with_url.pk, without.pk]},
    )

    assert queued() == [[with_url.pk, "by_hand"]]


def test_the_sources_list_shows_those_needing_attention(editor, server):
    server.expect_request("/gone").respond_with_data("Not found", status=404)
    server.expect_request("/live").respond_with_data(PAGE, content_type="text/html")
    gone = SourceFactory(title="Deleted post", url=server.url_for("/gone"))
    live = SourceFactory(title="Still there", url=server.url_for("/live"))
    capture(gone, reason=CaptureReason.CHECK)
    capture(live, reason=CaptureReason.CHECK)

    page = editor.get(CHANGELIST, {"attention": "yes"}).content.decode()

    assert "Deleted post" in page
    assert "Still there" not in page


def test_a_sources_admin_page_lists_its_captures_with_their_errors(editor, server, settings):
    settings.FETCH_MAX_BYTES = 10
    server.expect_request("/big").respond_with_data(b"x" * 100, content_type="text/html")
    source = SourceFactory(url=server.url_for("/big"))
    capture(source)

    page = editor.get(reverse("admin:sources_source_change", args=[source.pk])).content.decode()

    assert "Refused by the fetcher&#x27;s rules" in page
    assert "The document is 100 bytes; the limit is 10." in page


def test_staff_may_download_the_capture_of_a_source_only_a_draft_cites(
    editor, reader, ledger, server
):
    server.expect_request("/secret").respond_with_data(PAGE, content_type="text/html")
    ledger.secret_source.url = server.url_for("/secret")
    ledger.secret_source.save()
    row = capture(ledger.secret_source)
    url = reverse("sources:capture-warc", args=[ledger.secret_source.pk, row.pk])

    assert editor.get(url).status_code == 200
    assert reader.get(url).status_code == 404


def test_typing_a_title_clears_the_stand_in_mark(editor):
    source = SourceFactory(title="Burkina drones", title_is_stand_in=True)
    url = reverse("admin:sources_source_change", args=[source.pk])
    form = {
        "title": "Burkinabe drones destroy a JNIM convoy",
        "title_is_stand_in": "on",
        "url": source.url,
        "outlet": source.outlet.pk,
        "published_on": "2025-10-07",
        "change_reason": "",
    }

    response = editor.post(url, form)

    assert response.status_code == 302
    source.refresh_from_db()
    assert not source.title_is_stand_in


def test_a_failed_tasks_error_shows_in_the_admins_task_results(admin_client, server):
    server.expect_request("/story").respond_with_data("Busy", status=503)
    source = SourceFactory(url=server.url_for("/story"))
    result = DBTaskResult.objects.create(
        task_path="sources.tasks.capture_source",
        args_kwargs={"args": [source.pk, "entry"], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        priority=0,
    )
    with pytest.raises(CaptureFailed) as failure:
        capture_source.call(source.pk, "entry")
    result.set_failed(failure.value)  # as the worker records it

    page = admin_client.get(
        reverse("admin:django_tasks_database_dbtaskresult_change", args=[result.pk])
    ).content.decode()

    assert "HTTP 503" in page
