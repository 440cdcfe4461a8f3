"""Where an instance keeps its state.

A profile is one folder holding everything: settings, the session state, resume data,
the wallet keystore and the Speed ledgers. ``--profile DIR`` on ``btt`` and
``btt-desktop`` selects it, so several instances can run side by side.

One process at a time writes a profile: :meth:`Profile.lock` (see
:mod:`btt_desktop.profile_lock`). Opening a profile removes the temp files that writers
killed mid-write left behind (:func:`btt_desktop.atomicfile.sweep_stale_temps`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from btt_desktop import profile_lock
from btt_desktop.atomicfile import sweep_stale_temps

# the folders whose state files are written with atomicfile (the devnet's folder is its own)
_STATE_DIRS = ("", "wallet", "speed", "resume")


def default_profile_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(Path.home(), ".local", "share")
    return Path(base) / "btt-desktop"


@dataclass(frozen=True)
class Profile:
    root: Path

    @classmethod
    def open(cls, root: str | os.PathLike[str] | None = None) -> Profile:
        path = Path(root).expanduser().resolve() if root else default_profile_dir()
        path.mkdir(parents=True, exist_ok=True)
        profile = cls(path)
        profile.sweep_temps(exclusive=profile_lock.holds(path))
        return profile

    def lock(self) -> Profile:
        """Become the one process writing this profile, until exit; returns ``self``.

        Raises :class:`~btt_desktop.profile_lock.ProfileInUse` (one line) when another
        process holds it. Holding the lock, every leftover temp file is stale: swept.
        """
        profile_lock.acquire(self.root)
        self.sweep_temps(exclusive=True)
        return self

    def sweep_temps(self, *, exclusive: bool = False) -> None:
        """Remove the temp files of dead writers (all of them with ``exclusive``)."""
        for name in _STATE_DIRS:
            sweep_stale_temps(self.root / name, exclusive=exclusive)

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    @property
    def session_state_file(self) -> Path:
        return self.root / "session.state"

    @property
    def resume_dir(self) -> Path:
        d = self.root / "resume"
        d.mkdir(exist_ok=True)
        return d

    @property
    def wallet_dir(self) -> Path:
        d = self.root / "wallet"
        d.mkdir(exist_ok=True, mode=0o700)
        return d

    @property
    def speed_dir(self) -> Path:
        d = self.root / "speed"
        d.mkdir(exist_ok=True)
        return d

    @property
    def ipc_name(self) -> str:
        """Name of the single-instance local socket, unique per profile."""
        import hashlib

        digest = hashlib.sha1(str(self.root).encode()).hexdigest()[:12]
        return f"btt-desktop-{digest}"
