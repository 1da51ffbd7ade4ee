"""The OpenAPI schema says every answer an operation can give, errors included, so a client
(and schemathesis, in the test suite) can rely on it."""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema

_ERRORS: dict[str, Any] = {
    "type": "object",
    "description": "Each key names a parameter or field; its value says what is wrong with it: "
    "a list of messages, or for a nested list (aliases, citations) one object of errors per "
    "item. A body that is not JSON at all gets a `detail` message.",
    "additionalProperties": {
        "oneOf": [{"type": "array"}, {"type": "object"}, {"type": "string"}],
    },
}
_DETAIL: dict[str, Any] = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}


def _json(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


# A query parameter's text may hold anything but NUL (Django's forms refuse it, with a 400).
NO_NUL = "^[^\\u0000]*$"


class ContestedAutoSchema(AutoSchema):
    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation = super().get_operation(*args, **kwargs)
        if operation is not None and getattr(self.view, "action", None) == "create":
            operation.setdefault("parameters", []).append(
                {
                    "in": "header",
                    "name": "Idempotency-Key",
                    "required": False,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 200},
                    "description": "Send a retried POST with the same key to get the first "
                    "answer again instead of a second row (kept 24 hours, per token).",
                }
            )
        for parameter in (operation or {}).get("parameters", []):
            schema = parameter.get("schema", {})
            typed = {"enum", "format", "pattern"} & set(schema)
            if parameter["in"] == "query" and schema.get("type") == "string" and not typed:
                schema["pattern"] = NO_NUL
        return operation

    def get_response_serializers(self) -> Any:
        """A write answers with the resource as it is read (``detail_serializer_class``), not
        in the shape it was written."""
        detail = getattr(self.view, "detail_serializer_class", None)
        if detail is not None and self.method in ("POST", "PUT", "PATCH"):
            return detail
        return super().get_response_serializers()

    def get_auth(self) -> list[dict[str, Any]]:
        """Reads are open, a token optional; writes need a token."""
        schemes = [scheme for scheme in super().get_auth() if scheme]
        return [*schemes, {}] if self.method in ("GET", "HEAD") else schemes

    def _get_response_bodies(self, direction: str = "response") -> dict[str, Any]:
        bodies = super()._get_response_bodies(direction)
        bodies.setdefault(
            "400",
            _json(
                "A bad value or an unknown query parameter, or a write that breaks a rule: the "
                "body names each one.",
                _ERRORS,
            ),
        )
        if "{" in self.path:
            bodies.setdefault(
                "404", _json("No public object has this id (a draft's id answers so too).", _DETAIL)
            )
        bodies.setdefault(
            "503",
            _json("The database is briefly unreachable; retry after Retry-After seconds.", _DETAIL),
        )
        bodies.setdefault("401", _json("An invalid token (reads need none).", _DETAIL))
        if self.method == "GET":
            bodies.setdefault("304", {"description": "Not modified: If-None-Match matched."})
            bodies.setdefault(
                "429", _json("The anonymous budget for this scope is spent; retry later.", _DETAIL)
            )
        else:
            bodies["401"] = _json("No token, or an invalid one.", _DETAIL)
            bodies.setdefault("403", _json("The token's user lacks the permission.", _DETAIL))
            bodies.setdefault(
                "409",
                _json(
                    "A copy of an existing object by one of its natural keys (the body names "
                    "the field and gives the existing object's id and url under `existing`), "
                    "or an Idempotency-Key reused for another request.",
                    _ERRORS,
                ),
            )
            if self.method in ("PUT", "PATCH"):
                bodies.setdefault(
                    "412", _json("If-Match names a version that is no longer current.", _DETAIL)
                )
        return bodies
