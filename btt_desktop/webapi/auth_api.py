"""``/api/v2/auth``: login (the ``SID`` cookie) and logout."""

from __future__ import annotations

import logging

from aiohttp import web

from btt_desktop.webapi.auth import BANNED_TEXT, SESSION_TIMEOUT, SID_COOKIE
from btt_desktop.webapi.context import ApiContext
from btt_desktop.webapi.http import Answer, Params, Route, action

log = logging.getLogger(__name__)

MAX_CREDENTIAL = 1024


async def login(ctx: ApiContext, p: Params) -> Answer:
    ip = p.remote
    if ctx.guard.banned(ip):
        return web.Response(text=BANNED_TEXT, status=403, content_type="text/plain")
    if p.session is not None:
        return "Ok."
    username = p.text("username", "")
    password = p.text("password", "")
    if len(username) > MAX_CREDENTIAL or len(password) > MAX_CREDENTIAL \
            or not await ctx.authenticator.check(username, password):
        ctx.guard.failed(ip)
        log.warning("web api: failed login from %s", ip)
        return "Fails."
    ctx.guard.succeeded(ip)
    session = ctx.sessions.new(ip)
    response = web.Response(text="Ok.", content_type="text/plain")
    response.set_cookie(SID_COOKIE, session.sid, httponly=True, samesite="Strict", path="/",
                        secure=p.secure, max_age=int(SESSION_TIMEOUT))
    return response


async def logout(ctx: ApiContext, p: Params) -> Answer:
    if p.session is not None:
        ctx.sessions.drop(p.session.sid)
    response = web.Response(text="", content_type="text/plain")
    response.del_cookie(SID_COOKIE, path="/")
    return response


ROUTES: dict[str, Route] = {
    "auth/login": action(login),
    "auth/logout": action(logout),
}
