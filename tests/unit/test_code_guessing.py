"""Guessing room codes (issue 8), the arithmetic behind the join limiter: a session that never
stops trying gets at most ten checks a minute; tries while blocked buy nothing; flooding the
limiter with other sessions frees no one; and the code space stays far too large to search.
(The pages' side: ``tests/apptest/test_code_guessing.py``.)
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from emotions.rooms import CODE_ALPHABET, CODE_LENGTH, JoinLimiter, _new_code, normalise_code

START = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


def limiter_at(now: list[datetime]) -> JoinLimiter:
    return JoinLimiter(clock=lambda: now[0])  # the defaults the app uses: 10 a minute


def test_a_session_trying_every_second_for_ten_minutes_gets_ten_checks_a_minute() -> None:
    now = [START]
    limiter = limiter_at(now)
    checked: list[datetime] = []
    for _ in range(600):
        if limiter.allow("guesser"):
            checked.append(now[0])
            limiter.record_failure("guesser")  # every guess wrong
        now[0] += timedelta(seconds=1)
    assert len(checked) == 100
    for i, moment in enumerate(checked):  # never more than ten in any minute
        assert sum(1 for m in checked[i:] if m - moment < timedelta(minutes=1)) <= 10


def test_tries_while_blocked_are_not_counted_and_do_not_extend_the_wait() -> None:
    now = [START]
    limiter = limiter_at(now)
    for _ in range(10):
        limiter.record_failure("s")
    for _ in range(59):  # hammering while blocked
        now[0] += timedelta(seconds=1)
        assert not limiter.allow("s")
    now[0] += timedelta(seconds=1)
    assert limiter.allow("s")  # a minute after the tenth failure, not after the last try


def test_flooding_the_limiter_with_other_sessions_frees_no_blocked_one() -> None:
    now = [START]
    limiter = limiter_at(now)
    for _ in range(10):
        limiter.record_failure("guesser")
    # More than 10,000 sessions makes the limiter forget the quiet ones: never an active one.
    for n in range(10_050):
        limiter.record_failure(f"other-{n}")
    assert not limiter.allow("guesser")
    now[0] += timedelta(minutes=1)
    limiter.record_failure("one-more")  # the sweep now finds every old entry expired
    assert limiter.allow("guesser")
    assert len(limiter._failures) == 1


def test_the_code_space_keeps_guessing_hopeless() -> None:
    # 30 characters, 8 of them: 6.6e11 codes. A script opening ever new sessions (ten tries each)
    # made one server process check about 100 codes a second at 87 % of a core (issue 8 report);
    # allowing 200 a second with 10 rooms always open, a first hit still takes about 10 years.
    assert len(set(CODE_ALPHABET)) == len(CODE_ALPHABET) == 30
    space = len(CODE_ALPHABET) ** CODE_LENGTH
    assert space > 6.5e11
    assert math.log2(space) > 39
    seconds_to_first_hit = space / (10 * 200)
    assert seconds_to_first_hit > 3e8  # about 10 years
    codes = {_new_code() for _ in range(2_000)}
    assert len(codes) == 2_000  # random, not sequential or repeating
    assert all(len(c) == CODE_LENGTH and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert normalise_code("abcd-efgh ") == "ABCDEFGH"
