"""The fault classes of the fault matrix, and one scenario per connector that knows how to serve its
publisher's normal answers on the fixture server and how to inject each fault into them.

Generic faults (500, 429 with a long Retry-After, hang, drip, truncated, garbage) are queued on the
connector's first or main request; the format faults (empty 200, renamed column, partial answer) are
the publisher's own format with that defect. "read-only" makes the snapshot folder read-only."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from tests import (
    lombardia_stub,
    test_sources_camcom,
    test_sources_istat,
    test_sources_istat_asia,
    test_sources_istat_bes,
    test_sources_mim,
)
from tests.fixture_server import FixtureServer, Reply
from tests.test_sources_istat import FIX

FAULTS = ("500", "429-long-retry-after", "hang", "drip", "truncated", "garbage", "empty-200", "renamed-column",
          "partial", "read-only-folder")
GARBAGE = bytes(range(256)) * 40 + b"\n<html>Servizio non disponibile</html>"
#: what a user may never read in a reason: an exception type, a traceback, an errno
TECHNICAL = r"Error\b|Exception\b|Traceback|Errno|errno|NoneType|\bKeyError|\bTypeError"


@dataclasses.dataclass
class Scenario:
    id: str
    dataset: str
    serve: Callable[[FixtureServer], dict[str, str]]  # normal answers; returns the base URLs
    first: str  # path prefix of the first request (hang and drip wait there)
    main: str  # path prefix of the main data request (the other generic faults)
    empty: Callable[[FixtureServer], None]
    renamed: Callable[[FixtureServer], None]
    partial: Callable[[FixtureServer], None]
    expected: dict[str, str]  # fault → regular expression the reason matches (the generic ones default)
    carries: bool  # a partial answer is carried over (True) or refused (False)
    env: dict[str, str] = dataclasses.field(default_factory=dict)

    def inject(self, server: FixtureServer, fault: str) -> None:
        generic = {
            "500": dict(status=500, times=100),
            "429-long-retry-after": dict(status=429, times=100, headers={"Retry-After": "3600"}),
            "truncated": dict(status=200, truncate=True, times=100),
            "garbage": dict(status=200, body=GARBAGE, times=100),
        }
        if fault == "hang":
            server.fail(self.first, status=200, delay=30, times=100)
        elif fault == "drip":
            server.fail(self.first, status=200, drip=0.05, times=100)
        elif fault in generic:
            server.fail(self.main, **generic[fault])
        elif fault == "empty-200":
            self.empty(server)
        elif fault == "renamed-column":
            self.renamed(server)
        elif fault == "partial":
            self.partial(server)

    def reason_pattern(self, fault: str) -> str:
        defaults = {"500": r"problema temporaneo \(HTTP 500\)", "429-long-retry-after": r"HTTP 429|limita le richieste",
                    "hang": r"tempo massimo|non ha risposto in tempo", "drip": r"tempo massimo",
                    "truncated": r"incompleta|troncata|interrotta|malformata",
                    "read-only-folder": r"non è scrivibile",
                    "partial": r"tenut[ae] dalla versione del" if self.carries
                    else r"copre meno della versione in linea"}
        return self.expected.get(fault, defaults.get(fault, ""))


# --- ISTAT labour force ---------------------------------------------------------------------------

def _istat_serve(server):
    test_sources_istat.serve(server)
    return {"istat": server.url}


def _istat_header(flow: str) -> bytes:
    return (FIX / f"{flow}.csv").read_bytes().splitlines()[0] + b"\n"


def _istat_empty(server):
    test_sources_istat.serve(server, overrides={f.id: _istat_header(f.id) for f in test_sources_istat.istat.FLOWS})


def _istat_renamed(server):
    body = (FIX / "150_915.csv").read_bytes().replace(b",REF_AREA,", b",ITTER107,", 1)
    test_sources_istat.serve(server, overrides={"150_915": body})


def _istat_partial(server):
    """One indicator empty (200, header only), as the outside check saw: the activity rate gone."""
    test_sources_istat.serve(server, overrides={"150_916": _istat_header("150_916"),
                                                "150_1191": _istat_header("150_1191")})


# --- ISTAT BES dei territori ----------------------------------------------------------------------

def _bes_serve(server):
    test_sources_istat_bes.serve(server)
    return {"istat": server.url}


def _bes_empty(server):
    test_sources_istat_bes.serve(server, overrides={f: test_sources_istat_bes.header(f)
                                                    for f in test_sources_istat_bes.FLOW_IDS})


def _bes_renamed(server):
    body = (FIX / "DF_BES_TERRIT_3.csv").read_bytes().replace(b",DOMAIN,", b",DOMINIO,", 1)
    test_sources_istat_bes.serve(server, overrides={"DF_BES_TERRIT_3": body})


def _bes_partial(server):
    """The education domain's flow (NEET) comes back with its header only."""
    flow = "DF_BES_TERRIT_2"
    test_sources_istat_bes.serve(server, overrides={flow: test_sources_istat_bes.header(flow)})


# --- ISTAT local units ----------------------------------------------------------------------------

ASIA = test_sources_istat_asia.istat_asia.FLOW


def _asia_serve(server):
    test_sources_istat_asia.serve(server)
    return {"istat": server.url}


def _asia_empty(server):
    header = (FIX / "asia_ul.csv").read_bytes().splitlines()[0] + b"\n"
    server.route(f"/data/{ASIA}/*", body=header, content_type="text/csv")


def _asia_renamed(server):
    def renamed(request):
        reply = test_sources_istat_asia.asia_rows_for_key(request)
        return dataclasses.replace(reply, body=reply.body.replace(b",REF_AREA,", b",ITTER107,", 1))
    server.route(f"/data/{ASIA}/*", renamed)


def _asia_partial(server):
    """The group of 30 municipalities holding Lecco answers NoRecordsFound."""
    def partial(request):
        if "097042" in request.path:
            return Reply(404, b"NoRecordsFound", {"Content-Type": "text/plain"})
        return test_sources_istat_asia.asia_rows_for_key(request)
    server.route(f"/data/{ASIA}/*", partial)


# --- CCIAA Marche business register ---------------------------------------------------------------

CAMCOM_HEADER_2 = "Territorio;Settore Ateco 2025;30/04/2025;31/05/2025\n"


def _camcom_serve(server):
    return test_sources_camcom.serve(server)


def _camcom_empty(server):
    test_sources_camcom.serve(server, {}, {}, {})


def _camcom_renamed(server):
    test_sources_camcom.serve(server, header="Territorio;Settore Ateco 2025;apr-2025;mag-2025;giu-2025\n")


def _camcom_partial(server):
    """The files come back one month shorter (June 2025 gone)."""
    two = {key: values[:2] for key, values in test_sources_camcom.ISCRIZIONI.items()}
    test_sources_camcom.serve(server, two, {k: v[:2] for k, v in test_sources_camcom.CESSAZIONI.items()},
                              {k: v[:2] for k, v in test_sources_camcom.ATTIVE.items()}, header=CAMCOM_HEADER_2)


# --- Regione Lombardia (SODA API and bulk export) -------------------------------------------------

VIEW = "qbau-cyuc"
EVENTS = [lombardia_stub.event(data=f"{day:02d}/{month:02d}/{year}", provincia=province)
          for year in (2019, 2020) for month in (1, 6, 11) for day in (3, 17) for province in ("COMO", "LECCO")]


def _lombardia_routes(server, records, date_type="text", **meta):
    server.route(f"/api/views/{VIEW}.json", body=lombardia_stub.metadata(VIEW, date_type, **meta),
                 content_type="application/json")
    server.route(f"/resource/{VIEW}.json", lombardia_stub.SodaStub(records))
    server.route(f"/api/views/{VIEW}/rows.csv", body=lombardia_stub.export_csv(records), content_type="text/csv")
    return {"lombardia": server.url}


def _lombardia_serve(server):
    return _lombardia_routes(server, EVENTS)


def _lombardia_empty(server):
    _lombardia_routes(server, [])


def _lombardia_renamed(server):
    _lombardia_routes(server, EVENTS, rename={"eta": "eta_lavoratore"})


def _lombardia_bulk_renamed(server):
    _lombardia_routes(server, EVENTS)
    server.route(f"/api/views/{VIEW}/rows.csv", body=lombardia_stub.export_csv(EVENTS).replace(b"ETA,", b"ANNI,", 1),
                 content_type="text/csv")


def _lombardia_partial(server):
    """A well-formed but short answer: 2020 is missing."""
    _lombardia_routes(server, [e for e in EVENTS if e["data"].endswith("2019")])


# --- Ministry of Education ------------------------------------------------------------------------

MIM = test_sources_mim.BASE_PATH


def _mim_serve(server):
    return test_sources_mim.serve(server)


def _mim_empty(server):
    headers = {"ALU": test_sources_mim.AGE_HEADER, "INFANZIA": test_sources_mim.KIDS_HEADER,
               "SCUANAGRAFESTAT": test_sources_mim.STAT_HEADER, "SCUANAGRAFEPAR": test_sources_mim.PAR_HEADER}
    files = {name: next(h for prefix, h in headers.items() if name.startswith(prefix))
             for name in test_sources_mim.FILES}
    test_sources_mim.serve(server, files)


def _mim_renamed(server):
    files = dict(test_sources_mim.FILES)
    name = "ALUCORSOETASTA20242520250831.csv"
    files[name] = files[name].replace("ALUNNI", "STUDENTI")
    test_sources_mim.serve(server, files)


def _mim_partial(server):
    """The state pre-schools' file of 2024/25 comes back with its header only."""
    files = dict(test_sources_mim.FILES)
    files["INFANZIACLASTA20242520250831.csv"] = test_sources_mim.KIDS_HEADER
    test_sources_mim.serve(server, files)


SCENARIOS = [
    Scenario("istat-forze-lavoro", "forze_lavoro", _istat_serve, "/dataflow/", "/data/150_915/", _istat_empty,
             _istat_renamed, _istat_partial, carries=True,
             expected={"garbage": r"non è in formato SDMX-CSV", "empty-200": r"non ha restituito alcun dato",
                       "renamed-column": r"colonne attese \(REF_AREA\)",
                       "429-long-retry-after": r"limita le richieste"}),
    Scenario("istat-bes", "bes_lavoro", _bes_serve, "/dataflow/", "/data/DF_BES_TERRIT_3/", _bes_empty,
             _bes_renamed, _bes_partial, carries=True,
             expected={"garbage": r"non è in formato SDMX-CSV", "empty-200": r"non ha restituito alcun dato BES",
                       "renamed-column": r"colonne attese \(DOMAIN\)",
                       "429-long-retry-after": r"limita le richieste"}),
    Scenario("istat-unita-locali", "unita_locali", _asia_serve, "/dataflow/", f"/data/{ASIA}/", _asia_empty,
             _asia_renamed, _asia_partial, carries=True,
             expected={"garbage": r"non è in formato SDMX-CSV", "empty-200": r"non ha restituito unità locali",
                       "renamed-column": r"colonne attese \(REF_AREA\)",
                       "429-long-retry-after": r"limita le richieste"}),
    Scenario("camcom-imprese", "imprese", _camcom_serve, "/data/Iscrizioni", "/data/Iscrizioni", _camcom_empty,
             _camcom_renamed, _camcom_partial, carries=True,
             expected={"garbage": r"non è un testo UTF-8|non ha colonne mensili",
                       "empty-200": r"non contiene i territori", "renamed-column": r"gg/mm/aaaa",
                       "429-long-retry-after": r"chiede di riprovare tra 60 minuti"}),
    Scenario("lombardia-api", "avviamenti", _lombardia_serve, "/api/views/", f"/resource/{VIEW}.json",
             _lombardia_empty, _lombardia_renamed, _lombardia_partial, carries=False,
             expected={"garbage": r"non è JSON valido", "empty-200": r"risposta vuota",
                       "renamed-column": r"mancano le colonne eta",
                       "429-long-retry-after": r"chiede di riprovare tra 60"}),
    Scenario("lombardia-bulk", "avviamenti", _lombardia_serve, f"/api/views/{VIEW}/rows.csv",
             f"/api/views/{VIEW}/rows.csv", _lombardia_empty, _lombardia_bulk_renamed, _lombardia_partial,
             carries=False, env={"OSSERVATORIO_LOMBARDIA_MODE": "bulk"},
             expected={"garbage": r"non è un testo UTF-8|non si legge come CSV|non ha le colonne",
                       "empty-200": r"risposta vuota", "renamed-column": r"non ha le colonne ETA",
                       "429-long-retry-after": r"chiede di riprovare tra 60"}),
    Scenario("mim-studenti", "studenti", _mim_serve, f"{MIM}/", f"{MIM}/ALUCORSOETASTA2024", _mim_empty,
             _mim_renamed, _mim_partial, carries=True,
             expected={"garbage": r"non è un testo UTF-8|non è un CSV|mancano le colonne",
                       "empty-200": r"risposta vuota", "renamed-column": r"manca la colonna ALUNNI",
                       "429-long-retry-after": r"chiede di riprovare tra 60"}),
]
