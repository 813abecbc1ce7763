"""Failures of the detector the user can act on: each names the file or frame and the fix."""

from __future__ import annotations

from kiosk.errors import KioskError


class ModelError(KioskError):
    """The detection model file cannot be used as it is."""


class ModelNotFound(ModelError):
    """The model file does not exist."""


class NotAnOnnxModel(ModelError):
    """The file exists but ONNX Runtime cannot read it as a model."""


class NotADetectionModel(ModelError):
    """The file is an ONNX model, but not an object-detection model the kiosk can decode."""


class BadModelInput(ModelError):
    """The model's input is not one image tensor (1, 3, H, W) of float32 or float16."""


class MissingModelMetadata(ModelError):
    """Class names or input size are neither in the model's metadata nor given as overrides."""


class ProviderUnavailable(ModelError):
    """The requested execution provider (CUDA, TensorRT, OpenVINO, ...) is not usable here."""


class BadFrame(KioskError):
    """A camera frame cannot be turned into a BGR uint8 image (empty, odd shape or type, huge)."""
