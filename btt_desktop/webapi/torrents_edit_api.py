"""``/api/v2/torrents``: categories and tags, queue positions, file priorities, limits,
force start, super seeding, sequential download, trackers and peers by hand."""

from __future__ import annotations

from btt_desktop.engine.addresses import check_tracker_url, parse_peer
from btt_desktop.errors import BttError
from btt_desktop.webapi import translate
from btt_desktop.webapi.context import ApiContext
from btt_desktop.webapi.http import (
    Answer,
    Params,
    Route,
    action,
    bad_request,
    conflict,
    read,
)
from btt_desktop.webapi.torrents_api import one, targets

MAX_RATE = 2**31 - 1
MAX_NAME = 255


def _name(text: str, what: str) -> str:
    name = text.strip()
    if not name or len(name) > MAX_NAME or "\0" in name or "\n" in name:
        raise conflict(f"{what} name is invalid")
    return name


def _tags(p: Params) -> list[str]:
    return [t for t in p.split("tags", ",", "") if t]


# -- categories and tags -----------------------------------------------------------------

async def categories(ctx: ApiContext, p: Params) -> Answer:
    return translate.categories_info(await ctx.engine.categories())


async def create_category(ctx: ApiContext, p: Params) -> Answer:
    name = _name(p.text("category"), "Category")
    if name in {c.name for c in await ctx.engine.categories()}:
        raise conflict("Category already exists")
    await ctx.engine.create_category(name, p.text("savePath", "").strip())
    return None


async def edit_category(ctx: ApiContext, p: Params) -> Answer:
    name = p.text("category").strip()
    if name not in {c.name for c in await ctx.engine.categories()}:
        raise conflict("Category does not exist")
    await ctx.engine.edit_category(name, p.text("savePath", "").strip())
    return None


async def remove_categories(ctx: ApiContext, p: Params) -> Answer:
    known = {c.name for c in await ctx.engine.categories()}
    for name in p.split("categories", "\n"):
        if name in known:
            await ctx.engine.remove_category(name)
    return None


async def set_category(ctx: ApiContext, p: Params) -> Answer:
    name = p.text("category", "").strip()
    if name and name not in {c.name for c in await ctx.engine.categories()}:
        raise conflict("Category does not exist")
    await ctx.engine.set_category(targets(ctx, p), name)
    return None


async def tags(ctx: ApiContext, p: Params) -> Answer:
    return list(await ctx.engine.tags())


async def create_tags(ctx: ApiContext, p: Params) -> Answer:
    await ctx.engine.create_tags([_name(t, "Tag") for t in _tags(p)])
    return None


async def delete_tags(ctx: ApiContext, p: Params) -> Answer:
    await ctx.engine.delete_tags(_tags(p))
    return None


async def add_tags(ctx: ApiContext, p: Params) -> Answer:
    await ctx.engine.add_tags(targets(ctx, p), [_name(t, "Tag") for t in _tags(p)])
    return None


async def remove_tags(ctx: ApiContext, p: Params) -> Answer:
    ids = targets(ctx, p)
    names = _tags(p)
    if not names:   # qBittorrent: no tags given removes them all
        names = sorted({t for tid in ids if (s := ctx.engine.snapshot(tid)) for t in s.tags})
    await ctx.engine.remove_tags(ids, names)
    return None


# -- queue -------------------------------------------------------------------------------

def _queued(ctx: ApiContext, ids: list[str]) -> list[tuple[int, str]]:
    out = []
    for tid in ids:
        snap = ctx.engine.snapshot(tid)
        if snap is not None and snap.queue_position >= 0:
            out.append((snap.queue_position, tid))
    return sorted(out)


async def increase_prio(ctx: ApiContext, p: Params) -> Answer:
    await ctx.engine.queue_up([tid for _, tid in _queued(ctx, targets(ctx, p))])
    return None


async def decrease_prio(ctx: ApiContext, p: Params) -> Answer:
    await ctx.engine.queue_down([tid for _, tid in _queued(ctx, targets(ctx, p))])
    return None


async def top_prio(ctx: ApiContext, p: Params) -> Answer:
    """The engine moves one place at a time: as many moves as the place is deep."""
    for i, (position, tid) in enumerate(_queued(ctx, targets(ctx, p))):
        for _ in range(max(0, position - i)):
            await ctx.engine.queue_up([tid])
    return None


async def bottom_prio(ctx: ApiContext, p: Params) -> Answer:
    last = max((s.queue_position for s in ctx.engine.snapshots()), default=-1)
    chosen = _queued(ctx, targets(ctx, p))
    for i, (position, tid) in enumerate(reversed(chosen)):
        for _ in range(max(0, last - i - position)):
            await ctx.engine.queue_down([tid])
    return None


# -- files, limits, flags ------------------------------------------------------------------

async def file_prio(ctx: ApiContext, p: Params) -> Answer:
    snap = one(ctx, p)
    priority = p.integer("priority")
    if priority not in translate.QB_PRIORITIES:
        raise bad_request("Priority is not valid")
    if not snap.has_metadata:
        raise conflict("Torrent's metadata has not yet downloaded")
    ids = p.split("id", "|")
    try:
        indexes = [int(i) for i in ids]
    except ValueError:
        raise bad_request("File IDs must be integers") from None
    files = await ctx.engine.files(snap.torrent_id)
    known = {f.index for f in files}
    if not indexes or any(i not in known for i in indexes):
        raise conflict("File IDs are not valid")
    wanted = translate.engine_priority(priority)
    await ctx.engine.set_file_priorities(snap.torrent_id, {i: wanted for i in indexes})
    return None


async def download_limit(ctx: ApiContext, p: Params) -> Answer:
    return {tid: s.download_limit or -1 for tid in targets(ctx, p)
            if (s := ctx.engine.snapshot(tid)) is not None}


async def upload_limit(ctx: ApiContext, p: Params) -> Answer:
    return {tid: s.upload_limit or -1 for tid in targets(ctx, p)
            if (s := ctx.engine.snapshot(tid)) is not None}


async def set_download_limit(ctx: ApiContext, p: Params) -> Answer:
    limit = max(0, p.integer("limit", low=-1, high=MAX_RATE))
    for tid in targets(ctx, p):
        await ctx.engine.set_limits(tid, download=limit)
    return None


async def set_upload_limit(ctx: ApiContext, p: Params) -> Answer:
    limit = max(0, p.integer("limit", low=-1, high=MAX_RATE))
    for tid in targets(ctx, p):
        await ctx.engine.set_limits(tid, upload=limit)
    return None


async def set_share_limits(ctx: ApiContext, p: Params) -> Answer:
    """Accepted and checked, not applied: the engine has global seeding limits only
    (``max_ratio`` and ``max_seeding_time`` in the preferences)."""
    p.number("ratioLimit", -2)
    p.integer("seedingTimeLimit", -2)
    p.integer("inactiveSeedingTimeLimit", -2)
    targets(ctx, p)
    return None


async def set_force_start(ctx: ApiContext, p: Params) -> Answer:
    on = p.flag("value")
    ids = targets(ctx, p)
    await ctx.engine.keep_active(ids, on)
    if on:
        ctx.forced.update(ids)
    else:
        ctx.forced.difference_update(ids)
    return None


async def set_super_seeding(ctx: ApiContext, p: Params) -> Answer:
    await ctx.engine.set_super_seeding(targets(ctx, p), p.flag("value"))
    return None


async def toggle_sequential(ctx: ApiContext, p: Params) -> Answer:
    for tid in targets(ctx, p):
        snap = ctx.engine.snapshot(tid)
        if snap is not None:
            await ctx.engine.set_sequential(tid, not snap.sequential)
    return None


async def toggle_first_last(ctx: ApiContext, p: Params) -> Answer:
    targets(ctx, p)   # the engine has no first/last piece priority: nothing to toggle
    return None


# -- trackers and peers --------------------------------------------------------------------

async def add_trackers(ctx: ApiContext, p: Params) -> Answer:
    snap = one(ctx, p)
    entries = []
    for url in p.split("urls", "\n"):
        try:
            entries.append((check_tracker_url(url), 0))
        except BttError:
            continue
    if entries:
        await ctx.engine.add_trackers(snap.torrent_id, entries)
        ctx.infos.forget(snap.torrent_id)
    return None


async def edit_tracker(ctx: ApiContext, p: Params) -> Answer:
    snap = one(ctx, p)
    old, new = p.text("origUrl").strip(), p.text("newUrl").strip()
    try:
        new = check_tracker_url(new)
    except BttError:
        raise bad_request("New tracker URL is invalid") from None
    known = {t.url for t in await ctx.engine.trackers(snap.torrent_id)}
    if old not in known:
        raise conflict("Tracker not found")
    if new in known:
        raise conflict("New tracker URL already exists")
    await ctx.engine.edit_tracker(snap.torrent_id, old, new)
    ctx.infos.forget(snap.torrent_id)
    return None


async def remove_trackers(ctx: ApiContext, p: Params) -> Answer:
    snap = one(ctx, p)
    urls = p.split("urls", "|")
    known = {t.url for t in await ctx.engine.trackers(snap.torrent_id)}
    if not any(u in known for u in urls):
        raise conflict("No trackers were removed")
    await ctx.engine.remove_trackers(snap.torrent_id, [u for u in urls if u in known])
    ctx.infos.forget(snap.torrent_id)
    return None


async def add_peers(ctx: ApiContext, p: Params) -> Answer:
    peers = []
    for text in p.split("peers", "|"):
        try:
            peers.append(parse_peer(text))
        except BttError:
            continue
    if not peers:
        raise bad_request("No valid peers were specified")
    ids = targets(ctx, p)
    result = {}
    for tid in ids:
        await ctx.engine.add_peers(tid, peers)
        result[tid] = {"added": len(peers), "failed": 0}
    return result


ROUTES: dict[str, Route] = {
    "torrents/categories": read(categories),
    "torrents/createCategory": action(create_category),
    "torrents/editCategory": action(edit_category),
    "torrents/removeCategories": action(remove_categories),
    "torrents/setCategory": action(set_category),
    "torrents/tags": read(tags),
    "torrents/createTags": action(create_tags),
    "torrents/deleteTags": action(delete_tags),
    "torrents/addTags": action(add_tags),
    "torrents/removeTags": action(remove_tags),
    "torrents/increasePrio": action(increase_prio),
    "torrents/decreasePrio": action(decrease_prio),
    "torrents/topPrio": action(top_prio),
    "torrents/bottomPrio": action(bottom_prio),
    "torrents/filePrio": action(file_prio),
    "torrents/downloadLimit": read(download_limit),
    "torrents/uploadLimit": read(upload_limit),
    "torrents/setDownloadLimit": action(set_download_limit),
    "torrents/setUploadLimit": action(set_upload_limit),
    "torrents/setShareLimits": action(set_share_limits),
    "torrents/setForceStart": action(set_force_start),
    "torrents/setSuperSeeding": action(set_super_seeding),
    "torrents/toggleSequentialDownload": action(toggle_sequential),
    "torrents/toggleFirstLastPiecePrio": action(toggle_first_last),
    "torrents/addTrackers": action(add_trackers),
    "torrents/editTracker": action(edit_tracker),
    "torrents/removeTrackers": action(remove_trackers),
    "torrents/addPeers": action(add_peers),
}
