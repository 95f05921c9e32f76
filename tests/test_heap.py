"""The process's long-lived objects are frozen once, so a full collection walks only what came
after them, and Streamlit's collection after every run is off (observatory/ui/heap.py). Checked in
fresh interpreters: freezing the test process itself would say nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _python(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_freeze_once_moves_the_libraries_out_of_the_collectors_sight_once():
    result = _python(
        "import gc, json, pandas, altair, streamlit\n"
        "from observatory.ui import heap\n"
        "before = len(gc.get_objects())\n"
        "first, second = heap.freeze_once(), heap.freeze_once()\n"
        "print(json.dumps({'before': before, 'tracked': len(gc.get_objects()), 'frozen': gc.get_freeze_count(),"
        " 'first': first, 'second': second}))\n")
    assert result["first"] is True and result["second"] is False
    assert result["before"] > 50_000  # pandas + Altair + Streamlit: the cost being avoided
    assert result["frozen"] >= 0.9 * result["before"]
    assert result["tracked"] < 0.05 * result["before"]


def test_the_app_freezes_after_its_first_run():
    result = _python(
        "import gc, json\n"
        "from streamlit.testing.v1 import AppTest\n"
        "assert gc.get_freeze_count() == 0\n"
        "at = AppTest.from_file('app.py', default_timeout=120).run()\n"
        "assert not at.exception, [e.value for e in at.exception]\n"
        "print(json.dumps({'frozen': gc.get_freeze_count()}))\n")
    assert result["frozen"] > 50_000


def test_the_app_turns_off_streamlits_collection_after_every_run():
    """Streamlit's gc.collect(2) after every run walks every open session: with a room connected
    each run paid for the room (bench/RESULTS.md, "Load"). The app's config, read from the repo
    root as `streamlit run` does, turns it off; Python's own collector stays on."""
    result = _python(
        "import gc, json\n"
        "from streamlit import config\n"
        "config.get_config_options(force_reparse=True)\n"
        "print(json.dumps({'post_script_gc': config.get_option('runner.postScriptGC'),"
        " 'automatic': gc.isenabled()}))\n")
    assert result == {"post_script_gc": False, "automatic": True}
