"""The on-disk embedding cache: one SQLite file of vectors keyed by (model_id, sha256 of the text).

``model_id`` includes a fingerprint of the model files, so two models never read each other's
vectors. A cache that cannot be trusted (not SQLite, wrong schema, wrong vector size) is moved aside
and rebuilt: at worst the cache costs a re-embedding, never a wrong vector. ``claimcheck.embed``
wraps an embedder in it (``CachedEmbedder``, ``load_embedder``).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from claimcheck.errors import ConfigError

CACHE_FILE = "embeddings.sqlite3"
CACHE_SCHEMA_VERSION = "1"


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
