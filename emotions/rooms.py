"""Workshop rooms: anonymous need positions pooled per room, stored in SQLite or PostgreSQL.

A facilitator creates a room and gets a short code to share plus a private key; participants
contribute a position on each needs dimension they choose to set (a dimension they leave unset
is stored as nothing, never as a middle value) under a random per-session token. Nothing that
identifies anyone is stored: a contribution row holds the room code, a hash of the token (salted
with the room code, so one session's rows in two rooms cannot be linked) and a time; its positions
are rows of their own, one per dimension (``room_positions``), so a new dimension needs no new
column.
The facilitator key is stored only as a hash too. A room lives ``ROOM_LIFETIME``; expired rooms
are deleted (``purge_expired``), and ``close`` erases a room and its contributions at once.

One schema (SQLAlchemy Core) serves both databases; the URL comes from ``WORKBOOK_ROOMS_URL`` or
defaults to a SQLite file under ``<repo>/.rooms/``. Streamlit runs sessions in threads: engines
are shared per URL (they hold no user data) and every call is one short transaction. The schema
carries a version (``schema_info``); ``migrate`` brings an older database up to date when its
engine is created (see ``MIGRATIONS``).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import secrets
import threading
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Connection, Engine

from emotions.dimensions import DIMENSION_IDS, NEED_MAX, NEED_MIN, DimensionId
from emotions.i18n import t
from emotions.languages import Language

MIN_SHOWN = 5
"""Nothing of a room is shown below five contributions, so no single answer can be read off."""
ROOM_LIFETIME = timedelta(hours=4)

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
"""No 0/O, 1/I/L or U/V pairs to confuse when typing a code off a projector."""
CODE_LENGTH = 8
"""30**8 ≈ 6.6e11 codes (≈ 39 bits): with rate-limited joins, far too many to try."""
KEY_BYTES = 24
"""The facilitator key carries 192 bits."""
TOKEN_MIN_LENGTH = 16
"""A participant token shorter than this is rejected as too easy to guess."""
TOKEN_MAX_LENGTH = 200

RoomErrorCode = Literal["not_found", "closed", "bad_key", "invalid", "rate_limited"]


class RoomError(Exception):
    """A room operation refused; ``code`` says why (the UI words it)."""

    code: RoomErrorCode

    def __init__(self, code: RoomErrorCode) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class NewRoom:
    code: str
    facilitator_key: str


@dataclass(frozen=True)
class RoomPicture:
    contributions: int
    shown: bool
    counts: dict[DimensionId, list[int]]
    """11 bins (positions 0..10) per dimension; an empty list when not shown (the whole room
    below ``MIN_SHOWN`` contributions, or a dimension with fewer than ``MIN_SHOWN`` positions)."""


def default_url() -> str:
    """The configured database URL: ``WORKBOOK_ROOMS_URL``, else a SQLite file in the repo."""
    configured = os.environ.get("WORKBOOK_ROOMS_URL", "").strip()
    if configured:
        return configured
    path = Path(__file__).resolve().parents[1] / ".rooms" / "rooms.db"
    return f"sqlite:///{path}"


def normalise_code(text: str) -> str:
    """A typed code as stored: upper case, without spaces or dashes."""
    return "".join(ch for ch in text.upper() if ch not in " -\t\n")


def new_token() -> str:
    """A participant token: a random secret for one session, kept in its session state only."""
    return secrets.token_urlsafe(24)


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _hash_key(key: str) -> str:
    # The key is a 192-bit random secret: a plain SHA-256 cannot be reversed or brute-forced.
    return hashlib.sha256(b"facilitator\x00" + key.encode()).hexdigest()


def _hash_token(code: str, token: str) -> str:
    return hashlib.sha256(f"participant\x00{code}\x00{token}".encode()).hexdigest()


def _utc(moment: datetime | None) -> datetime:
    """An aware UTC time (naive values, as SQLite returns them, are taken as UTC)."""
    if moment is None:
        return datetime.now(UTC)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


metadata = sa.MetaData()

rooms_table = sa.Table(
    "rooms",
    metadata,
    sa.Column("code", sa.String(16), primary_key=True),
    sa.Column("key_hash", sa.String(64), nullable=False),
    sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("closed", sa.Boolean, nullable=False, default=False),
)

contributions_table = sa.Table(
    "contributions",
    metadata,
    sa.Column(
        "room_code",
        sa.String(16),
        sa.ForeignKey("rooms.code", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
)

positions_table = sa.Table(
    "room_positions",
    metadata,
    sa.Column("room_code", sa.String(16), primary_key=True),
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("dimension", sa.String(32), primary_key=True),
    sa.Column(
        "value",
        sa.SmallInteger,
        sa.CheckConstraint(f"value BETWEEN {NEED_MIN} AND {NEED_MAX}"),
        nullable=False,
    ),
    sa.ForeignKeyConstraint(
        ["room_code", "token_hash"],
        ["contributions.room_code", "contributions.token_hash"],
        ondelete="CASCADE",
    ),
)
"""One participant's position on one dimension. Any dimension id may be stored (no column or
constraint names the dimensions), so adding a dimension changes no table."""

schema_table = sa.Table(
    "schema_info",
    metadata,
    sa.Column("version", sa.Integer, nullable=False),
)
"""One row: the version of the schema the database holds."""

SCHEMA_VERSION = 2
"""The schema this code reads and writes; 1 was one column per dimension in ``contributions``."""

V1_DIMENSION_COLUMNS = (
    "expression",
    "reassurance",
    "closeness",
    "processing",
    "support",
    "conflict_pace",
    "intensity",
    "emotion_value",
)
"""The dimension columns of schema 1, frozen: what the migration to 2 moves into rows."""

MIGRATION_LOCK = 0x726F6F6D73  # "rooms": the PostgreSQL advisory lock the migration holds


def _v1_to_v2(conn: Connection) -> None:
    """Move each contribution's dimension columns into ``room_positions`` rows, then drop them."""
    positions_table.create(conn, checkfirst=True)
    present = {column["name"] for column in sa.inspect(conn).get_columns("contributions")}
    contributions = sa.table("contributions", sa.column("room_code"), sa.column("token_hash"))
    quote = conn.dialect.identifier_preparer.quote
    for dim in V1_DIMENSION_COLUMNS:
        if dim not in present:
            continue
        value: sa.ColumnClause[int] = sa.column(dim)
        conn.execute(
            positions_table.insert().from_select(
                ["room_code", "token_hash", "dimension", "value"],
                sa.select(
                    contributions.c.room_code,
                    contributions.c.token_hash,
                    sa.literal(dim, sa.String(32)),
                    value,
                ).select_from(contributions),
            )
        )
        conn.exec_driver_sql(f"ALTER TABLE contributions DROP COLUMN {quote(dim)}")


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1_to_v2}
"""``MIGRATIONS[n]`` turns a database of schema ``n`` into one of schema ``n + 1``."""


def _stored_version(conn: Connection) -> int:
    """The schema version of the database: 0 when it is empty, 1 before versions were stored."""
    tables = set(sa.inspect(conn).get_table_names())
    if "schema_info" in tables:
        version = conn.execute(sa.select(sa.func.max(schema_table.c.version))).scalar()
        if version is not None:
            return int(version)
    return 1 if "contributions" in tables else 0


def migrate(engine: Engine) -> int:
    """Bring the database at ``engine`` to ``SCHEMA_VERSION``; returns the version it held.

    One transaction: either every step is done or none is. Safe when several processes start at
    once: on PostgreSQL they queue on a transaction-level advisory lock, on SQLite on the write
    lock (``BEGIN IMMEDIATE``); whoever comes second finds the work done. Running it again is a
    no-op. A database newer than this code is refused rather than written to.
    """
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(MIGRATION_LOCK)))
        found = _stored_version(conn)
        if found > SCHEMA_VERSION:
            raise RuntimeError(
                f"the rooms database has schema {found}; this code knows up to {SCHEMA_VERSION}"
            )
        if found:  # an empty database gets the current schema at once
            for version in range(found, SCHEMA_VERSION):
                MIGRATIONS[version](conn)
        metadata.create_all(conn)
        if found != SCHEMA_VERSION:
            conn.execute(schema_table.delete())
            conn.execute(schema_table.insert().values(version=SCHEMA_VERSION))
    return found


_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Transactions are begun by hand (see _sqlite_on_begin); cascades need foreign keys on;
    # WAL lets the room view read while participants write.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    # Deleted rows are overwritten with zeros, not left in free pages of the file.
    cursor.execute("PRAGMA secure_delete = ON")
    cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    # A writing transaction takes the write lock at once (BEGIN IMMEDIATE), so two writers wait
    # for each other (busy timeout) instead of failing on a read-to-write upgrade.
    readonly = conn.get_execution_options().get("workbook_readonly", False)
    conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")


def _new_engine(url: str) -> Engine:
    """An engine for ``url`` with this module's connection settings; its schema is not touched."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return sa.create_engine(url, pool_pre_ping=True)
    database = parsed.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
    sa.event.listen(engine, "connect", _sqlite_on_connect)
    sa.event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _engine_for(url: str) -> Engine:
    """The shared engine for ``url``, its database migrated to this code's schema."""
    with _engines_lock:
        engine = _engines.get(url)
        if engine is not None:
            return engine
        engine = _new_engine(url)
        migrate(engine)
        _engines[url] = engine
        return engine


def dispose(url: str) -> None:
    """Close the pooled connections to ``url`` (tests, shutdown); the next use reconnects."""
    with _engines_lock:
        engine = _engines.pop(url, None)
    if engine is not None:
        engine.dispose()


def _validated_needs(needs: object) -> dict[DimensionId, int]:
    """The positions a participant set: at least one, each on a known dimension, each a whole
    number 0-10. A dimension they did not set is absent (never a stand-in value)."""
    if not isinstance(needs, Mapping) or not needs or not set(needs) <= set(DIMENSION_IDS):
        raise RoomError("invalid")
    checked: dict[DimensionId, int] = {}
    for dim in (d for d in DIMENSION_IDS if d in needs):
        value = needs[dim]
        if type(value) is not int or not NEED_MIN <= value <= NEED_MAX:
            raise RoomError("invalid")
        checked[dim] = value
    return checked


def _validated_token(token: object) -> str:
    if not isinstance(token, str) or not TOKEN_MIN_LENGTH <= len(token) <= TOKEN_MAX_LENGTH:
        raise RoomError("invalid")
    return token


def _validated_code(code: object) -> str:
    """A well-formed code, or not_found (a malformed code is just a code that does not exist)."""
    if not isinstance(code, str):
        raise RoomError("not_found")
    normal = normalise_code(code)
    if len(normal) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in normal):
        raise RoomError("not_found")
    return normal


class Rooms:
    """The rooms stored at one database URL. Cheap to create: engines are shared per URL."""

    def __init__(self, url: str, *, clock: Callable[[], datetime] | None = None) -> None:
        self.url = url
        self._engine = _engine_for(url)
        self._clock = clock

    def _now(self, now: datetime | None = None) -> datetime:
        if now is not None:
            return _utc(now)
        return _utc(self._clock() if self._clock is not None else None)

    def _open_room(self, conn: Connection, code: str) -> None:
        """Raise unless ``code`` names a room that is open and not expired."""
        row = conn.execute(
            sa.select(rooms_table.c.expires, rooms_table.c.closed).where(rooms_table.c.code == code)
        ).first()
        if row is None:
            raise RoomError("not_found")
        if row.closed or _utc(row.expires) <= self._now():
            raise RoomError("closed")

    def create(self, now: datetime | None = None) -> NewRoom:
        """A new room with a fresh code and facilitator key; expired rooms are purged first."""
        moment = self._now(now)
        self.purge_expired(moment)
        key = secrets.token_urlsafe(KEY_BYTES)
        for _ in range(10):
            code = _new_code()
            try:
                with self._engine.begin() as conn:
                    conn.execute(
                        rooms_table.insert().values(
                            code=code,
                            key_hash=_hash_key(key),
                            created=moment,
                            expires=moment + ROOM_LIFETIME,
                            closed=False,
                        )
                    )
            except sa.exc.IntegrityError:
                continue  # the code is taken: draw another
            return NewRoom(code=code, facilitator_key=key)
        raise RuntimeError("could not draw a free room code")  # pragma: no cover

    def exists(self, code: str) -> bool:
        """Whether ``code`` names a room that is open and not expired."""
        try:
            normal = _validated_code(code)
            with self._reading() as conn:
                self._open_room(conn, normal)
        except RoomError:
            return False
        return True

    def contribute(self, code: str, token: str, needs: dict[DimensionId, int]) -> None:
        """Add or replace this participant's positions in the room: one row for each dimension
        in ``needs`` (those they set, at least one); a dimension they left unset has no row and
        is not counted in the room's spread."""
        normal = _validated_code(code)
        values = _validated_needs(needs)
        token_hash = _hash_token(normal, _validated_token(token))
        row: dict[str, Any] = {
            "room_code": normal,
            "token_hash": token_hash,
            "updated": self._now(),
        }
        changes = {"updated": row["updated"]}
        with self._engine.begin() as conn:
            self._open_room(conn, normal)
            if conn.dialect.name == "postgresql":
                pg_insert = pg_dialect.insert(contributions_table).values(row)
                conn.execute(
                    pg_insert.on_conflict_do_update(
                        index_elements=["room_code", "token_hash"], set_=changes
                    )
                )
            elif conn.dialect.name == "sqlite":
                lite_insert = sqlite_dialect.insert(contributions_table).values(row)
                conn.execute(
                    lite_insert.on_conflict_do_update(
                        index_elements=["room_code", "token_hash"], set_=changes
                    )
                )
            else:  # pragma: no cover - another database: replace by hand in the transaction
                conn.execute(self._own_rows(positions_table, normal, token_hash))
                conn.execute(self._own_rows(contributions_table, normal, token_hash))
                conn.execute(contributions_table.insert().values(row))
            conn.execute(self._own_rows(positions_table, normal, token_hash))
            conn.execute(
                positions_table.insert(),
                [
                    {"room_code": normal, "token_hash": token_hash, "dimension": dim, "value": v}
                    for dim, v in values.items()
                ],
            )

    def withdraw(self, code: str, token: str) -> None:
        """Delete this participant's contribution (nothing happens when there is none)."""
        normal = _validated_code(code)
        token_hash = _hash_token(normal, _validated_token(token))
        with self._engine.begin() as conn:
            self._open_room(conn, normal)
            conn.execute(self._own_rows(positions_table, normal, token_hash))
            conn.execute(self._own_rows(contributions_table, normal, token_hash))

    def picture(self, code: str) -> RoomPicture:
        """How the room spreads on each dimension; counts only from ``MIN_SHOWN`` contributions."""
        normal = _validated_code(code)
        by_value = sa.select(
            positions_table.c.dimension, positions_table.c.value, sa.func.count()
        ).group_by(positions_table.c.dimension, positions_table.c.value)
        with self._reading() as conn:
            self._open_room(conn, normal)
            contributions = int(
                conn.execute(
                    sa.select(sa.func.count()).where(contributions_table.c.room_code == normal)
                ).scalar_one()
            )
            if contributions < MIN_SHOWN:
                return RoomPicture(contributions, False, {dim: [] for dim in DIMENSION_IDS})
            rows = conn.execute(by_value.where(positions_table.c.room_code == normal)).all()
        counts: dict[DimensionId, list[int]] = {
            dim: [0] * (NEED_MAX - NEED_MIN + 1) for dim in DIMENSION_IDS
        }
        for dim, value, count in rows:
            if dim in counts:  # a dimension no longer in the registry is not shown
                counts[dim][int(value) - NEED_MIN] += int(count)
        # The five-person rule holds per dimension too: a dimension added while people had
        # already taken part has fewer positions than the room has contributions.
        for dim, bins in counts.items():
            if sum(bins) < MIN_SHOWN:
                counts[dim] = []
        return RoomPicture(contributions, True, counts)

    def position_of(self, code: str, token: str) -> dict[DimensionId, int] | None:
        """This participant's own positions in the room, or None when they have not contributed.

        Only the dimensions they have a position on: one who contributed before a dimension was
        added has none on it."""
        normal = _validated_code(code)
        token_hash = _hash_token(normal, _validated_token(token))
        mine = sa.select(contributions_table.c.token_hash)
        theirs = sa.select(positions_table.c.dimension, positions_table.c.value)
        with self._reading() as conn:
            self._open_room(conn, normal)
            found = conn.execute(self._own_rows(contributions_table, normal, token_hash, mine))
            if found.first() is None:
                return None
            rows = conn.execute(self._own_rows(positions_table, normal, token_hash, theirs)).all()
        stored = {str(dim): int(value) for dim, value in rows}
        return {dim: stored[dim] for dim in DIMENSION_IDS if dim in stored}

    def close(self, code: str, facilitator_key: str) -> None:
        """Erase the room and every contribution to it; needs the facilitator key."""
        normal = _validated_code(code)
        if not isinstance(facilitator_key, str):
            raise RoomError("bad_key")
        offered = _hash_key(facilitator_key)
        with self._engine.begin() as conn:
            stored = conn.execute(
                sa.select(rooms_table.c.key_hash).where(rooms_table.c.code == normal)
            ).scalar_one_or_none()
            if stored is None:
                raise RoomError("not_found")
            if not hmac.compare_digest(str(stored).encode(), offered.encode()):
                raise RoomError("bad_key")
            conn.execute(positions_table.delete().where(positions_table.c.room_code == normal))
            conn.execute(
                contributions_table.delete().where(contributions_table.c.room_code == normal)
            )
            conn.execute(rooms_table.delete().where(rooms_table.c.code == normal))
        self._forget_old_pages()

    def purge_expired(self, now: datetime | None = None) -> int:
        """Delete every expired room with its contributions; returns how many rooms went."""
        moment = self._now(now)
        expired = sa.select(rooms_table.c.code).where(rooms_table.c.expires <= moment)
        with self._engine.begin() as conn:
            conn.execute(positions_table.delete().where(positions_table.c.room_code.in_(expired)))
            conn.execute(
                contributions_table.delete().where(contributions_table.c.room_code.in_(expired))
            )
            result = conn.execute(rooms_table.delete().where(rooms_table.c.expires <= moment))
        if result.rowcount:
            self._forget_old_pages()
        return int(result.rowcount)

    def _forget_old_pages(self) -> None:
        """SQLite: copy the write-ahead log into the file and empty it, so that no earlier copy of
        a deleted room's pages is left in the log. Best effort: while another connection reads,
        part of the log stays until the next checkpoint. (PostgreSQL's storage is the server's.)"""
        if self._engine.dialect.name != "sqlite":
            return
        raw = self._engine.raw_connection()
        try:
            # Outside SQLAlchemy's transaction (whose BEGIN IMMEDIATE would lock the tables).
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
        finally:
            raw.close()

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        """A read-only transaction (on SQLite a plain BEGIN: it does not wait for writers)."""
        with self._engine.connect() as conn:
            conn.execution_options(workbook_readonly=True)
            with conn.begin():
                yield conn

    @staticmethod
    def _own_rows(table: sa.Table, code: str, token_hash: str, statement: Any | None = None) -> Any:
        """``statement`` (by default a delete) limited to one participant's rows of ``table``."""
        if statement is None:
            statement = table.delete()
        return statement.where(table.c.room_code == code, table.c.token_hash == token_hash)


@dataclass
class JoinLimiter:
    """At most ``max_failures`` failed joins per session within ``window`` (in memory, per process).

    Keyed by the Streamlit session, never by an IP address or anything else that identifies.
    """

    max_failures: int = 10
    window: timedelta = timedelta(minutes=1)
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    _failures: dict[str, deque[datetime]] = field(default_factory=dict, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def _recent(self, session_key: str, now: datetime) -> deque[datetime] | None:
        times = self._failures.get(session_key)
        if times is None:
            return None
        while times and now - times[0] >= self.window:
            times.popleft()
        if not times:
            del self._failures[session_key]
            return None
        return times

    def allow(self, session_key: str) -> bool:
        """Whether this session may try another code now."""
        with self._lock:
            times = self._recent(session_key, self.clock())
            return times is None or len(times) < self.max_failures

    def record_failure(self, session_key: str) -> None:
        """Note a failed join (a code that named no open room)."""
        with self._lock:
            now = self.clock()
            if len(self._failures) > 10_000:  # forget sessions that have gone quiet
                for key in list(self._failures):
                    self._recent(key, now)
            times = self._recent(session_key, now)
            if times is None:
                times = self._failures[session_key] = deque()
            times.append(now)


# --------------------------------------------------------------------------- the join address

PUBLIC_URL_ENV = "WORKBOOK_PUBLIC_URL"
"""The workbook's address as participants' phones reach it (``https://host[:port][/prefix]``):
the join link and QR code are built on it. Unset: the address the facilitator's page has."""
HOST_PAGE = "room"
"""The url path of the facilitator's page; the participants' page is ``JOIN_PAGE`` beside it."""
JOIN_PAGE = "join"
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


def clean_public_url(text: object) -> str | None:
    """``text`` as a base address (scheme, host, port and path prefix; no query, no trailing
    slash), or None when it is not an http(s) address with a host."""
    if not isinstance(text, str):
        return None
    try:
        parts = urlsplit(text.strip())
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path.rstrip("/"), "", ""))


def configured_public_url(environ: Mapping[str, str] | None = None) -> str | None:
    """The base address set in ``WORKBOOK_PUBLIC_URL`` (None when unset or not an address)."""
    values = os.environ if environ is None else environ
    return clean_public_url(values.get(PUBLIC_URL_ENV, ""))


def base_of_host_page(page_url: str) -> str | None:
    """The workbook's base address, from the address the facilitator's page was opened at
    (``…/room``: the base is what comes before it); None when that is not an address."""
    base = clean_public_url(page_url)
    if base is None:
        return None
    parts = urlsplit(base)
    path = parts.path
    suffix = "/" + HOST_PAGE
    prefix = path[: -len(suffix)] if path.endswith(suffix) else ""
    return urlunsplit((parts.scheme, parts.netloc, prefix, "", ""))


def join_link(base: str, code: str) -> str:
    """The participants' page for room ``code`` on the workbook at ``base``."""
    return f"{base.rstrip('/')}/{JOIN_PAGE}?code={code}"


def is_loopback(url: str) -> bool:
    """Whether ``url`` names this machine only (127.0.0.0/8, ::1, localhost; also 0.0.0.0 and ::,
    which a phone cannot open either): a link no one else's device can follow."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return False
    if not host:
        return False
    host = host.rstrip(".").lower()
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


# --------------------------------------------------------------------------- the room's picture


@dataclass(frozen=True)
class SpreadRow:
    """One dimension of the room's compact chart: how many people sit at each point 0-10."""

    dimension: DimensionId
    counts: tuple[int, ...]

    @property
    def lowest(self) -> int:
        return next(NEED_MIN + i for i, n in enumerate(self.counts) if n)

    @property
    def highest(self) -> int:
        return max(NEED_MIN + i for i, n in enumerate(self.counts) if n)

    @property
    def span(self) -> int:
        return self.highest - self.lowest


def spread_rows(picture: RoomPicture) -> list[SpreadRow]:
    """The rows of the room's compact chart: only when the room is shown, only the dimensions
    with positions to show (``MIN_SHOWN`` or more), in the registry's order. Counts only."""
    if not picture.shown:
        return []
    return [
        SpreadRow(dim, tuple(picture.counts[dim]))
        for dim in DIMENSION_IDS
        if sum(picture.counts.get(dim) or []) > 0
    ]


def hidden_dimensions(picture: RoomPicture) -> list[DimensionId]:
    """The dimensions of a shown room that are not drawn: too few people placed themselves."""
    if not picture.shown:
        return []
    drawn = {row.dimension for row in spread_rows(picture)}
    return [dim for dim in DIMENSION_IDS if dim not in drawn]


def describe_spread(picture: RoomPicture, lang: Language) -> str:
    """One sentence saying what the compact chart shows, from its data (its text alternative):
    how many took part, and where the positions spread widest and narrowest. Empty when nothing
    is drawn."""
    rows = spread_rows(picture)
    if not rows:
        return ""

    def name(row: SpreadRow) -> str:
        return t(f"dim.{row.dimension}.name", lang)

    def where(row: SpreadRow) -> str:
        if row.span == 0:
            return t("rooms_moments.range_one", lang, low=row.lowest)
        return t("rooms_moments.range", lang, low=row.lowest, high=row.highest)

    n = picture.contributions
    if len(rows) == 1:
        [row] = rows
        return t("rooms_moments.chart_alt_one", lang, n=n, dimension=name(row), range=where(row))
    wide = max(rows, key=lambda row: row.span)  # the first of equals, in the registry's order
    narrow = min(rows, key=lambda row: row.span)
    if wide.span == narrow.span:
        return t("rooms_moments.chart_alt_even", lang, n=n, count=len(rows), span=wide.span)
    return t(
        "rooms_moments.chart_alt",
        lang,
        n=n,
        wide=name(wide),
        wide_range=where(wide),
        narrow=name(narrow),
        narrow_range=where(narrow),
    )
