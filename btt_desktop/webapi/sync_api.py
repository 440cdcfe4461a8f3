"""``/api/v2/sync``: ``maindata`` with qBittorrent's ``rid`` protocol, and
``torrentPeers``.

Each session keeps only the state of the last answer it got (one rid): a request with
that rid gets what changed since (changed fields of changed torrents, removed torrents,
categories and tags, changed ``server_state`` fields); any other rid, 0 included, gets a
full update. The state per session is thus one copy of the list, and sessions are
bounded (``auth.MAX_SESSIONS``).
"""

from __future__ import annotations

import asyncio
import shutil
from typing import Any

from btt_desktop.webapi import translate
from btt_desktop.webapi.context import ApiContext
from btt_desktop.webapi.http import Answer, Params, Route, read
from btt_desktop.webapi.torrents_api import all_snapshots, info_of, one
from btt_desktop.webapi.transfer_api import transfer_info

MAX_RID = 10**9
_KEY = "maindata"


async def _free_space(path: str) -> int:
    try:
        return (await asyncio.to_thread(shutil.disk_usage, path)).free
    except OSError:
        return 0


async def server_state(ctx: ApiContext) -> dict[str, Any]:
    snaps = ctx.engine.snapshots()
    alltime_dl = sum(s.all_time_download for s in snaps)
    alltime_ul = sum(s.all_time_upload for s in snaps)
    state = transfer_info(ctx)
    state.update({
        "alltime_dl": alltime_dl,
        "alltime_ul": alltime_ul,
        "global_ratio": f"{alltime_ul / alltime_dl:.2f}" if alltime_dl else "0.00",
        "free_space_on_disk": await _free_space(ctx.settings.app.default_save_path),
        "queueing": True,
        "use_alt_speed_limits": ctx.engine.settings.alt_limits_enabled,
        "use_subcategories": False,
        "refresh_interval": 1500,
        "total_peer_connections": sum(s.num_seeds + s.num_peers for s in snaps),
        "average_time_queue": 0, "queued_io_jobs": 0, "read_cache_hits": "0",
        "read_cache_overload": "0", "write_cache_overload": "0", "total_buffers_size": 0,
        "total_queued_size": 0, "total_wasted_session": 0,
        "last_external_address_v4": next(
            (a for a in ctx.engine.external_addresses if ":" not in a), ""),
        "last_external_address_v6": next(
            (a for a in ctx.engine.external_addresses if ":" in a), ""),
    })
    return state


async def _current(ctx: ApiContext) -> dict[str, Any]:
    return {
        "torrents": {s.torrent_id: info_of(ctx, s) for s in all_snapshots(ctx)},
        "categories": translate.categories_info(await ctx.engine.categories()),
        "tags": list(await ctx.engine.tags()),
        "server_state": await server_state(ctx),
    }


def _changed(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in new.items() if old.get(k, _MISSING) != v}


_MISSING = object()


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    torrents: dict[str, Any] = {}
    for tid, item in new["torrents"].items():
        before = old["torrents"].get(tid)
        if before is item:   # the same dictionary: the torrent did not change
            continue
        changes = item if before is None else _changed(before, item)
        if changes:
            torrents[tid] = changes
    if torrents:
        out["torrents"] = torrents
    removed = [tid for tid in old["torrents"] if tid not in new["torrents"]]
    if removed:
        out["torrents_removed"] = removed
    categories = {name: c for name, c in new["categories"].items()
                  if old["categories"].get(name) != c}
    if categories:
        out["categories"] = categories
    gone = [name for name in old["categories"] if name not in new["categories"]]
    if gone:
        out["categories_removed"] = gone
    added_tags = [t for t in new["tags"] if t not in set(old["tags"])]
    if added_tags:
        out["tags"] = added_tags
    removed_tags = [t for t in old["tags"] if t not in set(new["tags"])]
    if removed_tags:
        out["tags_removed"] = removed_tags
    state = _changed(old["server_state"], new["server_state"])
    if state:
        out["server_state"] = state
    return out


async def maindata(ctx: ApiContext, p: Params) -> Answer:
    assert p.session is not None
    rid = p.integer("rid", 0)
    last_rid, last = p.session.data.get(_KEY, (0, None))
    current = await _current(ctx)
    new_rid = last_rid % MAX_RID + 1
    if rid != 0 and rid == last_rid and last is not None:
        answer = diff(last, current)
    else:
        answer = dict(current)
        answer["full_update"] = True
    answer["rid"] = new_rid
    p.session.data[_KEY] = (new_rid, current)
    return answer


async def torrent_peers(ctx: ApiContext, p: Params) -> Answer:
    """Always a full update (the peers of one torrent are few)."""
    snap = one(ctx, p)
    peers = await ctx.engine.peers(snap.torrent_id)
    rid = p.integer("rid", 0) % MAX_RID + 1
    return {"rid": rid, "full_update": True, "show_flags": True,
            "peers": {f"{peer.ip}:{peer.port}": translate.peer_info(peer) for peer in peers}}


ROUTES: dict[str, Route] = {
    "sync/maindata": read(maindata),
    "sync/torrentPeers": read(torrent_peers),
}
