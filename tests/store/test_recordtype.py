"""store.model.recordtype: the little of dataclasses that records use."""

from __future__ import annotations

import pytest

from store.model.recordtype import field, record_class, record_fields

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import ClassVar


@record_class
class Base:
    KIND: ClassVar[str] = "base"
    id: str = ""
    tags: list = field(default_factory=list)


@record_class
class Child(Base):
    count: int = 1

    def describe(self) -> str:
        return f"{self.KIND} {self.id} {self.count} {self.tags}"


def test_keyword_init_with_defaults_inherited_fields_first():
    assert [(f.name, f.kind) for f in record_fields(Child)] == [("id", "str"), ("tags", "list"), ("count", "int")]
    child = Child(id="x", count=3)
    assert child.describe() == "base x 3 []"


def test_factories_give_every_record_its_own_container():
    a, b = Child(), Child()
    a.tags.append("t")
    assert b.tags == [] and Child(tags=["own"]).tags == ["own"]


def test_slots_refuse_unknown_fields():
    with pytest.raises(TypeError):
        Child(colour="red")
    with pytest.raises(AttributeError):
        Child().colour = "red"
    assert not hasattr(Child(), "__dict__")


def test_a_field_without_default_is_refused():
    with pytest.raises(TypeError, match="needs a default"):
        @record_class
        class Bad:
            name: str


def test_the_init_is_compiled_at_the_first_record_and_then_used_directly():
    """Compiling every record class's __init__ at import cost every CLI start; the
    stand-in compiles it once, at the first record, and steps aside."""
    @record_class
    class Lazy:
        name: str = ""
        seen: list = field(default_factory=list)

    stand_in = Lazy.__init__
    assert stand_in.__code__.co_kwonlyargcount == 0  # nothing compiled yet
    first = Lazy(name="a")
    compiled = Lazy.__init__
    assert compiled is not stand_in and compiled.__code__.co_kwonlyargcount == 2
    second = Lazy(seen=[1])
    assert (first.name, first.seen, second.name, second.seen) == ("a", [], "", [1])
    assert Lazy.__init__ is compiled
    with pytest.raises(TypeError):
        Lazy(colour="red")
