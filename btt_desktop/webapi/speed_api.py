"""``/api/v2/speed``: what Speed earns and spends, and cashing its cheques.

``speed/cash`` sends TRX-costing transactions: without ``confirm=true`` it only quotes
(``409`` with the amount due and the fee); nothing is sent. Amounts are decimal BTT
strings, fees decimal TRX strings, as in ``btt speed ... --json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from btt_desktop.wallet.amounts import BTT_DECIMALS, format_amount
from btt_desktop.webapi.context import ApiContext
from btt_desktop.webapi.http import Answer, Params, Route, action, conflict, read

if TYPE_CHECKING:
    from btt_desktop.speed.service import SpeedService


def _btt(value: int | None) -> str | None:
    return None if value is None else format_amount(value, BTT_DECIMALS)


def _trx(sun: int) -> str:
    return format_amount(sun, 6)


def _running(ctx: ApiContext) -> SpeedService:
    if ctx.speed is None:
        raise conflict("Speed is not running (start btt daemon with --speed)")
    return ctx.speed


async def status(ctx: ApiContext, p: Params) -> Answer:
    if ctx.speed is None:
        return {"running": False}
    s = ctx.speed.status()
    spending = s.spending
    return {
        "running": s.running, "port": s.port, "address": s.address, "net": s.net,
        "peers": [{"address": a, "ip": ip} for a, ip in s.peers],
        "earn": ctx.speed.settings.earn, "auto_bid": ctx.speed.settings.auto_bid,
        "spent": _btt(spending.spent), "owed": _btt(spending.owed),
        "bytes_bought": spending.bytes_bought, "spent_today": _btt(s.spent_today),
        "vault_balance": _btt(s.vault_balance), "problem": s.problem,
    }


async def earnings(ctx: ApiContext, p: Params) -> Answer:
    e = _running(ctx).status().earnings
    return {
        "earned": _btt(e.earned), "cashed": _btt(e.cashed), "pending": _btt(e.pending),
        "unpaid": _btt(e.unpaid), "bytes_sold": e.bytes_sold, "sold_value": _btt(e.sold_value),
        "peers": [{"vault": peer.address, "bytes": peer.bytes, "value": _btt(peer.value),
                   "earned": _btt(peer.cheques), "cashed": _btt(peer.cashed)}
                  for peer in e.peers],
    }


async def cash(ctx: ApiContext, p: Params) -> Answer:
    speed = _running(ctx)
    confirmed = p.flag("confirm")
    plan = await speed.quote_cash_out()
    if plan.quote is None:
        return {"result": "nothing", "cashed": _btt(0), "refused": plan.refused}
    quote: dict[str, Any] = {"result": "quote", "due": _btt(plan.due),
                             "fee_trx": _trx(plan.quote.max_fee_sun),
                             "energy": plan.quote.energy, "refused": plan.refused}
    if not confirmed:
        from aiohttp import web

        from btt_desktop.webapi.server import json_answer

        answer: web.Response = json_answer(
            {**quote, "message": "cashing costs TRX: send confirm=true to cash"}, 409)
        return answer
    report = await speed.cash_out()
    return {"result": "failed" if report.error else ("cashed" if report.paid else "nothing"),
            "cashed": _btt(report.paid), "fee_trx": _trx(report.fee_sun),
            "transactions": report.txids, "refused": report.refused,
            "error": report.error or None}


ROUTES: dict[str, Route] = {
    "speed/status": read(status),
    "speed/earnings": read(earnings),
    "speed/cash": action(cash),
}
