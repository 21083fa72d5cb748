"""Country pairs ranked by how much they cooperate or clash in the stored events."""

from __future__ import annotations

from ..store import Store

_PAIR_SQL = """
WITH dyads AS (
    SELECT least(actor1_country_code, actor2_country_code) AS country_a,
           greatest(actor1_country_code, actor2_country_code) AS country_b,
           quad_class, goldstein_scale
    FROM events
    WHERE actor1_country_code IS NOT NULL AND actor2_country_code IS NOT NULL
      AND actor1_country_code <> actor2_country_code
)
SELECT country_a, country_b,
       count(*) AS events,
       round(sum(goldstein_scale), 1) AS goldstein_sum,
       round(avg(goldstein_scale), 2) AS goldstein_mean
FROM dyads
WHERE quad_class IN ({quads})
GROUP BY country_a, country_b
ORDER BY events DESC, abs(sum(goldstein_scale)) DESC, country_a, country_b
LIMIT ?
"""


def strongest_pairs(store: Store, kind: str, limit: int = 5):
    """The country pairs (either direction) with the most cooperative or conflictual events."""
    quads = {"cooperative": "1, 2", "conflictual": "3, 4"}[kind]
    return store.sql(_PAIR_SQL.format(quads=quads), [limit])
