"""Colours, sizes and the style sheet: one place so every screen looks like the same product.

Sizes scale with the window (1024x768 is scale 1.0, 4K is about 2.8) so text stays readable
from a metre away on any screen the store mounts; Qt's device-pixel ratio handles high-DPI.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

BRAND = "#0B6E4F"
BRAND_DARK = "#08513A"
INK = "#1B2430"
MUTED = "#5B6675"
PAPER = "#FFFFFF"
CANVAS = "#EEF1F4"
LINE = "#D5DBE2"
AMBER = "#F2A900"
RED = "#C62828"
BLUE = "#1565C0"
VIDEO_BG = "#10161D"

BOX_OK = QColor("#22C55E")
BOX_DOUBT = QColor(AMBER)
BOX_UNKNOWN = QColor("#EF4444")

BANNER_COLOURS = {
    "info": ("#E3F2FD", BLUE),
    "ok": ("#E6F4EA", BRAND),
    "warn": ("#FFF4D6", "#8A5A00"),
    "error": ("#FDECEA", RED),
}


@dataclass(frozen=True)
class Sizes:
    """Pixel sizes at one window scale."""

    scale: float

    def px(self, base: float) -> int:
        return max(1, round(base * self.scale))


def scale_for(width: int, height: int) -> float:
    """The scale for a window of this size: 1.0 at 1024x768, never below 0.7."""
    return max(0.7, min(width / 1024, height / 768, 4.0))


def _disc(s: Sizes, diameter: float, colour: str) -> str:
    """Style of a round badge ``diameter`` pixels across (at scale 1)."""
    d = s.px(diameter)
    return (
        f"background: {colour}; color: white; font-weight: bold; border-radius: {d // 2}px;"
        f" min-width: {d}px; max-width: {d}px; min-height: {d}px; max-height: {d}px;"
    )


def style_sheet(scale: float) -> str:
    """The application style sheet at ``scale``; object names pick the widget roles."""
    s = Sizes(scale)
    return f"""
    QWidget {{ font-family: "DejaVu Sans", "Segoe UI", sans-serif; color: {INK};
               font-size: {s.px(17)}px; }}
    #KioskWindow, #OutOfService {{ background: {CANVAS}; }}
    #Header {{ background: {BRAND}; }}
    #Header QLabel {{ color: white; }}
    #StoreName {{ font-size: {s.px(24)}px; font-weight: bold; }}
    #HeaderHint {{ font-size: {s.px(16)}px; }}
    #StaffButton {{ background: transparent; color: #CDE8DD; border: 1px solid #4F9A80;
                    border-radius: {s.px(6)}px; padding: {s.px(4)}px {s.px(12)}px;
                    font-size: {s.px(14)}px; }}
    #LangButton {{ background: transparent; color: white; border: 1px solid #4F9A80;
                   border-radius: {s.px(6)}px; padding: {s.px(4)}px {s.px(10)}px;
                   font-size: {s.px(14)}px; font-weight: bold; }}
    #Card {{ background: {PAPER}; border: 1px solid {LINE}; border-radius: {s.px(14)}px; }}
    #CardTitle {{ font-size: {s.px(24)}px; font-weight: bold; }}
    #BigMessage {{ font-size: {s.px(32)}px; font-weight: bold; }}
    #Message {{ font-size: {s.px(20)}px; color: {MUTED}; }}
    #StaffReason {{ font-size: {s.px(15)}px; color: {MUTED}; }}
    #Banner {{ border-radius: {s.px(12)}px; padding: {s.px(10)}px {s.px(16)}px; }}
    #BannerText {{ font-size: {s.px(22)}px; font-weight: bold; }}
    #ScreenItemsTitle {{ font-size: {s.px(16)}px; color: {MUTED}; }}
    #ScreenItemName {{ font-size: {s.px(19)}px; }}
    #ScreenItemCount {{ font-size: {s.px(22)}px; font-weight: bold; }}
    #ScreenItemButton {{ background: {PAPER}; color: {INK}; border: 2px solid {LINE};
                        border-radius: {s.px(10)}px; font-size: {s.px(26)}px; font-weight: bold;
                        min-width: {s.px(56)}px; max-width: {s.px(64)}px;
                        min-height: {s.px(52)}px; padding: 0px; }}
    #ScreenItemButton:disabled {{ color: #C5CCD3; }}
    #BannerIcon {{ font-size: {s.px(28)}px; font-weight: bold; }}
    QTableView {{ background: {PAPER}; border: none; font-size: {s.px(18)}px;
                  gridline-color: transparent; selection-background-color: transparent;
                  selection-color: {INK}; }}
    QTableView::item {{ padding: {s.px(4)}px {s.px(4)}px; border-bottom: 1px solid #EDF0F3; }}
    #AdminDialog QCheckBox {{ font-size: {s.px(17)}px; }}
    #AdminDialog QCheckBox::indicator {{ width: {s.px(24)}px; height: {s.px(24)}px; }}
    #ProductLabels {{ font-size: {s.px(17)}px; }}
    #ProductLabels::item {{ min-height: {s.px(40)}px; }}
    #ProductLabels::indicator {{ width: {s.px(24)}px; height: {s.px(24)}px; }}
    QHeaderView::section {{ background: {PAPER}; color: {MUTED}; border: none;
                            border-bottom: 2px solid {LINE}; font-size: {s.px(14)}px;
                            padding: {s.px(4)}px {s.px(6)}px; }}
    #SumLabel, #SumValue {{ font-size: {s.px(18)}px; color: {MUTED}; }}
    #TotalLabel {{ font-size: {s.px(26)}px; font-weight: bold; }}
    #TotalValue {{ font-size: {s.px(46)}px; font-weight: bold; color: {INK}; }}
    QPushButton {{ border-radius: {s.px(12)}px; padding: {s.px(10)}px {s.px(18)}px;
                   font-size: {s.px(20)}px; font-weight: bold; }}
    #PayButton {{ background: {BRAND}; color: white; border: none; font-size: {s.px(32)}px;
                  min-height: {s.px(76)}px; }}
    #PayButton:pressed {{ background: {BRAND_DARK}; }}
    #PayButton:disabled {{ background: #AEB8C2; color: #EEF1F4; }}
    #HelpButton {{ background: {PAPER}; color: {BLUE}; border: 3px solid {BLUE};
                   font-size: {s.px(28)}px; min-height: {s.px(76)}px; }}
    #HelpButton:pressed {{ background: #E3F2FD; }}
    #SecondaryButton {{ background: {PAPER}; color: {INK}; border: 2px solid {LINE};
                        min-height: {s.px(56)}px; }}
    #PrimaryButton {{ background: {BRAND}; color: white; border: none;
                      min-height: {s.px(56)}px; }}
    #DangerButton {{ background: {RED}; color: white; border: none; min-height: {s.px(56)}px; }}
    #ReceiptText {{ font-family: "DejaVu Sans Mono", monospace; font-size: {s.px(15)}px;
                    background: #FBFBF8; border: 1px dashed {LINE}; padding: {s.px(10)}px; }}
    #PinDisplay {{ font-size: {s.px(34)}px; letter-spacing: {s.px(8)}px; padding: {s.px(6)}px;
                   border: 2px solid {LINE}; border-radius: {s.px(8)}px; background: {PAPER}; }}
    #PinKey {{ background: {PAPER}; border: 2px solid {LINE}; font-size: {s.px(26)}px;
               min-width: {s.px(84)}px; min-height: {s.px(64)}px; }}
    #StepNumber {{ {_disc(s, 36, BRAND)} font-size: {s.px(18)}px; }}
    #ReceiptTick {{ {_disc(s, 88, BRAND)} font-size: {s.px(52)}px; }}
    #ClosedBadge {{ {_disc(s, 112, RED)} font-size: {s.px(72)}px; }}
    #Pictogram {{ min-height: {s.px(120)}px; max-height: {s.px(120)}px; }}
    #PinError {{ color: {RED}; font-size: {s.px(17)}px; font-weight: bold; }}
    """
