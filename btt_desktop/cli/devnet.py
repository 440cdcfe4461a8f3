"""``btt devnet``: run a local TRON-compatible node; ``btt devnet faucet``: fund an address."""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import signal
from decimal import Decimal, InvalidOperation
from pathlib import Path

from btt_desktop.errors import ChainError, DevnetError
from btt_desktop.profile import Profile

DEFAULT_LISTEN = "127.0.0.1:8090"
DEFAULT_NODE = "http://127.0.0.1:8090"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
             parents: list[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "devnet", parents=parents, help="run a local TRON-compatible node (devnet)",
        description="Run a local TRON-compatible node with BTT and the Speed vault. "
                    "It speaks the java-tron HTTP API that wallets use.")
    parser.add_argument("--listen", default=DEFAULT_LISTEN, metavar="IP:PORT",
                        help=f"address to serve HTTP on (default {DEFAULT_LISTEN}; port 0 picks "
                             "a free port)")
    parser.add_argument("--data", metavar="DIR",
                        help="keep the chain in DIR (default: devnet/ in the profile)")
    parser.add_argument("--block-time", type=float, default=0.5, metavar="S",
                        help="seconds between blocks (default 0.5)")
    parser.add_argument("--withdraw-notice", type=int, default=None,
                        metavar="S", help="vault withdrawal notice in seconds (default 86400)")
    parser.set_defaults(handler=run_node)
    commands = parser.add_subparsers(dest="devnet_command", metavar="COMMAND")
    faucet = commands.add_parser("faucet", parents=parents, help="give devnet TRX and BTT",
                                 description="Give devnet TRX and BTT to an address.")
    faucet.add_argument("address", help="TRON address (T... or 41... hex)")
    faucet.add_argument("--trx", default="0", metavar="N", help="TRX to give (e.g. 100 or 0.5)")
    faucet.add_argument("--btt", default="0", metavar="N", help="BTT to give")
    faucet.add_argument("--node", default=DEFAULT_NODE, metavar="URL",
                        help=f"devnet URL (default {DEFAULT_NODE})")
    faucet.set_defaults(handler=run_faucet)


def parse_listen(text: str) -> tuple[str, int]:
    host, sep, port_text = text.rpartition(":")
    host = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    try:
        ipaddress.ip_address(host)
        port = int(port_text)
    except ValueError:
        raise DevnetError(f"--listen wants IP:PORT, got {text!r}") from None
    if not sep or not 0 <= port <= 65535:
        raise DevnetError(f"--listen wants IP:PORT, got {text!r}")
    return host, port


def _url(base: str) -> str:
    # the node reports the bound address; IPv6 needs brackets in a URL
    scheme, _, rest = base.partition("://")
    host, _, port = rest.rpartition(":")
    return f"{scheme}://[{host}]:{port}" if ":" in host else base


async def run_node(args: argparse.Namespace) -> int:
    from btt_desktop.devnet.node import DevnetNode  # heavy (tronpy): only for this command

    host, port = parse_listen(args.listen)
    data = Path(args.data) if args.data else Profile.open(args.profile).root / "devnet"
    node = DevnetNode(data, block_time=args.block_time, withdraw_notice=args.withdraw_notice)
    url = _url(await node.start(host, port))
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    print(f"devnet listening on {url}", flush=True)
    try:
        await stop.wait()
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
        await node.close()
    return 0


def _display_amount(text: str, name: str) -> Decimal:
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise DevnetError(f"--{name} wants a number, got {text!r}") from None
    if not amount.is_finite() or amount < 0:
        raise DevnetError(f"--{name} wants a number of 0 or more, got {text!r}")
    return amount


async def run_faucet(args: argparse.Namespace) -> int:
    import httpx

    from btt_desktop.devnet.addresses import BadAddress, parse_address

    try:
        parse_address(args.address)
    except BadAddress as exc:
        raise DevnetError(str(exc)) from None
    trx = _display_amount(args.trx, "trx")
    btt = _display_amount(args.btt, "btt")
    if not trx and not btt:
        raise DevnetError("ask for some --trx or --btt")
    url = args.node.rstrip("/") + "/devnet/faucet"
    try:
        async with httpx.AsyncClient(timeout=10) as client:
            response = await client.post(url, json={"address": args.address, "trx": str(trx),
                                                    "btt": str(btt)})
        reply = response.json()
    except httpx.HTTPError as exc:
        raise ChainError(f"cannot reach the devnet at {args.node}: {type(exc).__name__}") from None
    except ValueError:
        raise ChainError(f"{args.node} did not answer like a devnet") from None
    if not isinstance(reply, dict) or response.status_code != 200 or "Error" in reply:
        message = reply.get("Error") if isinstance(reply, dict) else None
        raise ChainError(f"devnet refused: {message or f'HTTP {response.status_code}'}")
    print(f"gave {trx} TRX and {btt} BTT to {reply.get('address', args.address)}")
    return 0
