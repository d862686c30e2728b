"""Layout helpers that hold for any number of items (a registry may grow by one)."""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator


def cells(count: int, per_row: int = 2) -> list[DeltaGenerator]:
    """``count`` cells, ``per_row`` to a row (on a phone the columns stack in reading order).

    Every row has ``per_row`` columns, so a last row that is not full keeps the same widths and
    leaves its last columns empty."""
    found: list[DeltaGenerator] = []
    while len(found) < count:
        found.extend(st.columns(per_row))
    return found[:count]
