"""Where added torrents come from: uploaded files, magnet links, bare info-hashes and
http(s) URLs (fetched here, bounded in size, time and redirects), and the .torrent
file handed back by ``torrents/export``."""

from __future__ import annotations

import asyncio
import logging
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import aiohttp
from aiohttp import web

from btt_desktop.engine.metainfo import MAX_TORRENT_FILE
from btt_desktop.errors import BttError, one_line
from btt_desktop.webapi.http import MAX_ITEMS

if TYPE_CHECKING:
    from btt_desktop.engine import Engine

log = logging.getLogger(__name__)

MAX_UPLOADS = 100          # .torrent files in one request
MAX_URLS = 100             # links in one request
FETCH_TIMEOUT = 30.0       # seconds for one URL, redirects included
MAX_REDIRECTS = 5
_HEX_HASH = re.compile(r"^[0-9a-fA-F]{40}$")
_B32_HASH = re.compile(r"^[A-Za-z2-7]{32}$")


def read_upload(field: Any) -> bytes | None:
    """The bytes of one uploaded file; None when it is too big or empty."""
    data = field.file.read(MAX_TORRENT_FILE + 1)
    if not data or len(data) > MAX_TORRENT_FILE:
        return None
    return bytes(data)


async def torrent_sources(urls: str) -> tuple[list[dict[str, Any]], int]:
    """``AddParams`` keywords for each line of ``urls``, and how many lines failed."""
    lines = [u.strip() for u in urls.splitlines() if u.strip()]
    if len(lines) > min(MAX_URLS, MAX_ITEMS):
        lines = lines[:MAX_URLS]
    sources: list[dict[str, Any]] = []
    failed = 0
    for url in lines:
        source = await _source(url)
        if source is None:
            failed += 1
        else:
            sources.append(source)
    return sources, failed


async def _source(url: str) -> dict[str, Any] | None:
    if url.lower().startswith("magnet:"):
        return {"magnet": url}
    if _HEX_HASH.match(url) or _B32_HASH.match(url):
        return {"magnet": f"magnet:?xt=urn:btih:{url}"}
    if url.lower().startswith(("http://", "https://")):
        try:
            return await _download(url)
        except (aiohttp.ClientError, TimeoutError, ValueError, BttError) as exc:
            log.info("web api: cannot fetch a torrent: %s", one_line(exc))
            return None
    return None


async def _download(url: str) -> dict[str, Any] | None:
    timeout = aiohttp.ClientTimeout(total=FETCH_TIMEOUT)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        for _ in range(MAX_REDIRECTS + 1):
            async with session.get(url, allow_redirects=False) as response:
                if response.status in (301, 302, 303, 307, 308):
                    location = response.headers.get("Location", "")
                    if location.lower().startswith("magnet:"):
                        return {"magnet": location}
                    url = str(response.url.join(aiohttp.client.URL(location)))
                    if not url.lower().startswith(("http://", "https://")):
                        return None
                    continue
                if response.status != 200:
                    return None
                data = await response.content.read(MAX_TORRENT_FILE + 1)
                if not data or len(data) > MAX_TORRENT_FILE:
                    return None
                return {"torrent_data": bytes(data)}
    return None


async def export_bytes(engine: Engine, tid: str, name: str) -> web.Response:
    """The torrent's .torrent file (``engine.export_torrent`` into a private temp dir)."""
    with tempfile.TemporaryDirectory(prefix="btt-export-") as folder:
        path = Path(folder) / "export.torrent"
        await engine.export_torrent(tid, str(path))
        data = await asyncio.to_thread(path.read_bytes)
    safe = re.sub(r'[^\w .()-]', "_", name)[:200] or tid
    return web.Response(body=data, content_type="application/x-bittorrent", headers={
        "Content-Disposition": f'attachment; filename="{safe}.torrent"'})
