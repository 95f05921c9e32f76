"""The server's processes as /proc shows them: which ones serve a port, their CPU-seconds and RSS.

For `deploy/run.sh N` the port belongs to nginx; the Streamlit processes behind it are the other
children of the script that started nginx, so every one of them is counted, whichever backend a
visitor's stickiness cookie picked."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


@dataclasses.dataclass(frozen=True)
class Servers:
    streamlit: tuple[int, ...]
    nginx: tuple[int, ...] = ()

    @property
    def all(self) -> tuple[int, ...]:
        return self.streamlit + self.nginx


def _stat(pid: int) -> list[str]:
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2:].split()  # the fields after "(comm)", from field 3 on


def parent(pid: int) -> int:
    return int(_stat(pid)[1])


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (all its threads), in seconds."""
    fields = _stat(pid)
    return (int(fields[11]) + int(fields[12])) / TICKS


def machine_cpu_seconds() -> float:
    """CPU-seconds every process on the machine has spent since boot (/proc/stat, all cores): what
    the room's own processes did not spend of it was taken by others (this machine is shared)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _pids() -> list[int]:
    return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()]


def descendants(root: int) -> list[int]:
    by_parent: dict[int, list[int]] = {}
    for pid in _pids():
        try:
            by_parent.setdefault(parent(pid), []).append(pid)
        except (OSError, ValueError):
            continue
    found, todo = [], [root]
    while todo:
        children = by_parent.get(todo.pop(), [])
        found += children
        todo += children
    return found


def listening_pid(port: int) -> int:
    """The process (of this user) holding the listening TCP socket on `port`."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A":  # 0A = LISTEN
                inodes.add(fields[9])
    targets = {f"socket:[{inode}]" for inode in inodes}
    for pid in sorted(_pids()):
        try:
            if any(os.readlink(fd) in targets for fd in Path(f"/proc/{pid}/fd").iterdir()):
                return pid
        except OSError:
            continue
    raise RuntimeError(f"no process of this user listens on port {port}")


def server_processes(port: int) -> Servers:
    """Streamlit (and nginx, if it is in front) processes that serve `port`."""
    pid = listening_pid(port)
    if "nginx" not in cmdline(pid):
        return Servers((pid,))
    master = pid
    while "nginx" in cmdline(parent(master)):
        master = parent(master)
    family = descendants(parent(master))  # the processes started by the same deploy script
    return Servers(tuple(sorted(p for p in family if is_streamlit(p))),
                   tuple(sorted(p for p in [master, *descendants(master)] if "nginx" in cmdline(p))))


def is_streamlit(pid: int) -> bool:
    """A Streamlit server, started by `streamlit run` or by observatory.ui.launch (same arguments)."""
    words = cmdline(pid).split()
    return "--server.port" in words and any(w.endswith("streamlit") or w == "observatory.ui.launch" for w in words)


def streamlit_port(pid: int) -> int:
    words = cmdline(pid).split()
    return int(words[words.index("--server.port") + 1])
