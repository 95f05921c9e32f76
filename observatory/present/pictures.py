"""Each chart slide's picture, rendered once and shared by the slideshow, the PowerPoint and the PDF:
the screen shows what the files carry, and a slide change only looks a picture up.

One DeckPictures serves every deck of one snapshot version, language, territory and period (a
slide's chart depends on nothing else, so choosing other slides renders nothing again). Rendering
takes seconds (vl-convert; the population map alone 1-3 s, holding the interpreter lock), so it
starts only when a presentation does: a background thread renders the slides from the one on
screen onwards; a slide asked for before its turn is rendered at once by the caller, and one being
rendered is waited for, never rendered twice."""

from __future__ import annotations

import base64
import threading

from observatory.present import export
from observatory.present.decks import Deck, Slide


class DeckPictures:
    """PNG of every chart slide of one deck (by slide id), rendered at most once each."""

    def __init__(self, lang: str) -> None:
        self._slides: dict[str, Slide] = {}
        self._lang = lang
        self._lock = threading.Lock()
        self._done: dict[str, bytes] = {}
        self._urls: dict[str, str] = {}
        self._running: dict[str, threading.Event] = {}
        self._thread: threading.Thread | None = None
        self._queue: list[str] = []

    def add(self, deck: Deck) -> None:
        """Know the chart slides of `deck` (the same id always has the same chart here)."""
        with self._lock:
            for slide in deck.slides:
                if slide.chart is not None:
                    self._slides.setdefault(slide.id, slide)

    def start(self, order: list[str]) -> None:
        """Render the slides of `order` not yet rendered, in that order, in a background thread."""
        with self._lock:
            self._queue = [i for i in order if i in self._slides and i not in self._done]
            if not self._queue or self._thread is not None:  # none to do, or the thread takes the new queue
                return
            thread = self._thread = threading.Thread(target=self._render_all, name="deck-pictures", daemon=True)
        thread.start()

    def _render_all(self) -> None:
        while True:
            with self._lock:
                if not self._queue:
                    self._thread = None
                    return
                slide_id = self._queue.pop(0)
            try:
                self.png(slide_id)
            except Exception:  # noqa: BLE001 — the slide on screen renders it again and shows the error
                continue

    def png(self, slide_id: str) -> bytes:
        """The slide's picture: already there, being rendered (waited for) or rendered now."""
        while True:
            with self._lock:
                if slide_id in self._done:
                    return self._done[slide_id]
                running = self._running.get(slide_id)
                if running is None:
                    running = self._running[slide_id] = threading.Event()
                    mine = True
                else:
                    mine = False
            if not mine:
                running.wait()
                continue  # done, or the renderer failed and this caller tries itself
            try:
                picture = export.chart_image(self._slides[slide_id], self._lang)
                with self._lock:
                    self._done[slide_id] = picture
            finally:
                with self._lock:
                    self._running.pop(slide_id, None)
                running.set()

    def data_url(self, slide_id: str) -> str:
        """The picture as a data URL, which Streamlit shows as it is (PNG bytes would be decoded and
        scaled down to its content width on every rerun, and blurred by the scaling)."""
        with self._lock:
            found = self._urls.get(slide_id)
        if found is None:
            found = "data:image/png;base64," + base64.b64encode(self.png(slide_id)).decode("ascii")
            with self._lock:
                self._urls[slide_id] = found
        return found

    def all(self, deck: Deck) -> dict[str, bytes]:
        """Every chart slide's picture of `deck`, for the PowerPoint and the PDF."""
        self.add(deck)
        return {s.id: self.png(s.id) for s in deck.slides if s.chart is not None}

    def ready(self) -> int:
        """How many pictures are rendered (for tests and the bench)."""
        with self._lock:
            return len(self._done)
