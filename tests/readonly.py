"""A folder made read-only for a test, as a read-only mount or a volume without write permission.

Unprivileged, the folder is really chmod-ed. As root (CI containers) permissions do not stop writes,
so the operating system calls that write under the folder fail with EROFS, the error a read-only
mount gives — the same OSError the code would meet, raised where the OS would raise it."""

from __future__ import annotations

import builtins
import contextlib
import errno
import io
import os
import stat
from pathlib import Path

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


@contextlib.contextmanager
def read_only(folder: Path, monkeypatch):
    folder = Path(folder).resolve()
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")]}
        for path in modes:
            path.chmod(stat.S_IMODE(modes[path]) & ~0o222)
        try:
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(stat.S_IMODE(mode))
        return
    with monkeypatch.context() as patch:
        _patch_writes(patch, folder)
        yield


def _patch_writes(patch, folder: Path) -> None:
    def inside(path) -> bool:
        try:
            target = Path(os.fsdecode(path)).resolve()
        except (TypeError, ValueError):
            return False
        return target == folder or folder in target.parents

    def refuse(path):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))

    def guarded(original, *, writes=lambda *a, **k: True):
        def call(path, *args, **kwargs):
            if not isinstance(path, int) and inside(path) and writes(*args, **kwargs):
                refuse(path)
            return original(path, *args, **kwargs)
        return call

    def two_paths(original):
        def call(source, target, *args, **kwargs):
            if inside(source) or inside(target):
                refuse(target)
            return original(source, target, *args, **kwargs)
        return call

    opener = builtins.open
    writing_mode = lambda mode="r", *a, **k: any(c in mode for c in "wax+")  # noqa: E731
    patch.setattr(builtins, "open", guarded(opener, writes=writing_mode))
    patch.setattr(io, "open", guarded(opener, writes=writing_mode))
    patch.setattr(os, "open", guarded(os.open, writes=lambda flags, *a, **k: bool(flags & _WRITE_FLAGS)))
    for name in ("mkdir", "rmdir", "unlink", "remove"):
        patch.setattr(os, name, guarded(getattr(os, name)))
    for name in ("replace", "rename"):
        patch.setattr(os, name, two_paths(getattr(os, name)))
