"""The default embedding backend: a sentence-transformers model run by onnxruntime, int8.

The ONNX file is made once per model from the model's own weights -- exported with
``torch.onnx.export`` (dynamo), quantised dynamically to int8 per channel -- into
``<cache>/models/<model_id>/model.onnx``, written atomically (a killed export leaves no half
model), and checked against the original before it is kept. Once it exists only onnxruntime,
tokenizers and numpy are imported: no torch, no sentence-transformers.

Encoding mirrors the sentence-transformers pipeline the model directory declares (modules.json):
its ``tokenizer.json`` truncated at ``max_seq_length``, mean pooling over the attention mask,
L2 normalisation. Models whose modules are anything else are refused here (use the torch backend).

Each text runs alone, as a batch of one. Dynamic int8 quantisation scales an activation tensor by
its range over the whole batch, so a text batched with others gets a vector that depends on its
batch mates (cosine down to 0.94 between batch sizes 1 and 64 on news sentences) and so on what
the embedding cache already held. Alone, a text's vector depends on the text only, cold cache or
warm, whatever else is in the run; a batch of one also never pads. The cores are kept busy by
a pool of single-threaded runs, one per core.
"""

from __future__ import annotations

import contextlib
import inspect
import io
import json
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from claimcheck.embed import _check_texts, _normalise, _quiet_frameworks, model_fingerprint, resolve_model
from claimcheck.errors import ConfigError, MissingDependencyError

RECIPE = "onnx-int8-1"  # bump when the export or quantisation changes: a new model_id, new cache keys
MODEL_FILE = "model.onnx"
_CHECK_TEXTS = ("The army said it had taken the hill overnight.", "Rates rose.")
_CHECK_MIN_COSINE = 0.95  # int8 vs the original model on the check texts (0.99 typical)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as e:
        raise MissingDependencyError(f"cannot read {path}: {e}") from None


def read_pipeline(model_dir: Path) -> tuple[int, bool, int]:
    """(max_seq_length, do_lower_case, dim) of a Transformer -> mean Pooling [-> Normalize] model."""
    modules = _read_json(model_dir / "modules.json")
    kinds = [m.get("type", "").rsplit(".", 1)[-1] for m in modules] if isinstance(modules, list) else []
    if kinds not in (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"]):
        raise MissingDependencyError(
            f"{model_dir}: the onnx backend runs Transformer + mean Pooling models only (modules: {kinds or 'none'}); "
            "use --backend torch"
        )
    pooling_path = next(m.get("path", "") for m in modules if m.get("type", "").endswith("Pooling"))
    pooling = _read_json(model_dir / pooling_path / "config.json") or {}
    modes = [k for k, v in pooling.items() if k.startswith("pooling_mode") and v]
    if modes != ["pooling_mode_mean_tokens"]:
        raise MissingDependencyError(f"{model_dir}: the onnx backend does mean pooling only, not {modes}; use --backend torch")
    if not (model_dir / "tokenizer.json").is_file():
        raise MissingDependencyError(f"{model_dir} has no tokenizer.json; use --backend torch")
    st_config = _read_json(model_dir / "sentence_bert_config.json") or {}
    config = _read_json(model_dir / "config.json") or {}
    limit = int(config.get("max_position_embeddings", 512))
    max_len = min(int(st_config.get("max_seq_length") or limit), limit)
    dim = int(pooling.get("word_embedding_dimension") or config.get("hidden_size") or 0)
    if dim <= 0:
        raise MissingDependencyError(f"{model_dir}: cannot tell the embedding size")
    return max_len, bool(st_config.get("do_lower_case", False)), dim


def export_int8(model_dir: Path, target: Path) -> None:
    """Export the model to ONNX, quantise it to int8, check it, and move it to ``target`` atomically.

    Needs torch, transformers, onnx, onnxscript and onnxruntime (all dependencies); runs once.
    """
    _quiet_frameworks()
    try:
        import onnx  # noqa: F401
        import onnxruntime.quantization  # noqa: F401
        import onnxscript  # noqa: F401
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as e:
        raise MissingDependencyError(f"cannot make the ONNX embedding model ({e}); use --backend torch") from None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ConfigError(f"cannot create the model folder {target.parent}: {e}") from None
    with _export_lock(target.parent):
        if _loads(target):  # another process made it while we waited
            return
        for stale in target.parent.glob(".export-*"):  # left by a killed export: no exporter holds them now
            shutil.rmtree(stale, ignore_errors=True)
        _export(model_dir, target)


@contextlib.contextmanager
def _export_lock(folder: Path) -> Any:
    """One exporter per model folder at a time (an advisory lock, released by the OS if killed)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, no clean-up of leftovers
        yield
        return
    with open(folder / ".export.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _loads(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        import onnx

        onnx.checker.check_model(str(path))
        return True
    except Exception:  # noqa: BLE001 - not a model we can use
        return False


def _export(model_dir: Path, target: Path) -> None:
    import torch
    import transformers
    from onnxruntime.quantization import QuantType, quantize_dynamic

    work = Path(tempfile.mkdtemp(prefix=".export-", dir=target.parent))
    logging.disable(logging.WARNING)  # the exporter's and quantiser's reports; restored below
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                transformers.utils.logging.set_verbosity_error()
                # eager attention: a plain graph of matmuls; sdpa traced with a full mask drops the mask
                model = transformers.AutoModel.from_pretrained(
                    str(model_dir), local_files_only=True, attn_implementation="eager"
                ).eval()
                names = ["input_ids", "attention_mask"]
                if "token_type_ids" in inspect.signature(model.forward).parameters:
                    names.append("token_type_ids")
                example = _example_inputs(torch, len(names))
                batch, seq = torch.export.Dim("batch"), torch.export.Dim("seq", max=512)
                program = torch.onnx.export(
                    _last_hidden_state(model, names), example, input_names=names,
                    output_names=["last_hidden_state"], dynamic_shapes=tuple({0: batch, 1: seq} for _ in names),
                    dynamo=True, optimize=True, verbose=False,
                )
                program.save(str(work / "fp32.onnx"))
                quantize_dynamic(str(work / "fp32.onnx"), str(work / MODEL_FILE), weight_type=QuantType.QInt8,
                                 per_channel=True)
                _check_export(model, work / MODEL_FILE, model_dir, torch)
        os.replace(work / MODEL_FILE, target)
    except MissingDependencyError:
        raise
    except Exception as e:  # noqa: BLE001 - any failure here means: no ONNX model, say so in one line
        first = (str(e).strip().splitlines() or [type(e).__name__])[0]
        raise MissingDependencyError(f"cannot make the ONNX embedding model from {model_dir}: {first}; use --backend torch") from None
    finally:
        logging.disable(logging.NOTSET)
        shutil.rmtree(work, ignore_errors=True)


def _last_hidden_state(model: Any, names: list[str]) -> Any:
    """model as forward(input_ids, attention_mask[, token_type_ids]) -> last_hidden_state."""
    import torch

    class Wrapper(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any = None) -> Any:
            extra = {"token_type_ids": token_type_ids} if "token_type_ids" in names else {}
            return self.model(input_ids=input_ids, attention_mask=attention_mask, **extra).last_hidden_state

    return Wrapper()


def _example_inputs(torch: Any, count: int) -> tuple:
    ids = torch.arange(1000, 1032, dtype=torch.int64).reshape(2, 16)
    mask = torch.ones_like(ids)
    mask[1, 9:] = 0  # a padded row, so the traced graph keeps the mask
    return (ids, mask, torch.zeros_like(ids))[:count]


def _check_export(model: Any, path: Path, model_dir: Path, torch: Any) -> None:
    """The int8 model must agree with the original on a few texts, else it is not kept."""
    runner = _Runner(path, model_dir, threads=1)
    got = runner.encode(list(_CHECK_TEXTS))
    runner.close()
    feed = runner.tokenise(list(_CHECK_TEXTS))
    want = []
    with torch.inference_mode():
        for ids in feed:
            t = torch.from_numpy(ids[None, :])
            kwargs = {"input_ids": t, "attention_mask": torch.ones_like(t)}
            if "token_type_ids" in runner.inputs:
                kwargs["token_type_ids"] = torch.zeros_like(t)
            want.append(model(**kwargs).last_hidden_state[0].mean(0).numpy())
    cos = (got * _normalise(np.stack(want))).sum(axis=1)
    if float(cos.min()) < _CHECK_MIN_COSINE:
        raise MissingDependencyError(f"the ONNX export of {model_dir} disagrees with the model (cosine {cos.min():.3f})")


class _Runner:
    """An onnxruntime session over one exported model, with its tokenizer and a pool of workers."""

    def __init__(self, path: Path, model_dir: Path, threads: int | None = None) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as e:
            raise MissingDependencyError(f"onnxruntime and tokenizers are needed for the onnx backend: {e}") from None
        max_len, self.lower, self.dim = read_pipeline(model_dir)
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_len)
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # one text per run; parallel over texts instead (see the module doc)
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        try:
            self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        except Exception as e:  # noqa: BLE001 - a damaged file: the caller re-exports
            raise ConfigError(f"cannot load {path}: {e}") from None
        self.inputs = [i.name for i in self.session.get_inputs()]
        self.workers = threads or _cores()
        self._pool: Any = None

    def tokenise(self, texts: list[str]) -> list[np.ndarray]:
        if self.lower:
            texts = [t.lower() for t in texts]
        return [np.asarray(e.ids, dtype=np.int64) for e in self.tokenizer.encode_batch(texts)]

    def _one(self, ids: np.ndarray) -> np.ndarray:
        row = ids[None, :]
        feed = {"input_ids": row, "attention_mask": np.ones_like(row), "token_type_ids": np.zeros_like(row)}
        hidden = self.session.run(None, {n: feed[n] for n in self.inputs})[0]
        return hidden[0].mean(axis=0)  # mean pooling: a batch of one has no padding to mask

    def encode(self, texts: list[str]) -> np.ndarray:
        feed = self.tokenise(texts)
        order = sorted(range(len(feed)), key=lambda i: -len(feed[i]))  # longest first: an even finish
        if self.workers > 1 and len(feed) > 1:
            if self._pool is None:
                from concurrent.futures import ThreadPoolExecutor

                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="claimcheck-embed")
            pooled = list(self._pool.map(lambda i: self._one(feed[i]), order))
        else:
            pooled = [self._one(feed[i]) for i in order]
        out = np.empty((len(feed), self.dim), dtype=np.float32)
        out[order] = np.stack(pooled) if pooled else out[:0]
        return _normalise(out)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class OnnxEmbedder:
    """A sentence-transformers model through onnxruntime int8 (the default backend).

    ``model`` is anything :func:`claimcheck.embed.resolve_model` finds on disk (None: the bundled
    all-MiniLM-L6-v2); the exported model is made on first use in ``cache_dir``/models (default: the
    user cache folder), or taken from the default cache folder when made there already. ``threads``:
    texts encoded at once (default one per core). Nothing is loaded or exported until the first
    ``encode``, so a warm cache never touches the model.
    """

    batch_independent = True  # each text runs alone (see the module doc): embedding ahead is safe

    def __init__(self, model: str | Path | None = None, cache_dir: str | Path | None = None,
                 threads: int | None = None) -> None:
        from claimcheck.embed import default_cache_dir

        path, name = resolve_model(model)
        _max_len, _lower, self._dim = read_pipeline(path)
        if threads is not None and threads < 1:
            raise ConfigError(f"threads must be at least 1, got {threads}")
        self.path = path
        self.threads = threads
        self.model_id = f"{name}@{model_fingerprint(path)}+{RECIPE}"
        folder = Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()
        where = Path("models") / self.model_id.replace("/", "_") / MODEL_FILE
        self.onnx_path = folder / where  # where it is made if missing
        self._shared = default_cache_dir() / where  # one made in the default cache folder is used too
        self._runner: _Runner | None = None
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        return self._dim

    def _load(self) -> _Runner:
        with self._lock:
            if self._runner is None:
                found = next((p for p in (self.onnx_path, self._shared) if p.is_file()), None)
                if found is None:
                    export_int8(self.path, self.onnx_path)
                    found = self.onnx_path
                try:
                    self._runner = _Runner(found, self.path, self.threads)
                except ConfigError:  # a damaged file (not ours, or truncated by hand): make it again
                    export_int8(self.path, self.onnx_path)
                    self._runner = _Runner(self.onnx_path, self.path, self.threads)
            return self._runner

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        items = _check_texts(texts)
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._load().encode(items)


__all__ = ["OnnxEmbedder", "RECIPE", "export_int8", "read_pipeline"]
