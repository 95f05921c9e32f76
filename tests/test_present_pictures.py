"""Slide pictures are rendered once however many decks, sessions and threads ask for them, and the
slideshow, the PowerPoint and the PDF get the same bytes."""

from __future__ import annotations

import threading

from observatory import store
from observatory.present import decks, export, pictures


def shipped_deck(slides=decks.SLIDE_IDS) -> decks.Deck:
    frames = {}
    for dataset_id in decks.ALL_NEEDS:
        try:
            frames[dataset_id] = store.read_dataset(dataset_id)
        except Exception:  # noqa: BLE001 — a dataset the snapshot lacks
            pass
    return decks.build_deck(frames, store.read_manifest(), decks.DeckOptions(("097",), slides))


def test_each_picture_is_rendered_once_for_every_deck_and_thread(data_dir, monkeypatch):
    rendered = []
    real = export.chart_image
    monkeypatch.setattr(export, "chart_image", lambda slide, lang: rendered.append(slide.id) or real(slide, lang))
    small = shipped_deck(("titolo", "disoccupazione", "occupazione"))
    found = pictures.DeckPictures("it")
    found.add(small)
    results = []
    threads = [threading.Thread(target=lambda: results.append(found.png("disoccupazione"))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert rendered == ["disoccupazione"] and len(set(results)) == 1
    found.start(["occupazione", "disoccupazione"])
    images = found.all(small)
    assert sorted(rendered) == ["disoccupazione", "occupazione"], "the background and the files share the render"
    assert images == {"disoccupazione": results[0], "occupazione": found.png("occupazione")}
    larger = shipped_deck(("disoccupazione", "occupazione", "studenti"))
    found.all(larger)
    assert sorted(rendered) == ["disoccupazione", "occupazione", "studenti"], "another choice of slides reuses them"
    assert found.data_url("studenti").startswith("data:image/png;base64,")
