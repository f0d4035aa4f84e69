"""Base class of every wrapper around a library handle."""
from __future__ import annotations

import weakref
from typing import Any, Callable


class Handle:
    """Owns one library handle: freed by :meth:`close`, ``with``, or the garbage collector."""

    __slots__ = ("_h", "_fin", "__weakref__")

    def _own(self, h: int, free: Callable[[int], None]) -> None:
        self._h = h
        self._fin = weakref.finalize(self, free, h)

    @property
    def handle(self) -> int:
        """The raw C pointer (int); raises ValueError after :meth:`close`."""
        if not self._fin.alive:
            raise ValueError(f"{type(self).__name__} is closed")
        return self._h

    @property
    def closed(self) -> bool:
        return not self._fin.alive

    def close(self) -> None:
        """Free the handle now (idempotent)."""
        self._fin()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
