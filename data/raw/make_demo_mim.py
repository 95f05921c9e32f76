"""Write CONSTRUCTED Ministry of Education open-data files in the exact layout of dati.istruzione.it.

Seeded, so the output is byte-identical on every run. Schools, codes and counts are invented but
plausible (real municipal cadastral codes; Uggiate-Trevano L487 before the 2024 merger, M435 after);
only Como, Lecco and one Milan school appear: provenance "dimostrativo".
Run: python data/raw/make_demo_mim.py
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
from _sidecar import write_sidecar

OUT = Path(__file__).resolve().parent / "mim"
REAL_BASE = "https://dati.istruzione.it/opendata/opendata/catalogo/elements1"
ND = "Non Disponibile"
#: school year → (registry date, students date or None when the students file is not out yet)
YEARS = {"202324": ("20230901", "20240831"), "202425": ("20240901", "20250831"), "202526": ("20250901", None)}
STUDENT_HEADER = ["ANNOSCOLASTICO", "CODICESCUOLA", "ORDINESCUOLA", "ANNOCORSO", "TIPOPERCORSO", "PERCORSO",
                  "INDIRIZZO", "ALUNNIMASCHI", "ALUNNIFEMMINE"]
STAT_HEADER = ["ANNOSCOLASTICO", "AREAGEOGRAFICA", "REGIONE", "PROVINCIA", "CODICEISTITUTORIFERIMENTO",
               "DENOMINAZIONEISTITUTORIFERIMENTO", "CODICESCUOLA", "DENOMINAZIONESCUOLA", "INDIRIZZOSCUOLA",
               "CAPSCUOLA", "CODICECOMUNESCUOLA", "DESCRIZIONECOMUNE", "DESCRIZIONECARATTERISTICASCUOLA",
               "DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA", "INDICAZIONESEDEDIRETTIVO",
               "INDICAZIONESEDEOMNICOMPRENSIVO", "INDIRIZZOEMAILSCUOLA", "INDIRIZZOPECSCUOLA", "SITOWEBSCUOLA",
               "SEDESCOLASTICA"]
PAR_HEADER = ["ANNOSCOLASTICO", "AREAGEOGRAFICA", "REGIONE", "PROVINCIA", "CODICESCUOLA", "DENOMINAZIONESCUOLA",
              "INDIRIZZOSCUOLA", "CAPSCUOLA", "CODICECOMUNESCUOLA", "DESCRIZIONECOMUNE",
              "DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA", "INDIRIZZOEMAILSCUOLA", "INDIRIZZOPECSCUOLA",
              "SITOWEBSCUOLA"]
LIC, TEC, PRO, IEFP = "LICEO", "TECNICO", "PROFESSIONALE", "PROFESSIONALE IEFP"
#: (gestione, code, name, province, cadastral, municipality, cap, type, [(tipo, percorso, indirizzo, size, share F)])
SCHOOLS = [
    ("STA", "COPS01000B", 'LICEO SCIENTIFICO "A. VOLTA"', "COMO", "C933", "COMO", "22100", "LICEO SCIENTIFICO",
     [(LIC, "SCIENTIFICO", "LICEO SCIENTIFICO", 140, .45),
      (LIC, "SCIENTIFICO", "LICEO SCIENTIFICO - OPZIONE SCIENZE APPLICATE", 70, .35)]),
    ("STA", "COPC01000A", 'LICEO CLASSICO "P. GIOVIO"', "COMO", "C933", "COMO", "22100", "LICEO CLASSICO",
     [(LIC, "CLASSICO", "LICEO CLASSICO", 90, .68), (LIC, "LINGUISTICO", "LICEO LINGUISTICO", 60, .76)]),
    ("STA", "COTF01000C", "ISTITUTO TECNICO TECNOLOGICO - COMO", "COMO", "C933", "COMO", "22100",
     "IST TEC INDUSTRIALE", [(TEC, "TECNOLOGICO", "MECCANICA MECCATRONICA ED ENERGIA", 80, .05),
                             (TEC, "TECNOLOGICO", "INFORMATICA E TELECOMUNICAZIONI", 90, .12),
                             (TEC, "TECNOLOGICO", "CHIMICA MATERIALI E BIOTECNOLOGIE", 45, .48)]),
    ("STA", "COTD01000D", "ISTITUTO TECNICO ECONOMICO - COMO", "COMO", "C933", "COMO", "22100",
     "IST TEC COMMERCIALE E PER GEOMETRI", [(TEC, "ECONOMICO", "AMMINISTRAZIONE FINANZA E MARKETING", 85, .52),
                                            (TEC, "ECONOMICO", "TURISMO", 40, .70)]),
    ("STA", "CORI01000E", "ISTITUTO PROFESSIONALE INDUSTRIA E ARTIGIANATO - CANTU'", "COMO", "B639", "CANTU'",
     "22063", "IST PROF INDUSTRIA E ARTIGIANATO",
     [(PRO, "INDUSTRIA E ARTIGIANATO", "MANUTENZIONE E ASSISTENZA TECNICA", 55, .04),
      (PRO, "INDUSTRIA E ARTIGIANATO", "INDUSTRIA E ARTIGIANATO PER IL MADE IN ITALY", 35, .40),
      (IEFP, "IEFP", "OPERATORE MECCANICO", 25, .03)]),
    ("STA", "COPS02000X", "LICEO - ERBA", "COMO", "D416", "ERBA", "22036", "LICEO SCIENTIFICO",
     [(LIC, "SCIENTIFICO", "LICEO SCIENTIFICO", 100, .47),
      (LIC, "SCIENZE UMANE", "LICEO DELLE SCIENZE UMANE", 55, .86)]),
    ("STA", "COTF02000N", "ISTITUTO TECNICO - MARIANO COMENSE", "COMO", "E951", "MARIANO COMENSE", "22066",
     "IST TEC INDUSTRIALE", [(TEC, "TECNOLOGICO", "ELETTRONICA ED ELETTROTECNICA", 60, .06),
                             (TEC, "TECNOLOGICO", "SISTEMA MODA", 30, .80)]),
    ("STA", "CORH01000T", "ISTITUTO ALBERGHIERO - MENAGGIO", "COMO", "F120", "MENAGGIO", "22017",
     "IST PROF SERVIZI ALBERGHIERI E RISTORAZIONE",
     [(PRO, "SERVIZI", "ENOGASTRONOMIA E OSPITALITA' ALBERGHIERA", 95, .46)]),
    ("STA", "COPS03000P", "LICEO - OLGIATE COMASCO", "COMO", "G025", "OLGIATE COMASCO", "22077", "LICEO SCIENTIFICO",
     [(LIC, "SCIENTIFICO", "LICEO SCIENTIFICO", 75, .46),
      (LIC, "ARTISTICO", "LICEO ARTISTICO - ARTI FIGURATIVE", 30, .72)]),
    ("STA", "COTF03000G", "ISTITUTO TECNICO - UGGIATE", "COMO", None, None, "22029", "IST TEC INDUSTRIALE",
     [(TEC, "TECNOLOGICO", "ELETTRONICA ED ELETTROTECNICA", 40, .05)]),
    ("STA", "LCPS01000R", 'LICEO SCIENTIFICO "G.B. GRASSI"', "LECCO", "E507", "LECCO", "23900", "LICEO SCIENTIFICO",
     [(LIC, "SCIENTIFICO", "LICEO SCIENTIFICO", 130, .44),
      (LIC, "SCIENTIFICO", "LICEO SCIENTIFICO - OPZIONE SCIENZE APPLICATE", 60, .33)]),
    ("STA", "LCPC01000Q", "LICEO CLASSICO E LINGUISTICO - LECCO", "LECCO", "E507", "LECCO", "23900",
     "LICEO CLASSICO", [(LIC, "CLASSICO", "LICEO CLASSICO", 60, .70),
                        (LIC, "LINGUISTICO", "LICEO LINGUISTICO", 70, .78)]),
    ("STA", "LCTF01000V", "ISTITUTO TECNICO TECNOLOGICO - LECCO", "LECCO", "E507", "LECCO", "23900",
     "IST TEC INDUSTRIALE", [(TEC, "TECNOLOGICO", "MECCANICA MECCATRONICA ED ENERGIA", 90, .04),
                             (TEC, "TECNOLOGICO", "INFORMATICA E TELECOMUNICAZIONI", 70, .10)]),
    ("STA", "LCTD01000T", "ISTITUTO TECNICO ECONOMICO - MERATE", "LECCO", "F133", "MERATE", "23807",
     "IST TEC COMMERCIALE E PER GEOMETRI", [(TEC, "ECONOMICO", "AMMINISTRAZIONE FINANZA E MARKETING", 70, .55),
                                            (TEC, "TECNOLOGICO", "COSTRUZIONI AMBIENTE E TERRITORIO", 30, .25)]),
    ("STA", "LCRI01000N", "ISTITUTO PROFESSIONALE - LECCO", "LECCO", "E507", "LECCO", "23900",
     "IST PROF INDUSTRIA E ARTIGIANATO",
     [(PRO, "INDUSTRIA E ARTIGIANATO", "MANUTENZIONE E ASSISTENZA TECNICA", 50, .03),
      (IEFP, "IEFP", "OPERATORE ELETTRICO", 22, .02)]),
    ("STA", "LCPS02000B", "LICEO - CALOLZIOCORTE", "LECCO", "B423", "CALOLZIOCORTE", "23801", "LICEO SCIENTIFICO",
     [(LIC, "SCIENTIFICO", "LICEO SCIENTIFICO", 55, .45),
      (LIC, "SCIENZE UMANE", "LICEO DELLE SCIENZE UMANE", 45, .88)]),
    ("STA", "LCTA01000D", "ISTITUTO TECNICO AGRARIO - CASATENOVO", "LECCO", "B943", "CASATENOVO", "23880",
     "IST TEC AGRARIO", [(TEC, "TECNOLOGICO", "AGRARIA, AGROALIMENTARE E AGROINDUSTRIA", 50, .35)]),
    ("STA", "LCRF01000A", "ISTITUTO PROFESSIONALE SERVIZI - VALMADRERA", "LECCO", "L634", "VALMADRERA", "23868",
     "IST PROF PER I SERVIZI COMMERCIALI",
     [(PRO, "SERVIZI", "SERVIZI PER LA SANITA' E L'ASSISTENZA SOCIALE", 45, .86)]),
    ("STA", "MIPS01000Z", "LICEO SCIENTIFICO - MILANO", "MILANO", "F205", "MILANO", "20121", "LICEO SCIENTIFICO",
     [(LIC, "SCIENTIFICO", "LICEO SCIENTIFICO", 150, .46)]),
    ("PAR", "COPSGE500A", 'LICEO SCIENTIFICO PARITARIO "SAN GIUSEPPE"', "COMO", "C933", "COMO", "22100",
     "SCUOLA SEC. SECONDO GRADO NON STATALE", [(LIC, "SCIENTIFICO", "LICEO SCIENTIFICO", 25, .45)]),
    ("PAR", "COTDAB500L", "ISTITUTO TECNICO PARITARIO - CANTU'", "COMO", "B639", "CANTU'", "22063",
     "SCUOLA SEC. SECONDO GRADO NON STATALE", [(TEC, "ECONOMICO", "AMMINISTRAZIONE FINANZA E MARKETING", 18, .50)]),
    ("PAR", "LCPSMO500D", "LICEO PARITARIO - MERATE", "LECCO", "F133", "MERATE", "23807",
     "SCUOLA SEC. SECONDO GRADO NON STATALE", [(LIC, "LINGUISTICO", "LICEO LINGUISTICO", 20, .75)]),
]
PRIMARY = ("STA", "COEE01001C", "SCUOLA PRIMARIA - COMO", "COMO", "C933", "COMO", "22100", "SCUOLA PRIMARIA", [])


def uggiate(year: str) -> tuple[str, str]:
    """The municipality of the Uggiate school: Uggiate-Trevano until 2023/24, the merged one after."""
    return ("L487", "UGGIATE-TREVANO") if year <= "202324" else ("M435", "UGGIATE CON RONAGO")


def to_csv(header: list[str], rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def registry_rows(year: str, gestione: str) -> list[list]:
    rows = []
    for kind, code, name, prov, belfiore, comune, cap, tipologia, _ in SCHOOLS + [PRIMARY]:
        if kind != gestione:
            continue
        if belfiore is None:
            belfiore, comune = uggiate(year)
        where = ["NORD OVEST", "LOMBARDIA", prov]
        contact = [f"{code.lower()}@istruzione.it" if kind == "STA" else ND, ND, ND]
        if kind == "STA":
            istituto = code[:2] + "IS" + code[4:7] + "00X"
            rows.append([year, *where, istituto, f"I.I.S. {comune}", code, name, "VIA ROMA 1", cap, belfiore, comune,
                         "NORMALE", tipologia, "NO", ND, *contact, "NO"])
        else:
            rows.append([year, *where, code, name, "VIA ROMA 1", cap, belfiore, comune, tipologia, *contact])
    return rows


def student_rows(rng, year: str, gestione: str) -> list[list]:
    drift = 1.0 if year == "202425" else 0.97
    rows = []
    for kind, code, *_, tracks in SCHOOLS:
        if kind != gestione:
            continue
        for tipo, percorso, indirizzo, size, female in tracks:
            for course in range(1, 4 if tipo == IEFP else 6):
                total = max(int(rng.normal(size * drift * (1.08 - 0.04 * course), size * 0.08)), 5)
                girls = int(rng.binomial(total, female))
                rows.append([year, code, "SCUOLA SECONDARIA II GRADO", course, tipo, percorso, indirizzo,
                             total - girls, girls])
    return rows


def index_html(names: list[str]) -> bytes:
    links = "\n".join(f'    <li><a href="{n}" class="csv" title="Scarica CSV">{n}</a></li>' for n in names)
    return (f"<!DOCTYPE html>\n<html lang=\"it\">\n<head><meta charset=\"utf-8\"><title>Catalogo - Portale Unico dei "
            f"Dati della Scuola</title></head>\n<body>\n  <h1>Catalogo</h1>\n  <ul>\n{links}\n  </ul>\n</body>\n"
            f"</html>\n").encode()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20261125)
    written = []
    for year, (registry_date, students_date) in YEARS.items():
        for gestione, registry_prefix, students_prefix, header in (
                ("STA", "SCUANAGRAFESTAT", "ALUSECGRADOINDSTA", STAT_HEADER),
                ("PAR", "SCUANAGRAFEPAR", "ALUSECGRADOINDPAR", PAR_HEADER)):
            name = f"{registry_prefix}{year}{registry_date}.csv"
            (OUT / name).write_bytes(b"\xef\xbb\xbf" + to_csv(header, registry_rows(year, gestione)))
            written.append((name, "anagrafe delle scuole " + ("statali" if gestione == "STA" else "paritarie")))
            if students_date:
                name = f"{students_prefix}{year}{students_date}.csv"
                (OUT / name).write_bytes(to_csv(STUDENT_HEADER, student_rows(rng, year, gestione)))
                written.append((name, "studenti delle superiori per indirizzo e anno di corso"))
    (OUT / "index.html").write_bytes(index_html([n for n, _ in sorted(written, reverse=True)]))
    written.append(("index.html", "pagina del catalogo (?area=Studenti e ?area=Scuole) con i link ai file"))
    for name, what in written:
        url = f"{REAL_BASE}/?area=Studenti" if name == "index.html" else f"{REAL_BASE}/{name}"
        write_sidecar(OUT / name, publisher="Ministero dell'Istruzione e del Merito", url=url, licence="IODL 2.0",
                      datasets=["studenti"],
                      note=(f"COSTRUITO da data/raw/make_demo_mim.py (seme 20261125): {what}, nel formato reale "
                            "(CSV ',', intestazioni del Ministero, 'Non Disponibile'). Scuole e codici inventati, "
                            "codici catastali reali; solo una ventina di scuole di Como e Lecco (i totali sono una "
                            "parte di quelli reali) e una di Milano."))


if __name__ == "__main__":
    main()
