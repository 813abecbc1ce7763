"""PySide6 adapters: the shopper's window, the inference thread, staff screens."""

from ui.refcount_guard import guard_singleton_refcounts

guard_singleton_refcounts()
