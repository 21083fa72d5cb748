"""The event filters shared by `tieline events`, `tieline export` and `Store.events`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class EventFilter:
    """`actor`/`target` match a CAMEO actor-code prefix ("PRK" matches "PRKGOV") or an ISO
    country code; `since`/`until` bound the event date; `code` is a CAMEO event-code prefix."""

    actor: str | None = None
    target: str | None = None
    since: str | date | None = None
    until: str | date | None = None
    code: str | None = None
    limit: int | None = None

    def where(self, alias: str = "") -> tuple[str, list]:
        """A SQL condition on the events table (or `alias`) and its parameters."""
        prefix = f"{alias}." if alias else ""
        where, params = [], []
        for column, value in (("actor1", self.actor), ("actor2", self.target)):
            if value:
                where.append(f"({prefix}{column}_code LIKE ? OR {prefix}{column}_country_code = ?)")
                params += [value.upper() + "%", value.upper()]
        if self.since:
            where.append(f"{prefix}event_date >= CAST(? AS DATE)")
            params.append(str(self.since))
        if self.until:
            where.append(f"{prefix}event_date <= CAST(? AS DATE)")
            params.append(str(self.until))
        if self.code:
            where.append(f"{prefix}event_code LIKE ?")
            params.append(self.code + "%")
        return (" AND ".join(where) or "TRUE"), params

    def select_events(self, order: str, columns: str = "*") -> tuple[str, list]:
        """SELECT the matching events in `order`, at most `limit` of them."""
        condition, params = self.where()
        sql = f"SELECT {columns} FROM events WHERE {condition} ORDER BY {order}"
        if self.limit:
            sql += f" LIMIT {int(self.limit)}"
        return sql, params
