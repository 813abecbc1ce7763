"""The kiosk's SQLite store: products, labels, sales ledger, audit log, staff.

No other package writes SQL; this is the API (``db`` is what ``catalog.db.connect`` returns):

- ``catalog.db``: ``connect(path, *, busy_timeout=5.0)``, ``write_transaction(db)``.
- ``catalog.products``: ``get_product``, ``get_by_label``, ``list_products``,
  ``products_by_label``, ``upsert_product``, ``set_product_active``, ``add_label``,
  ``delete_label``, and the promotion functions of ``catalog.promotions``
  (``add_promotion``, ``list_promotions``, ``active_promotions``, ``deactivate_promotion``).
- ``catalog.sales``: ``record_sale``, ``get_sale``, ``list_sales``, ``sales_summary``.
- ``catalog.staff``: ``add_staff``, ``verify_pin``, ``list_staff``, ``set_staff_active``,
  ``set_pin``.
- ``catalog.settings``: ``get_setting``, ``set_setting``, ``list_settings``.
- ``catalog.audit``: ``record``, ``list_entries``.
- ``catalog.importexport``: ``import_csv``, ``import_csv_bytes``, ``export_csv``,
  ``export_csv_text``; ``catalog.demo.seed_demo``.
- ``catalog.money``: exact text <-> cents conversions (``parse_price``, ``format_cents``).

Failures raise subclasses of ``catalog.errors.CatalogError`` with messages for people.
"""
