"""A small news corpus written for the executor tests, and helpers to compare runs."""

from __future__ import annotations

import json
from pathlib import Path

STORIES = [
    ("wire-1", "2024-03-04", "https://wire.example/2024/03/japan-india",
     "Japanese Prime Minister Fumio Kishida met Indian Prime Minister Narendra Modi in Tokyo on Monday.\n\n"
     "The two leaders signed an agreement on rail investment. Markets in both countries were closed for a holiday.\n\n"
     "Later, Japan pledged aid to India for flood relief, officials said."),
    ("wire-2", "2024-03-05", "https://wire.example/2024/03/kenya-uganda",
     "Kenya accused Uganda of blocking trucks at the border crossing near Malaba.\n\n"
     "Traffic stretched for several kilometres on Tuesday morning. Drivers waited in the heat.\n\n"
     "Ugandan officials denied the claim and said the checks were routine."),
    ("wire-3", "2024-04-11", "https://wire.example/2024/04/poland-lithuania",
     "The weather in Warsaw was mild this week, with spring flowers in the parks.\n\n"
     "Poland and Lithuania held talks on energy links on Thursday. The ministers described the meeting as useful."),
    ("wire-4", "2024-04-12", "https://wire.example/2024/04/chile-peru",
     "Chile criticized Peru over a fishing dispute that has lasted for years.\n\n"
     "Fishermen in the northern port said catches had fallen. Prices at the market rose again.\n\n"
     "Peru rejected the criticism on Friday."),
    ("wire-5", "", "https://wire.example/undated/egypt-jordan",
     "Egypt praised Jordan for its help after the storms. The statement did not give a date."),
    ("wire-6", "2024-05-20", "https://wire.example/2024/05/recipe",
     "Mix two cups of flour with a pinch of salt. Bake for twenty minutes until golden."),
    ("wire-7", "2024-05-21", "https://wire.example/2024/05/vietnam-laos",
     "Vietnamese President To Lam arrived in Vientiane on Tuesday.\n\n"
     "He met Laotian leader Thongloun Sisoulith and invited him to visit Hanoi next year.\n\n"
     "Vietnam sent rice to Laos after the drought."),
    ("wire-8", "2024-06-02", "https://wire.example/2024/06/canada-mexico",
     "Canada and Mexico agreed to cooperate on trade inspections. Mexico thanked Canada for the offer."),
    ("wire-9", "2024-06-03", "https://wire.example/2024/06/empty", "   "),
]


def write_corpus(folder: Path, stories=STORIES) -> Path:
    """The stories as a JSON-lines file tieline reads (one line is an unusable empty document)."""
    path = folder / "wire.jsonl"
    lines = [json.dumps({"id": i, "text": t, "url": u, **({"published": d} if d else {})}) for i, d, u, t in stories]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def event_dicts(events) -> list[dict]:
    return [e.to_dict() for e in events]
