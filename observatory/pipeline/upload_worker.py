"""The child process of upload_sandbox: read one job from stdin, limit itself, parse, answer with data.

Run as `python -m observatory.pipeline.upload_worker`; nothing else should start it."""

from __future__ import annotations

import io
import json
import math
import os
import pickle
import resource
import signal
import sys


def _limit(memory_mb: int, seconds: float) -> None:
    """Cap the address space at what is mapped now (interpreter, pandas, the parser's module) plus
    `memory_mb`, and the CPU time; a wall-clock alarm ends a parse that sleeps or blocks."""
    cpu = math.ceil(seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    signal.signal(signal.SIGALRM, _out_of_time)
    signal.alarm(cpu)
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            mapped = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # not Linux: the time limits still hold
        return
    cap = mapped + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


class _OutOfTime(BaseException):
    """The wall-clock alarm: a BaseException, so a parser's `except Exception` (openpyxl raises many
    types for a damaged workbook) cannot turn a slow parse into a "damaged file" message."""


def _out_of_time(signum, frame):
    raise _OutOfTime


def _answer(kind: bytes, payload: bytes) -> None:
    sys.stdout.buffer.write(kind + payload)
    sys.stdout.buffer.flush()


def _refuse(**answer) -> None:
    _answer(b"R", json.dumps(answer, ensure_ascii=False).encode("utf-8"))


def _warm_up() -> None:
    """Map, before the cap, what every parse maps on first use: pandas and Arrow (its allocator reserves
    a large address range at the first string column; the system allocator keeps the cap honest)."""
    import pandas as pd

    pd.DataFrame({"a": pd.Series(["x"], dtype="str"), "b": [1]}).to_parquet(io.BytesIO())


def main() -> None:
    os.environ["ARROW_DEFAULT_MEMORY_POOL"] = "system"
    parser, content, filename, memory_mb, limit = pickle.loads(sys.stdin.buffer.read())
    _warm_up()

    from observatory.errors import ObservatoryError
    from observatory.pipeline.upload_files import UploadRejected

    _limit(memory_mb, limit)
    try:
        frame = parser(content, filename)
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=True)
    except UploadRejected as exc:
        return _refuse(kind="rejected", problems=exc.problems)
    except ObservatoryError as exc:
        return _refuse(kind="error", message=str(exc))
    except MemoryError:
        return _refuse(kind="memory")
    except _OutOfTime:
        return _refuse(kind="time")
    except Exception as exc:  # noqa: BLE001 — the parent logs it and answers in Italian
        return _refuse(kind="crash", detail=f"{exc.__class__.__name__}: {exc}")
    _answer(b"F", buffer.getvalue())


if __name__ == "__main__":
    main()
