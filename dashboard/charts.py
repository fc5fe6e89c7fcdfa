"""Pure chart builders: a polars DataFrame in, a Plotly Figure out."""
from __future__ import annotations

import math

import plotly.express as px
import plotly.graph_objects as go
import polars as pl

# Plotly fetches its world map from a CDN by default; the app serves a bundled copy instead (static/topojson).
MAP_CONFIG = {"topojsonURL": "app/static/topojson/"}
KIND_COLOURS = {"visit": "#1f77b4", "meeting": "#ff7f0e", "call": "#2ca02c", "summit": "#d62728", "dialogue": "#9467bd"}


def frequency(frame: pl.DataFrame) -> go.Figure:
    """Engagements per period stacked by kind (columns period, kind, engagements)."""
    fig = px.bar(frame.to_pandas(), x="period", y="engagements", color="kind", color_discrete_map=KIND_COLOURS,
                 labels={"period": "", "engagements": "Engagements", "kind": "Kind"})
    fig.update_layout(barmode="stack", legend_orientation="h", margin=dict(t=10, b=10))
    return fig


def pair_heatmap(frame: pl.DataFrame) -> go.Figure:
    """Engagement counts between pairs of countries as a symmetric heatmap (country_a, country_b, engagements)."""
    countries = sorted(set(frame["country_a"]) | set(frame["country_b"]))
    index = {c: i for i, c in enumerate(countries)}
    grid = [[0] * len(countries) for _ in countries]
    for a, b, n in frame.select("country_a", "country_b", "engagements").iter_rows():
        grid[index[a]][index[b]] = grid[index[b]][index[a]] = n
    fig = go.Figure(go.Heatmap(z=grid, x=countries, y=countries, colorscale="Blues",
                               hovertemplate="%{y} – %{x}: %{z}<extra></extra>"))
    fig.update_layout(margin=dict(t=10, b=10), height=max(400, 22 * len(countries)))
    return fig


def world_map(frame: pl.DataFrame) -> go.Figure:
    """A choropleth of engagements per country (country_iso3, engagements; country_name names them on hover)."""
    fig = px.choropleth(frame.to_pandas(), locations="country_iso3", color="engagements",
                        hover_name="country_name" if "country_name" in frame.columns else None,
                        color_continuous_scale="Blues", projection="natural earth")
    fig.update_layout(margin=dict(t=10, b=10, l=0, r=0))
    return fig


def ranked_bars(frame: pl.DataFrame, label: str, value: str = "engagements") -> go.Figure:
    """Horizontal bars, largest on top."""
    fig = px.bar(frame.to_pandas(), x=value, y=label, orientation="h")
    fig.update_layout(yaxis=dict(autorange="reversed"), margin=dict(t=10, b=10), height=max(300, 24 * frame.height))
    return fig


def grouped_bars(frame: pl.DataFrame, label: str, group: str, value: str = "engagements") -> go.Figure:
    """Horizontal bars per label, one per group side by side."""
    order = frame.group_by(label).agg(pl.col(value).sum()).sort([value, label], descending=[True, False])[label].to_list()
    fig = px.bar(frame.to_pandas(), x=value, y=label, color=group, orientation="h", barmode="group",
                 category_orders={label: order})
    fig.update_layout(margin=dict(t=10, b=10), legend_orientation="h",
                      height=max(300, 18 * frame.height + 80))
    return fig


def lines(frame: pl.DataFrame, series: str, value: str = "engagements") -> go.Figure:
    """One line per series over period."""
    fig = px.line(frame.to_pandas(), x="period", y=value, color=series, markers=True)
    fig.update_layout(margin=dict(t=10, b=10), legend_orientation="h")
    return fig


def network(edges: pl.DataFrame, names: dict[str, str]) -> go.Figure:
    """Who met whom: people on a circle, lines weighted by shared engagements (source, target, weight)."""
    people = sorted(set(edges["source"]) | set(edges["target"]))
    step = 2 * math.pi / max(len(people), 1)
    pos = {p: (math.cos(i * step), math.sin(i * step)) for i, p in enumerate(people)}
    fig = go.Figure()
    for source, target, weight in edges.select("source", "target", "weight").iter_rows():
        (x0, y0), (x1, y1) = pos[source], pos[target]
        fig.add_trace(go.Scatter(x=[x0, x1], y=[y0, y1], mode="lines", hoverinfo="skip", showlegend=False,
                                 line=dict(width=min(1 + weight, 8), color="rgba(100,100,160,0.45)")))
    fig.add_trace(go.Scatter(x=[pos[p][0] for p in people], y=[pos[p][1] for p in people], mode="markers+text",
                             text=[names.get(p, p) for p in people], textposition="top center", showlegend=False,
                             marker=dict(size=10, color="#1f77b4"), hoverinfo="text"))
    fig.update_layout(xaxis=dict(visible=False), yaxis=dict(visible=False), height=600, margin=dict(t=10, b=10))
    return fig
