"""A real card terminal, reached through the store's payment bridge over HTTP and JSON.

Card terminals speak many protocols (ZVT, nexo, OPI, each vendor's own); the kiosk speaks one
small one to a *bridge*, the service a store's payment provider or integrator runs beside the
terminal (on the kiosk PC or the store's network), which speaks the terminal's. The contract
(``/v1``, documented in the README under "Connecting a card terminal"):

- ``POST /v1/payments`` ``{"payment_id", "sale_key", "amount_cents", "currency", "kiosk_id"}``
  starts a payment and returns it; the same ``payment_id`` again returns the same payment
  (a request repeated after a lost answer never charges twice).
- ``GET /v1/payments/ID`` returns ``{"payment_id", "sale_key", "state", "reference",
  "message", "method"}``; ``state`` is ``pending`` until it ends as ``approved``,
  ``declined``, ``cancelled`` or ``timeout``.
- ``POST /v1/payments/ID/cancel`` asks the terminal to stop; the payment still ends in the
  state the terminal decides (``approved`` when the card was through already).
- ``GET /v1/payments?sale_key=KEY`` returns ``{"payments": [...]}``, every attempt for a sale
  (asked after a restart); ``GET /v1/status`` returns ``{"ready": bool, "message"}``.

The kiosk never calls a payment unpaid unless the bridge said so, or the bridge could not
even be reached to start it. When the bridge stops answering during a payment, the kiosk
keeps asking for ``lost_seconds`` and then reports ``UNKNOWN``: the sale's intent stays for
staff to settle against the terminal's journal (``kiosk payments``), and the shopper is sent
for help rather than asked to pay again.

Each payment runs on a thread of its own, so nothing here blocks the checkout's thread.
"""

from __future__ import annotations

import json
import logging
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.errors import KioskError
from kiosk.payment import (
    _SHOPPER_TEXT,
    PaymentBusy,
    PaymentOutcome,
    PaymentProvider,
    PaymentResult,
)

log = logging.getLogger(__name__)

FINAL_STATES = {
    "approved": PaymentOutcome.APPROVED,
    "declined": PaymentOutcome.DECLINED,
    "cancelled": PaymentOutcome.CANCELLED,
    "timeout": PaymentOutcome.TIMEOUT,
}
UNREACHABLE = "The card terminal is not available. Please call for help."
LOST = _SHOPPER_TEXT[PaymentOutcome.UNKNOWN]


class BridgeError(KioskError):
    """The payment bridge answered with an error or something the kiosk cannot use."""

    def __init__(self, message: str, status: int = 0) -> None:
        super().__init__(message)
        self.status = status  # the HTTP status, 0 when the answer itself was unusable


class NotReached(Exception):
    """The request never reached the bridge (refused, no route, no such host)."""


@dataclass
class _Attempt:
    payment_id: str
    sale_key: str
    amount_cents: int
    currency: str
    started: float
    cancel: threading.Event
    result: PaymentResult | None = None


class BridgeTerminal(PaymentProvider):
    """A card terminal behind the payment bridge at ``url`` (e.g. ``http://127.0.0.1:8750``)."""

    def __init__(
        self,
        url: str,
        *,
        kiosk_id: str = "kiosk-1",
        timeout_seconds: float = 180.0,
        lost_seconds: float = 30.0,
        request_seconds: float = 3.0,
        poll_seconds: float = 0.5,
        token: str = "",
        ca_file: str = "",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.url = url.rstrip("/")
        self._headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if token:
            self._headers["Authorization"] = f"Bearer {token}"
        self._tls = ssl.create_default_context(cafile=ca_file or None) if ca_file else None
        self.kiosk_id = kiosk_id
        self.timeout_seconds = timeout_seconds  # then the kiosk asks the terminal to stop
        self.lost_seconds = lost_seconds  # no answer this long during a payment: UNKNOWN
        self.request_seconds = request_seconds
        self.poll_seconds = poll_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._attempt: _Attempt | None = None

    # -- PaymentProvider ------------------------------------------------------------------

    def start(self, sale_key: str, amount_cents: int, currency: str) -> None:
        with self._lock:
            if self._attempt is not None:
                raise PaymentBusy("The payment terminal is still busy: cancel the running payment.")
            attempt = _Attempt(
                str(uuid.uuid4()), sale_key, amount_cents, currency, self._clock(),
                threading.Event(),
            )  # fmt: skip
            self._attempt = attempt
        threading.Thread(target=self._run, args=(attempt,), name="CardPayment", daemon=True).start()

    def poll(self) -> PaymentResult | None:
        with self._lock:
            attempt = self._attempt
            if attempt is None or attempt.result is None:
                return None
            self._attempt = None
            return attempt.result

    def cancel(self) -> None:
        with self._lock:
            if self._attempt is not None:
                self._attempt.cancel.set()

    @property
    def busy(self) -> bool:
        return self._attempt is not None

    def lookup(self, sale_key: str) -> PaymentResult | None:
        query = urllib.parse.urlencode({"sale_key": sale_key})
        try:
            answer = self._request("GET", f"/v1/payments?{query}")
        except (NotReached, OSError, BridgeError) as exc:
            log.warning("payment bridge could not be asked about sale %s: %s", sale_key, exc)
            return None
        payments = answer.get("payments")
        if not isinstance(payments, list):
            return None
        states = [p for p in payments if isinstance(p, dict)]
        for payment in states:
            if payment.get("state") == "approved":
                return _result(payment)
        if any(p.get("state") not in FINAL_STATES for p in states):
            return None  # still running, or a state this kiosk does not know: staff decide
        return PaymentResult(PaymentOutcome.CANCELLED, message="no payment taken for this sale")

    def status(self) -> tuple[bool, str]:
        """Whether the bridge answers and its terminal is ready, and what it says."""
        try:
            answer = self._request("GET", "/v1/status")
        except NotReached as exc:
            return False, f"payment bridge {self.url} not reachable: {exc}"
        except BridgeError as exc:
            hint = ": check [payment] token" if exc.status in (401, 403) else ""
            return False, f"payment bridge {self.url}: {exc}{hint}"
        except OSError as exc:
            return False, f"payment bridge {self.url}: {exc}"
        ready = bool(answer.get("ready"))
        return ready, str(answer.get("message") or ("ready" if ready else "not ready"))

    # -- one payment, on its own thread ---------------------------------------------------

    def _run(self, attempt: _Attempt) -> None:
        try:
            result = self._pay(attempt)
        except Exception:  # never leave the checkout waiting on a dead thread
            log.exception("card payment %s failed in the kiosk", attempt.payment_id)
            result = PaymentResult(PaymentOutcome.UNKNOWN, message=LOST)
        with self._lock:
            attempt.result = result
        log.info(
            "card payment %s for sale %s: %s %s",
            attempt.payment_id, attempt.sale_key, result.outcome.value, result.reference,
        )  # fmt: skip

    def _pay(self, attempt: _Attempt) -> PaymentResult:
        body = {
            "payment_id": attempt.payment_id,
            "sale_key": attempt.sale_key,
            "amount_cents": attempt.amount_cents,
            "currency": attempt.currency,
            "kiosk_id": self.kiosk_id,
        }
        reached = False  # once a request may have arrived, only the bridge can say "not paid"
        last_answer = self._clock()
        payment: dict[str, Any] | None = None
        while payment is None:
            try:
                payment = self._request("POST", "/v1/payments", body)
            except BridgeError as exc:
                if 400 <= exc.status < 500:
                    log.error("payment bridge refused payment %s: %s", attempt.payment_id, exc)
                    if reached:  # an earlier try may have started it: only the journal knows
                        return PaymentResult(PaymentOutcome.UNKNOWN, message=LOST)
                    return PaymentResult(PaymentOutcome.CANCELLED, message=UNREACHABLE)
                reached = True  # the bridge failed while handling it: ask again, same id
                log.warning("payment bridge failed to start %s: %s", attempt.payment_id, exc)
            except NotReached as exc:
                if not reached and self._clock() - attempt.started >= self.request_seconds * 2:
                    log.error("payment bridge %s not reachable: %s", self.url, exc)
                    return PaymentResult(PaymentOutcome.CANCELLED, message=UNREACHABLE)
            except OSError as exc:  # sent, maybe received: ask again with the same id
                reached = True
                log.warning("payment bridge did not answer the start of %s: %s",
                            attempt.payment_id, exc)  # fmt: skip
            if payment is None:
                if reached and self._clock() - last_answer >= self.lost_seconds:
                    return PaymentResult(PaymentOutcome.UNKNOWN, message=LOST)
                time.sleep(self.poll_seconds)
        return self._follow(attempt, payment)

    def _follow(self, attempt: _Attempt, payment: dict[str, Any]) -> PaymentResult:
        path = f"/v1/payments/{attempt.payment_id}"
        last_answer = self._clock()
        cancel_sent: float | None = None  # when the kiosk asked the terminal to stop
        while True:
            state = payment.get("state")
            if state in FINAL_STATES:
                return _result(payment)
            now = self._clock()
            if cancel_sent is not None and now - cancel_sent >= self.lost_seconds:
                # Asked to stop, the terminal neither stopped nor finished: only its journal
                # can say now, and the shopper must not wait at a frozen screen.
                log.error("terminal still busy %.0f s after cancel of %s", now - cancel_sent,
                          attempt.payment_id)  # fmt: skip
                return PaymentResult(PaymentOutcome.UNKNOWN, message=LOST)
            wants_cancel = attempt.cancel.is_set() or now - attempt.started > self.timeout_seconds
            try:
                if wants_cancel and cancel_sent is None:
                    payment = self._request("POST", f"{path}/cancel", {})
                    cancel_sent = self._clock()
                else:
                    time.sleep(self.poll_seconds)
                    payment = self._request("GET", path)
                last_answer = self._clock()
            except (NotReached, OSError, BridgeError) as exc:
                if self._clock() - last_answer >= self.lost_seconds:
                    log.error("payment bridge lost during payment %s: %s", attempt.payment_id, exc)
                    return PaymentResult(PaymentOutcome.UNKNOWN, message=LOST)
                time.sleep(self.poll_seconds)

    # -- HTTP -----------------------------------------------------------------------------

    def _request(self, method: str, path: str, body: dict[str, Any] | None = None) -> dict:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.url + path, data=data, method=method, headers=self._headers
        )
        try:
            with urllib.request.urlopen(
                request, timeout=self.request_seconds, context=self._tls
            ) as response:
                text = response.read()
        except urllib.error.HTTPError as exc:
            raise BridgeError(f"HTTP {exc.code}: {_message(exc.read())}", exc.code) from exc
        except urllib.error.URLError as exc:
            if _not_reached(exc.reason):
                raise NotReached(str(exc.reason)) from exc
            raise OSError(str(exc.reason)) from exc
        try:
            answer = json.loads(text)
        except ValueError as exc:
            raise BridgeError(f"not JSON: {text[:80]!r}") from exc
        if not isinstance(answer, dict):
            raise BridgeError(f"expected a JSON object, got {type(answer).__name__}")
        return answer


def _not_reached(reason: object) -> bool:
    """True when the request cannot have arrived: nobody listens, or no route to the host."""
    return isinstance(reason, (ConnectionRefusedError, socket.gaierror)) or (
        isinstance(reason, OSError) and getattr(reason, "errno", None) in (101, 113)
    )


def _message(raw: bytes) -> str:
    try:
        answer = json.loads(raw)
    except ValueError:
        return raw[:120].decode("utf-8", "replace")
    if isinstance(answer, dict) and answer.get("message"):
        return str(answer["message"])
    return raw[:120].decode("utf-8", "replace")


def _result(payment: dict[str, Any]) -> PaymentResult:
    outcome = FINAL_STATES[str(payment["state"])]
    return PaymentResult(
        outcome,
        reference=str(payment.get("reference") or ""),
        message=str(payment.get("message") or ""),
        method=str(payment.get("method") or "card"),
    )
