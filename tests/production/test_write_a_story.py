"""A tool using nothing but HTTP and a token enters a whole story from nothing — outlet, source,
actors with an alias, a relation between them, a topic, two rival claims, statements with their
citations, the relation between the claims, a request for comment — publishes it, and reads it
back through the public API and site. Run twice, the script creates nothing the second time."""

from __future__ import annotations

import uuid

import pytest
import requests

from .test_served import redis_is_up

pytestmark = pytest.mark.skipif(
    not redis_is_up(), reason="no Redis on 127.0.0.1:6379 (.ci/run starts one)"
)


@pytest.fixture(scope="module")
def server(serve):
    # Idempotency keys live in the shared cache, so any worker can replay a retried POST.
    return serve(REDIS_URL="redis://127.0.0.1:6379/14", CACHE_KEY_PREFIX=uuid.uuid4().hex)


class Client:
    """What a newsroom's script would write: every create is safe to run again."""

    def __init__(self, base: str, token: str) -> None:
        self.base = base
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Token {token}"
        self.created = 0

    def ensure(self, path: str, body: dict, key: str | None = None) -> dict:
        """Create, or pick up what exists: a 409 names the existing object's URL; a retried
        POST with its Idempotency-Key gets the first answer."""
        headers = {"Idempotency-Key": key} if key else {}
        response = self.session.post(self.base + path, json=body, headers=headers, timeout=10)
        if response.status_code == 409 and "existing" in response.json():
            return self.get(response.json()["existing"]["url"])
        assert response.status_code == 201, (path, response.status_code, response.text)
        if response.headers.get("Idempotent-Replayed") != "true":
            self.created += 1
        assert response.headers["Location"] == response.json()["url"]
        return response.json()

    def get(self, url: str) -> dict:
        response = self.session.get(url, timeout=10)
        assert response.status_code == 200, (url, response.text)
        return response.json()

    def publish(self, claim: dict) -> None:
        if self.get(claim["url"])["status"] != "published":
            response = self.session.post(claim["url"] + "publish/", json={}, timeout=10)
            assert response.status_code == 200, response.text


def enter_the_story(client: Client) -> dict:
    wire = client.ensure("/api/v1/outlets/", {"name": "Sahel Wire", "kind": "news_agency"})
    dispatch = client.ensure(
        "/api/v1/sources/",
        {
            "title": "Burkinabe army says drones destroyed convoy near Djibo",
            "document_url": "https://sahelwire.example/2025/03/djibo",
            "outlet": wire["id"],
            "published_on": "2025-03-04",
        },
    )
    army = client.ensure(
        "/api/v1/actors/",
        {
            "name": "Burkina Faso Armed Forces",
            "kind": "military",
            "country": "BF",
            "aliases": [{"name": "FABF"}],
        },
    )
    jnim = client.ensure("/api/v1/actors/", {"name": "JNIM", "kind": "armed_group"})
    spokesman = client.ensure(
        "/api/v1/actors/", {"name": "Army spokesman (Djibo)", "kind": "person"}
    )
    client.ensure(
        "/api/v1/actor-relations/",
        {"subject": spokesman["id"], "kind": "spokesperson_of", "object": army["id"]},
    )
    topic = client.ensure("/api/v1/topics/", {"name": "Drone strikes"})
    claim = client.ensure(
        "/api/v1/claims/",
        {
            "text": "Burkinabe army drones destroyed a JNIM convoy near Djibo",
            "event_date": "2025-03-03",
            "topics": [topic["slug"]],
        },
    )
    rival = client.ensure(
        "/api/v1/claims/", {"text": "JNIM lost no fighters near Djibo", "topics": [topic["slug"]]}
    )
    citation = [{"source": dispatch["id"], "locator": "para 1", "credibility": 3}]
    statements = {
        "djibo-army-asserts": {
            "claim": claim["id"],
            "actor": spokesman["id"],
            "on_behalf_of": army["id"],
            "stance": "asserts",
        },
        "djibo-jnim-denies": {"claim": claim["id"], "actor": jnim["id"], "stance": "denies"},
        "djibo-jnim-rival": {"claim": rival["id"], "actor": jnim["id"], "stance": "asserts"},
    }
    for key, body in statements.items():
        said = {"stated_on": "2025-03-04", "paraphrase": "As reported.", "citations": citation}
        client.ensure("/api/v1/statements/", {**body, **said}, key=key)
    client.ensure(
        "/api/v1/claim-relations/",
        {"from_claim": claim["id"], "kind": "contradicts", "to_claim": rival["id"]},
    )
    client.ensure(
        "/api/v1/requests-for-comment/",
        {
            "claim": claim["id"],
            "actor": army["id"],
            "requested_on": "2025-03-05",
            "channel": "email",
            "deadline": "2025-03-07",
            "outcome": "no_response",
        },
        key="djibo-rfc-army",
    )
    client.publish(claim)
    client.publish(rival)
    return {"claim": claim, "rival": rival, "army": army, "jnim": jnim}


def test_a_tool_enters_publishes_and_reads_back_a_whole_story_and_can_run_again(
    server, editor_token
):
    token = editor_token
    client = Client(server.url, token)
    story = enter_the_story(client)
    assert client.created == 13

    # The public reads it back: API and site, no token.
    public = requests.get(story["claim"]["url"], timeout=10).json()
    assert public["status"] == "published"
    parties = {p["party"]["id"]: p["direction"] for p in public["positions"]}
    assert parties == {story["army"]["id"]: "for", story["jnim"]["id"]: "against"}
    assert public["contested"] is True
    assert [(r["kind"], r["claim"]["id"]) for r in public["relations"]] == [
        ("contradicts", story["rival"]["id"])
    ]
    page = requests.get(story["claim"]["html_url"], timeout=10)
    assert page.status_code == 200
    assert "JNIM" in page.text
    assert requests.get(story["army"]["html_url"], timeout=10).status_code == 200

    # The same script again: everything is picked up, nothing is created twice.
    again = Client(server.url, token)
    picked_up = enter_the_story(again)
    assert again.created == 0
    assert {name: obj["id"] for name, obj in picked_up.items()} == {
        name: obj["id"] for name, obj in story.items()
    }
    statements = requests.get(
        server.url + "/api/v1/statements/", params={"claim": story["claim"]["id"]}, timeout=10
    ).json()["results"]
    assert len(statements) == 2
