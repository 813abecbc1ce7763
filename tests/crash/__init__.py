"""Child processes for the catalog's crash and lock tests (run with ``python -m``)."""
