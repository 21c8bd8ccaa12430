"""The one registry type: order that never depends on who registered first, a loud error for
a key registered twice, and a start-up check for a required hook nobody provides."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core import checks
from django.core.management import call_command

from careleavers.core.checks import required_registries_filled
from careleavers.core.registry import DuplicateRegistration, Registry


@dataclass(frozen=True)
class Panel:
    key: str
    order: int = 100


def make(**kwargs: object) -> Registry[Panel]:
    registry: Registry[Panel] = Registry("test panels", key=lambda p: p.key, **kwargs)  # type: ignore[arg-type]
    Registry.every.remove(registry)  # kept out of the real start-up check
    return registry


def test_providers_come_out_by_order_then_key_whatever_the_registration_order() -> None:
    forwards, backwards = make(order=lambda p: p.order), make(order=lambda p: p.order)
    panels = [Panel("b", 10), Panel("a", 20), Panel("c", 10)]
    for panel in panels:
        forwards.register(panel)
    for panel in reversed(panels):
        backwards.register(panel)

    assert forwards.items() == backwards.items() == [panels[0], panels[2], panels[1]]


def test_without_an_order_providers_come_out_by_key() -> None:
    registry = make()
    registry.register(Panel("b"))
    registry.register(Panel("a"))

    assert [panel.key for panel in registry] == ["a", "b"]


def test_a_key_registered_twice_is_an_error_naming_the_registry_and_key() -> None:
    registry = make()
    registry.register(Panel("a", 1))

    with pytest.raises(DuplicateRegistration, match="test panels: 'a' is registered twice"):
        registry.register(Panel("a", 2))


def test_registering_the_same_provider_again_is_harmless() -> None:
    registry = make()
    panel = Panel("a")
    registry.register(panel)
    registry.register(panel)

    assert registry.items() == [panel]


def test_a_provider_replaces_a_fallback_whichever_registers_first() -> None:
    placeholder, real = Panel("accommodation", 1), Panel("accommodation", 2)
    first, second = make(), make()
    first.register(placeholder, fallback=True)
    first.register(real)
    second.register(real)
    second.register(placeholder, fallback=True)

    assert first.items() == second.items() == [real]
    assert make().register(placeholder, fallback=True) is placeholder


def test_register_works_as_a_decorator_for_a_registry_of_functions() -> None:
    functions: Registry[object] = Registry("test functions", key=lambda f: f.__name__)  # type: ignore[attr-defined]
    Registry.every.remove(functions)

    @functions.register
    def reviews() -> None: ...

    @functions.register(fallback=True)
    def visits() -> None: ...

    assert functions.items() == [reviews, visits]
    assert functions.get("reviews") is reviews


def test_replaced_and_added_put_the_registrations_back() -> None:
    registry = make()
    kept = registry.register(Panel("kept"))

    with registry.replaced(Panel("only")):
        assert [panel.key for panel in registry] == ["only"]
    with registry.added(Panel("extra")):
        assert [panel.key for panel in registry] == ["extra", "kept"]

    assert registry.items() == [kept]


def test_only_wants_exactly_one_provider() -> None:
    registry = make()
    with pytest.raises(LookupError, match="test panels: expected one provider, found 0"):
        registry.only()
    panel = registry.register(Panel("a"))

    assert registry.only() is panel


def test_a_required_registry_with_no_provider_fails_the_start_up_check() -> None:
    required = make(required=True, hint="The plans app provides it in its registrations.py.")
    optional = make()

    (error,) = required_registries_filled(registries=[required, optional])

    assert error.id == "core.E201"
    assert error.level == checks.ERROR
    assert error.msg == "Nothing provides test panels."
    assert error.hint == "The plans app provides it in its registrations.py."

    required.register(Panel("a"))
    assert required_registries_filled(registries=[required, optional]) == []


def test_the_installed_apps_provide_every_required_registry() -> None:
    assert required_registries_filled() == []
    call_command("check", fail_level="ERROR")  # the check is registered at start-up


def test_the_check_stops_start_up_when_a_required_registry_is_empty() -> None:
    empty = make(required=True)
    Registry.every.append(empty)
    try:
        with pytest.raises(Exception, match="Nothing provides test panels"):
            call_command("check", fail_level="ERROR")
    finally:
        Registry.every.remove(empty)
