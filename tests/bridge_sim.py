"""A payment bridge speaking the kiosk's ``/v1`` contract over real HTTP, with a scripted
terminal behind it: the stand-in for the card terminal these machines do not have.

Each payment ends ``delay`` seconds after it starts as the next scripted outcome. A cancel
before then ends it ``cancelled``, unless ``late_cancel`` is set (the card was through
already: it ends as scripted). ``drop_first_answer`` starts the first payment and then
closes the connection without answering, as a network that loses the reply.
"""

from __future__ import annotations

import json
import ssl
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Payment:
    payment_id: str
    sale_key: str
    amount_cents: int
    currency: str
    kiosk_id: str
    outcome: str
    ends_at: float
    state: str = "pending"
    reference: str = ""
    cancel_asked: bool = False

    def as_json(self, now: float) -> dict[str, Any]:
        if self.state == "pending" and now >= self.ends_at:
            self.state = self.outcome
            if self.outcome == "approved":
                self.reference = f"T-{self.payment_id[:6]}"
        return {
            "payment_id": self.payment_id,
            "sale_key": self.sale_key,
            "amount_cents": self.amount_cents,
            "state": self.state,
            "reference": self.reference,
            "message": "Card declined by the bank." if self.state == "declined" else "",
            "method": "card",
        }


@dataclass
class BridgeSim:
    outcomes: list[str] = field(default_factory=lambda: ["approved"])
    delay: float = 0.3
    late_cancel: bool = False
    drop_first_answer: bool = False
    refuse_repeats: bool = False  # a bridge that breaks the contract: 409 for a known id
    ready: bool = True
    token: str = ""  # when set, every request must carry it as a Bearer token
    tls: tuple[str, str] | None = None  # (certificate, key) PEM files: serve https
    payments: dict[str, Payment] = field(default_factory=dict)
    creates: int = 0  # POST /v1/payments requests, repeats included

    def start(self) -> BridgeSim:
        sim = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                sim.handle(self, "GET")

            def do_POST(self) -> None:
                sim.handle(self, "POST")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        scheme = "http"
        if self.tls is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*self.tls)
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
            scheme = "https"
        self.url = f"{scheme}://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def handle(self, req: BaseHTTPRequestHandler, method: str) -> None:
        url = urllib.parse.urlsplit(req.path)
        parts = url.path.strip("/").split("/")
        length = int(req.headers.get("Content-Length") or 0)
        body = json.loads(req.rfile.read(length) or b"{}") if length else {}
        now = time.monotonic()
        if self.token and req.headers.get("Authorization") != f"Bearer {self.token}":
            return self.send(req, 401, {"message": "unknown kiosk"})
        if parts == ["v1", "status"]:
            return self.send(req, 200, {"ready": self.ready, "message": "terminal T1 ready"})
        if parts == ["v1", "payments"] and method == "GET":
            key = urllib.parse.parse_qs(url.query).get("sale_key", [""])[0]
            found = [p.as_json(now) for p in self.payments.values() if p.sale_key == key]
            return self.send(req, 200, {"payments": found})
        if parts == ["v1", "payments"] and method == "POST":
            self.creates += 1
            if body.get("amount_cents", 0) <= 0:
                return self.send(req, 400, {"message": "amount must be positive"})
            payment = self.payments.get(body["payment_id"])
            if payment is not None and self.refuse_repeats:
                return self.send(req, 409, {"message": "payment id already used"})
            if payment is None:
                outcome = self.outcomes[min(len(self.payments), len(self.outcomes) - 1)]
                payment = Payment(
                    body["payment_id"], body["sale_key"], body["amount_cents"],
                    body["currency"], body["kiosk_id"], outcome, now + self.delay,
                )  # fmt: skip
                self.payments[payment.payment_id] = payment
                if self.drop_first_answer:
                    self.drop_first_answer = False
                    req.close_connection = True
                    return None  # started, but the answer never arrives
            return self.send(req, 201, payment.as_json(now))
        if len(parts) >= 3 and parts[:2] == ["v1", "payments"]:
            payment = self.payments.get(parts[2])
            if payment is None:
                return self.send(req, 404, {"message": "no such payment"})
            if parts[3:] == ["cancel"] and method == "POST":
                payment.cancel_asked = True
                if payment.state == "pending" and not self.late_cancel:
                    payment.state = "cancelled"
            return self.send(req, 200, payment.as_json(now))
        return self.send(req, 404, {"message": "unknown path"})

    @staticmethod
    def send(req: BaseHTTPRequestHandler, status: int, answer: dict[str, Any]) -> None:
        data = json.dumps(answer).encode()
        req.send_response(status)
        req.send_header("Content-Type", "application/json")
        req.send_header("Content-Length", str(len(data)))
        req.end_headers()
        req.wfile.write(data)
