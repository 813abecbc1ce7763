"""What the video view draws over the picture, taken from the engine's basket snapshot."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from kiosk.checkout_values import BasketSnapshot, DoubtKind


class MarkKind(str, Enum):
    """How a box is drawn: a recognised item, a doubt to look at, or something unknown."""

    ITEM = "item"
    DOUBT = "doubt"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class BoxMark:
    """One outlined region in source-image pixels with the text shown above it."""

    x1: float
    y1: float
    x2: float
    y2: float
    text: str
    kind: MarkKind = MarkKind.ITEM


def marks_for(basket: BasketSnapshot, doubt_tag: Callable[[DoubtKind], str]) -> tuple[BoxMark, ...]:
    """Boxes for the recognised items, then dashed outlines for every doubt with a region.

    Unknown products get the red outline, other doubts amber; the kiosk never draws a
    product name it is not sure of.
    """
    marks = [BoxMark(*item.region, text=item.name) for item in basket.items]
    for doubt in basket.doubts:
        if doubt.region is None:
            continue
        unknown = doubt.kind in (
            DoubtKind.UNKNOWN_LABEL,
            DoubtKind.INACTIVE_PRODUCT,
            DoubtKind.UNRECOGNISED,
        )
        kind = MarkKind.UNKNOWN if unknown else MarkKind.DOUBT
        marks.append(BoxMark(*doubt.region, text=doubt_tag(doubt.kind), kind=kind))
    return tuple(marks)
