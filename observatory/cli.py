"""The observatory's command line: refresh datasets from their publishers, rebuild the snapshot, list
and restore versions, print the hash of a staff password.

Exit codes: 0 every dataset complete; 1 something failed; 2 nothing failed but an answer covered less
than the live version (carried over, or a smaller coverage accepted) — never reported as success."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys

from tqdm import tqdm

from observatory import datasets, labels
from observatory.errors import ObservatoryError
from observatory.pipeline import audit, refresh, versions

INCOMPLETE_EXIT = 2
_LOG = logging.getLogger(__name__)


def _parse_base_urls(pairs: list[str]) -> dict[str, str]:
    urls = {}
    for pair in pairs:
        source, sep, url = pair.partition("=")
        if not sep or not url:
            raise SystemExit(f"--base-url vuole SORGENTE=URL, non {pair!r}")
        urls[source.strip()] = url.strip()
    return urls


def _who() -> str:
    try:
        return f"riga di comando ({getpass.getuser()})"
    except (KeyError, OSError):
        return "riga di comando"


def print_report(report: refresh.RefreshReport) -> int:
    """One line per dataset (what is missing included), the live version; returns the exit code."""
    for outcome in report.outcomes:
        line = f"{outcome.id}: {outcome.status}"
        line += f" ({outcome.rows} righe)" if outcome.rows else ""
        line += f" — {outcome.reason}" if outcome.reason else ""
        print(line)
        if outcome.missing and not outcome.reason:
            print(f"    copertura: {outcome.missing}")
        for note in outcome.notes:
            print(f"    nota: {note}")
    print(f"versione attiva: {report.version}" if report.version else "nessuna nuova versione scritta")
    if report.incomplete():
        print("ATTENZIONE: alcune risposte coprono meno della versione precedente (vedi «copertura»).")
    return 0 if report.complete else (1 if not report.ok else INCOMPLETE_EXIT)


def cmd_refresh(args: argparse.Namespace) -> int:
    ids = args.dataset or [d.id for d in datasets.CATALOGUE.values() if d.fetch]
    bar = tqdm(total=len(ids), unit="dataset", file=sys.stderr)
    seen: set[str] = set()

    def progress(dataset_id: str, message: str) -> None:
        if dataset_id not in seen:
            seen.add(dataset_id)
            if len(seen) > 1:
                bar.update(1)
        bar.set_description(dataset_id)
        bar.write(f"[{dataset_id}] {message}")

    try:
        report = refresh.refresh(ids, base_urls=_parse_base_urls(args.base_url), progress=progress,
                                 provenance={i: args.provenance for i in ids} if args.provenance else None,
                                 accept_shrink=args.accetta_riduzione)
    except ObservatoryError as exc:
        audit.log_refresh(_who(), ids, error=str(exc))
        raise
    finally:
        bar.close()
    audit.log_refresh(_who(), ids, report)
    return print_report(report)


def cmd_snapshot(args: argparse.Namespace) -> int:
    """Rebuild the shipped snapshot from data/raw through the real connectors and a local mirror."""
    from observatory.pipeline import snapshot

    report = snapshot.rebuild(progress=lambda dataset_id, message: print(f"[{dataset_id}] {message}",
                                                                          file=sys.stderr))
    return print_report(report)


def cmd_versions(args: argparse.Namespace) -> int:
    """Every version on disk, newest first: live, complete, and which datasets carry older parts."""
    found = versions.versions()
    if not found:
        print("Nessuna versione nell'archivio dati.")
        return 1
    for info in found:
        marks = ["IN LINEA"] if info.live else []
        marks.append("completa" if info.complete else "incompleta: " + ", ".join(info.incomplete))
        if info.restored_from:
            marks.append(f"ripristino di {info.restored_from}")
        created = labels.fmt_date(info.created_at) if info.created_at else "?"
        print(f"{info.name}  {created}  {info.datasets} dataset  ({'; '.join(marks)})")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    who = _who()
    try:
        name = versions.restore(args.version, who=who)
    except ObservatoryError as exc:
        audit.append(who, audit.RESTORE, args.version, audit.FAILURE, str(exc))
        raise
    audit.append(who, audit.RESTORE, args.version, audit.SUCCESS, f"in linea come versione {name}")
    print(f"La versione {args.version} è di nuovo in linea (nuova versione {name}).")
    return 0


def cmd_hash_password(args: argparse.Namespace) -> int:
    """Read a password twice without echo and print its argon2 hash (never the password)."""
    from observatory import auth

    password = getpass.getpass("Password dello staff: ")
    if password != getpass.getpass("Ripetere la password: "):
        print("Errore: le due password non coincidono.", file=sys.stderr)
        return 1
    print(auth.hash_password(password))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m observatory")
    sub = parser.add_subparsers(dest="command", required=True)
    p_refresh = sub.add_parser("refresh", help="scarica i dataset dalle fonti e scrive una nuova versione")
    p_refresh.add_argument("--dataset", action="append", default=[], metavar="ID")
    p_refresh.add_argument("--base-url", action="append", default=[], metavar="SORGENTE=URL")
    p_refresh.add_argument("--provenance", choices=["ufficiale", "caricato", "dimostrativo"],
                           help="provenienza da registrare (default: ufficiale)")
    p_refresh.add_argument("--accetta-riduzione", action="append", default=[], metavar="ID",
                           help="accetta che la risposta per ID copra meno della versione in linea")
    p_refresh.set_defaults(func=cmd_refresh)
    p_snapshot = sub.add_parser("snapshot", help="ricostruisce lo snapshot distribuito da data/raw (offline)")
    p_snapshot.set_defaults(func=cmd_snapshot)
    p_versions = sub.add_parser("versions", help="elenca le versioni dei dati (in linea, complete)")
    p_versions.set_defaults(func=cmd_versions)
    p_restore = sub.add_parser("restore", help="rimette in linea una versione precedente")
    p_restore.add_argument("version", metavar="VERSIONE")
    p_restore.set_defaults(func=cmd_restore)
    p_hash = sub.add_parser("hash-password", help="stampa l'hash argon2 di una password dello staff")
    p_hash.set_defaults(func=cmd_hash_password)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    with audit.technical_log():
        try:
            return args.func(args)
        except ObservatoryError as exc:
            print(f"Errore: {exc}", file=sys.stderr)
            return 1
        except Exception:  # no exception type reaches a user: the details go to errori.log
            _LOG.exception("command %s failed", args.command)
            print("Errore imprevisto: il comando non è andato a buon fine (dettagli tecnici in errori.log, accanto "
                  "al registro delle operazioni).", file=sys.stderr)
            return 1
