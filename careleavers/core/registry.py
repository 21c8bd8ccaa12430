"""The one kind of registry through which apps extend each other (DESIGN.md 4.9).

A lower app declares a registry; a higher app fills it from its `registrations.py`, which core
imports for every installed app at start-up (`autodiscover_modules("registrations")` in
core's AppConfig.ready). So an app has one place that says what it adds elsewhere, and nothing
depends on the order of INSTALLED_APPS:

    # casework/work_tray.py
    kinds: Registry[WorkTrayKind] = Registry("work tray kinds", key=lambda k: k.kind)

    # plans/registrations.py
    kinds.register(WorkTrayKind(kind="review", label="Reviews", provider=reviews_due))

    @contact_due_inputs.register   # a registry of functions, keyed by name
    def review_dates(*, young_person_ids, today): ...

Registering a different provider under a key is an error, raised at start-up, rather than one
app silently replacing another's. A placeholder that an owning app may replace is registered
with `fallback=True`; the real provider then wins whichever registers first. A `required`
registry with no provider fails the system check `core.E201` (core/checks.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class DuplicateRegistration(ValueError):
    """Two providers were registered under one key."""


class Registry(Generic[T]):
    # Every registry made, for the start-up check of required ones.
    every: list[Registry[Any]] = []

    def __init__(
        self,
        name: str,
        *,
        key: Callable[[T], str],
        order: Callable[[T], Any] | None = None,
        required: bool = False,
        hint: str = "",
    ) -> None:
        """`name` says what it holds in messages; `key` names each provider; `order` sorts
        them (ties and a registry with no `order` go by key, never by registration order);
        `required` makes a registry with no provider fail the start-up check, and `hint` says
        there which app should provide one."""
        self.name = name
        self._key = key
        self._order = order
        self.required = required
        self.hint = hint
        self._items: dict[str, T] = {}
        self._fallbacks: dict[str, T] = {}
        Registry.every.append(self)

    @overload
    def register(self, item: T, *, fallback: bool = False) -> T: ...

    @overload
    def register(self, item: None = None, *, fallback: bool = False) -> Callable[[T], T]: ...

    def register(self, item: T | None = None, *, fallback: bool = False) -> T | Callable[[T], T]:
        """Add a provider. Returns it, so this works as a decorator, with or without
        `(fallback=True)`."""
        if item is None:
            return lambda given: self.register(given, fallback=fallback)
        key = self._key(item)
        target = self._fallbacks if fallback else self._items
        # Registering an equal provider again (a frozen dataclass made twice) is harmless.
        if key in target and target[key] != item:
            raise DuplicateRegistration(
                f"{self.name}: {key!r} is registered twice ({target[key]!r} and {item!r})."
            )
        target[key] = item
        return item

    def items(self) -> list[T]:
        """Every provider, a fallback only where no provider has its key, in order."""
        merged = {**self._fallbacks, **self._items}
        if self._order is None:
            return [merged[key] for key in sorted(merged)]
        order = self._order
        return sorted(merged.values(), key=lambda item: (order(item), self._key(item)))

    def __iter__(self) -> Iterator[T]:
        return iter(self.items())

    def __len__(self) -> int:
        return len(self._fallbacks.keys() | self._items.keys())

    def __contains__(self, key: object) -> bool:
        return key in self._items or key in self._fallbacks

    def get(self, key: str) -> T:
        """The provider under `key`; KeyError names the registry when there is none."""
        if key in self._items:
            return self._items[key]
        if key in self._fallbacks:
            return self._fallbacks[key]
        raise KeyError(f"{self.name}: nothing is registered as {key!r}")

    def only(self) -> T:
        """The one provider of a registry that takes exactly one."""
        found = self.items()
        if len(found) != 1:
            raise LookupError(f"{self.name}: expected one provider, found {len(found)}")
        return found[0]

    @contextmanager
    def replaced(self, *items: T, keep: Callable[[T], bool] | None = None) -> Iterator[None]:
        """For tests: only `items` (and those the `keep` test accepts) are registered inside
        the block; the registrations are put back after it."""
        saved = dict(self._items), dict(self._fallbacks)
        if keep is None:
            self._items, self._fallbacks = {}, {}
        else:
            self._items = {k: v for k, v in saved[0].items() if keep(v)}
            self._fallbacks = {k: v for k, v in saved[1].items() if keep(v)}
        try:
            for item in items:
                self.register(item)
            yield
        finally:
            self._items, self._fallbacks = saved

    @contextmanager
    def added(self, *items: T) -> Iterator[None]:
        """For tests: `items` are registered as well inside the block."""
        with self.replaced(*items, keep=lambda _item: True):
            yield

    def __repr__(self) -> str:
        return f"<Registry {self.name}: {len(self)}>"
