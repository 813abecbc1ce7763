"""Colours, sizes and the style sheet: one place so every screen looks like the same product.

Sizes scale with the window (1024x768 is scale 1.0, 4K is about 2.8) so text stays readable
from a metre away on any screen the store mounts; Qt's device-pixel ratio handles high-DPI.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor


@dataclass(frozen=True)
class Palette:
    """The colours of every screen; ``on_*`` is the text colour on that background."""

    header: str
    header_edge: str
    brand: str
    brand_pressed: str
    on_brand: str
    ink: str
    muted: str
    paper: str
    canvas: str
    line: str
    rule: str  # between table rows
    red: str
    on_red: str
    help: str
    help_pressed: str
    header_text: str
    header_soft: str  # the staff button: there, not inviting
    header_border: str
    disabled_bg: str
    disabled_fg: str
    faint: str
    receipt_bg: str
    banners: dict[str, tuple[str, str]] = field(hash=False)  # level: (background, colour)


STANDARD = Palette(
    header="#0B6E4F",
    header_edge="#0B6E4F",
    brand="#0B6E4F",
    brand_pressed="#08513A",
    on_brand="#FFFFFF",
    ink="#1B2430",
    muted="#5B6675",
    paper="#FFFFFF",
    canvas="#EEF1F4",
    line="#D5DBE2",
    rule="#EDF0F3",
    red="#C62828",
    on_red="#FFFFFF",
    help="#1565C0",
    help_pressed="#E3F2FD",
    header_text="#FFFFFF",
    header_soft="#CDE8DD",
    header_border="#4F9A80",
    disabled_bg="#AEB8C2",
    disabled_fg="#EEF1F4",
    faint="#C5CCD3",
    receipt_bg="#FBFBF8",
    banners={
        "info": ("#E3F2FD", "#1565C0"),
        "ok": ("#E6F4EA", "#0B6E4F"),
        "warn": ("#FFF4D6", "#8A5A00"),
        "error": ("#FDECEA", "#C62828"),
    },
)

# For shoppers who see poorly: white and yellow on black, no grey text, every edge drawn
# (each text colour here is at least 7:1 against black, WCAG's AAA level).
HIGH_CONTRAST = Palette(
    header="#000000",
    header_edge="#FFD500",
    brand="#FFD500",
    brand_pressed="#FFEA80",
    on_brand="#000000",
    ink="#FFFFFF",
    muted="#FFFFFF",
    paper="#000000",
    canvas="#000000",
    line="#FFFFFF",
    rule="#9A9A9A",
    red="#FF8A80",
    on_red="#000000",
    help="#FFFFFF",
    help_pressed="#333333",
    header_text="#FFFFFF",
    header_soft="#FFFFFF",
    header_border="#FFFFFF",
    disabled_bg="#333333",
    disabled_fg="#D0D0D0",
    faint="#9A9A9A",
    receipt_bg="#000000",
    banners={
        "info": ("#000000", "#FFFFFF"),
        "ok": ("#000000", "#FFD500"),
        "warn": ("#000000", "#FFD500"),
        "error": ("#000000", "#FF8A80"),
    },
)

_active = STANDARD


def colours() -> Palette:
    """The palette the screens use now (widgets that paint themselves ask at paint time)."""
    return _active


def use_palette(palette: Palette) -> None:
    """Switch the palette; the window then re-applies ``style_sheet`` and repaints."""
    global _active
    _active = palette


# The picture's boxes keep their colours in every palette: they are drawn over a photo.
AMBER = "#F2A900"
VIDEO_BG = "#10161D"
BOX_OK = QColor("#22C55E")
BOX_DOUBT = QColor(AMBER)
BOX_UNKNOWN = QColor("#EF4444")


@dataclass(frozen=True)
class Sizes:
    """Pixel sizes at one window scale."""

    scale: float

    def px(self, base: float) -> int:
        return max(1, round(base * self.scale))


def scale_for(width: int, height: int) -> float:
    """The scale for a window of this size: 1.0 at 1024x768, never below 0.7."""
    return max(0.7, min(width / 1024, height / 768, 4.0))


def _disc(s: Sizes, diameter: float, colour: str, text: str) -> str:
    """Style of a round badge ``diameter`` pixels across (at scale 1)."""
    d = s.px(diameter)
    return (
        f"background: {colour}; color: {text}; font-weight: bold; border-radius: {d // 2}px;"
        f" min-width: {d}px; max-width: {d}px; min-height: {d}px; max-height: {d}px;"
    )


def style_sheet(scale: float, c: Palette = STANDARD) -> str:
    """The application style sheet at ``scale`` in palette ``c``; object names pick the
    widget roles."""
    s = Sizes(scale)
    return f"""
    QWidget {{ font-family: "DejaVu Sans", "Segoe UI", sans-serif; color: {c.ink};
               font-size: {s.px(17)}px; }}
    #KioskWindow, #OutOfService {{ background: {c.canvas}; }}
    #Header {{ background: {c.header}; border-bottom: {s.px(3)}px solid {c.header_edge}; }}
    #Header QLabel {{ color: {c.header_text}; }}
    #StoreName {{ font-size: {s.px(24)}px; font-weight: bold; }}
    #HeaderHint {{ font-size: {s.px(16)}px; }}
    #StaffButton {{ background: transparent; color: {c.header_soft};
                    border: 1px solid {c.header_border};
                    border-radius: {s.px(6)}px; padding: {s.px(4)}px {s.px(12)}px;
                    font-size: {s.px(14)}px; }}
    #LangButton {{ background: transparent; color: {c.header_text};
                   border: 1px solid {c.header_border};
                   border-radius: {s.px(6)}px; padding: {s.px(4)}px {s.px(10)}px;
                   font-size: {s.px(14)}px; font-weight: bold; }}
    #Rule {{ color: {c.line}; }}
    #LangButton:checked {{ background: {c.header_text}; color: {c.header}; }}
    #LanguageMenu {{ background: {c.paper}; border: 2px solid {c.line};
                     padding: {s.px(6)}px; }}
    #LanguageMenu::item {{ color: {c.ink}; font-size: {s.px(22)}px; font-weight: bold;
                           padding: {s.px(14)}px {s.px(40)}px; }}
    #LanguageMenu::item:selected {{ background: {c.brand}; color: {c.on_brand}; }}
    QDialog {{ background: {c.canvas}; }}
    QLineEdit, QListWidget, QPlainTextEdit {{ background: {c.paper}; color: {c.ink};
        border: 1px solid {c.line}; border-radius: {s.px(4)}px;
        padding: {s.px(3)}px {s.px(5)}px; }}
    #ReceiptPreview {{ background: {c.paper}; color: {c.ink}; border: 1px dashed {c.line};
                       font-family: "DejaVu Sans Mono", monospace;
                       padding: {s.px(10)}px; font-size: {s.px(14)}px; }}
    QAbstractSpinBox, QComboBox {{ background: {c.paper}; color: {c.ink}; }}
    QTabWidget::pane {{ background: {c.paper}; border: 1px solid {c.line}; }}
    QTabBar::tab {{ background: {c.canvas}; color: {c.ink}; border: 1px solid {c.line};
                    padding: {s.px(8)}px {s.px(8)}px; font-size: {s.px(16)}px; }}
    QTabBar::tab:selected {{ background: {c.paper}; font-weight: bold; }}
    #Card {{ background: {c.paper}; border: 1px solid {c.line}; border-radius: {s.px(14)}px; }}
    #CardTitle {{ font-size: {s.px(24)}px; font-weight: bold; }}
    #BigMessage {{ font-size: {s.px(32)}px; font-weight: bold; }}
    #Message {{ font-size: {s.px(20)}px; color: {c.muted}; }}
    #StaffReason {{ font-size: {s.px(15)}px; color: {c.muted}; }}
    #Banner {{ border-radius: {s.px(12)}px; padding: {s.px(10)}px {s.px(16)}px; }}
    #BannerText {{ font-size: {s.px(22)}px; font-weight: bold; }}
    #ScreenItemsTitle {{ font-size: {s.px(16)}px; color: {c.muted}; }}
    #ScreenItemName {{ font-size: {s.px(19)}px; }}
    #ScreenItemCount {{ font-size: {s.px(22)}px; font-weight: bold; }}
    #ScreenItemButton {{ background: {c.paper}; color: {c.ink}; border: 2px solid {c.line};
                        border-radius: {s.px(10)}px; font-size: {s.px(26)}px; font-weight: bold;
                        min-width: {s.px(56)}px; max-width: {s.px(64)}px;
                        min-height: {s.px(52)}px; padding: 0px; }}
    #ScreenItemButton:disabled {{ color: {c.faint}; }}
    #BannerIcon {{ font-size: {s.px(28)}px; font-weight: bold; }}
    QTableView {{ background: {c.paper}; border: none; font-size: {s.px(18)}px;
                  gridline-color: transparent; selection-background-color: transparent;
                  selection-color: {c.ink}; }}
    QTableView::item {{ padding: {s.px(4)}px {s.px(4)}px; border-bottom: 1px solid {c.rule}; }}
    #AdminDialog QCheckBox {{ font-size: {s.px(17)}px; }}
    #AdminDialog QCheckBox::indicator, #ProductLabels::indicator {{ width: {s.px(22)}px;
        height: {s.px(22)}px; border: 2px solid {c.ink}; border-radius: {s.px(4)}px;
        background: {c.paper}; }}
    #AdminDialog QCheckBox::indicator:checked, #ProductLabels::indicator:checked {{
        background: {c.brand}; }}
    #AdminDialog QCheckBox::indicator:disabled {{ border-color: {c.faint}; }}
    #ProductLabels {{ font-size: {s.px(17)}px; }}
    #ProductLabels::item {{ min-height: {s.px(40)}px; }}
    QHeaderView::section {{ background: {c.paper}; color: {c.muted}; border: none;
                            border-bottom: 2px solid {c.line}; font-size: {s.px(14)}px;
                            padding: {s.px(4)}px {s.px(6)}px; }}
    #SumLabel, #SumValue {{ font-size: {s.px(18)}px; color: {c.muted}; }}
    #TotalLabel {{ font-size: {s.px(26)}px; font-weight: bold; }}
    #TotalValue {{ font-size: {s.px(46)}px; font-weight: bold; color: {c.ink}; }}
    QPushButton {{ border-radius: {s.px(12)}px; padding: {s.px(10)}px {s.px(18)}px;
                   font-size: {s.px(20)}px; font-weight: bold; }}
    #PayButton {{ background: {c.brand}; color: {c.on_brand}; border: none; font-size: {s.px(32)}px;
                  min-height: {s.px(76)}px; }}
    #PayButton:pressed {{ background: {c.brand_pressed}; }}
    #PayButton:disabled {{ background: {c.disabled_bg}; color: {c.disabled_fg}; }}
    #HelpButton {{ background: {c.paper}; color: {c.help}; border: 3px solid {c.help};
                   font-size: {s.px(28)}px; min-height: {s.px(76)}px; }}
    #HelpButton:pressed {{ background: {c.help_pressed}; }}
    #SecondaryButton {{ background: {c.paper}; color: {c.ink}; border: 2px solid {c.line};
                        min-height: {s.px(56)}px; }}
    #VoucherButton {{ background: {c.paper}; color: {c.ink}; border: 2px solid {c.line};
                      min-height: {s.px(40)}px; padding: {s.px(4)}px; font-size: {s.px(18)}px; }}
    #VoucherButton:pressed {{ background: {c.line}; }}
    #SecondaryButton:disabled {{ color: {c.faint}; border-color: {c.rule}; }}
    #PrimaryButton {{ background: {c.brand}; color: {c.on_brand}; border: none;
                      min-height: {s.px(56)}px; }}
    #PrimaryButton:disabled {{ background: {c.disabled_bg}; color: {c.disabled_fg}; }}
    #DangerButton {{ background: {c.red}; color: {c.on_red}; border: none;
                     min-height: {s.px(56)}px; }}
    #ReceiptText {{ font-family: "DejaVu Sans Mono", monospace; font-size: {s.px(15)}px;
                    background: {c.receipt_bg}; border: 1px dashed {c.line};
                    padding: {s.px(10)}px; }}
    #PinDisplay {{ font-size: {s.px(34)}px; letter-spacing: {s.px(8)}px; padding: {s.px(6)}px;
                   border: 2px solid {c.line}; border-radius: {s.px(8)}px; background: {c.paper}; }}
    #PinKey {{ background: {c.paper}; border: 2px solid {c.line}; font-size: {s.px(26)}px;
               min-width: {s.px(84)}px; min-height: {s.px(64)}px; }}
    #StepNumber {{ {_disc(s, 36, c.brand, c.on_brand)} font-size: {s.px(18)}px; }}
    #ReceiptTick {{ {_disc(s, 88, c.brand, c.on_brand)} font-size: {s.px(52)}px; }}
    #ClosedBadge {{ {_disc(s, 112, c.red, c.on_red)} font-size: {s.px(72)}px; }}
    #Pictogram {{ min-height: {s.px(120)}px; max-height: {s.px(120)}px; }}
    #PinError {{ color: {c.red}; font-size: {s.px(17)}px; font-weight: bold; }}
    """
