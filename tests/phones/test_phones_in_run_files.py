"""A room's run keeps the phones' votes apart from the hands, and older files load."""

from __future__ import annotations

import json

from teachin.locations import builtin_content_dir
from teachin.runs.room import RoomSession
from teachin.runs.runfile import replay
from teachin.scenario.loader import load_scenarios


def test_phone_votes_are_kept_apart_from_hands_and_read_back(tmp_path):
    scenarios = load_scenarios([builtin_content_dir()])[0]
    path = tmp_path / "room.run.json"
    session = RoomSession.start(scenarios["care-homes"], path, seed=3)
    first, second = (option.id for option in session.options()[:2])
    session.decide(first, {first: 4}, {first: 11, second: 6, "not-offered": 3, "x": -1})
    session.save()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["room"]["decisions"][0] == {
        "round": 1,
        "choice": first,
        "hands": {first: 4},
        "phones": {first: 11, second: 6},
    }
    again = RoomSession.open(path, scenarios)
    assert (again.decisions[0].hands, again.decisions[0].phones) == (
        {first: 4},
        {first: 11, second: 6},
    )
    assert replay(data, scenarios["care-homes"]).matches
    # A file from before phones could join has no "phones": it loads with none.
    del data["room"]["decisions"][0]["phones"]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert RoomSession.open(path, scenarios).decisions[0].phones == {}
