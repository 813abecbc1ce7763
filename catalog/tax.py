"""Tax per rate: what a receipt and a day's report show for each tax rate (net, tax, gross).

Receipts in many countries must show the tax of each rate separately, and a VAT return asks
for each rate's net takings and tax. The bands are read from the recorded sale lines, so they
always add up to the tax the sale recorded: with tax rounded per line they are the lines' own
taxes; with tax rounded once per sale each rate gets its exact share, rounded, and the cent
the rounding may leave over goes to the rate with the largest remainder.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from fractions import Fraction
from typing import TypeVar

from catalog.models import RefundLine, Sale, SaleLine, TaxBand

K = TypeVar("K", bound=Hashable)

__all__ = [
    "exact_tax",
    "refund_tax_bands",
    "round_half_up",
    "sale_tax_bands",
    "share_out",
    "sum_bands",
    "tax_bands_of",
    "taxed_per_line",
]


def round_half_up(value: Fraction) -> int:
    """Nearest integer; exact halves go away from zero (2.5 -> 3, -2.5 -> -3)."""
    magnitude = (2 * abs(value.numerator) + value.denominator) // (2 * value.denominator)
    return magnitude if value >= 0 else -magnitude


def exact_tax(amount_cents: int, rate_bp: int, inclusive: bool) -> Fraction:
    """Unrounded tax in (inclusive prices) or on (exclusive prices) an amount."""
    return Fraction(amount_cents * rate_bp, 10_000 + rate_bp if inclusive else 10_000)


def _band(rate_bp: int, amount: int, tax: int, inclusive: bool) -> TaxBand:
    net, gross = (amount - tax, amount) if inclusive else (amount, amount + tax)
    return TaxBand(rate_bp, net, tax, gross)


def sale_tax_bands(
    lines: Iterable[SaleLine], tax_cents: int, inclusive: bool
) -> tuple[TaxBand, ...]:
    """Net, tax and gross per rate for one sale's lines, adding up to ``tax_cents``."""
    amounts: dict[int, int] = {}
    line_taxes: dict[int, int] = {}
    for line in lines:
        amounts[line.tax_rate_bp] = amounts.get(line.tax_rate_bp, 0) + line.line_cents
        line_taxes[line.tax_rate_bp] = line_taxes.get(line.tax_rate_bp, 0) + line.tax_cents
    rates = sorted(amounts, reverse=True)
    if taxed_per_line(line_taxes.values(), tax_cents):
        taxes = line_taxes
    else:  # rounded once per sale: share it out by rate
        taxes = share_out({r: exact_tax(amounts[r], r, inclusive) for r in rates}, tax_cents)
    return tuple(_band(rate, amounts[rate], taxes[rate], inclusive) for rate in rates)


def taxed_per_line(line_taxes: Iterable[int], tax_cents: int) -> bool:
    """Whether a sale's lines carry its tax (rounded per line) rather than none of it (rounded
    once per sale). A sale rounded once whose tax came to 0 (a bottle voucher at 19 % taking
    off what a 7 % item carried) has lines whose zeros add up to it too: not per line."""
    taxes = list(line_taxes)
    return sum(taxes) == tax_cents and any(taxes)


def share_out(exact: dict[K, Fraction], total: int) -> dict[K, int]:
    """Whole cents per key, adding up to ``total``, each as close to its exact share as the
    sum allows (largest remainders: the shares that rounding cut most take the spare cents).

    A total that is the shares' sum rounded (what the kiosk records) is shared out as the
    shares stand. Another total (a sale recorded by another program) is shared out whole in
    proportion to them. The first is never scaled: shares of both signs (a voucher's negative
    tax beside an item's) would be blown up by their small sum.
    """
    if not exact:
        return {}
    weight = sum(exact.values(), Fraction(0))
    keys = list(exact)
    if total == round_half_up(weight):
        quotas = dict(exact)
    elif weight == 0:  # nothing to weigh by: equal shares
        quotas = {k: Fraction(total, len(keys)) for k in keys}
    else:
        quotas = {k: total * exact[k] / weight for k in keys}
    floors = {k: quotas[k].numerator // quotas[k].denominator for k in keys}
    spare = total - sum(floors.values())
    for key in sorted(keys, key=lambda k: quotas[k] - floors[k], reverse=True)[:spare]:
        floors[key] += 1
    return floors


def sum_bands(bands: Iterable[TaxBand]) -> tuple[TaxBand, ...]:
    """Bands of many sales added up per rate, highest rate first."""
    total: dict[int, TaxBand] = {}
    for band in bands:
        old = total.get(band.rate_bp, TaxBand(band.rate_bp, 0, 0, 0))
        total[band.rate_bp] = TaxBand(
            band.rate_bp,
            old.net_cents + band.net_cents,
            old.tax_cents + band.tax_cents,
            old.gross_cents + band.gross_cents,
        )
    return tuple(total[rate] for rate in sorted(total, reverse=True))


def tax_bands_of(sale: Sale) -> tuple[TaxBand, ...]:
    """:func:`sale_tax_bands` of a recorded sale."""
    draft = sale.draft
    return sale_tax_bands(sale.lines or draft.lines, draft.tax_cents, draft.tax_inclusive)


def refund_tax_bands(lines: Iterable[RefundLine]) -> tuple[TaxBand, ...]:
    """Refunded lines' tax per rate, negative: money that went back."""
    return sum_bands(
        TaxBand(line.tax_rate_bp, line.tax_cents - line.amount_cents, -line.tax_cents,
                -line.amount_cents)
        for line in lines
    )  # fmt: skip
