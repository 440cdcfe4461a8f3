"""``/api/v2/torrents``: the list, one torrent's properties, files, trackers and
pieces, adding, stopping, starting, deleting, re-checking, moving."""

from __future__ import annotations

import logging
from typing import Any

from btt_desktop.engine.types import AddParams, TorrentSnapshot
from btt_desktop.errors import BttError
from btt_desktop.webapi import translate
from btt_desktop.webapi.context import ApiContext
from btt_desktop.webapi.fetch import MAX_UPLOADS, read_upload, torrent_sources
from btt_desktop.webapi.http import (
    Answer,
    Params,
    Route,
    action,
    bad_request,
    not_found,
    read,
)

log = logging.getLogger(__name__)


def targets(ctx: ApiContext, p: Params, name: str = "hashes") -> list[str]:
    """The torrents named by ``hashes`` (``all``: every one); unknown hashes are skipped."""
    wanted = p.hashes(name)
    known = ctx.engine.torrent_ids()
    if wanted is None:
        return known
    present = set(known)
    return list(dict.fromkeys(h for h in wanted if h in present))


def one(ctx: ApiContext, p: Params) -> TorrentSnapshot:
    tid = p.text("hash").strip().lower()
    snap = ctx.engine.snapshot(tid)
    if snap is None:
        raise not_found()
    return snap


def magnet_of(ctx: ApiContext, tid: str) -> str:
    try:
        return ctx.engine.magnet_uri(tid)
    except BttError:
        return ""


def info_of(ctx: ApiContext, snap: TorrentSnapshot) -> dict[str, Any]:
    """The torrent's ``torrents/info`` dictionary (shared: never change it)."""
    return ctx.infos.info(snap, snap.torrent_id in ctx.forced,
                          lambda tid: magnet_of(ctx, tid))


def all_snapshots(ctx: ApiContext) -> list[TorrentSnapshot]:
    """Every torrent's snapshot; what is kept for removed torrents is dropped."""
    snaps = ctx.engine.snapshots()
    ctx.infos.prune(s.torrent_id for s in snaps)
    return snaps


async def info(ctx: ApiContext, p: Params) -> Answer:
    status = p.text("filter", "all") or "all"
    if status not in translate.FILTERS:
        raise bad_request(f"unknown filter: {status}")
    wanted = p.hashes() if p.has("hashes") else None
    hashes = set(wanted) if wanted is not None else None
    items: list[dict[str, Any]] = []
    for snap in all_snapshots(ctx):
        if hashes is not None and snap.torrent_id not in hashes:
            continue
        if p.has("category") and snap.category != p.text("category", ""):
            continue
        if p.has("tag"):
            tag = p.text("tag", "")
            if (tag == "" and snap.tags) or (tag != "" and tag not in snap.tags):
                continue
        if status != "all" and not translate.matches_filter(
                status, translate.state_of(snap, snap.torrent_id in ctx.forced), snap):
            continue
        items.append(info_of(ctx, snap))
    sort = p.text("sort", "")
    if sort:
        items.sort(key=translate.sort_key(sort), reverse=p.flag("reverse"))
    elif p.flag("reverse"):
        items.reverse()
    offset = p.integer("offset", 0)
    if offset < 0:
        offset = max(0, len(items) + offset)
    limit = p.integer("limit", 0)
    items = items[offset:offset + limit] if limit > 0 else items[offset:]
    return items


async def count(ctx: ApiContext, p: Params) -> Answer:
    return str(len(ctx.engine.torrent_ids()))


async def properties(ctx: ApiContext, p: Params) -> Answer:
    snap = one(ctx, p)
    details = await ctx.engine.details(snap.torrent_id)
    return translate.properties(snap, details)


async def trackers(ctx: ApiContext, p: Params) -> Answer:
    snap = one(ctx, p)
    rows = await ctx.engine.trackers(snap.torrent_id, sources=True)
    return [translate.tracker_info(row) for row in rows]


async def webseeds(ctx: ApiContext, p: Params) -> Answer:
    one(ctx, p)
    return []   # the engine has no web seeds


async def files(ctx: ApiContext, p: Params) -> Answer:
    snap = one(ctx, p)
    entries = await ctx.engine.files(snap.torrent_id)
    piece_length = 0
    if snap.has_metadata:
        piece_length = (await ctx.engine.details(snap.torrent_id)).piece_length
    out = translate.file_infos(entries, piece_length)
    if p.has("indexes"):
        wanted = {int(i) for i in p.split("indexes", "|") if i.isdigit()}
        out = [f for f in out if f["index"] in wanted]
    return out


async def piece_states(ctx: ApiContext, p: Params) -> Answer:
    """0 not downloaded, 2 downloaded, per piece. The engine reports progress per file:
    a piece counts as downloaded when the files it holds are complete."""
    snap = one(ctx, p)
    if not snap.has_metadata:
        return []
    details = await ctx.engine.details(snap.torrent_id)
    total = details.num_pieces
    if snap.progress >= 1.0 or details.pieces_have >= total:
        return [2] * total
    states = [0] * total
    for f in translate.file_infos(await ctx.engine.files(snap.torrent_id),
                                  details.piece_length):
        if f["is_seed"]:
            first, last = f["piece_range"]
            for i in range(first, min(last, total - 1) + 1):
                states[i] = 2
    return states


async def add(ctx: ApiContext, p: Params) -> Answer:
    urls = p.text("urls", "")
    uploads = p.uploads()
    if len(uploads) > MAX_UPLOADS:
        raise bad_request(f"at most {MAX_UPLOADS} files at once")
    if not urls.strip() and not uploads:
        raise bad_request("urls or torrents expected")
    category = p.text("category", "").strip()
    tags = tuple(t for t in p.split("tags", ",", "") if t)
    stopped = p.flag("stopped", p.flag("paused", ctx.settings.app.start_paused))
    sequential = p.flag("sequentialDownload", ctx.settings.app.sequential_by_default)
    save_path = p.text("savepath", "").strip()
    up_limit = max(0, p.integer("upLimit", 0))
    dl_limit = max(0, p.integer("dlLimit", 0))
    if category and category not in {c.name for c in await ctx.engine.categories()}:
        await ctx.engine.create_category(category)   # as qBittorrent: made when new
    if not save_path:
        cats = {c.name: c.save_path for c in await ctx.engine.categories()}
        if not cats.get(category):
            save_path = ctx.settings.app.default_save_path
    sources: list[dict[str, Any]] = []
    for upload in uploads:
        data = read_upload(upload)
        if data is not None:
            sources.append({"torrent_data": data})
    failed = len(uploads) - len(sources)
    fetched, bad = await torrent_sources(urls)
    sources.extend(fetched)
    failed += bad
    added = 0
    for source in sources:
        params = AddParams(save_path=save_path, paused=stopped, sequential=sequential,
                           category=category, tags=tags, **source)
        try:
            tid = await ctx.engine.add(params)
        except BttError as exc:
            log.info("web api: not added: %s", exc)
            failed += 1
            continue
        added += 1
        if up_limit or dl_limit:
            await ctx.engine.set_limits(tid, download=dl_limit, upload=up_limit)
    return "Ok." if added else "Fails."


async def stop(ctx: ApiContext, p: Params) -> Answer:
    ids = targets(ctx, p)
    ctx.forced.difference_update(ids)
    await ctx.engine.pause(ids)
    return None


async def start(ctx: ApiContext, p: Params) -> Answer:
    await ctx.engine.resume(targets(ctx, p))
    return None


async def delete(ctx: ApiContext, p: Params) -> Answer:
    ids = targets(ctx, p)
    ctx.forced.difference_update(ids)
    await ctx.engine.remove(ids, delete_files=p.flag("deleteFiles"))
    return None


async def recheck(ctx: ApiContext, p: Params) -> Answer:
    await ctx.engine.force_recheck(targets(ctx, p))
    return None


async def reannounce(ctx: ApiContext, p: Params) -> Answer:
    await ctx.engine.force_reannounce(targets(ctx, p))
    return None


async def set_location(ctx: ApiContext, p: Params) -> Answer:
    location = p.text("location").strip()
    if not location or "\0" in location:
        raise bad_request("location must not be empty")
    for tid in targets(ctx, p):
        await ctx.engine.move_storage(tid, location)
    return None


async def export(ctx: ApiContext, p: Params) -> Answer:
    from btt_desktop.webapi.fetch import export_bytes

    snap = one(ctx, p)
    return await export_bytes(ctx.engine, snap.torrent_id, snap.name)


ROUTES: dict[str, Route] = {
    "torrents/info": read(info),
    "torrents/count": read(count),
    "torrents/properties": read(properties),
    "torrents/trackers": read(trackers),
    "torrents/webseeds": read(webseeds),
    "torrents/files": read(files),
    "torrents/pieceStates": read(piece_states),
    "torrents/export": read(export),
    "torrents/add": action(add),
    "torrents/pause": action(stop),
    "torrents/stop": action(stop),
    "torrents/resume": action(start),
    "torrents/start": action(start),
    "torrents/delete": action(delete),
    "torrents/recheck": action(recheck),
    "torrents/reannounce": action(reannounce),
    "torrents/setLocation": action(set_location),
}
