"""Immutable values the engine hands out. No libtorrent objects escape the engine.

These are the contract between the engine and its users (GUI, CLI, Speed). Everything
here is a frozen dataclass built from copied fields, safe to keep and to pass across
threads.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class TorrentState(enum.StrEnum):
    CHECKING = "checking"            # checking files, or queued for checking
    METADATA = "metadata"            # magnet: downloading metadata
    DOWNLOADING = "downloading"
    SEEDING = "seeding"
    PAUSED = "paused"
    QUEUED = "queued"                # auto-managed and waiting for a slot
    MOVING = "moving"                # move_storage in progress
    ERROR = "error"


@dataclass(frozen=True)
class TorrentSnapshot:
    """The status of one torrent at one moment, as shown in the list."""

    torrent_id: str                  # v1 info-hash hex, or truncated v2 hash for v2-only
    name: str
    save_path: str
    state: TorrentState
    progress: float                  # 0.0 .. 1.0 of the wanted bytes
    total_size: int                  # bytes in the torrent (0 until metadata)
    total_wanted: int                # bytes selected for download
    total_done: int                  # wanted bytes verified on disk
    download_rate: int               # bytes/s
    upload_rate: int                 # bytes/s
    eta: int | None                  # seconds, None when unknown or not downloading
    ratio: float                     # all-time uploaded / max(all-time downloaded, wanted size)
    num_seeds: int                   # connected seeds
    num_peers: int                   # connected non-seeds
    list_seeds: int                  # seeds in the swarm as reported by trackers
    list_peers: int
    all_time_upload: int
    all_time_download: int
    added_time: int                  # unix seconds
    completed_time: int              # unix seconds, 0 when not completed
    queue_position: int              # -1 when not queued
    sequential: bool
    has_metadata: bool
    error: str = ""                  # one line when state is ERROR
    download_limit: int = 0          # bytes/s, 0 = unlimited
    upload_limit: int = 0
    info_hash_v1: str | None = None  # hex; None for a v2-only torrent
    info_hash_v2: str | None = None  # hex; None for a v1-only torrent
    category: str = ""               # "" = none
    tags: tuple[str, ...] = ()       # sorted
    super_seeding: bool = False


@dataclass(frozen=True)
class Category:
    """A torrent category: a name and the folder its torrents are saved in ("": none)."""

    name: str
    save_path: str = ""


@dataclass(frozen=True)
class FileEntry:
    index: int
    path: str                        # relative path inside the torrent, '/' separated
    size: int
    priority: int                    # 0 = skip, 1 = low, 4 = normal, 7 = high
    progress: float = 0.0            # 0.0 .. 1.0


@dataclass(frozen=True)
class TorrentMeta:
    """What the add dialog needs to know about a torrent before it is added."""

    name: str
    info_hash_v1: str | None
    info_hash_v2: str | None
    total_size: int
    piece_length: int
    num_pieces: int
    files: tuple[FileEntry, ...]
    comment: str = ""
    creator: str = ""
    private: bool = False
    trackers: tuple[str, ...] = ()


@dataclass(frozen=True)
class PeerEntry:
    ip: str
    port: int
    client: str
    flags: str                       # qBittorrent-style letters, e.g. "D U I E"
    progress: float
    download_rate: int
    upload_rate: int
    total_download: int
    total_upload: int
    connection: str                  # "BT" | "uTP"
    seed: bool = False
    upload_queue: int = 0            # block requests of this peer waiting to be sent


@dataclass(frozen=True)
class PeerCounter:
    """One connection's libtorrent counters (payload bytes, and failed pieces)."""

    downloaded: int
    uploaded: int
    hashfails: int = 0               # failed pieces this peer took part in (its peer entry's)


@dataclass(frozen=True)
class PeerCounters:
    """A torrent's connections read at one moment (``Engine.peer_counters``).

    ``unverified`` is what Speed must not pay for yet: per IP, the bytes received in
    blocks of pieces that have not passed the hash check. The connections are read
    before the download queue, and the fail counts after it, so a block counted in
    ``downloaded`` is either still in ``unverified``, in a piece that passed, or in a
    failed piece whose fail is already counted.
    """

    peers: dict[str, PeerCounter] = field(default_factory=dict)  # by "ip:port"
    unverified: dict[str, int] = field(default_factory=dict)     # by IP
    piece_length: int = 0            # 0 without metadata


class TrackerKind(enum.StrEnum):
    """What a row of the Trackers tab stands for: a tracker URL, or a trackerless source."""

    URL = "url"
    DHT = "dht"
    PEX = "pex"
    LSD = "lsd"


class TrackerStatus(enum.StrEnum):
    WORKING = "working"
    UPDATING = "updating"
    NOT_CONTACTED = "not contacted"
    ERROR = "error"
    DISABLED = "disabled"            # DHT, PeX or LSD switched off (or a private torrent)


@dataclass(frozen=True)
class TrackerEntry:
    url: str                         # empty for DHT, PeX and LSD rows
    tier: int                        # -1 for DHT, PeX and LSD rows
    status: TrackerStatus
    message: str
    seeds: int                       # -1 when unknown
    peers: int
    kind: TrackerKind = TrackerKind.URL


@dataclass(frozen=True)
class TorrentDetails:
    """The General tab: fields that cost too much to put in every snapshot."""

    torrent_id: str
    info_hash_v1: str | None
    info_hash_v2: str | None
    name: str
    save_path: str
    comment: str
    creator: str
    piece_length: int
    num_pieces: int
    pieces_have: int
    availability: float              # distributed copies, -1 when unknown
    total_size: int
    ratio: float
    added_time: int
    completed_time: int
    active_time: int                 # seconds
    seeding_time: int
    magnet_uri: str
    private: bool
    # False for a magnet link whose metadata has not arrived: total_size, piece_length
    # and num_pieces are then 0 and mean "unknown"
    has_metadata: bool = True


@dataclass(frozen=True)
class SessionTotals:
    download_rate: int
    upload_rate: int
    dht_nodes: int
    listen_endpoints: tuple[str, ...] = ()


@dataclass(frozen=True)
class AddParams:
    """How to add a torrent. Exactly one of ``torrent_data``, ``torrent_path``, ``magnet``."""

    save_path: str
    torrent_data: bytes | None = None
    torrent_path: str | None = None
    magnet: str | None = None
    paused: bool = False
    sequential: bool = False
    file_priorities: tuple[int, ...] | None = None
    peers: tuple[tuple[str, int], ...] = ()      # connect to these at once
    category: str = ""               # must exist; its save path is used when save_path is ""
    tags: tuple[str, ...] = ()       # created when new


class DiskIO(enum.StrEnum):
    DEFAULT = "default"
    MMAP = "mmap"
    POSIX = "posix"
    PREAD = "pread"


class ProxyType(enum.StrEnum):
    NONE = "none"
    SOCKS5 = "socks5"
    HTTP = "http"


class ScheduleDays(enum.StrEnum):
    """When the alternative-limits schedule applies (qBittorrent's choices)."""

    EVERY_DAY = "every_day"
    WEEKDAYS = "weekdays"
    WEEKENDS = "weekends"
    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"


class Encryption(enum.StrEnum):
    PREFER_PLAIN = "prefer_plain"    # accept encrypted, start plain (fastest)
    PREFER = "prefer"                # libtorrent default: try encrypted first
    REQUIRE = "require"
    DISABLE = "disable"


@dataclass(frozen=True)
class EngineSettings:
    """User-facing session settings. Persisted by the settings store, applied by the engine."""

    listen_interface: str = "0.0.0.0"
    listen_port: int = 6881
    # True: this port or fail (listen_failed is the answer). False: when the port is
    # taken, try the next few, then one the OS picks, and say which (the window)
    listen_port_strict: bool = False
    outgoing_interface: str = ""     # empty: any
    download_limit: int = 0          # bytes/s, 0 = unlimited
    upload_limit: int = 0
    alt_download_limit: int = 0
    alt_upload_limit: int = 0
    alt_limits_enabled: bool = False
    max_active_downloads: int = 5
    max_active_seeds: int = 10
    max_active_torrents: int = 50
    encryption: Encryption = Encryption.PREFER_PLAIN
    dht: bool = True
    pex: bool = True
    lsd: bool = True
    upnp: bool = True
    natpmp: bool = True
    disk_io: DiskIO = DiskIO.POSIX
    seed_ratio_limit: float = 0.0    # 0 = no limit
    seed_time_limit: int = 0         # minutes, 0 = no limit
    client_version: str = ""         # handshake "v" string; empty = default
    # new downloads are saved here and moved to their save path when finished ("": off)
    incomplete_path: str = ""
    # an IP block list: eMule ipfilter.dat or PeerGuardian .p2p, optionally gzipped
    ip_filter_path: str = ""
    proxy_type: ProxyType = ProxyType.NONE
    proxy_host: str = ""
    proxy_port: int = 1080
    proxy_username: str = ""
    # never written to the settings file (settings_store.SECRET_FIELDS)
    proxy_password: str = field(default="", repr=False)
    proxy_peers: bool = True         # peer connections through the proxy too, not only trackers
    # alternative limits on a schedule: switched on at `from`, off at `to` (minutes
    # after midnight, local time; from > to spans midnight) on the chosen days
    alt_schedule_enabled: bool = False
    alt_schedule_from: int = 8 * 60
    alt_schedule_to: int = 20 * 60
    alt_schedule_days: ScheduleDays = ScheduleDays.EVERY_DAY
    extra: dict[str, int | bool | str] = field(default_factory=dict)  # raw lt settings, tests
