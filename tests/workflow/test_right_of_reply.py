"""Right of reply: the list of requests past their deadline, and each outcome entered."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims.models import OverdueRequest, RequestForComment
from claims.vocabulary import Outcome
from tests.factories import ClaimFactory, RequestForCommentFactory, StatementFactory
from tests.workflow.forms import admin_url, page_data

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def request_on(deadline: datetime.date, **kwargs):
    return RequestForCommentFactory(requested_on=deadline - 5 * DAY, deadline=deadline, **kwargs)


def test_the_overdue_list_shows_pending_requests_past_their_deadline_oldest_first(editor):
    late = request_on(TODAY - 2 * DAY)
    later = request_on(TODAY - DAY)
    request_on(TODAY + DAY)  # not due yet
    request_on(TODAY - 3 * DAY, outcome=Outcome.DECLINED)  # answered
    RequestForCommentFactory(deadline=None)  # no deadline

    response = editor.get(admin_url(OverdueRequest, "changelist"))
    assert [r.pk for r in response.context["cl"].result_list] == [late.pk, later.pk]
    assert "2" in response.content.decode()  # days overdue
    assert (
        "requests for comment past their deadline" in editor.get("/admin/").content.decode().lower()
    )


def test_the_overdue_filter_on_all_requests_agrees(editor):
    late = request_on(TODAY - 2 * DAY)
    request_on(TODAY + DAY)
    response = editor.get(admin_url(RequestForComment, "changelist"), {"overdue": "yes"})
    assert [r.pk for r in response.context["cl"].result_list] == [late.pk]


def test_a_reporter_sees_the_overdue_list(reporter):
    request_on(TODAY - 2 * DAY)
    response = reporter.get(admin_url(OverdueRequest, "changelist"))
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == 1


def test_the_overdue_list_costs_the_same_queries_for_one_row_or_many(editor):
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert editor.get(admin_url(OverdueRequest, "changelist")).status_code == 200
        return len(ctx.captured_queries)

    request_on(TODAY - 2 * DAY)
    one = queries()
    for _ in range(20):
        request_on(TODAY - 2 * DAY)
    assert queries() == one


def test_a_row_of_the_overdue_list_opens_the_request_itself(editor):
    overdue = request_on(TODAY - 2 * DAY)
    response = editor.get(admin_url(OverdueRequest, "change", overdue.pk))
    assert response["Location"] == admin_url(RequestForComment, "change", overdue.pk)


# Entering the outcome ---------------------------------------------------------------------------


def save_outcome(client, rfc, **changes):
    url = admin_url(RequestForComment, "change", rfc.pk)
    return client.post(url, page_data(client.get(url)) | changes)


def test_replied_links_the_statement_the_reply_produced(editor):
    rfc = request_on(TODAY - DAY)
    reply = StatementFactory(claim=rfc.claim, actor=rfc.actor)
    response = save_outcome(editor, rfc, outcome="replied", reply=str(reply.pk))
    assert response.status_code == 302
    rfc.refresh_from_db()
    assert rfc.outcome == Outcome.REPLIED
    assert rfc.reply == reply


def test_replied_without_the_statement_is_refused_naming_the_field(editor):
    rfc = request_on(TODAY - DAY)
    response = save_outcome(editor, rfc, outcome="replied")
    assert response.status_code == 200
    assert "reply" in response.context["adminform"].form.errors
    assert RequestForComment.objects.get().outcome == Outcome.PENDING


def test_a_reply_from_another_claim_is_refused(editor):
    rfc = request_on(TODAY - DAY)
    elsewhere = StatementFactory(claim=ClaimFactory())
    response = save_outcome(editor, rfc, outcome="replied", reply=str(elsewhere.pk))
    assert "reply" in response.context["adminform"].form.errors


def test_declined_is_entered(editor):
    rfc = request_on(TODAY - DAY)
    assert save_outcome(editor, rfc, outcome="declined").status_code == 302
    assert RequestForComment.objects.get().outcome == Outcome.DECLINED


def test_no_response_is_entered_once_the_deadline_has_passed(editor):
    rfc = request_on(TODAY - DAY)
    assert save_outcome(editor, rfc, outcome="no_response").status_code == 302
    assert RequestForComment.objects.get().outcome == Outcome.NO_RESPONSE


def test_no_response_before_the_deadline_is_refused(editor):
    rfc = request_on(TODAY + 2 * DAY)
    response = save_outcome(editor, rfc, outcome="no_response")
    assert "outcome" in response.context["adminform"].form.errors


def test_no_response_needs_a_deadline(editor):
    rfc = RequestForCommentFactory(deadline=None)
    response = save_outcome(editor, rfc, outcome="no_response")
    assert "deadline" in response.context["adminform"].form.errors
