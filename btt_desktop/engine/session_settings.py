"""EngineSettings -> a libtorrent settings dictionary (``settings_pack`` keys).

The performance defaults below were measured on loopback; docs/engine.md has the
figures and bench/engine_loopback.py reproduces them.
"""

from __future__ import annotations

from typing import Any

import libtorrent as lt

from btt_desktop.engine.types import Encryption, EngineSettings, ProxyType

# Socket buffers: libtorrent leaves them at the OS default, which starves uTP (UDP)
# badly on fast links; 4 MiB took uTP from 20 to 105 MB/s on loopback (docs/engine.md).
SOCKET_BUFFER = 4 * 1024 * 1024

ALERT_MASK = (
    lt.alert_category.error
    | lt.alert_category.status
    | lt.alert_category.storage
    | lt.alert_category.port_mapping
    | lt.alert_category.file_progress
)

_NO_LIMIT_RATIO = 1_000_000  # share_ratio_limit is ratio x 100; this is "never"
_NO_LIMIT_SECONDS = 2**31 - 1


def listen_endpoint(interface: str, port: int) -> str:
    host = interface or "0.0.0.0"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"{host}:{port}"


# pex_flags of torrent_handle.connect_peer (not exported by the binding). Its default,
# encryption | uTP | holepunch, tells libtorrent the peer supports encryption, and with
# out_enc_policy "enabled" libtorrent then opens with the encrypted (MSE) handshake: a
# peer that allows only RC4 there (qBittorrent's default) picks RC4 for the payload.
PEX_ENCRYPTION = 0x01
PEX_UTP = 0x04
PEX_HOLEPUNCH = 0x08


def encryption_settings(mode: Encryption) -> dict[str, Any]:
    policy = lt.enc_policy
    level = lt.enc_level
    if mode == Encryption.PREFER_PLAIN:
        # Dial with the plain handshake first (see dial_flags), and if the peer drops it,
        # again with the encrypted one offering both plain text and RC4 (libtorrent
        # alternates on failure under "enabled"): plain text with every peer that
        # accepts it, RC4 only with peers that insist on encryption. Incoming encrypted
        # handshakes are accepted; the payload is plain wherever the peer allows it.
        return {"in_enc_policy": int(policy.pe_enabled), "out_enc_policy": int(policy.pe_enabled),
                "allowed_enc_level": int(level.pe_both), "prefer_rc4": False}
    if mode == Encryption.PREFER:
        return {"in_enc_policy": int(policy.pe_enabled), "out_enc_policy": int(policy.pe_enabled),
                "allowed_enc_level": int(level.pe_both), "prefer_rc4": True}
    if mode == Encryption.REQUIRE:
        return {"in_enc_policy": int(policy.pe_forced), "out_enc_policy": int(policy.pe_forced),
                "allowed_enc_level": int(level.pe_rc4), "prefer_rc4": True}
    return {"in_enc_policy": int(policy.pe_disabled), "out_enc_policy": int(policy.pe_disabled),
            "allowed_enc_level": int(level.pe_plaintext), "prefer_rc4": False}


def dial_flags(mode: Encryption) -> int:
    """The ``flags`` for ``connect_peer`` under this encryption mode.

    libtorrent 2.x opens a connection to a peer it learnt from a tracker or the DHT with
    the plain handshake and retries with the encrypted one if that fails; a peer given to
    ``connect_peer`` with its default flags is assumed to support encryption and gets the
    encrypted handshake first. "Prefer plain" dials without that flag, so a peer added
    by hand is treated like any other; "prefer" keeps it (encrypted first).
    """
    flags = PEX_UTP | PEX_HOLEPUNCH
    if mode != Encryption.PREFER_PLAIN:
        flags |= PEX_ENCRYPTION
    return flags


def proxy_settings(settings: EngineSettings) -> dict[str, Any]:
    """The proxy: trackers (and, with ``proxy_peers``, peers) go through it; host names
    are resolved by the proxy, so they do not leak to the local resolver."""
    kind = settings.proxy_type
    if kind == ProxyType.NONE or not settings.proxy_host.strip():
        return {"proxy_type": int(lt.proxy_type_t.none), "proxy_hostname": "",
                "proxy_port": 0, "proxy_username": "", "proxy_password": ""}
    login = bool(settings.proxy_username)
    if kind == ProxyType.SOCKS5:
        code = lt.proxy_type_t.socks5_pw if login else lt.proxy_type_t.socks5
    else:
        code = lt.proxy_type_t.http_pw if login else lt.proxy_type_t.http
    pack = {
        "proxy_type": int(code),
        "proxy_hostname": settings.proxy_host.strip(),
        "proxy_port": int(settings.proxy_port),
        "proxy_username": settings.proxy_username if login else "",
        "proxy_password": settings.proxy_password if login else "",
        "proxy_peer_connections": settings.proxy_peers,
        "proxy_tracker_connections": True,
        "proxy_hostnames": True,
    }
    if settings.proxy_peers:
        # libtorrent 2.1.1 binds a proxied connection to the outgoing interface as a
        # device name, and an address there fails every peer ("No such device")
        pack["outgoing_interfaces"] = ""
    return pack


def session_settings(settings: EngineSettings) -> dict[str, Any]:
    down = settings.alt_download_limit if settings.alt_limits_enabled else settings.download_limit
    up = settings.alt_upload_limit if settings.alt_limits_enabled else settings.upload_limit
    pack: dict[str, Any] = {
        "listen_interfaces": listen_endpoint(settings.listen_interface, settings.listen_port),
        "outgoing_interfaces": settings.outgoing_interface,
        # strict: a port in use is reported (listen_failed_alert), never silently changed
        "max_retry_port_bind": 0,
        "listen_system_port_fallback": False,
        "download_rate_limit": max(0, down),
        "upload_rate_limit": max(0, up),
        "active_downloads": settings.max_active_downloads,
        "active_seeds": settings.max_active_seeds,
        "active_limit": settings.max_active_torrents,
        "enable_dht": settings.dht,
        "enable_lsd": settings.lsd,
        "enable_upnp": settings.upnp,
        "enable_natpmp": settings.natpmp,
        "share_ratio_limit": (int(settings.seed_ratio_limit * 100)
                              if settings.seed_ratio_limit > 0 else _NO_LIMIT_RATIO),
        "seed_time_limit": (settings.seed_time_limit * 60
                            if settings.seed_time_limit > 0 else _NO_LIMIT_SECONDS),
        "alert_mask": int(ALERT_MASK),
        "alert_queue_size": 10_000,
        # Dial out over TCP: libtorrent prefers uTP for outgoing connections when both
        # are on, and uTP tops out at about half of TCP's throughput here. Incoming uTP
        # is still accepted, for peers that only speak uTP.
        "enable_outgoing_utp": False,
        "enable_incoming_utp": True,
        "enable_outgoing_tcp": True,
        "enable_incoming_tcp": True,
        "send_socket_buffer_size": SOCKET_BUFFER,
        "recv_socket_buffer_size": SOCKET_BUFFER,
        "stop_tracker_timeout": 2,
        # libtorrent waits 60 s before dialling a peer it was connected to again, even
        # when asked to with connect_peer (after a pause, or once new files are wanted)
        "min_reconnect_time": 5,
    }
    if settings.client_version:
        pack["handshake_client_version"] = settings.client_version
    pack.update(encryption_settings(settings.encryption))
    pack.update(proxy_settings(settings))
    pack.update(settings.extra)
    return pack
