"""The disk I/O backend in EngineSettings is the one the session really runs.

Reading ``session_params.disk_io_constructor`` back always says the default backend, so
this checks by behaviour: the mmap backend maps the torrent's file into the process
(``/proc/self/maps``) while it writes, posix and pread write with plain system calls.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from btt_desktop.engine.session import disk_io_constructor
from btt_desktop.engine.types import AddParams, DiskIO
from btt_desktop.errors import EngineError
from btt_desktop.events import TorrentFinished
from tests.engine.conftest import NodeFactory, loopback_settings, make_torrent, wait_until

pytestmark = pytest.mark.timeout(60)


def _mapped(path: Path) -> bool:
    return str(path) in Path("/proc/self/maps").read_text()


@pytest.mark.parametrize("disk_io", [DiskIO.MMAP, DiskIO.POSIX, DiskIO.PREAD])
async def test_backend_is_the_one_asked_for(tmp_path: Path, make_node: NodeFactory,
                                            disk_io: DiskIO) -> None:
    _, torrent = await make_torrent(tmp_path / "seed", {"data.bin": 4_000_000},
                                    piece_size=65536)
    # about two seconds of download, sampled every 50 ms
    seeder = await make_node(settings=loopback_settings(disk_io=DiskIO.POSIX,
                                                        upload_limit=2_000_000))
    await seeder.engine.add(AddParams(save_path=str(tmp_path / "seed"), torrent_data=torrent))
    leecher = await make_node(settings=loopback_settings(disk_io=disk_io))
    dest = tmp_path / "down"
    tid = await leecher.engine.add(AddParams(save_path=str(dest), torrent_data=torrent,
                                             peers=(seeder.endpoint,)))
    seen_mapped = []

    def finished() -> bool:
        seen_mapped.append(_mapped(dest / "content" / "data.bin"))
        return bool(leecher.of(TorrentFinished))

    await wait_until(finished, what="the download")
    assert any(seen_mapped) == (disk_io == DiskIO.MMAP)
    assert leecher.engine.snapshot(tid) is not None


def test_unknown_backend_name_is_one_line() -> None:
    with pytest.raises(EngineError) as err:
        disk_io_constructor("fast")
    assert str(err.value) == "unknown disk I/O backend 'fast' (known: default, mmap, posix, pread)"
    assert disk_io_constructor("posix") == "posix_disk_io_constructor"
