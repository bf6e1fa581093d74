"""The explorer's result cache: one run for concurrent identical requests, errors not kept,
bounded, and a waiter whose runner's client went away runs the query itself."""

from __future__ import annotations

import asyncio

import pytest

from kg.errors import QueryLimitError
from kg.explorer.backend import ResultCache, Table


def run(coro):
    return asyncio.run(coro)


def test_concurrent_requests_share_one_run():
    async def main():
        cache, calls = ResultCache(), []

        async def query():
            calls.append(1)
            await asyncio.sleep(0.05)
            return Table(vars=["x"], rows=[[["l", "1", None, None]]])

        got = await asyncio.gather(*(cache.get("k", query) for _ in range(8)))
        again = await cache.get("k", query)
        return calls, got, again

    calls, got, again = run(main())
    assert len(calls) == 1 and all(t is got[0] for t in got) and again is got[0]


def test_errors_are_not_kept_and_the_cache_is_bounded():
    async def main():
        cache = ResultCache(entries=2, max_rows=1)
        attempts = []

        async def failing():
            attempts.append(1)
            raise QueryLimitError("timed out", status=503)

        for _ in range(2):
            with pytest.raises(QueryLimitError):
                await cache.get("bad", failing)
        big = Table(rows=[[None], [None]])
        await cache.get("big", lambda: asyncio.sleep(0, big))
        for key in ("a", "b", "c"):
            await cache.get(key, lambda: asyncio.sleep(0, Table()))
        return attempts, list(cache._done)

    attempts, kept = run(main())
    assert len(attempts) == 2  # an error is not an answer
    assert kept == ["b", "c"]  # too big is not kept; the oldest goes first


def test_a_waiter_runs_the_query_when_the_runner_went_away():
    async def main():
        cache = ResultCache()

        async def gone_away():
            await asyncio.sleep(0.02)
            raise QueryLimitError("the client went away", status=499)

        async def answer():
            return Table(vars=["ok"])

        first = asyncio.ensure_future(cache.get("k", gone_away))
        await asyncio.sleep(0)
        second = await cache.get("k", answer)
        with pytest.raises(QueryLimitError):
            await first
        return second

    assert run(main()).vars == ["ok"]
