"""The JSON Schema of one `casualty parse` record (Draft 2020-12), printed by `casualty schema`."""
from __future__ import annotations

from typing import Any

from .model import CATEGORIES

_DATE = {"type": ["string", "null"], "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_FIGURES = {
    "type": "object",
    "propertyNames": {"enum": list(CATEGORIES)},
    "additionalProperties": {"type": "integer", "minimum": 0},
}
_SPAN = {
    "type": "object",
    "required": ["start", "end", "text"],
    "properties": {"start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0},
                   "text": {"type": "string"}},
}

RECORD_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://casualty.invalid/schema/record.json",
    "title": "casualty parse record",
    "type": "object",
    "required": ["source", "published", "language", "as_of", "since", "reporter", "totals", "daily", "previous",
                 "previous_as_of", "directions", "claims", "checks", "evidence"],
    "properties": {
        "source": {"type": "string", "description": "path, URL, or '-' for standard input"},
        "published": _DATE,
        "language": {"type": ["string", "null"], "pattern": "^[a-z]{2}$"},
        "as_of": _DATE,
        "since": _DATE,
        "reporter": {"type": ["string", "null"]},
        "totals": _FIGURES,
        "daily": _FIGURES,
        "previous": _FIGURES,
        "previous_as_of": _DATE,
        "directions": {"type": "array", "items": {"type": "string"}},
        "claims": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["by", "side", "what", "value", "low", "qualifier", "as_of"],
                "properties": {
                    "by": {"type": "string"}, "side": {"enum": ["russia", "ukraine"]}, "what": {"type": "string"},
                    "value": {"type": "integer", "minimum": 0}, "low": {"type": ["integer", "null"], "minimum": 0},
                    "qualifier": {"type": ["string", "null"]}, "as_of": _DATE,
                    "period": {"enum": ["day", "week", "month", "year", None],
                               "description": "a rate or a sum over this period; null for a running total"},
                },
            },
        },
        "checks": {
            "type": "array",
            "items": {"type": "object", "required": ["check", "category", "ok"],
                      "properties": {"check": {"type": "string"}, "category": {"type": "string"},
                                     "ok": {"type": "boolean"}}},
        },
        "evidence": {"type": "object", "additionalProperties": _SPAN},
        "title": {"type": ["string", "null"]},
        "error": {"type": "string", "description": "batch only: why this input failed"},
    },
}
