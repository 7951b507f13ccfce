"""Charts as PNG, drawn with matplotlib's Agg backend (no display needed on a server)."""
from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
from matplotlib.figure import Figure  # noqa: E402

from digests.data import TONE_ORDER, DayCounts  # noqa: E402
from handlers.reply import Chart  # noqa: E402

TONE_COLOURS = {"positive": "#2e7d32", "neutral": "#9e9e9e", "negative": "#c62828"}


def coverage_by_day_chart(days: list[DayCounts], title: str, label_format: str = "%a %-d") -> Chart:
    """A stacked bar chart of items per day by tone, with the same numbers in words."""
    figure = Figure(figsize=(6.4, 3.0), dpi=100)
    axes = figure.subplots()
    labels = [d.day.strftime(label_format) for d in days]
    bottom = [0] * len(days)
    for tone in TONE_ORDER:
        values = [getattr(d.tones, tone) for d in days]
        axes.bar(range(len(days)), values, bottom=bottom, label=tone, color=TONE_COLOURS[tone])
        bottom = [b + v for b, v in zip(bottom, values)]
    axes.set_xticks(range(len(days)), labels)
    axes.set_ylabel("items")
    axes.set_title(title, fontsize=10)
    axes.legend(fontsize=8, frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    figure.subplots_adjust(left=0.08, right=0.98, top=0.9, bottom=0.12)  # fixed: tight_layout draws twice
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})  # speed over a few kB
    words = "; ".join(f"{d.day:%a %-d %b}: {d.tones.total} ({d.tones.positive} positive, "
                      f"{d.tones.negative} negative)" for d in days)
    return Chart(title=title, png=buffer.getvalue(), alt_text=f"Coverage by day. {words}.")
