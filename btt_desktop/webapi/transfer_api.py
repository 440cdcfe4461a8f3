"""``/api/v2/transfer``: session totals and the global rate limits."""

from __future__ import annotations

from typing import Any

from btt_desktop.webapi.context import ApiContext
from btt_desktop.webapi.http import Answer, Params, Route, action, read

MAX_RATE = 2**31 - 1   # bytes/s; libtorrent's limits are 32-bit


def connection_status(ctx: ApiContext) -> str:
    if not ctx.engine.listen_endpoints:
        return "disconnected"
    return "connected" if ctx.engine.external_addresses else "firewalled"


def _limits(ctx: ApiContext) -> tuple[int, int]:
    e = ctx.engine.settings
    if e.alt_limits_enabled:
        return e.alt_download_limit, e.alt_upload_limit
    return e.download_limit, e.upload_limit


def transfer_info(ctx: ApiContext) -> dict[str, Any]:
    totals = ctx.totals.last if ctx.totals is not None else None
    down, up = ctx.totals.session_bytes() if ctx.totals is not None else (0, 0)
    dl_limit, up_limit = _limits(ctx)
    return {
        "dl_info_speed": totals.download_rate if totals else 0,
        "dl_info_data": down,
        "up_info_speed": totals.upload_rate if totals else 0,
        "up_info_data": up,
        "dl_rate_limit": dl_limit,
        "up_rate_limit": up_limit,
        "dht_nodes": totals.dht_nodes if totals else 0,
        "connection_status": connection_status(ctx),
    }


async def info(ctx: ApiContext, p: Params) -> Answer:
    return transfer_info(ctx)


async def speed_limits_mode(ctx: ApiContext, p: Params) -> Answer:
    return "1" if ctx.engine.settings.alt_limits_enabled else "0"


async def toggle_speed_limits_mode(ctx: ApiContext, p: Params) -> Answer:
    on = not ctx.engine.settings.alt_limits_enabled
    await ctx.settings.change(ctx.engine, {"alt_limits_enabled": on}, {})
    return None


async def set_speed_limits_mode(ctx: ApiContext, p: Params) -> Answer:
    mode = p.integer("mode", low=0, high=1)
    await ctx.settings.change(ctx.engine, {"alt_limits_enabled": bool(mode)}, {})
    return None


async def download_limit(ctx: ApiContext, p: Params) -> Answer:
    return str(_limits(ctx)[0])


async def upload_limit(ctx: ApiContext, p: Params) -> Answer:
    return str(_limits(ctx)[1])


async def _set_limit(ctx: ApiContext, p: Params, down: bool) -> Answer:
    value = max(0, p.integer("limit", low=-1, high=MAX_RATE))
    alt = ctx.engine.settings.alt_limits_enabled
    field = ("alt_" if alt else "") + ("download_limit" if down else "upload_limit")
    await ctx.settings.change(ctx.engine, {field: value}, {})
    return None


async def set_download_limit(ctx: ApiContext, p: Params) -> Answer:
    return await _set_limit(ctx, p, True)


async def set_upload_limit(ctx: ApiContext, p: Params) -> Answer:
    return await _set_limit(ctx, p, False)


async def ban_peers(ctx: ApiContext, p: Params) -> Answer:
    ips = [peer.rsplit(":", 1)[0].strip("[]") if peer.count(":") == 1 or "]" in peer
           else peer for peer in p.split("peers", "|")]
    await ctx.engine.ban_peers(ips)
    return None


ROUTES: dict[str, Route] = {
    "transfer/info": read(info),
    "transfer/speedLimitsMode": read(speed_limits_mode),
    "transfer/toggleSpeedLimitsMode": action(toggle_speed_limits_mode),
    "transfer/setSpeedLimitsMode": action(set_speed_limits_mode),
    "transfer/downloadLimit": read(download_limit),
    "transfer/uploadLimit": read(upload_limit),
    "transfer/setDownloadLimit": action(set_download_limit),
    "transfer/setUploadLimit": action(set_upload_limit),
    "transfer/banPeers": action(ban_peers),
}
