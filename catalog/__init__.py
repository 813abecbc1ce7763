"""The kiosk's SQLite store: products, labels, sales ledger, audit log, staff."""
