"""PySide6 adapters: the shopper's window, the inference thread, staff screens."""
