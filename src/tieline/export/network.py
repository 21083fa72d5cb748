"""Directed country networks for Gephi and other graph tools (GraphML and GEXF, via networkx).

A node is a country (ISO code, with its name); an edge from A to B sums the deduplicated events
in which an actor of country A acted on an actor of country B: `weight` (all events),
`goldstein_mean`, and for each QuadClass q = 1..4 `events_q{q}` and `goldstein_mean_q{q}`
(the latter only where there are such events). Events within one country, or with an actor of
no known country, are left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..store import EventFilter, Store
from .rows import events_sql

if TYPE_CHECKING:
    import networkx as nx

QUADS = (1, 2, 3, 4)


def country_graph(store: Store, filters: EventFilter) -> nx.DiGraph:
    import networkx as nx  # imported when needed, so the CLI starts fast

    inner, params = events_sql(filters)
    rows = store.con.execute(
        f"SELECT actor1_country_code, actor2_country_code, quad_class, count(*), avg(goldstein_scale), "
        f"sum(goldstein_scale) FROM ({inner}) WHERE actor1_country_code IS NOT NULL "
        f"AND actor2_country_code IS NOT NULL AND actor1_country_code <> actor2_country_code "
        f"GROUP BY ALL ORDER BY ALL", params,
    ).fetchall()
    from ..actors import load_gazetteer

    names = load_gazetteer().country_names
    graph = nx.DiGraph(name="tieline country network", edge_weight="number of deduplicated events")
    for source, target, quad, count, mean, total in rows:
        for country in (source, target):
            if country not in graph:
                graph.add_node(country, label=names.get(country, country), events_sent=0, events_received=0)
        graph.nodes[source]["events_sent"] += count
        graph.nodes[target]["events_received"] += count
        edge = graph.get_edge_data(source, target)
        if edge is None:
            graph.add_edge(source, target, weight=0, goldstein_sum=0.0, **{f"events_q{q}": 0 for q in QUADS})
            edge = graph.edges[source, target]
        edge["weight"] += count
        edge["goldstein_sum"] += total
        edge[f"events_q{quad}"] = count
        edge[f"goldstein_mean_q{quad}"] = round(mean, 4)
    for _, _, edge in graph.edges(data=True):
        edge["goldstein_mean"] = round(edge.pop("goldstein_sum") / edge["weight"], 4)
    return graph


def write_graph(graph: nx.DiGraph, out: Path, fmt: str) -> None:
    import networkx as nx

    if fmt == "graphml":
        nx.write_graphml(graph, out)
    else:
        nx.write_gexf(graph, out)
