"""Paint one :class:`~rwassign.peta.layout.MapContent` as a PNG, offline, with matplotlib.

matplotlib is well kept, needs no network and no screen: the figure is built with its
object API on the Agg canvas (no ``pyplot``, so no global state and no window system), and
nothing is fetched (no tiles: a Polres office may have no internet).  The same content gives
the same bytes: the style and font are matplotlib's own defaults (not the machine's
``matplotlibrc``), and the PNG carries no software or date stamp
(``metadata={"Software": None}``).

The figure has two parts side by side: the map, whose limits are fitted to its box so that a
kilometre is as long east-west as north-south, and a panel with the north arrow, the legend,
the notes and the scale bar, so none of them can cover a unit.
"""

from __future__ import annotations

import io
import math
import textwrap
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from matplotlib import patheffects, rc_context, style
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from rwassign import i18n
from rwassign.model import PRIORITY_LABELS
from rwassign.peta.layout import MapContent

__all__ = ["DPI", "FIGSIZE", "Style", "legend_entries", "notes", "render_png", "title_lines"]

FIGSIZE = (12.0, 8.5)
"""Inches; at :data:`DPI` a 1200 x 850 picture: sharp on a screen, small as a file."""
DPI = 100
MAP_BOX = (0.012, 0.025, 0.70, 0.855)
"""The map's place in the figure (left, bottom, width, height, as fractions)."""
PANEL_BOX = (0.725, 0.025, 0.265, 0.855)


@dataclass(frozen=True)
class Style:
    """How one kind of point is drawn: fill, edge, marker shape, area in points squared."""

    color: str
    edge: str
    marker: str
    size: float


COVERED = Style("#1a9850", "#0b4d27", "o", 34.0)
OPEN = {
    3: Style("#d7191c", "#5c0000", "^", 62.0),
    2: Style("#fd8d3c", "#7f2704", "D", 30.0),
    1: Style("#ffe033", "#6b5a00", "v", 44.0),
}
"""Open units by priority: colour and shape both differ, for readers who do not see red."""
HOME = Style("#08306b", "none", "s", 11.0)
RESERVE = Style("white", "#08306b", "s", 24.0)
CONTEXT = Style("#c8c8c8", "none", "o", 9.0)
LINE_COLOUR, LINE_WIDTH, LINE_ALPHA = "#2171b5", 0.7, 0.55
SCALE_STEPS = (0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0)


def title_lines(content: MapContent, polres: str, lang: str) -> tuple[str, str]:
    """The map's title (the Polsek, or the whole Polres) and its line of counts."""
    c = content.counts
    area = content.polsek or i18n.text("peta.whole", {"polres": polres}, lang)
    detail = ""
    if content.priorities_given and c.get("open", 0):
        detail = i18n.text(
            "peta.open_detail",
            {"high": c.get("open_3", 0), "medium": c.get("open_2", 0), "low": c.get("open_1", 0)},
            lang,
        )
    sub = i18n.text(
        "peta.subtitle",
        {
            "units": c.get("units", 0),
            "covered": c.get("covered", 0),
            "open": c.get("open", 0),
            "open_detail": detail,
            "members": c.get("members", 0),
        },
        lang,
    )
    return i18n.text("peta.title", {"area": area}, lang), sub


def legend_entries(content: MapContent, lang: str) -> list[tuple[str, Style | None]]:
    """(label, style) of each legend line, counts included (``None``: the member-to-unit
    line).  Open priorities with no unit are left out; without a priority column the open
    units are one entry."""
    c = content.counts
    out: list[tuple[str, Style | None]] = [
        (i18n.text("peta.legend.covered", {"n": c.get("covered", 0)}, lang), COVERED)
    ]
    if content.priorities_given:
        for p in (3, 2, 1):
            n = c.get(f"open_{p}", 0)
            if n:
                label = i18n.text(
                    "peta.legend.open_priority", {"priority": PRIORITY_LABELS[p], "n": n}, lang
                )
                out.append((label, OPEN[p]))
    elif c.get("open", 0):
        out.append((i18n.text("peta.legend.open", {"n": c["open"]}, lang), OPEN[3]))
    out.append((i18n.text("peta.legend.home", {"n": c.get("homes", 0)}, lang), HOME))
    if c.get("reserve", 0):
        out.append((i18n.text("peta.legend.reserve", {"n": c["reserve"]}, lang), RESERVE))
    out.append((i18n.text("peta.legend.line", {"n": c.get("lines", 0)}, lang), None))
    if content.context and content.polsek is not None:
        out.append((i18n.text("peta.legend.other", None, lang), CONTEXT))
    return out


def notes(content: MapContent, lang: str) -> list[str]:
    """The notes under the legend: what is not drawn, what is moved, how the map is drawn."""
    c = content.counts
    out = []
    for key, code in (
        ("units_without_point", "peta.note.no_point_units"),
        ("members_without_point", "peta.note.no_point_members"),
        ("spread", "peta.note.spread"),
    ):
        if c.get(key, 0):
            out.append(i18n.text(code, {"n": c[key]}, lang))
    out.append(i18n.text("peta.note.projection", None, lang))
    return out


def render_png(content: MapContent, polres: str, lang: str) -> bytes:
    """The map as PNG bytes (1200 x 850 pixels).

    Drawn under matplotlib's default style with its bundled DejaVu Sans, whatever a
    ``matplotlibrc`` on the machine says, so the picture does not depend on the office."""
    with style.context("default"), rc_context({"font.family": "DejaVu Sans"}):
        return _render(content, polres, lang)


def _render(content: MapContent, polres: str, lang: str) -> bytes:
    fig = Figure(figsize=FIGSIZE, dpi=DPI)
    FigureCanvasAgg(fig)
    title, sub = title_lines(content, polres, lang)
    fig.text(0.012, 0.958, _plain(title), fontsize=15, fontweight="bold", va="center")
    fig.text(0.012, 0.915, _plain(sub), fontsize=10.5, va="center", color="#333333")
    ax = fig.add_axes(MAP_BOX)
    px_per_km = _fit(ax, content.bounds)
    _paint_map(ax, content, px_per_km)
    panel = fig.add_axes(PANEL_BOX)
    panel.set_axis_off()
    panel.set_xlim(0, 1)
    panel.set_ylim(0, 1)
    _paint_panel(panel, content, lang, px_per_km)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _plain(text: str) -> str:
    """``text`` as it reads: names come from the input, and matplotlib would typeset a pair
    of ``$`` in a kecamatan or Polsek name as a formula."""
    return text.replace("$", r"\$")


def _fit(ax: Axes, bounds: tuple[float, float, float, float]) -> float:
    """Set the map's limits around ``bounds`` (with a margin) to the box's own proportions, so
    one km is equally long both ways; return pixels per km."""
    x0, x1, y0, y1 = bounds
    box_w = MAP_BOX[2] * FIGSIZE[0] * DPI
    box_h = MAP_BOX[3] * FIGSIZE[1] * DPI
    margin = 0.06 * max(x1 - x0, y1 - y0)
    x0, x1, y0, y1 = x0 - margin, x1 + margin, y0 - margin, y1 + margin
    w, h = x1 - x0, y1 - y0
    if w / h < box_w / box_h:
        extra = (h * box_w / box_h - w) / 2
        x0, x1 = x0 - extra, x1 + extra
    else:
        extra = (w * box_h / box_w - h) / 2
        y0, y1 = y0 - extra, y1 + extra
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    return box_w / (x1 - x0)


def _scale_km(px_per_km: float, room_px: float) -> float:
    """The longest round length (1, 2, 5 x 10^n km) that fits in ``room_px``."""
    fitting = [s for s in SCALE_STEPS if s * px_per_km <= room_px]
    return fitting[-1] if fitting else SCALE_STEPS[0]


def _paint_map(ax: Axes, content: MapContent, px_per_km: float) -> None:
    """Units, homes, lines, the other Polsek's units for orientation and kecamatan names."""
    ax.set_facecolor("#f6f5ef")
    ax.tick_params(left=False, bottom=False, labelleft=False, labelbottom=False)
    step = _scale_km(px_per_km, 160.0)  # a km grid, as on a topographic sheet
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    ax.set_xticks([k * step for k in range(math.ceil(x0 / step), math.floor(x1 / step) + 1)])
    ax.set_yticks([k * step for k in range(math.ceil(y0 / step), math.floor(y1 / step) + 1)])
    ax.grid(True, color="#e1dfd3", linewidth=0.6)
    ax.set_axisbelow(True)
    _dots(ax, list(content.context), CONTEXT, 1)
    if content.lines:
        segments = [((a, b), (c, d)) for a, b, c, d in content.lines]
        lines = LineCollection(
            segments, colors=LINE_COLOUR, linewidths=LINE_WIDTH, alpha=LINE_ALPHA, zorder=2
        )
        ax.add_collection(lines)
    _dots(ax, [(m.x, m.y) for m in content.units if m.covered], COVERED, 3)
    for p in (1, 2, 3):  # the most urgent on top
        style = OPEN[p] if content.priorities_given else OPEN[3]
        points = [(m.x, m.y) for m in content.units if not m.covered and m.priority == p]
        _dots(ax, points, style, 4 + p)
    _dots(ax, [(h.x, h.y) for h in content.homes if h.assigned], HOME, 8)
    _dots(ax, [(h.x, h.y) for h in content.homes if not h.assigned], RESERVE, 8)
    halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]
    for x, y, n in content.shared_homes():
        ax.annotate(
            str(n),
            (x, y),
            xytext=(4, 3),
            textcoords="offset points",
            fontsize=7.5,
            color=HOME.color,
            path_effects=halo,
            zorder=9,
        )
    _place_labels(ax, content, px_per_km, halo)


def _place_labels(ax: Axes, content: MapContent, px_per_km: float, halo: list[Any]) -> None:
    """Put each kecamatan's name near the middle of its units where it hides fewest points.

    Candidate spots ring the kecamatan's mean point at growing distances; a spot costs the
    points its box would hide (units and homes most, the other Polsek's dots a little), a
    clash with a name already placed or with the map's edge rules it out, and distance
    breaks ties, so a name stays beside its kecamatan without covering its units.  Names are
    placed in order of size of their kecamatan, the largest (hardest to place) first.
    """
    if not content.labels:
        return
    renderer = ax.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    data = np.array([(m.x, m.y) for m in content.units] + [(h.x, h.y) for h in content.homes])
    data = data.reshape(-1, 2)
    context = np.array(content.context).reshape(-1, 2)
    x_lo, x_hi = ax.get_xlim()
    y_lo, y_hi = ax.get_ylim()
    placed: list[tuple[float, float, float, float]] = []
    for label in sorted(content.labels, key=lambda lb: -lb.units):
        text = ax.text(
            label.x,
            label.y,
            _plain(label.name),
            fontsize=9.5,
            fontweight="bold",
            color="#333333",
            ha="center",
            va="center",
            path_effects=halo,
            zorder=10,
        )
        box = text.get_window_extent(renderer)
        half_w = (box.width / 2 + 3) / px_per_km
        half_h = (box.height / 2 + 2) / px_per_km
        best: tuple[float, float, float] | None = None
        for dx, dy in _spots(half_w, half_h):
            x, y = label.x + dx, label.y + dy
            rect = (x - half_w, x + half_w, y - half_h, y + half_h)
            if rect[0] < x_lo or rect[1] > x_hi or rect[2] < y_lo or rect[3] > y_hi:
                continue
            if any(_overlap(rect, other) for other in placed):
                continue
            cost = 6.0 * _inside(data, rect) + _inside(context, rect)
            cost += math.hypot(dx / half_w, dy / half_h) * 0.35
            if best is None or cost < best[0]:
                best = (cost, x, y)
        x, y = (label.x, label.y) if best is None else (best[1], best[2])
        text.set_position((x, y))
        if math.hypot((x - label.x) / half_w, (y - label.y) / half_h) > 1.2:
            # moved off its kecamatan: a thin leader from the box's edge to the mean point
            ex = min(max(label.x, x - half_w), x + half_w)
            ey = min(max(label.y, y - half_h), y + half_h)
            ax.plot(
                [ex, label.x],
                [ey, label.y],
                color="#555555",
                linewidth=0.7,
                linestyle=(0, (2, 1.5)),
                zorder=9,
            )
        placed.append((x - half_w, x + half_w, y - half_h, y + half_h))


def _spots(half_w: float, half_h: float) -> list[tuple[float, float]]:
    """Offsets around a point: the point itself, then eight directions at growing steps."""
    out = [(0.0, 0.0)]
    for step in (0.8, 1.6, 2.4, 3.4, 4.6, 6.0):
        for ux, uy in ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1)):
            out.append((ux * step * half_w * 0.9, uy * step * half_h * 1.6))
    return out


def _inside(points: npt.NDArray[np.float64], rect: tuple[float, float, float, float]) -> int:
    if not len(points):
        return 0
    x, y = points[:, 0], points[:, 1]
    return int(np.count_nonzero((x >= rect[0]) & (x <= rect[1]) & (y >= rect[2]) & (y <= rect[3])))


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


def _dots(ax: Axes, points: list[tuple[float, float]], style: Style, z: int) -> None:
    if not points:
        return
    xs, ys = zip(*points, strict=True)
    edge = 0.0 if style.edge == "none" else (1.1 if style.color == "white" else 0.6)
    ax.scatter(
        xs,
        ys,
        s=style.size,
        c=style.color,
        marker=style.marker,
        edgecolors=style.edge,
        linewidths=edge,
        zorder=z,
    )


def _paint_panel(panel: Axes, content: MapContent, lang: str, px_per_km: float) -> None:
    """North arrow, legend, notes and scale bar, outside the map."""
    arrow = {"arrowstyle": "-|>,head_width=0.45,head_length=0.9", "lw": 2.2, "color": "#222222"}
    panel.annotate("", xy=(0.07, 0.985), xytext=(0.07, 0.905), arrowprops=arrow)
    panel.text(
        0.13,
        0.945,
        i18n.text("peta.north", None, lang),
        fontsize=14,
        fontweight="bold",
        va="center",
    )
    handles = [_handle(style, _plain(label)) for label, style in legend_entries(content, lang)]
    panel.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0.0, 0.88),
        frameon=False,
        fontsize=9.5,
        title=i18n.text("peta.legend.title", None, lang),
        title_fontsize=10.5,
        alignment="left",
        handlelength=1.8,
        borderaxespad=0.0,
    )
    wrapped = "\n".join(textwrap.fill(_plain(n), 44) for n in notes(content, lang))
    panel.text(0.0, 0.13, wrapped, fontsize=8.5, color="#444444", va="bottom", linespacing=1.3)
    panel_px = PANEL_BOX[2] * FIGSIZE[0] * DPI
    km = _scale_km(px_per_km, 0.8 * panel_px)
    frac = km * px_per_km / panel_px
    for k in range(4):  # alternating black and white quarters, as on a printed map
        colour = "#222222" if k % 2 == 0 else "white"
        panel.add_patch(
            Rectangle(
                (k * frac / 4, 0.04),
                frac / 4,
                0.012,
                facecolor=colour,
                edgecolor="#222222",
                linewidth=0.8,
            )
        )
    panel.text(0.0, 0.065, "0", fontsize=9, ha="center")
    label = i18n.text("peta.scale", {"km": f"{km:g}"}, lang)
    panel.text(frac, 0.065, label, fontsize=9, ha="center")


def _handle(style: Style | None, label: str) -> Line2D:
    """A legend line that looks like what it stands for."""
    if style is None:
        return Line2D([0, 1], [0, 0], color=LINE_COLOUR, linewidth=1.4, label=label)
    return Line2D(
        [],
        [],
        linestyle="none",
        marker=style.marker,
        markersize=math.sqrt(style.size),
        label=label,
        markerfacecolor=style.color,
        markeredgecolor=style.edge,
        markeredgewidth=0.6,
    )
