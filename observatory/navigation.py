"""The page list in one place: app.py builds the navigation from it, tests visit every entry."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class PageEntry:
    path: str  # script path relative to the repository root
    url_path: str
    title_key: str  # key in labels.TEXTS
    section_key: str
    #: the page's views, (code, label key), first is the default: a page draws one at a time, chosen
    #: with a row of buttons and kept in the URL as ?sezione=<code>, so a rerun draws one view
    views: tuple[tuple[str, str], ...] = ()


DATA, INFO = "nav.section.data", "nav.section.info"

PAGES = [
    PageEntry("pages/panoramica.py", "panoramica", "nav.overview", DATA, (
        ("sintesi", "overview.cards"), ("mappa", "overview.section.map"))),
    PageEntry("pages/mercato-lavoro.py", "mercato-lavoro", "nav.labour", DATA, (
        ("tassi", "labour.section.rates"), ("flussi", "labour.section.flows"), ("assunti", "labour.section.hires"),
        ("confronto", "labour.section.year_on_year"))),
    PageEntry("pages/qualita-lavoro.py", "qualita-lavoro", "nav.quality", DATA, (
        ("qualita", "quality.section.quality"), ("cassa", "quality.section.cig"),
        ("politiche", "quality.section.gol"))),
    PageEntry("pages/imprese.py", "imprese", "nav.business", DATA, (
        ("nascite", "biz.section.flows"), ("tassi", "biz.section.rates"), ("settori", "biz.section.sectors"),
        ("comuni", "biz.section.local"))),
    PageEntry("pages/formazione.py", "formazione", "nav.education", DATA, (
        ("studenti", "edu.section.students"), ("andamento", "edu.section.trend"), ("percorsi", "edu.section.fields"),
        ("mappa", "edu.section.map"))),
    PageEntry("pages/competenze.py", "competenze", "nav.skills", DATA, (
        ("entrate", "skills.view.planned"), ("difficili", "skills.view.hard"), ("settori", "skills.view.sectors"),
        ("divario", "skills.view.gap"))),
    PageEntry("pages/comuni.py", "comuni", "nav.municipalities", DATA, (
        ("profilo", "mun.section.profile"), ("popolazione", "mun.section.population"),
        ("economia", "mun.section.economy"), ("confronto", "mun.section.compare"))),
    PageEntry("pages/confronti.py", "confronti", "nav.sectors", DATA, (
        ("settori", "sectors.section.compare"), ("indice", "sectors.section.index"),
        ("tutti", "sectors.section.all"))),
    PageEntry("pages/parti-sociali.py", "parti-sociali", "nav.partners", DATA, (
        ("sindacati", "lens.section.unions"), ("imprese", "lens.section.employers"))),
    PageEntry("pages/fonti.py", "fonti", "nav.sources", INFO, (
        ("dataset", "sources.datasets"), ("indicatori", "sources.indicators"), ("verifica", "sources.verify"))),
    PageEntry("pages/presenta.py", "presenta", "nav.present", INFO),
]
DEFAULT = PAGES[0]


def entry(url_path: str) -> PageEntry:
    return next(e for e in PAGES if e.url_path == url_path)
