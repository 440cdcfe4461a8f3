"""IP block lists, as qBittorrent reads them: eMule ``ipfilter.dat`` and PeerGuardian
``.p2p`` text files, either of them gzipped.

- eMule: ``001.002.003.000 - 001.002.003.255 , 000 , description``; an access level
  above 127 means "allowed", so such a line blocks nothing (and is not counted as bad).
- PeerGuardian: ``description:1.2.3.0-1.2.3.255`` (the range follows the last colon).
- ``#`` and ``//`` start comments; blank lines are ignored. IPv4 octets may have
  leading zeros (``001.009.096.105``); IPv6 ranges are accepted in both formats.

The file may come from anywhere, so the reader is strict and bounded: it streams line
by line, caps the size read (:data:`MAX_BYTES`, after decompression, so a gzip bomb
stops there), the length of a line and the number of ranges, and skips (and counts)
every line it cannot read: a bad address, a range whose end is before its start, mixed
IPv4/IPv6, a line too long.
"""

from __future__ import annotations

import asyncio
import gzip
import ipaddress
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, cast

from btt_desktop.engine.peer_classes import PeerControls, build_filters
from btt_desktop.events import EngineMessage

MAX_BYTES = 512 * 1024 * 1024      # of text, after decompression
MAX_LINE = 1024
MAX_RANGES = 4_000_000
_GZIP_MAGIC = b"\x1f\x8b"
_V4 = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")


@dataclass
class Blocklist:
    ranges: list[tuple[str, str]] = field(default_factory=list)  # (first, last), inclusive
    skipped: int = 0                 # lines that could not be read
    truncated: bool = False          # stopped at MAX_BYTES or MAX_RANGES


def parse_ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if _V4.match(text):
        octets = [int(o) for o in text.split(".")]  # leading zeros are decimal here
        if any(o > 255 for o in octets):
            return None
        return ipaddress.IPv4Address(".".join(map(str, octets)))
    if ":" in text and len(text) <= 45:
        try:
            return ipaddress.IPv6Address(text)
        except ValueError:
            return None
    return None


def parse_range(text: str) -> tuple[str, str] | None:
    first, dash, last = text.partition("-")
    if not dash:
        return None
    a, b = parse_ip(first), parse_ip(last)
    if a is None or b is None or a.version != b.version or int(a) > int(b):
        return None
    return str(a), str(b)


def parse_dat_line(line: str) -> tuple[str, str] | bool | None:
    """A range; False for an "allowed" line (access level above 127); None if bad."""
    parts = line.split(",")
    if len(parts) >= 2:
        try:
            level = int(parts[1].strip())
        except ValueError:
            return None
        if level > 127:
            return False
    return parse_range(parts[0])


def parse_p2p_line(line: str) -> tuple[str, str] | None:
    """The range after the description's colon: the last colon for IPv4; for IPv6
    (whose addresses hold colons) the first colon after which a range reads."""
    _desc, colon, ranged = line.rpartition(":")
    if not colon:
        return None
    found = parse_range(ranged)
    start = line.find(":")
    while found is None and 0 <= start < len(line):
        found = parse_range(line[start + 1:])
        start = line.find(":", start + 1)
    return found


def _kind(path: Path, first: str) -> str:
    """"dat" or "p2p": by the file name, else by the first line (a comma: eMule)."""
    name = path.name.lower().removesuffix(".gz")
    if name.endswith(".dat"):
        return "dat"
    if name.endswith(".p2p"):
        return "p2p"
    return "dat" if "," in first and parse_dat_line(first) is not None else "p2p"


def _open(path: Path) -> IO[bytes]:
    raw = open(path, "rb")  # noqa: SIM115 (closed by the caller, or handed to gzip)
    if raw.read(2) == _GZIP_MAGIC:
        raw.seek(0)
        return cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="rb"))
    raw.seek(0)
    return raw


def read_blocklist(path: str | os.PathLike[str]) -> Blocklist:
    """Parse a block list file. Blocking: run it in a thread. ``OSError`` if the file
    cannot be read; ``gzip.BadGzipFile``/``EOFError`` for broken compression."""
    p = Path(path).expanduser()
    result = Blocklist()
    kind: str | None = None
    total = 0
    with _open(p) as stream:
        while True:
            raw = stream.readline(MAX_LINE + 1)
            if not raw:
                break
            total += len(raw)
            if total > MAX_BYTES:
                result.truncated = True
                break
            if len(raw) > MAX_LINE and not raw.endswith(b"\n"):
                result.skipped += 1
                while raw and not raw.endswith(b"\n"):  # skip the rest of the long line
                    raw = stream.readline(64 * 1024)
                    total += len(raw)
                continue
            line = raw.decode("utf-8", errors="replace").strip()
            if not line or line.startswith("#") or line.startswith("//"):
                continue
            if kind is None:
                kind = _kind(p, line)
            found = parse_dat_line(line) if kind == "dat" else parse_p2p_line(line)
            if found is False:
                continue
            if not found:
                result.skipped += 1
                continue
            if len(result.ranges) >= MAX_RANGES:
                result.truncated = True
                break
            result.ranges.append(found)  # type: ignore[arg-type]
    return result


async def load_blocklist(controls: PeerControls, path: str) -> EngineMessage | None:
    """Read ``path`` (off the loop) into the session's filter; the line to show.
    An empty path clears the block list."""
    if not path:
        if controls.blocklist_size:
            controls.set_blocklist(())
        return None
    try:
        found = await asyncio.to_thread(read_blocklist, path)
    except FileNotFoundError:
        controls.set_blocklist(())
        return EngineMessage("error", f"IP block list not found: {path}")
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        controls.set_blocklist(())
        reason = getattr(exc, "strerror", None) or " ".join(str(exc).split()) or "unreadable"
        return EngineMessage("error", f"cannot read the IP block list {path}: {reason}")
    ips = controls.filtered_ips
    filters = await asyncio.to_thread(build_filters, found.ranges, ips)
    controls.install_blocklist(filters, ips, len(found.ranges))
    more = " (stopped at the size limit)" if found.truncated else ""
    return EngineMessage(
        "info", f"IP block list: {len(found.ranges)} ranges loaded, "
                f"{found.skipped} lines skipped{more}")
