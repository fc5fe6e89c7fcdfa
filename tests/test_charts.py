"""Each chart builder's figure, read from fig.to_dict(): its traces, their data and axes, and an empty input."""
from __future__ import annotations

import base64
import datetime as dt

import numpy as np
import polars as pl
import pytest

from dashboard import charts

D = dt.date


def _figure(fig) -> dict:
    return fig.to_dict()


def _values(data) -> list:
    """A trace's array as a list: plotly's to_dict() writes numbers as typed arrays ({'dtype', 'bdata'})."""
    if isinstance(data, dict) and "bdata" in data:
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"]).tolist()
    return [] if data is None else list(data)


def test_frequency_stacks_one_bar_trace_per_kind_in_the_kinds_colours():
    frame = pl.DataFrame({"period": [D(2024, 1, 1), D(2024, 1, 1), D(2024, 2, 1)], "kind": ["visit", "call", "visit"],
                          "engagements": [3, 1, 2]})
    fig = _figure(charts.frequency(frame))
    traces = {t["name"]: t for t in fig["data"]}
    assert set(traces) == {"visit", "call"} and all(t["type"] == "bar" for t in traces.values())
    assert _values(traces["visit"]["y"]) == [3, 2] and _values(traces["call"]["y"]) == [1]
    assert traces["visit"]["marker"]["color"] == charts.KIND_COLOURS["visit"]
    assert fig["layout"]["barmode"] == "stack" and fig["layout"]["yaxis"]["title"]["text"] == "Engagements"


def test_the_pair_heatmap_is_symmetric_over_every_country_named():
    frame = pl.DataFrame({"country_a": ["IND", "IND"], "country_b": ["USA", "JPN"], "engagements": [5, 2]})
    (heat,) = _figure(charts.pair_heatmap(frame))["data"]
    assert heat["type"] == "heatmap" and list(heat["x"]) == list(heat["y"]) == ["IND", "JPN", "USA"]
    grid = [_values(row) for row in heat["z"]]
    assert grid == [[0, 2, 5], [2, 0, 0], [5, 0, 0]]


def test_the_world_map_colours_countries_by_engagements_with_their_names():
    frame = pl.DataFrame({"country_iso3": ["IND", "USA"], "country_name": ["India", "United States"], "engagements": [4, 9]})
    (choropleth,) = _figure(charts.world_map(frame))["data"]
    assert choropleth["type"] == "choropleth" and list(choropleth["locations"]) == ["IND", "USA"]
    assert _values(choropleth["z"]) == [4, 9] and list(choropleth["hovertext"]) == ["India", "United States"]


def test_ranked_bars_put_the_largest_on_top_and_grow_with_the_rows():
    frame = pl.DataFrame({"official": ["A", "B", "C"], "engagements": [9, 5, 1]})
    fig = _figure(charts.ranked_bars(frame, "official"))
    (bars,) = fig["data"]
    assert bars["orientation"] == "h" and list(bars["y"]) == ["A", "B", "C"] and _values(bars["x"]) == [9, 5, 1]
    assert fig["layout"]["yaxis"]["autorange"] == "reversed" and fig["layout"]["height"] == 300
    tall = pl.DataFrame({"official": [str(i) for i in range(40)], "engagements": list(range(40))})
    assert _figure(charts.ranked_bars(tall, "official"))["layout"]["height"] == 24 * 40


def test_grouped_bars_order_labels_by_their_total():
    frame = pl.DataFrame({"partner": ["JPN", "USA", "USA", "JPN"], "source": ["gdelt", "gdelt", "table", "table"],
                          "engagements": [1, 4, 3, 1]})
    fig = _figure(charts.grouped_bars(frame, "partner", "source"))
    assert {t["name"] for t in fig["data"]} == {"gdelt", "table"}
    assert fig["layout"]["barmode"] == "group"
    # largest total on top: plotly lists a horizontal chart's categories from the bottom up
    assert list(fig["layout"]["yaxis"]["categoryarray"]) == ["JPN", "USA"]


def test_lines_draw_one_marked_line_per_series():
    frame = pl.DataFrame({"period": [D(2024, 1, 1), D(2024, 2, 1), D(2024, 1, 1)], "name": ["Quad", "Quad", "iCET"],
                          "engagements": [1, 3, 2]})
    traces = {t["name"]: t for t in _figure(charts.lines(frame, "name"))["data"]}
    assert set(traces) == {"Quad", "iCET"} and traces["Quad"]["mode"] == "lines+markers"
    assert _values(traces["Quad"]["y"]) == [1, 3]


def test_the_network_places_each_person_once_and_weights_the_lines():
    edges = pl.DataFrame({"source": ["a", "a"], "target": ["b", "c"], "weight": [3, 20]})
    fig = _figure(charts.network(edges, {"a": "Antony Blinken", "b": "Wang Yi"}))
    *lines, people = fig["data"]
    assert [t["line"]["width"] for t in lines] == [4, 8]  # 1 + weight, at most 8
    assert list(people["text"]) == ["Antony Blinken", "Wang Yi", "c"]  # unnamed ids shown as they are
    assert fig["layout"]["xaxis"]["visible"] is False


@pytest.mark.parametrize("build, frame", [
    (charts.frequency, pl.DataFrame(schema={"period": pl.Date, "kind": pl.Utf8, "engagements": pl.Int64})),
    (charts.pair_heatmap, pl.DataFrame(schema={"country_a": pl.Utf8, "country_b": pl.Utf8, "engagements": pl.Int64})),
    (charts.world_map, pl.DataFrame(schema={"country_iso3": pl.Utf8, "engagements": pl.Int64})),
    (lambda f: charts.ranked_bars(f, "official"), pl.DataFrame(schema={"official": pl.Utf8, "engagements": pl.Int64})),
    (lambda f: charts.grouped_bars(f, "partner", "source"),
     pl.DataFrame(schema={"partner": pl.Utf8, "source": pl.Utf8, "engagements": pl.Int64})),
    (lambda f: charts.lines(f, "name"), pl.DataFrame(schema={"period": pl.Date, "name": pl.Utf8, "engagements": pl.Int64})),
    (lambda f: charts.network(f, {}), pl.DataFrame(schema={"source": pl.Utf8, "target": pl.Utf8, "weight": pl.Int64})),
])
def test_an_empty_input_gives_an_empty_figure_not_an_error(build, frame):
    fig = _figure(build(frame))
    assert sum(len(_values(t.get(key))) for t in fig["data"] for key in ("x", "locations", "z")) == 0
