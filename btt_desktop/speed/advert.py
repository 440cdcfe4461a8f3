"""The Speed advertisement carried in the BitTorrent client-version string.

A Speed-enabled client sets libtorrent's ``handshake_client_version`` to
``BTTDesktop/<version> speed/<port>``; remote peers read it back as
``peer_info.client`` and contact the Speed port at the same IP.
"""

from __future__ import annotations

import re

MAX_ADVERT = 100
_TOKEN = re.compile(r"^([A-Za-z0-9._+-]{1,32})/([A-Za-z0-9._+-]{1,32})$")
_PORT = re.compile(r"^[1-9][0-9]{0,4}$")


def client_version(version: str, speed_port: int) -> str:
    """The string to give libtorrent as ``handshake_client_version``."""
    if not 1 <= speed_port <= 0xFFFF:
        raise ValueError("speed port out of range")
    text = f"BTTDesktop/{version} speed/{speed_port}"
    if parse_speed_port(text) != speed_port:
        raise ValueError("version must be letters, digits and ._+- only")
    return text


def parse_speed_port(client: str) -> int | None:
    """The Speed port a peer advertises in ``peer_info.client``, or ``None``.

    Strict: printable ASCII, at most 100 characters, tokens ``name/value`` separated
    by single spaces, exactly one ``speed/<port>`` token with a canonical port 1-65535.
    """
    if not isinstance(client, str) or not client or len(client) > MAX_ADVERT:
        return None
    if not client.isascii() or not client.isprintable():
        return None
    port: int | None = None
    for token in client.split(" "):
        match = _TOKEN.match(token)
        if match is None:
            return None
        name, value = match.groups()
        if name != "speed":
            continue
        if port is not None or not _PORT.match(value):
            return None
        port = int(value)
        if port > 0xFFFF:
            return None
    return port
