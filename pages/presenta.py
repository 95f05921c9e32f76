"""Presenta: conference mode — choose territory, period and slides, then show them full screen
(or download them as PowerPoint/PDF for a room without Wi-Fi)."""

from observatory.ui import slides, slideshow
from observatory.ui.shell import require_app_shell

require_app_shell()

if slides.presenting():
    slideshow.presentation()
else:
    slides.setup()
