"""The staff log: every refresh and upload appended as one JSON line (who, when, what, outcome).

Append-only JSON lines under a file lock, so two staff sessions never interleave half lines; the
staff area shows the latest entries. The file lives in data/audit/ (gitignored)."""

from __future__ import annotations

import contextlib
import json
import logging
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from filelock import FileLock

from observatory import config

COLUMNS = ["quando", "chi", "azione", "cosa", "esito", "dettaglio"]
REFRESH, UPLOAD = "aggiornamento", "caricamento"
SUCCESS, PARTIAL, FAILURE = "riuscito", "parziale", "non riuscito"
RESTORE = "ripristino"
_LOG = logging.getLogger(__name__)


def append(who: str, action: str, what: str, outcome: str, detail: str = "", *,
           path: Path | None = None, now: datetime | None = None) -> dict:
    """Append one entry and return it; the lock waits at most 10 s for another writer. A log that
    cannot be written (read-only folder) is reported in the server log: the action itself stands."""
    path = Path(path or config.audit_log_path())
    entry = {"quando": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
             "chi": who, "azione": action, "cosa": what, "esito": outcome, "dettaglio": detail}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(path) + ".lock", timeout=10):
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
    except OSError:
        _LOG.error("audit log not writable, entry not saved: %s", json.dumps(entry, ensure_ascii=False))
    return entry


def read_last(n: int = 50, *, path: Path | None = None) -> pd.DataFrame:
    """The last `n` entries, newest first (a damaged line is skipped, not fatal)."""
    path = Path(path or config.audit_log_path())
    if not path.is_file():
        return pd.DataFrame(columns=COLUMNS)
    entries = []
    try:
        with FileLock(str(path) + ".lock", timeout=10):
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:  # a read-only folder: no lock can be taken, a plain read still works
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for line in reversed(lines):
        try:
            item = json.loads(line)
        except ValueError:
            continue
        if isinstance(item, dict):
            entries.append({column: item.get(column, "") for column in COLUMNS})
        if len(entries) == n:
            break
    return pd.DataFrame(entries, columns=COLUMNS)


@contextlib.contextmanager
def technical_log():
    """While the block runs, the package's technical log (tracebacks of unexpected errors) goes to
    `errori.log` beside the audit log instead of the terminal: a user reads sentences, never an
    exception. The file is created only when something is logged."""
    logger = logging.getLogger("observatory")
    folder = config.audit_log_path().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # the handler below then fails quietly: the detail is lost, the command is not
    handler = logging.FileHandler(folder / "errori.log", encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.handleError = lambda record: None  # an unwritable folder loses the detail, never the command
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
        handler.close()


def log_refresh(who: str, dataset_ids: list[str], report=None, error: str | None = None, *,
                path: Path | None = None) -> dict:
    """Record a refresh from its RefreshReport, or the error that stopped it before it ran."""
    what = ", ".join(dataset_ids)
    if report is None:
        return append(who, REFRESH, what, FAILURE, error or "", path=path)
    if report.complete:
        outcome = SUCCESS
    else:  # an answer that covers less than before is never a success, even when something landed
        outcome = PARTIAL if report.version or report.incomplete() else FAILURE
    detail = "; ".join(f"{o.id}: {o.status}" + (f" ({o.rows} righe)" if o.rows else "")
                       + (f" — {o.reason}" if o.reason else "")
                       + (f" — {o.missing}" if o.missing and not o.reason else "") for o in report.outcomes)
    if report.version:
        detail += f"; versione {report.version}"
    return append(who, REFRESH, what, outcome, detail, path=path)
