"""Each chart slide's picture, rendered once per deck and shared by the slideshow, the PowerPoint and
the PDF: the screen shows what the files carry, and a slide change only looks a picture up.

Rendering a deck takes seconds (vl-convert; the population map alone 1-3 s), so a background thread
renders the slides in order as soon as the deck is chosen; a slide asked for before its turn is
rendered at once by the caller, and one being rendered is waited for, never rendered twice."""

from __future__ import annotations

import base64
import threading

from observatory.present import export
from observatory.present.decks import Deck


class DeckPictures:
    """PNG of every chart slide of one deck (by slide id), rendered at most once each."""

    def __init__(self, deck: Deck, lang: str) -> None:
        self._slides = {s.id: s for s in deck.slides if s.chart is not None}
        self._lang = lang
        self._lock = threading.Lock()
        self._done: dict[str, bytes] = {}
        self._urls: dict[str, str] = {}
        self._running: dict[str, threading.Event] = {}
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Render every slide not yet rendered in a background thread (once per deck)."""
        with self._lock:
            if self._thread is not None or len(self._done) == len(self._slides):
                return
            self._thread = threading.Thread(target=self._render_all, name="deck-pictures", daemon=True)
        self._thread.start()

    def _render_all(self) -> None:
        for slide_id in self._slides:
            self.png(slide_id)

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

    def all(self) -> dict[str, bytes]:
        """Every chart slide's picture, for the PowerPoint and the PDF."""
        return {slide_id: self.png(slide_id) for slide_id in self._slides}

    def ready(self) -> int:
        """How many pictures are rendered (for tests and the bench)."""
        with self._lock:
            return len(self._done)
