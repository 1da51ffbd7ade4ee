"""The API's one parser: JSON, with a bound on its nesting (``core.json_input``), so a body such
as ``'[' * 5000`` is a 400 naming the problem, never a server error."""

from __future__ import annotations

import codecs
import json
from typing import Any

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from core import json_input


class BoundedJSONParser(JSONParser):
    def parse(self, stream: Any, media_type: Any = None, parser_context: Any = None) -> Any:
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = codecs.getreader(encoding)(stream).read()
            return json_input.loads(text)
        except json_input.TooDeep as error:
            raise ParseError(f"JSON parse error - {error}") from None
        except (ValueError, json.JSONDecodeError) as error:
            raise ParseError(f"JSON parse error - {error}") from None
