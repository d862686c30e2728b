"""Charts on the page: our figure dicts go to the browser without Plotly re-validating them.

``st.plotly_chart`` turns a dict into a ``plotly.graph_objects.Figure`` on every rerun to
validate it, and that costs about 1.5 ms a chart (measured: bench/rerun_cost.py), more than an
empty Streamlit rerun. Our figures are plain dicts built by ``emotions`` and the same on every
rerun in their shape; ``tests/unit/test_figures_validate.py`` validates every one of them with
Plotly, for every sample couple in both languages. Here they are handed over as already checked:
Streamlit treats a ``BaseFigure`` as validated and only asks it for its dict.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from plotly.basedatatypes import BaseFigure

from emotions.chart_text import ChartText
from emotions.charts import presented
from ui.state import presenting


class _CheckedFigure(BaseFigure):
    """A figure dict that was validated by the tests, wrapped so that Streamlit sends it as is."""

    _spec: dict[str, Any]

    def __init__(self, spec: dict[str, Any]) -> None:  # no BaseFigure.__init__: no validation
        object.__setattr__(self, "_spec", spec)

    def to_dict(self) -> dict[str, Any]:
        return self._spec


def plotly_chart(figure: dict[str, Any], key: str, **options: Any) -> None:
    """Draw one of our figures: full width, no Plotly toolbar (nothing of it is needed). In
    presentation mode its type, margins and height are scaled to the larger body text."""
    if presenting():
        figure = presented(figure)
    options.setdefault("config", {"displayModeBar": False})
    options.setdefault("width", "stretch")
    st.plotly_chart(_CheckedFigure(figure), key=key, **options)


def chart_sentence(text: ChartText) -> None:
    """A chart's text alternative, drawn as visible text right under it: a screen reader and a
    sighted reader read the same sentence (``emotions.chart_text``; names already escaped)."""
    st.markdown(text.text)


def described_chart(figure: dict[str, Any], key: str, text: ChartText, **options: Any) -> None:
    """A chart and its text under it; while nothing is answered that it could draw
    (``text.empty``), only the line saying what will appear there and how, not empty axes."""
    if not text.empty:
        plotly_chart(figure, key, **options)
    chart_sentence(text)


__all__ = ["chart_sentence", "described_chart", "plotly_chart"]
