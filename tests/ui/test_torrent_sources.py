"""What the window accepts as a torrent: files, magnets, bare info hashes, URLs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl

from btt_desktop.errors import TorrentFileError
from btt_desktop.ui.torrent_sources import (
    SourceKind,
    classify,
    classify_all,
    magnet_name_and_hash,
    mime_has_sources,
    sources_from_mime,
)


def test_kinds(tmp_path: Path) -> None:
    torrent = tmp_path / "a.torrent"
    torrent.write_bytes(b"d4:infod4:name1:aee")
    assert classify("a.torrent", str(tmp_path)).value == str(torrent)
    assert classify(f"file://{torrent}").kind is SourceKind.FILE
    assert classify("  magnet:?xt=urn:btih:" + "a" * 40).kind is SourceKind.MAGNET
    bare = classify("AB" * 20)
    assert bare.kind is SourceKind.MAGNET and bare.value == "magnet:?xt=urn:btih:" + "ab" * 20
    assert classify("https://example.org/x.torrent").kind is SourceKind.URL
    with pytest.raises(TorrentFileError, match="not a torrent file, magnet link or URL"):
        classify("no-such-file.torrent", str(tmp_path))
    sources, errors = classify_all(["", "magnet:?xt=urn:btih:" + "b" * 40, "nope"],
                                   str(tmp_path))
    assert len(sources) == 1 and errors == ["not a torrent file, magnet link or URL: nope"]


def test_magnet_display_name_and_hash() -> None:
    name, info_hash = magnet_name_and_hash(
        "magnet:?xt=urn:btih:ABCDEF0123456789ABCDEF0123456789ABCDEF01&dn=Some+Linux+ISO"
        "&tr=http%3A%2F%2Ft.example%2Fannounce")
    assert name == "Some Linux ISO"
    assert info_hash == "abcdef0123456789abcdef0123456789abcdef01"
    assert magnet_name_and_hash("magnet:?dn=x") == ("x", "")


def test_dropped_files_and_text(qapp: object, tmp_path: Path) -> None:
    torrent = tmp_path / "b.torrent"
    torrent.write_bytes(b"x")
    other = tmp_path / "notes.txt"
    other.write_text("x")
    files = QMimeData()
    files.setUrls([QUrl.fromLocalFile(str(torrent)), QUrl.fromLocalFile(str(other))])
    assert mime_has_sources(files)
    assert [s.value for s in sources_from_mime(files)] == [str(torrent)]
    text = QMimeData()
    text.setText("hello\nmagnet:?xt=urn:btih:" + "c" * 40 + "\n")
    assert mime_has_sources(text)
    assert [s.kind for s in sources_from_mime(text)] == [SourceKind.MAGNET]
    plain = QMimeData()
    plain.setText("hello world")
    assert not mime_has_sources(plain)
