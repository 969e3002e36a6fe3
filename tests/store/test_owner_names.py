"""An owner's role word is abbreviated first in a narrow column (store/model/owner_names.py)."""

import pytest

from store.model.owner_names import short_owner


@pytest.mark.parametrize("name, short", [
    ("praktijkmanager Ruud", "PM Ruud"), ("doktersassistente Fleur", "DA Fleur"),
    ("Projectteam bereikbaarheid", "PT bereikbaarheid"), ("praktijkverpleegkundige Ilse", "PVK Ilse"),
    ("POH Sanne", "POH Sanne"), ("dr. El Amrani", "dr. El Amrani"), ("Kernteam", "Kernteam"), ("", ""),
    ("[b]praktijkmanager[/b] x", "[b]praktijkmanager[/b] x"),
])
def test_the_role_goes_short_and_who_it_is_stays(name, short):
    assert short_owner(name) == short
