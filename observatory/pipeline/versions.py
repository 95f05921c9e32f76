"""The versions of the snapshot on disk: which are live and complete, their changelogs, and a restore
that makes an older version live again (`python -m observatory versions|restore`, the staff area)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from observatory import store
from observatory.errors import ObservatoryError


@dataclasses.dataclass(frozen=True)
class VersionInfo:
    """One version on disk, for `python -m observatory versions` and the staff area."""

    name: str
    created_at: str
    live: bool
    complete: bool
    datasets: int
    incomplete: tuple[str, ...]  # ids of the datasets holding carried-over parts
    restored_from: str | None = None


def versions(base: Path | None = None) -> list[VersionInfo]:
    """Every version on disk, newest first, with whether it is live and complete."""
    snapshot_root = store.root(base)
    try:
        live = store.current_version(snapshot_root)
    except ObservatoryError:
        live = None
    out = []
    for name in reversed(store.list_versions(snapshot_root)):
        body = store.version_body(snapshot_root, name)
        items = body.get("datasets", [])
        out.append(VersionInfo(name=name, created_at=body.get("created_at", ""), live=name == live,
                               complete=store.is_complete(snapshot_root, name), datasets=len(items),
                               incomplete=tuple(i["id"] for i in items if i.get("carried_over")),
                               restored_from=body.get("ripristino_di")))
    return out


def changelog_text(version: str, base: Path | None = None) -> str:
    """The changelog of a version, from the dated copy (kept after pruning) or the version folder."""
    snapshot_root = store.root(base)
    for path in (snapshot_root / store.CHANGELOGS / f"{version}.md",
                 snapshot_root / "versions" / version / store.CHANGELOG):
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            continue
    return ""


def restore(version: str, *, who: str = "", base: Path | None = None, now: datetime | None = None) -> str:
    """Make an older version live again, atomically: its files become a new version (so pruning and the
    changelogs keep a straight story). Returns the new version's name."""
    if version not in store.list_versions(base):
        raise ObservatoryError(f"La versione «{version}» non esiste (vedere `python -m observatory versions`).")
    now = now or datetime.now(UTC)
    text = (f"# Ripristino del {now.strftime('%d/%m/%Y %H:%M')} UTC\n\n- rimessa in linea la versione {version}"
            + (f" da {who}" if who else "") + "\n")
    return store.write_version([], base=base, now=now, changelog=text, from_version=version)

