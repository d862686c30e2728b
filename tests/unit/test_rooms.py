"""Workshop rooms storage, against SQLite always and a real PostgreSQL server (see tests/pg.py)."""

from __future__ import annotations

import json
import math
import shutil
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from emotions import rooms
from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.languages import Language
from emotions.rooms import (
    MIN_SHOWN,
    ROOM_LIFETIME,
    JoinLimiter,
    NewRoom,
    RoomError,
    RoomPicture,
    Rooms,
)
from tests.pg import postgres_url


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    with postgres_url() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty rooms database. WORKBOOK_TEST_PG_URL, when set, must name a scratch database."""
    if request.param == "sqlite":
        db_url = f"sqlite:///{tmp_path / 'not-yet' / 'rooms.db'}"
    else:
        db_url = request.getfixturevalue("pg_server")
        _drop_tables(db_url)
    yield db_url
    rooms.dispose(db_url)
    if request.param == "postgresql":
        _drop_tables(db_url)


def _drop_tables(db_url: str) -> None:
    engine = sa.create_engine(db_url)
    rooms.metadata.drop_all(engine)
    V1.drop_all(engine)
    engine.dispose()


def _rows(db_url: str, table: sa.Table, room_code: str | None = None) -> list[Any]:
    """The table's rows read straight from the database (optionally one room's)."""
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            query = sa.select(table)
            if room_code is not None:
                column = table.c.code if table is rooms.rooms_table else table.c.room_code
                query = query.where(column == room_code)
            return list(conn.execute(query).all())
    finally:
        engine.dispose()


def needs(value: int = 5, **overrides: int) -> dict[DimensionId, int]:
    positions: dict[DimensionId, int] = dict.fromkeys(DIMENSION_IDS, value)
    positions.update(overrides)  # type: ignore[arg-type]
    return positions


def token(n: int) -> str:
    return f"participant-token-{n:04d}-xxxxxxxx"


# --- rooms and codes -----------------------------------------------------------------------------


def test_a_new_room_exists_with_a_short_code_and_a_long_key(url: str) -> None:
    store = Rooms(url)
    room = store.create()
    assert isinstance(room, NewRoom)
    assert len(room.code) == rooms.CODE_LENGTH
    assert set(room.code) <= set(rooms.CODE_ALPHABET)
    assert len(room.facilitator_key) * 6 >= 128  # url-safe base64: 6 bits a character
    assert store.exists(room.code)
    # Typed loosely off a projector: lower case, a dash, spaces.
    assert store.exists(f" {room.code[:4].lower()}-{room.code[4:]} ")
    assert not store.exists("ZZZZZZZZ") or room.code == "ZZZZZZZZ"
    assert not store.exists("")
    assert not store.exists("O0I1L")
    assert not store.exists(room.code + "2")


def test_the_sqlite_folder_is_created_on_first_use(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "rooms.db"
    db_url = f"sqlite:///{path}"
    try:
        Rooms(db_url).create()
        assert path.is_file()
    finally:
        rooms.dispose(db_url)


def test_the_database_url_comes_from_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKBOOK_ROOMS_URL", raising=False)
    repo = Path(rooms.__file__).resolve().parents[1]
    assert rooms.default_url() == f"sqlite:///{repo / '.rooms' / 'rooms.db'}"
    monkeypatch.setenv("WORKBOOK_ROOMS_URL", "postgresql+psycopg://u:p@db/rooms")
    assert rooms.default_url() == "postgresql+psycopg://u:p@db/rooms"


def test_codes_are_unique_and_not_guessable(url: str) -> None:
    store = Rooms(url)
    codes = [store.create().code for _ in range(1000)]
    assert len(set(codes)) == 1000
    assert len(_rows(url, rooms.rooms_table)) == 1000
    # ~39 bits a code, drawn from an alphabet without look-alike characters.
    assert math.log2(len(rooms.CODE_ALPHABET)) * rooms.CODE_LENGTH >= 39
    assert not set(rooms.CODE_ALPHABET) & set("01ILOU")
    # Every character of the alphabet turns up (8,000 draws of 30): the draw is not skewed.
    assert set("".join(codes)) == set(rooms.CODE_ALPHABET)


def test_keys_and_tokens_are_stored_only_as_hashes(url: str) -> None:
    store = Rooms(url)
    room = store.create()
    secret_token = "a-very-secret-participant-token"
    store.contribute(room.code, secret_token, needs(3))
    dump = "".join(
        repr(_rows(url, table))
        for table in (rooms.rooms_table, rooms.contributions_table, rooms.positions_table)
    )
    assert room.code in dump
    assert room.facilitator_key not in dump
    assert secret_token not in dump
    if url.startswith("sqlite"):
        rooms.dispose(url)  # checkpoint the write-ahead log into the file
        raw = b"".join(p.read_bytes() for p in Path(url[len("sqlite:///") :]).parent.iterdir())
        assert room.code.encode() in raw
        assert room.facilitator_key.encode() not in raw
        assert secret_token.encode() not in raw


def test_contributions_hold_no_identifying_columns() -> None:
    assert set(rooms.contributions_table.c.keys()) == {"room_code", "token_hash", "updated"}
    assert set(rooms.positions_table.c.keys()) == {"room_code", "token_hash", "dimension", "value"}
    assert set(rooms.metadata.tables) == {"rooms", "contributions", "room_positions", "schema_info"}


# --- contributing and the picture ----------------------------------------------------------------


def test_nothing_is_shown_below_five_and_the_spread_from_five(url: str) -> None:
    store = Rooms(url)
    code = store.create().code
    empty = store.picture(code)
    assert empty == RoomPicture(0, False, {dim: [] for dim in DIMENSION_IDS})
    for n in range(MIN_SHOWN - 1):
        store.contribute(code, token(n), needs(n, closeness=10))
    four = store.picture(code)
    assert (four.contributions, four.shown) == (4, False)
    assert four.counts == {dim: [] for dim in DIMENSION_IDS}
    store.contribute(code, token(99), needs(0, closeness=10))
    five = store.picture(code)
    assert (five.contributions, five.shown) == (5, True)
    assert set(five.counts) == set(DIMENSION_IDS)
    assert all(len(bins) == 11 and sum(bins) == 5 for bins in five.counts.values())
    assert five.counts["expression"] == [2, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]
    assert five.counts["closeness"] == [0] * 10 + [5]


def test_a_dimension_with_fewer_than_five_positions_is_not_shown(url: str) -> None:
    """People who joined before a dimension existed have no position on it: with six in the
    room but three positions on it, one answer could be read off; it stays hidden."""
    store = Rooms(url)
    code = store.create().code
    for n in range(6):
        store.contribute(code, token(n), needs(n))
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        late = rooms.positions_table.c.dimension == "closeness"
        hashes = [r.token_hash for r in _rows(url, rooms.contributions_table, code)][:3]
        conn.execute(
            rooms.positions_table.delete().where(
                late, rooms.positions_table.c.token_hash.in_(hashes)
            )
        )
    engine.dispose()
    picture = store.picture(code)
    assert (picture.contributions, picture.shown) == (6, True)
    assert picture.counts["closeness"] == []
    assert all(sum(picture.counts[d]) == 6 for d in DIMENSION_IDS if d != "closeness")


def test_a_withdrawal_leaves_the_picture_and_the_database(url: str) -> None:
    store = Rooms(url)
    code = store.create().code
    for n in range(MIN_SHOWN):
        store.contribute(code, token(n), needs(n))
    assert store.picture(code).shown
    store.withdraw(code, token(2))
    after = store.picture(code)
    assert (after.contributions, after.shown, after.counts["support"]) == (4, False, [])
    assert len(_rows(url, rooms.contributions_table, code)) == 4
    assert len(_rows(url, rooms.positions_table, code)) == 4 * len(DIMENSION_IDS)
    assert store.position_of(code, token(2)) is None
    store.withdraw(code, token(2))  # withdrawing twice is harmless
    store.withdraw(code, token(77))  # as is withdrawing without having contributed


def test_contributing_again_replaces_the_contribution(url: str) -> None:
    store = Rooms(url)
    code = store.create().code
    store.contribute(code, token(1), needs(2))
    store.contribute(code, token(1), needs(7, intensity=0))
    assert store.position_of(code, token(1)) == needs(7, intensity=0)
    assert store.picture(code).contributions == 1
    assert len(_rows(url, rooms.contributions_table, code)) == 1
    assert len(_rows(url, rooms.positions_table, code)) == len(DIMENSION_IDS)


def test_a_participant_who_set_two_dimensions_adds_to_those_two_only(url: str) -> None:
    """A dimension left unset is no row and no count, never a stand-in 5."""
    store = Rooms(url)
    code = store.create().code
    store.contribute(code, token(1), {"closeness": 8, "support": 2})
    assert store.position_of(code, token(1)) == {"closeness": 8, "support": 2}
    stored = {r.dimension: r.value for r in _rows(url, rooms.positions_table, code)}
    assert stored == {"closeness": 8, "support": 2}
    for n in range(2, 2 + MIN_SHOWN):
        store.contribute(code, token(n), needs(5))
    picture = store.picture(code)
    assert (picture.contributions, picture.shown) == (MIN_SHOWN + 1, True)
    assert picture.counts["closeness"] == [0] * 5 + [MIN_SHOWN, 0, 0, 1, 0, 0]
    assert picture.counts["support"] == [0, 0, 1, 0, 0, MIN_SHOWN] + [0] * 5
    for dim in DIMENSION_IDS:
        if dim not in ("closeness", "support"):
            assert picture.counts[dim] == [0] * 5 + [MIN_SHOWN] + [0] * 5, dim


def test_a_dimension_counts_only_the_people_who_set_it(url: str) -> None:
    """Six people in the room, only four set "intensity": it stays hidden, the rest is shown."""
    store = Rooms(url)
    code = store.create().code
    for n in range(6):
        chosen = needs(n) if n < 4 else {d: n for d in DIMENSION_IDS if d != "intensity"}
        store.contribute(code, token(n), chosen)
    picture = store.picture(code)
    assert picture.shown and picture.counts["intensity"] == []
    assert all(sum(picture.counts[d]) == 6 for d in DIMENSION_IDS if d != "intensity")


def test_sending_fewer_positions_again_removes_the_others(url: str) -> None:
    store = Rooms(url)
    code = store.create().code
    store.contribute(code, token(1), needs(4))
    store.contribute(code, token(1), {"expression": 9})
    assert store.position_of(code, token(1)) == {"expression": 9}
    assert len(_rows(url, rooms.positions_table, code)) == 1


def test_a_participant_reads_only_their_own_position(url: str) -> None:
    store = Rooms(url)
    first, second = store.create().code, store.create().code
    store.contribute(first, token(1), needs(1))
    store.contribute(first, token(2), needs(9))
    assert store.position_of(first, token(1)) == needs(1)
    assert store.position_of(first, token(2)) == needs(9)
    assert store.position_of(first, token(3)) is None
    # The same session token in another room finds nothing there.
    assert store.position_of(second, token(1)) is None


BAD_NEEDS: list[tuple[str, object]] = [
    ("above ten", needs(5, support=11)),
    ("below zero", needs(5, support=-1)),
    ("an unknown dimension only", {"name": 3}),
    ("an extra key", {"name": 3, **{str(d): 5 for d in DIMENSION_IDS}}),
    ("a string", needs(5) | {"support": "5"}),
    ("a float", needs(5) | {"support": 5.0}),
    ("a boolean", needs(5) | {"support": True}),
    ("none", needs(5) | {"support": None}),
    ("not a mapping", [5] * 8),
    ("empty", dict[str, int]()),
]


@pytest.mark.parametrize(("why", "bad"), BAD_NEEDS, ids=[why for why, _ in BAD_NEEDS])
def test_malformed_needs_are_rejected(url: str, why: str, bad: Any) -> None:
    store = Rooms(url)
    code = store.create().code
    with pytest.raises(RoomError) as caught:
        store.contribute(code, token(1), bad)
    assert caught.value.code == "invalid"
    assert _rows(url, rooms.contributions_table) == []


def test_malformed_tokens_are_rejected(url: str) -> None:
    store = Rooms(url)
    code = store.create().code
    for bad in ("", "short", "x" * 201, None, 12345678901234567890):
        with pytest.raises(RoomError) as caught:
            store.contribute(code, bad, needs())  # type: ignore[arg-type]
        assert caught.value.code == "invalid"
    assert _rows(url, rooms.contributions_table) == []


def test_unknown_rooms_are_refused(url: str) -> None:
    store = Rooms(url)
    for call in (
        lambda: store.contribute("ABCDEFGH", token(1), needs()),
        lambda: store.withdraw("ABCDEFGH", token(1)),
        lambda: store.picture("ABCDEFGH"),
        lambda: store.position_of("ABCDEFGH", token(1)),
        lambda: store.close("ABCDEFGH", "key"),
        lambda: store.picture("not a code at all"),
    ):
        with pytest.raises(RoomError) as caught:
            call()
        assert caught.value.code == "not_found"


# --- closing and expiry --------------------------------------------------------------------------


def test_closing_needs_the_key_and_erases_the_room(url: str) -> None:
    store = Rooms(url)
    room = store.create()
    other = store.create()
    for n in range(6):
        store.contribute(room.code, token(n), needs(n))
        store.contribute(other.code, token(n), needs(n))
    for wrong in ("", room.facilitator_key[:-1], other.facilitator_key, None):
        with pytest.raises(RoomError) as caught:
            store.close(room.code, wrong)  # type: ignore[arg-type]
        assert caught.value.code == "bad_key"
    assert store.picture(room.code).contributions == 6

    store.close(room.code, room.facilitator_key)
    assert not store.exists(room.code)
    assert _rows(url, rooms.rooms_table, room.code) == []
    assert _rows(url, rooms.contributions_table, room.code) == []
    assert _rows(url, rooms.positions_table, room.code) == []
    for call in (
        lambda: store.contribute(room.code, token(1), needs()),
        lambda: store.withdraw(room.code, token(1)),
        lambda: store.picture(room.code),
        lambda: store.position_of(room.code, token(1)),
        lambda: store.close(room.code, room.facilitator_key),
    ):
        with pytest.raises(RoomError):
            call()
    assert _rows(url, rooms.contributions_table, room.code) == []
    # The other room is untouched.
    assert store.picture(other.code).contributions == 6
    assert len(_rows(url, rooms.contributions_table, other.code)) == 6


def test_an_expired_room_refuses_everything_and_is_purged(url: str) -> None:
    clock = [datetime(2026, 5, 1, 9, 0, tzinfo=UTC)]
    store = Rooms(url, clock=lambda: clock[0])
    room = store.create()
    for n in range(6):
        store.contribute(room.code, token(n), needs(n))
    clock[0] += ROOM_LIFETIME - timedelta(seconds=1)
    assert store.exists(room.code)
    assert store.purge_expired() == 0
    clock[0] += timedelta(seconds=1)
    fresh = store.create(now=clock[0])  # creating also purges the expired room...
    assert fresh.code != room.code
    assert _rows(url, rooms.rooms_table, room.code) == []
    assert _rows(url, rooms.contributions_table, room.code) == []
    assert _rows(url, rooms.positions_table, room.code) == []
    assert store.exists(fresh.code)


def test_an_expired_room_is_closed_until_purged(url: str) -> None:
    store = Rooms(url)
    now = datetime.now(UTC)
    current = store.create(now=now)
    # (Created in this order: creating a room purges the rooms expired by then.)
    old = store.create(now=now - ROOM_LIFETIME - timedelta(minutes=1))
    assert not store.exists(old.code)
    for call in (
        lambda: store.contribute(old.code, token(1), needs()),
        lambda: store.withdraw(old.code, token(1)),
        lambda: store.picture(old.code),
        lambda: store.position_of(old.code, token(1)),
    ):
        with pytest.raises(RoomError) as caught:
            call()
        assert caught.value.code == "closed"
    store.contribute(current.code, token(1), needs())
    assert len(_rows(url, rooms.rooms_table)) == 2  # hidden is not enough: purge deletes
    assert store.purge_expired(now) == 1
    assert _rows(url, rooms.rooms_table, old.code) == []
    assert store.purge_expired(now + ROOM_LIFETIME - timedelta(seconds=1)) == 0
    assert len(_rows(url, rooms.rooms_table)) == 1
    assert store.purge_expired(now + ROOM_LIFETIME) == 1
    assert _rows(url, rooms.rooms_table) == []
    assert _rows(url, rooms.contributions_table) == []
    assert _rows(url, rooms.positions_table) == []


def test_times_naive_or_in_another_zone_mean_the_same_moment(url: str) -> None:
    store = Rooms(url)
    tokyo = datetime.now(UTC).astimezone(timezone(timedelta(hours=9)))
    room = store.create(now=tokyo)
    assert store.exists(room.code)
    assert store.purge_expired(datetime.now(UTC).replace(tzinfo=None)) == 0
    assert store.purge_expired(tokyo + ROOM_LIFETIME) == 1


# --- many sessions at once -----------------------------------------------------------------------


def test_thirty_participants_at_once_all_land(url: str) -> None:
    store = Rooms(url)
    code = store.create().code
    errors: list[BaseException] = []
    barrier = threading.Barrier(30)

    def participant(n: int) -> None:
        try:
            own = Rooms(url)  # a session builds its own Rooms; the engine is shared
            barrier.wait()
            own.contribute(code, token(n), needs(n % 11))
            own.picture(code)
            own.contribute(code, token(n), needs(10 - n % 11))
            assert own.position_of(code, token(n)) == needs(10 - n % 11)
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=participant, args=(n,)) for n in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    picture = store.picture(code)
    assert picture.contributions == 30
    assert picture.counts["reassurance"] == [
        sum(1 for n in range(30) if 10 - n % 11 == v) for v in range(11)
    ]


# --- the join limiter ----------------------------------------------------------------------------


# --- the schema and its migrations ---------------------------------------------------------------

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

V1 = sa.MetaData()
"""Schema 1 as the code before the migration created it: one column per dimension."""
sa.Table(
    "rooms",
    V1,
    sa.Column("code", sa.String(16), primary_key=True),
    sa.Column("key_hash", sa.String(64), nullable=False),
    sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("closed", sa.Boolean, nullable=False, default=False),
)
sa.Table(
    "contributions",
    V1,
    sa.Column(
        "room_code",
        sa.String(16),
        sa.ForeignKey("rooms.code", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("token_hash", sa.String(64), primary_key=True),
    *(
        sa.Column(
            dim, sa.SmallInteger, sa.CheckConstraint(f"{dim} BETWEEN 0 AND 10"), nullable=False
        )
        for dim in rooms.V1_DIMENSION_COLUMNS
    ),
    sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
)


def _fixture_notes() -> dict[str, Any]:
    notes: dict[str, Any] = json.loads((FIXTURES / "rooms-v1.json").read_text(encoding="utf-8"))
    return notes


def _schema(db_url: str) -> tuple[int | None, set[str], set[str]]:
    """(stored version, tables, columns of contributions) read straight from the database."""
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            inspector = sa.inspect(conn)
            tables = set(inspector.get_table_names())
            version = (
                conn.execute(sa.select(rooms.schema_table.c.version)).scalar()
                if "schema_info" in tables
                else None
            )
            columns = {c["name"] for c in inspector.get_columns("contributions")}
        return version, tables, columns
    finally:
        engine.dispose()


V1_DIMENSIONS = rooms.V1_DIMENSION_COLUMNS


def _as_now(picture: dict[str, Any]) -> RoomPicture:
    """A picture the v1 code showed, as this code shows it: a dimension added since has no
    positions from those contributions, so it is not shown (fewer than five positions); the same
    contributions and bins otherwise."""
    counts = {dim: picture["counts"].get(dim, []) for dim in DIMENSION_IDS}
    return RoomPicture(picture["contributions"], picture["shown"], counts)


def test_the_v1_fixture_opens_with_the_same_rooms(tmp_path: Path) -> None:
    """A database written by the code before schema 2 (tests/fixtures/make_rooms_v1.py) is
    migrated when opened, and every room shows what it showed then."""
    notes = _fixture_notes()
    assert notes["dimensions"] == list(rooms.V1_DIMENSION_COLUMNS)
    db = tmp_path / "rooms.db"
    shutil.copyfile(FIXTURES / "rooms-v1.sqlite", db)
    db_url = f"sqlite:///{db}"
    assert _schema(db_url)[0] is None
    t0 = datetime.fromisoformat(notes["T0"])
    clock = [t0 + timedelta(hours=1)]
    try:
        store = Rooms(db_url, clock=lambda: clock[0])
        version, tables, columns = _schema(db_url)
        assert version == rooms.SCHEMA_VERSION == 2
        assert {"rooms", "contributions", "room_positions", "schema_info"} <= tables
        assert columns == {"room_code", "token_hash", "updated"}
        for name in ("OPEN", "FEW"):
            room = notes[name]
            assert store.exists(room["code"])
            assert store.picture(room["code"]) == _as_now(room["picture"])
            for participant, stored in room["positions"].items():
                assert store.position_of(room["code"], participant) == stored
        assert store.picture(notes["OPEN"]["code"]).shown
        old = notes["OLD"]
        assert not store.exists(old["code"])
        assert len(_rows(db_url, rooms.positions_table, old["code"])) == 2 * len(V1_DIMENSIONS)
        store.create()  # purges the expired room, its contributions and their positions
        assert _rows(db_url, rooms.rooms_table, old["code"]) == []
        assert _rows(db_url, rooms.contributions_table, old["code"]) == []
        assert _rows(db_url, rooms.positions_table, old["code"]) == []
        # The room keeps working under the new schema, and its key still closes it.
        room = notes["OPEN"]
        store.contribute(room["code"], token(1), needs(4))
        assert store.picture(room["code"]).contributions == len(room["positions"]) + 1
        store.close(room["code"], room["facilitator_key"])
        assert _rows(db_url, rooms.positions_table, room["code"]) == []
    finally:
        rooms.dispose(db_url)
    # Opening it again finds nothing to do.
    engine = rooms._new_engine(db_url)
    try:
        assert rooms.migrate(engine) == 2
    finally:
        engine.dispose()


def _write_v1(db_url: str, now: datetime) -> dict[str, dict[str, int]]:
    """Schema 1 tables as the old code created them, with one room of six contributions."""
    engine = rooms._new_engine(db_url)
    positions = {
        rooms._hash_token("ABCDEFGH", token(n)): {
            dim: (n + i) % 11 for i, dim in enumerate(rooms.V1_DIMENSION_COLUMNS)
        }
        for n in range(6)
    }
    try:
        V1.create_all(engine)
        with engine.begin() as conn:
            conn.execute(
                V1.tables["rooms"]
                .insert()
                .values(
                    code="ABCDEFGH",
                    key_hash=rooms._hash_key("the-key"),
                    created=now,
                    expires=now + ROOM_LIFETIME,
                    closed=False,
                )
            )
            conn.execute(
                V1.tables["contributions"].insert(),
                [
                    {"room_code": "ABCDEFGH", "token_hash": h, "updated": now, **p}
                    for h, p in positions.items()
                ],
            )
    finally:
        engine.dispose()
    return positions


def test_a_v1_database_is_migrated_in_place(url: str) -> None:
    """On SQLite and PostgreSQL: the old DDL and rows become schema 2 with the same positions."""
    now = datetime.now(UTC)
    positions = _write_v1(url, now)
    store = Rooms(url)
    version, _tables, columns = _schema(url)
    assert (version, columns) == (2, {"room_code", "token_hash", "updated"})
    stored = {
        (row.token_hash, row.dimension): row.value for row in _rows(url, rooms.positions_table)
    }
    assert stored == {(h, d): v for h, p in positions.items() for d, v in p.items()}
    for n in range(6):
        assert store.position_of("ABCDEFGH", token(n)) == {
            d: (n + i) % 11 for i, d in enumerate(V1_DIMENSIONS)
        }
    picture = store.picture("ABCDEFGH")
    assert (picture.contributions, picture.shown) == (6, True)
    assert picture.counts["expression"] == [1] * 6 + [0] * 5
    store.close("ABCDEFGH", "the-key")
    assert _rows(url, rooms.positions_table) == []


def test_replicas_starting_at_once_migrate_once(url: str) -> None:
    """Four processes (here: four engines, each its own connection) open a v1 database at the
    same moment: one migrates, the others wait for it and find the work done."""
    positions = _write_v1(url, datetime.now(UTC))
    barrier = threading.Barrier(4)
    found: list[int] = []
    errors: list[BaseException] = []

    def replica() -> None:
        engine = rooms._new_engine(url)
        try:
            barrier.wait()
            found.append(rooms.migrate(engine))
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=replica) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert sorted(found) == [1, 2, 2, 2]
    assert len(_rows(url, rooms.positions_table)) == len(positions) * len(V1_DIMENSIONS)
    assert len(_rows(url, rooms.schema_table)) == 1


def test_an_empty_database_starts_at_the_current_version(url: str) -> None:
    Rooms(url).create()
    assert _schema(url)[0] == rooms.SCHEMA_VERSION
    engine = rooms._new_engine(url)
    try:
        assert rooms.migrate(engine) == rooms.SCHEMA_VERSION  # idempotent
        with engine.begin() as conn:
            conn.execute(rooms.schema_table.update().values(version=rooms.SCHEMA_VERSION + 1))
        with pytest.raises(RuntimeError, match="schema 3"):
            rooms.migrate(engine)  # a database newer than the code is not written to
    finally:
        engine.dispose()


def test_a_new_dimension_needs_no_new_column() -> None:
    """Positions are rows: no column and no constraint of the schema names a dimension."""
    ddl = "\n".join(
        str(sa.schema.CreateTable(table).compile(dialect=dialect))
        for table in rooms.metadata.sorted_tables
        for dialect in (sa.dialects.sqlite.dialect(), sa.dialects.postgresql.dialect())
    )
    assert not [dim for dim in DIMENSION_IDS if dim in ddl]


def test_the_join_limiter_blocks_after_ten_failures_and_recovers() -> None:
    clock = [datetime(2026, 5, 1, 9, 0, tzinfo=UTC)]
    limiter = JoinLimiter(max_failures=10, window=timedelta(minutes=1), clock=lambda: clock[0])
    for _ in range(10):
        assert limiter.allow("session-a")
        limiter.record_failure("session-a")
        clock[0] += timedelta(seconds=1)
    assert not limiter.allow("session-a")
    assert limiter.allow("session-b")  # keyed by session
    clock[0] += timedelta(seconds=50)  # the first failure is now a minute old
    assert limiter.allow("session-a")
    limiter.record_failure("session-a")
    assert not limiter.allow("session-a")
    clock[0] += timedelta(minutes=1)
    assert limiter.allow("session-a")


def test_the_join_limiter_defaults() -> None:
    limiter = JoinLimiter()
    assert (limiter.max_failures, limiter.window) == (10, timedelta(minutes=1))
    for _ in range(10):
        limiter.record_failure("s")
    assert not limiter.allow("s")


def test_a_room_error_carries_its_code() -> None:
    error = RoomError("bad_key")
    assert error.code == "bad_key"
    assert isinstance(error, Exception)


# --------------------------------------------------------------------------- the join address


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1:8501/join?code=ABCD2345",
        "http://127.8.9.10/join",
        "http://localhost:8501",
        "https://LOCALHOST./room",
        "http://app.localhost:8501",
        "http://[::1]:8501/join",
        "http://0.0.0.0:8501",
        "http://[::]:8501",
    ],
)
def test_addresses_only_this_machine_can_open_are_loopback(address: str) -> None:
    assert rooms.is_loopback(address)


@pytest.mark.parametrize(
    "address",
    [
        "http://192.168.1.20:8501/join",
        "https://workbook.example.org/join",
        "http://10.0.0.5",
        "http://[2001:db8::1]:8501",
        "http://localhost-hall.example.org",
        "http://128.0.0.1",
        "not an address",
        "",
    ],
)
def test_addresses_other_devices_can_open_are_not_loopback(address: str) -> None:
    assert not rooms.is_loopback(address)


@pytest.mark.parametrize(
    ("typed", "base"),
    [
        ("https://workbook.example.org", "https://workbook.example.org"),
        ("  https://workbook.example.org/  ", "https://workbook.example.org"),
        ("HTTP://192.168.1.20:8501/hall/", "http://192.168.1.20:8501/hall"),
        ("https://example.org/hall?x=1#top", "https://example.org/hall"),
        ("workbook.example.org", None),  # no scheme: not an address a phone can be sent to
        ("ftp://example.org", None),
        ("javascript:alert(1)", None),
        ("http://", None),
        ("http://example.org:port", None),
        ("", None),
    ],
)
def test_a_public_address_is_cleaned_or_refused(typed: str, base: str | None) -> None:
    assert rooms.clean_public_url(typed) == base


def test_the_public_address_comes_from_its_setting() -> None:
    assert rooms.configured_public_url({}) is None
    assert rooms.configured_public_url({rooms.PUBLIC_URL_ENV: " "}) is None
    assert rooms.configured_public_url({rooms.PUBLIC_URL_ENV: "hall"}) is None
    given = {rooms.PUBLIC_URL_ENV: "https://workbook.example.org/"}
    assert rooms.configured_public_url(given) == "https://workbook.example.org"


@pytest.mark.parametrize(
    ("page", "base"),
    [
        ("http://192.168.1.20:8501/room", "http://192.168.1.20:8501"),
        ("https://example.org/workbook/room", "https://example.org/workbook"),
        ("https://example.org/workbook/room/", "https://example.org/workbook"),
        ("http://127.0.0.1:8501/", "http://127.0.0.1:8501"),
        ("", None),
    ],
)
def test_the_base_address_is_what_comes_before_the_host_page(page: str, base: str | None) -> None:
    assert rooms.base_of_host_page(page) == base


def test_the_join_link_sits_beside_the_host_page() -> None:
    assert rooms.join_link("https://example.org/hall", "ABCD2345") == (
        "https://example.org/hall/join?code=ABCD2345"
    )
    assert rooms.join_link("https://example.org/", "ABCD2345") == (
        "https://example.org/join?code=ABCD2345"
    )


# --------------------------------------------------------------------------- the compact chart


def _picture(contributions: int, **bins: list[int]) -> RoomPicture:
    counts: dict[DimensionId, list[int]] = {dim: [] for dim in DIMENSION_IDS}
    counts.update(bins)  # type: ignore[arg-type]
    return RoomPicture(contributions, contributions >= MIN_SHOWN, counts)


def test_the_compact_chart_has_a_row_for_each_shown_dimension_only(url: str) -> None:
    store = Rooms(url)
    code = store.create().code
    for i in range(MIN_SHOWN - 1):
        store.contribute(code, token(i), needs(i))
    assert rooms.spread_rows(store.picture(code)) == []  # below five: nothing at all
    assert rooms.hidden_dimensions(store.picture(code)) == []
    store.contribute(code, token(99), {"closeness": 10})  # the fifth sets only one need
    picture = store.picture(code)
    rows = rooms.spread_rows(picture)
    assert [row.dimension for row in rows] == ["closeness"]
    assert rows[0].counts == (1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1)
    assert (rows[0].lowest, rows[0].highest, rows[0].span) == (0, 10, 10)
    assert rooms.hidden_dimensions(picture) == [d for d in DIMENSION_IDS if d != "closeness"]


def test_the_compact_chart_keeps_the_registry_order() -> None:
    bins = {dim: [0] * 10 + [5] for dim in reversed(DIMENSION_IDS)}
    rows = rooms.spread_rows(_picture(5, **bins))
    assert [row.dimension for row in rows] == list(DIMENSION_IDS)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_charts_sentence_is_written_from_its_data(lang: Language) -> None:
    from emotions.i18n import t

    wide = [1, 0, 0, 0, 0, 0, 0, 0, 0, 3, 1]  # 0 to 10
    narrow = [0, 0, 0, 0, 2, 3, 0, 0, 0, 0, 0]  # 4 to 5
    middle = [0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0]  # 2 to 6
    together = [0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0]  # everyone at 7
    picture = _picture(5, support=narrow, closeness=wide, intensity=middle)
    name = {dim: t(f"dim.{dim}.name", lang) for dim in DIMENSION_IDS}

    def between(low: int, high: int) -> str:
        return t("rooms_moments.range", lang, low=low, high=high)

    def closeness_and_support(n: int, support: str) -> str:
        """The sentence when closeness spreads from 0 to 10 and support is the narrowest."""
        wide_range = between(0, 10)
        return t(
            "rooms_moments.chart_alt",
            lang,
            n=n,
            wide=name["closeness"],
            wide_range=wide_range,
            narrow=name["support"],
            narrow_range=support,
        )

    assert rooms.describe_spread(picture, lang) == closeness_and_support(5, between(4, 5))
    picture = _picture(7, support=together, closeness=wide)
    everyone = t("rooms_moments.range_one", lang, low=7)
    assert rooms.describe_spread(picture, lang) == closeness_and_support(7, everyone)
    assert rooms.describe_spread(_picture(6, intensity=middle), lang) == t(
        "rooms_moments.chart_alt_one", lang, n=6, dimension=name["intensity"], range=between(2, 6)
    )
    even = rooms.describe_spread(_picture(5, support=middle, closeness=middle), lang)
    assert even == t("rooms_moments.chart_alt_even", lang, n=5, count=2, span=4)
    assert rooms.describe_spread(_picture(4), lang) == ""
