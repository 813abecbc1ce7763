"""The bundled demo model and the offline tools that build models (train extra)."""
