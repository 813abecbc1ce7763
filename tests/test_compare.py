"""``models.compare``: two models on the same scenes, the paired (McNemar) verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models import evaluate
from models.compare import main, pair, verdict
from models.synth.dataset import labels_from_catalog, write_dataset
from models.synth.exemplars import load_products

DEMO = Path(__file__).resolve().parent.parent / "models" / "demo"


def test_scenes_are_paired_by_who_got_them_right() -> None:
    result = pair([True, True, False, False, True], [True, False, True, False, True])
    assert (result.both_right, result.only_a, result.only_b, result.both_wrong) == (2, 1, 1, 1)
    assert result.cacc_a == result.cacc_b == pytest.approx(0.6)
    with pytest.raises(ValueError, match="5 scenes read by one model, 4 by the other"):
        pair([True] * 5, [True] * 4)


def test_exact_mcnemar_p_values() -> None:
    # 6 discordant scenes all won by B: 2 * (1/2)^6
    assert pair([False] * 6, [True] * 6).p_value == pytest.approx(2 / 64)
    # 1 against 9: 2 * (1 + 10) / 1024
    one_to_nine = pair([True] + [False] * 9, [False] + [True] * 9)
    assert one_to_nine.p_value == pytest.approx(22 / 1024)
    # an even split, or no disagreement at all, is no evidence either way
    assert pair([True, False] * 3, [False, True] * 3).p_value == 1.0
    assert pair([True, False], [True, False]).p_value == 1.0


def test_verdict_names_the_better_model_only_when_the_split_is_clear() -> None:
    assert verdict(pair([False] * 8, [True] * 8)).startswith("model B is better")
    assert verdict(pair([True] * 8, [False] * 8)).startswith("model A is better")
    # 30 scenes both right, 3 to 1 between them: could easily be chance
    a = [True] * 30 + [True] * 3 + [False]
    b = [True] * 30 + [False] * 3 + [True]
    assert verdict(pair(a, b)) == (
        "no clear difference (p = 0.62): the models disagree on 4 scenes, 3 to 1"
    )


def test_a_model_against_itself_on_rendered_scenes(tmp_path: Path) -> None:
    products = load_products(DEMO / "exemplars", labels_from_catalog(DEMO / "demo_catalog.csv"))
    dataset = tmp_path / "ds"
    write_dataset(products, dataset, {"test": 6}, seed=3, progress=False)
    model = str(DEMO / "demo.onnx")
    out = tmp_path / "compare.json"
    args = [model, model, "--dataset", str(dataset), "--threads", "1", "--out", str(out)]
    assert main(args) == 0
    result = json.loads(out.read_text())[str(dataset)]
    assert result["scenes"] == 6
    assert result["only_a"] == result["only_b"] == 0
    assert result["p_value"] == 1.0
    # the same cAcc as models.evaluate reads on the same scenes
    metrics = tmp_path / "metrics.json"
    evaluate.main(["--dataset", str(dataset), "--threads", "1", "--out", str(metrics)])
    assert result["cAcc_a"] == json.loads(metrics.read_text())[str(dataset)]["cAcc"]


def test_an_empty_split_is_an_error(tmp_path: Path) -> None:
    model = str(DEMO / "demo.onnx")
    with pytest.raises(SystemExit, match="no test images under"):
        main([model, model, "--dataset", str(tmp_path)])
