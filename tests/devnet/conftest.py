"""Fixtures for the devnet tests: one real devnet subprocess per test module."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from tronpy import AsyncTron
from tronpy.providers.async_http import AsyncHTTPProvider

from tests.devnet.devnet_helpers import NOTICE
from tests.devnet_process import devnet_process


@pytest.fixture(scope="module")
def devnet_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet"), withdraw_notice=NOTICE) as url:
        yield url


@pytest.fixture
async def tron(devnet_url: str) -> AsyncIterator[AsyncTron]:
    async with AsyncTron(AsyncHTTPProvider(devnet_url)) as client:
        yield client
