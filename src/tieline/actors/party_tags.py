"""US legislators' party-and-state tags: "Sen. Lindsey Graham (R-S.C.)", "Rep. Adam Schiff,
D-Calif.," — the American press's way of naming a member of Congress, and evidence enough that
the person is a US legislator even when the actor files do not know them."""

from __future__ import annotations

import re

from spacy.tokens import Span

# Postal codes, AP style abbreviations and full names of the states, DC and the territories
# that send delegates.
_STATES = {
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
    "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
    "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI",
    "AS", "MP",
    "Ala.", "Ariz.", "Ark.", "Calif.", "Cal.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.",
    "Kans.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nebr.", "Nev.",
    "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Oreg.", "Pa.", "R.I.", "S.C.", "S.D.",
    "Tenn.", "Tex.", "Vt.", "Va.", "Wash.", "W.Va.", "W. Va.", "Wis.", "Wisc.", "Wyo.", "D.C.",
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
    "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
    "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio",
    "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
    "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "Puerto Rico", "Guam",
}
_TAG = re.compile(r"\s*(?:\(|,)\s*([RDI])\s*[-–]\s*([A-Z][A-Za-z. ]{0,16}?)\s*(?:\)|,|\.(?=\s|$)|$)")


# "Chairman Bob Goodlatte (Va.)": the state alone, as an abbreviation, when the party is said elsewhere
_STATE_ONLY = re.compile(r"\s*\(\s*([A-Z][A-Za-z. ]{0,6}\.)\s*\)")


def has_us_party_tag(person: Span) -> bool:
    """Whether the name is followed by a party-and-state tag: "(R-S.C.)", ", D-Calif.,", "(I-Vt.)",
    or by a state's abbreviation alone in brackets ("(Va.)")."""
    after = person.doc[person.end : person.end + 30]  # not doc.text, which joins the whole article
    text = (person[-1].whitespace_ + after.text_with_ws)[:30]
    found = _TAG.match(text)
    if found is None:
        alone = _STATE_ONLY.match(text)
        return alone is not None and alone.group(1) in _STATES
    state = found.group(2).strip()
    return state in _STATES or f"{state}." in _STATES
