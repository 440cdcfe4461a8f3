"""``--encryption`` on seed and download: the engine's modes, the engine's default."""

from __future__ import annotations

from btt_desktop.cli import build_parser
from btt_desktop.cli.torrent import ENCRYPTION_MODES
from btt_desktop.cli.torrent_commands import engine_settings
from btt_desktop.engine.types import Encryption, EngineSettings


def test_modes_are_the_engines_with_its_default_first() -> None:
    assert set(ENCRYPTION_MODES) == {str(mode) for mode in Encryption}
    assert ENCRYPTION_MODES[0] == str(EngineSettings().encryption)


def test_encryption_option_reaches_the_engine_settings() -> None:
    parser = build_parser()
    args = parser.parse_args(["download", "x.torrent", "--to", "d"])
    assert engine_settings(args).encryption == EngineSettings().encryption
    for mode in Encryption:
        args = parser.parse_args(["seed", "x.torrent", "--data", "d", "--encryption", str(mode)])
        assert engine_settings(args).encryption == mode
