"""The offline mirror of data/raw: static files whatever the query, and recorded answers keyed by the exact
query (a SoQL aggregate), found whatever the order or encoding of its parameters."""

from __future__ import annotations

from urllib.parse import quote, urlencode

import requests

from observatory.pipeline import mirror

QUERY = {"$select": "data, count(*) AS n", "$where": "provinciaimpresa in ('COMO') AND data like '%/2019%'",
         "$limit": "50000", "$offset": "0"}


def test_the_key_ignores_parameter_order_and_encoding():
    reordered = dict(reversed(list(QUERY.items())))
    assert mirror.query_key(QUERY) == mirror.query_key(reordered) == mirror.query_key(list(QUERY.items()))
    assert mirror.query_key(QUERY) != mirror.query_key({**QUERY, "$offset": "50000"})
    assert len(mirror.query_key(QUERY)) == 20


def test_a_recorded_answer_is_served_for_its_query_only(tmp_path):
    answer = mirror.answer_path(tmp_path, "/src/resource/view.json", QUERY)
    answer.parent.mkdir(parents=True)
    answer.write_bytes(b'[{"data":"01/01/2019","n":"3"}]')
    (tmp_path / "src" / "static.csv").write_text("a;b\n1;2\n", encoding="utf-8")
    with mirror.serve(tmp_path) as url:
        as_requests_sends = requests.get(f"{url}/src/resource/view.json", params=QUERY, timeout=5)
        plus_encoded = requests.get(f"{url}/src/resource/view.json?{urlencode(sorted(QUERY.items()))}", timeout=5)
        percent_encoded = requests.get(
            f"{url}/src/resource/view.json?{urlencode(QUERY, quote_via=quote, safe='')}", timeout=5)
        another = requests.get(f"{url}/src/resource/view.json", params={**QUERY, "$offset": "50000"}, timeout=5)
        static = requests.get(f"{url}/src/static.csv", params={"accessType": "DOWNLOAD"}, timeout=5)
    assert as_requests_sends.status_code == plus_encoded.status_code == percent_encoded.status_code == 200
    assert as_requests_sends.json() == [{"data": "01/01/2019", "n": "3"}]
    assert another.status_code == 404  # never the answer of another query
    assert static.status_code == 200 and static.text == "a;b\n1;2\n"  # elsewhere the query is ignored
