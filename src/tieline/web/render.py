"""JSON or CSV: every list endpoint answers in either, chosen by `?format=` or the Accept header."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd
from fastapi import Request
from fastapi.responses import JSONResponse, Response

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"


def wants_csv(request: Request, fmt: str | None) -> bool:
    if fmt is not None:
        return fmt == "csv"
    accept = request.headers.get("accept", "")
    return "text/csv" in accept and "application/json" not in accept


def json_value(value: Any) -> Any:
    """A value JSON can hold: NaN and NaT become null, dates ISO strings, numpy scalars Python numbers."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, (pd.Timestamp, datetime)):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (list, tuple, np.ndarray)):
        return [json_value(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): json_value(v) for k, v in value.items()}
    return value


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a DataFrame as JSON-ready dicts."""
    columns = list(frame.columns)
    return [{c: json_value(v) for c, v in zip(columns, row, strict=True)}
            for row in frame.itertuples(index=False, name=None)]


def csv_response(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], filename: str) -> Response:
    out = io.StringIO()
    fields = list(columns)
    for row in rows:  # columns a newer store adds come last
        fields += [k for k in row if k not in fields]
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_cell(v) for k, v in row.items()})
    return Response(out.getvalue(), media_type=CSV_MEDIA_TYPE,
                    headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'})


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def json_response(payload: Any, status_code: int = 200) -> JSONResponse:
    return JSONResponse(payload, status_code=status_code)


def table_response(request: Request, fmt: str | None, payload: Any, rows: Sequence[Mapping[str, Any]],
                   columns: Sequence[str], filename: str) -> Response:
    """`payload` as JSON, or `rows` as CSV when the client asked for CSV."""
    if wants_csv(request, fmt):
        return csv_response(rows, columns, filename)
    return json_response(payload)


def page_payload(request: Request, total: int, limit: int, offset: int, items: list) -> dict[str, Any]:
    following = offset + limit
    next_url = str(request.url.include_query_params(offset=following)) if following < total else None
    return {"total": total, "limit": limit, "offset": offset, "next": next_url, "items": items}


CSV_CONTENT = {"text/csv": {"schema": {"type": "string"}}}


def csv_alternative(description: str = "The same rows as CSV (`?format=csv` or `Accept: text/csv`).") -> dict:
    """OpenAPI: a 200 response that may also be CSV."""
    return {200: {"content": CSV_CONTENT, "description": description}}
