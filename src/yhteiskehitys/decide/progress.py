"""A progress line on standard error for counts that take more than a second, on a terminal only."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """``update(step)`` redraws "label: step N (elapsed)" once a second has passed.

    Nothing is written when the stream is not a terminal (a pipe, a file, a test), so JSON on
    standard output and logs stay clean.
    """

    def __init__(self, label: str, *, stream: TextIO | None = None, delay: float = 1.0) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.start = time.monotonic()
        self.delay = delay
        self.last = 0.0
        self.drawn = False

    def update(self, step: int, detail: str = "") -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.start < self.delay or now - self.last < 0.1:
            return
        self.last = now
        spinner = "|/-\\"[step % 4]
        text = f"\r{spinner} {self.label}: step {step} {detail} ({now - self.start:.0f} s)"
        self.stream.write(text.ljust(60))
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
