"""Conference mode: the deck and its slides (decks, slides) and its PowerPoint/PDF files (export)."""
