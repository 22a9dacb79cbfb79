"""Run one job per language in forked processes, or in this process when that is not worth it.

A large site spends its time rendering pages, which holds the interpreter lock; the three
languages are independent, so on a machine with more than one core they are built at once.
Forked children inherit the records already read, so nothing is sent to them; each sends back
only its small result (or its error).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable, Sequence
from typing import Any

from ..errors import YhteiskehitysError
from ..limits import whole_number


def worth_forking(size: int, jobs: int) -> int:
    """How many processes to use for ``jobs`` jobs of about ``size`` pages each."""
    setting = os.environ.get("YK_REPORT_PROCESSES", "").strip()
    if setting:
        number = whole_number(setting, digits=4)
        if number is None:
            raise YhteiskehitysError(
                f"YK_REPORT_PROCESSES={setting!r}: give a whole number of processes, e.g. 2"
            )
        wanted = max(1, number)
    elif size < 2000 or jobs < 2:
        wanted = 1
    else:
        wanted = min(jobs, os.cpu_count() or 1)
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return wanted


def _child(job: Callable[[str], Any], key: str, conn: Any) -> None:
    try:
        payload = ("ok", job(key))
    except BaseException as exc:  # noqa: BLE001 - the parent re-raises what the child hit
        try:
            pickle.dumps(exc)
            payload = ("error", exc)
        except Exception:  # noqa: BLE001 - an unpicklable error travels as its text
            payload = ("error", YhteiskehitysError(f"{type(exc).__name__}: {exc}"))
    conn.send(payload)
    conn.close()


def run(job: Callable[[str], Any], keys: Sequence[str], processes: int) -> dict[str, Any]:
    """``{key: job(key)}``, using up to ``processes`` forked processes at a time."""
    if processes <= 1:
        return {key: job(key) for key in keys}
    context = multiprocessing.get_context("fork")
    results: dict[str, Any] = {}
    queue = list(keys)
    running: list[tuple[str, Any, Any]] = []
    error: BaseException | None = None
    while queue or running:
        while queue and len(running) < processes and error is None:
            key = queue.pop(0)
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(job, key, send), daemon=True)
            process.start()
            send.close()
            running.append((key, process, receive))
        key, process, receive = running.pop(0)
        try:
            status, value = receive.recv()
        except EOFError:
            status, value = (
                "error",
                YhteiskehitysError(
                    f"building {key!r} stopped unexpectedly (exit code {process.exitcode})"
                ),
            )
        process.join()
        if status == "ok":
            results[key] = value
        elif error is None:
            error = value
        if error is not None:
            queue.clear()
    if error is not None:
        raise error
    return results
