from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from btt_desktop.atomicfile import read_with_backup, write_atomic


def test_replaces_and_keeps_one_backup(tmp_path: Path) -> None:
    target = tmp_path / "state.json"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    write_atomic(target, b"three")
    assert target.read_bytes() == b"three"
    assert (tmp_path / "state.json.bak").read_bytes() == b"two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json", "state.json.bak"]
    assert (target.stat().st_mode & 0o777) == 0o600


def test_falls_back_to_backup_when_main_file_lost(tmp_path: Path) -> None:
    target = tmp_path / "s"
    write_atomic(target, b"old")
    write_atomic(target, b"new")
    target.unlink()
    assert read_with_backup(target) == b"old"
    assert read_with_backup(tmp_path / "missing") is None


def test_failed_write_leaves_old_content(tmp_path: Path) -> None:
    """A write that runs out of space (file-size limit standing in for a full disk)."""
    target = tmp_path / "s"
    write_atomic(target, b"good")
    script = textwrap.dedent(
        f"""
        import resource, signal, sys
        from btt_desktop.atomicfile import StateFileError, write_atomic
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        try:
            write_atomic({str(target)!r}, b"x" * 1_000_000)
        except StateFileError as exc:
            print(exc)
            sys.exit(3)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.returncode == 3, proc.stderr
    assert proc.stdout.startswith("cannot write")
    assert "Traceback" not in proc.stdout
    assert target.read_bytes() == b"good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]


def test_without_sync_still_replaces_and_keeps_the_backup(tmp_path: Path) -> None:
    target = tmp_path / "state.bin"
    write_atomic(target, b"one", sync=False)
    write_atomic(target, b"two", sync=False)
    assert target.read_bytes() == b"two"
    assert (tmp_path / "state.bin.bak").read_bytes() == b"one"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.bin", "state.bin.bak"]
