"""A minimum interval between calls to one publisher, shared by every dataset in the process.

ISTAT blocks an address for a day or two past ~5 calls a minute, so every ISTAT call goes through
one Throttle. The clock and sleep are injectable so tests never really wait."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class Throttle:
    def __init__(
        self,
        min_interval: Callable[[], float] | float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._interval = min_interval if callable(min_interval) else (lambda: float(min_interval))
        self._clock = clock
        self._sleep = sleep
        self._last: float | None = None
        self._lock = threading.Lock()

    def wait(self) -> float:
        """Block until the interval since the previous call has passed; return seconds waited."""
        with self._lock:
            waited = 0.0
            if self._last is not None:
                waited = max(0.0, self._interval() - (self._clock() - self._last))
                if waited > 0:
                    self._sleep(waited)
            self._last = self._clock()
            return waited
