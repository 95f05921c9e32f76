"""The observatory's command line: refresh datasets from their publishers, rebuild the snapshot,
print the hash of a staff password."""

from __future__ import annotations

import argparse
import getpass
import sys

from tqdm import tqdm

from observatory import datasets
from observatory.errors import ObservatoryError
from observatory.pipeline import refresh


def _parse_base_urls(pairs: list[str]) -> dict[str, str]:
    urls = {}
    for pair in pairs:
        source, sep, url = pair.partition("=")
        if not sep or not url:
            raise SystemExit(f"--base-url vuole SORGENTE=URL, non {pair!r}")
        urls[source.strip()] = url.strip()
    return urls


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

    report = refresh.refresh(ids, base_urls=_parse_base_urls(args.base_url), progress=progress,
                             provenance={i: args.provenance for i in ids} if args.provenance else None)
    bar.update(len(ids) - bar.n)
    bar.close()
    for outcome in report.outcomes:
        line = f"{outcome.id}: {outcome.status}"
        line += f" ({outcome.rows} righe)" if outcome.rows else ""
        line += f" — {outcome.reason}" if outcome.reason else ""
        print(line)
        for note in outcome.notes:
            print(f"    nota: {note}")
    print(f"versione attiva: {report.version}" if report.version else "nessuna nuova versione scritta")
    return 0 if report.ok else 1


def cmd_snapshot(args: argparse.Namespace) -> int:
    """Rebuild the shipped snapshot from data/raw through the real connectors and a local mirror."""
    from observatory.pipeline import snapshot

    report = snapshot.rebuild(progress=lambda dataset_id, message: print(f"[{dataset_id}] {message}",
                                                                          file=sys.stderr))
    for outcome in report.outcomes:
        print(f"{outcome.id}: {outcome.status}" + (f" — {outcome.reason}" if outcome.reason else ""))
    print(f"versione attiva: {report.version}" if report.version else "nessuna nuova versione scritta")
    return 0 if report.ok else 1


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
    p_refresh.set_defaults(func=cmd_refresh)
    p_snapshot = sub.add_parser("snapshot", help="ricostruisce lo snapshot distribuito da data/raw (offline)")
    p_snapshot.set_defaults(func=cmd_snapshot)
    p_hash = sub.add_parser("hash-password", help="stampa l'hash argon2 di una password dello staff")
    p_hash.set_defaults(func=cmd_hash_password)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ObservatoryError as exc:
        print(f"Errore: {exc}", file=sys.stderr)
        return 1
