"""Choose ONNX Runtime execution providers and open a session, falling back to the CPU.

``auto`` ranks the accelerators this onnxruntime build offers (CUDA, DirectML, CoreML,
OpenVINO, then TensorRT last because some wheels list it even when its libraries are absent)
and always appends the CPU. A named provider that is not installed, or that does not come up,
is an error: a kiosk configured for a GPU should say so rather than silently crawl.
"""

from __future__ import annotations

import logging
from pathlib import Path

import onnxruntime as ort

from kiosk.detector_errors import ProviderUnavailable

log = logging.getLogger(__name__)

CPU = "CPUExecutionProvider"
PROVIDER_NAMES = {
    "cpu": CPU,
    "cuda": "CUDAExecutionProvider",
    "tensorrt": "TensorrtExecutionProvider",
    "openvino": "OpenVINOExecutionProvider",
    "directml": "DmlExecutionProvider",
    "coreml": "CoreMLExecutionProvider",
}
AUTO_RANKING = (
    "CUDAExecutionProvider",
    "DmlExecutionProvider",
    "CoreMLExecutionProvider",
    "OpenVINOExecutionProvider",
    "TensorrtExecutionProvider",
)


def resolve_providers(choice: str, available: list[str] | None = None) -> list[str]:
    """Provider list for ONNX Runtime, CPU last.

    ``choice`` is ``auto``, one name (``cuda``; strict: not installed is an error) or a comma
    list in order of preference (``tensorrt,cuda``; those not installed are skipped with a
    warning, and it is an error only if none is). Full ORT names work too.
    """
    available = ort.get_available_providers() if available is None else available
    names = [part.strip() for part in choice.split(",") if part.strip()]
    if not names or [n.lower() for n in names] == ["auto"]:
        return [p for p in AUTO_RANKING if p in available] + [CPU]
    wanted = [PROVIDER_NAMES.get(name.lower(), name) for name in names]
    usable = [p for p in wanted if p in available]
    if not usable:
        known = ", ".join(["auto", *PROVIDER_NAMES])
        raise ProviderUnavailable(
            f"execution provider {choice!r} is not available in this onnxruntime "
            f"(available: {', '.join(available)}): install the matching onnxruntime package "
            f"(e.g. onnxruntime-gpu for cuda) or set detector providers to one of {known}"
        )
    for skipped in (p for p in wanted if p not in available):
        log.warning("execution provider %s is not installed; skipping it", skipped)
    return list(dict.fromkeys([*usable, CPU]))


def _is_auto(choice: str) -> bool:
    return choice.strip().lower() in ("", "auto")


def session_options(threads: int = 0) -> ort.SessionOptions:
    """The kiosk's session settings: ``threads`` intra-op threads (0: onnxruntime's choice)
    and no spinning.

    Idle worker threads would otherwise spin on the cores for a while after each run,
    taking CPU from the UI thread and the camera grabber on a small kiosk PC.
    """
    options = ort.SessionOptions()
    options.intra_op_num_threads = max(int(threads), 0)
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return options


def open_session(model_path: Path, choice: str, threads: int = 0) -> ort.InferenceSession:
    """Create the session; ``auto`` retries on the CPU alone if an accelerator fails."""
    providers = resolve_providers(choice)
    options = session_options(threads)
    options.log_severity_level = 3  # our own warnings say what happened
    try:
        session = ort.InferenceSession(str(model_path), options, providers=providers)
    except Exception as exc:
        if providers == [CPU] or not _is_auto(choice):
            raise
        log.warning("%s failed to start with %s (%s); using the CPU", model_path, providers, exc)
        session = ort.InferenceSession(str(model_path), options, providers=[CPU])
    _check_started(session, providers, choice, model_path)
    return session


def _check_started(
    session: ort.InferenceSession, providers: list[str], choice: str, model_path: Path
) -> None:
    active = session.get_providers()
    if providers[0] in active:
        return
    if _is_auto(choice):
        log.warning("%s: %s did not start; running on the CPU", model_path, providers[0])
        return
    raise ProviderUnavailable(
        f"execution provider {providers[0]} is installed but did not start for {model_path} "
        f"(active: {', '.join(active)}): check the GPU driver and CUDA/TensorRT libraries, "
        "or set detector providers to auto or cpu"
    )
