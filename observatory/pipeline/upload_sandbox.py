"""Parse an untrusted uploaded file in a child process with a memory and a time limit, so a zip bomb
or a pathological workbook costs seconds and never the server that runs the dashboard.

The child is a fresh interpreter (`python -m observatory.pipeline.upload_worker`), not a fork of the
Streamlit process and its threads. It reads its job (the parser, a module-level function or a
functools.partial of one, and the file) from stdin, caps its address space at what it maps after its
imports plus config.upload_memory_mb() and its CPU time, parses, and answers on stdout with data
only — Parquet for a frame, JSON for a refusal — never a pickle, so a child subverted by a hostile
file cannot run code in the server. The parent kills it after config.upload_timeout_s()."""

from __future__ import annotations

import io
import json
import logging
import os
import pickle
import subprocess
import sys

import pandas as pd

from observatory import config
from observatory.errors import ObservatoryError
from observatory.pipeline.upload_files import UploadRejected

_LOG = logging.getLogger(__name__)
FRAME, REFUSAL = b"F", b"R"
TOO_HEAVY = "è troppo grande o costruito per bloccare il server (per esempio un archivio che si decomprime a dismisura)"


def parse(parser, content: bytes, filename: str) -> pd.DataFrame:
    """`parser(content, filename)` run in a limited child; its ObservatoryErrors come back as they are,
    anything else (a crash, memory, time) as an UploadRejected in Italian."""
    memory_mb, limit = config.upload_memory_mb(), config.upload_timeout_s()
    try:
        job = pickle.dumps((parser, content, filename, memory_mb, limit), protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, AttributeError, TypeError) as exc:  # a parser that is not importable
        _LOG.error("upload parser %r cannot run in the sandbox: %s", parser, exc)
        raise UploadRejected(["il lettore di questo formato non può essere eseguito in isolamento: va corretto "
                              "il programma"]) from exc
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    try:
        done = subprocess.run([sys.executable, "-m", "observatory.pipeline.upload_worker"], input=job,
                              capture_output=True, timeout=limit + 5, env=env, check=False)
    except subprocess.TimeoutExpired as exc:
        raise UploadRejected([f"leggerlo richiede più di {limit:.0f} secondi: {TOO_HEAVY}"]) from exc
    answer = done.stdout
    if answer[:1] == FRAME:
        return pd.read_parquet(io.BytesIO(answer[1:]))
    if answer[:1] == REFUSAL:
        return _refusal(json.loads(answer[1:].decode("utf-8")), memory_mb, limit)
    _LOG.error("upload worker ended with code %s: %s", done.returncode, done.stderr[-2000:].decode(errors="replace"))
    if done.returncode < 0 or done.returncode in (137, 152):  # killed: memory or CPU limit
        raise UploadRejected([f"leggerlo richiede troppa memoria o troppo tempo: {TOO_HEAVY}"])
    raise UploadRejected(["non si riesce a leggere: il contenuto non ha la forma attesa per questo dataset"])


def _refusal(answer: dict, memory_mb: int, limit: float) -> pd.DataFrame:
    kind = answer.get("kind")
    if kind == "rejected":
        raise UploadRejected([str(p) for p in answer.get("problems", [])])
    if kind == "error":
        raise ObservatoryError(str(answer.get("message", "")))
    if kind == "memory":
        raise UploadRejected([f"leggerlo richiede più di {memory_mb} MB di memoria: {TOO_HEAVY}"])
    if kind == "time":
        raise UploadRejected([f"leggerlo richiede più di {limit:.0f} secondi: {TOO_HEAVY}"])
    _LOG.error("upload parser crashed in the sandbox: %s", answer.get("detail"))
    raise UploadRejected(["non si riesce a leggere: il contenuto non ha la forma attesa per questo dataset"])
