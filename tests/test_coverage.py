"""Coverage, not row counts: every dataset declares what a complete answer covers, and the comparison
with the live version finds what a new answer lacks whatever the dtypes (a year read back from Parquet,
a month as a timestamp)."""

from __future__ import annotations

import pandas as pd

from observatory import datasets
from observatory.pipeline import coverage
from observatory.sources.types import CARRY_OVER, REFUSE


def test_every_dataset_declares_what_a_complete_answer_covers():
    """Coverage, not row counts (issue 19): the declaration names columns of the dataset's own schema,
    so a schema change that renames one must update it."""
    for dataset in datasets.CATALOGUE.values():
        declared = dataset.coverage
        assert declared is not None, dataset.id
        assert declared.columns and set(declared.columns) <= set(dataset.schema.columns), dataset.id
        assert declared.on_missing in (CARRY_OVER, REFUSE) and len(declared.why) > 20, dataset.id


def test_missing_groups_compare_as_text_and_are_described_in_italian():
    old = pd.DataFrame({"territorio": ["ITC42", "ITC43", "ITC43"], "anno": [2023, 2023, 2024], "v": [1, 2, 3]})
    new = pd.DataFrame({"territorio": ["ITC42"], "anno": pd.Series([2023], dtype="Int64"), "v": [9]})
    lost = coverage.missing_groups(old, new, ("territorio", "anno"))
    assert lost.to_dict("records") == [{"territorio": "ITC43", "anno": 2023}, {"territorio": "ITC43", "anno": 2024}]
    assert coverage.describe(lost, ("territorio", "anno")) == \
        "mancano 2 combinazioni di territorio × anno (tra: territorio ITC43; anno 2023, 2024)"
    months = pd.DataFrame({"mese": pd.to_datetime([f"2024-{m:02d}-01" for m in range(1, 13)])})
    assert coverage.describe(months, ("mese",)).endswith("(tra: mese 01/2024–12/2024)")
