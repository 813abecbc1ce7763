"""Failures of the detector the user can act on: each names the file or frame and the fix."""

from __future__ import annotations

from catalog.words import Said
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


def in_short(error: BaseException) -> Said:
    """A staff screen's few words for why a model did not load; the log keeps the whole message
    (paths, ONNX Runtime's own words, the fix)."""
    for kind, words in _IN_SHORT:
        if isinstance(error, kind):
            return words
    return Said("it did not load (the kiosk's log says why)")


_IN_SHORT: tuple[tuple[type[ModelError], Said], ...] = (
    (ModelNotFound, Said("the file is missing")),
    (NotAnOnnxModel, Said("the file is not a readable ONNX model (damaged, or cut short?)")),
    (NotADetectionModel, Said("it is not a detection model this kiosk can read")),
    (BadModelInput, Said("its input is not one camera picture")),
    (MissingModelMetadata, Said("it does not name its labels or picture size")),
    (ProviderUnavailable, Said("the processor it asks for is not usable on this PC")),
    (ModelError, Said("it cannot be used as it is")),
)
