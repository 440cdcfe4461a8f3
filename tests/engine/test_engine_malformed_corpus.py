"""Each of libtorrent's own malformed test torrents is refused in one line that says why,
in libtorrent's words, and names the file (the window and ``btt`` show this line).

The files are libtorrent's ``test/test_torrents`` (BSD licence, LICENSE beside them); the
expected error of each is the one libtorrent's ``test_torrent_info.cpp`` expects.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from btt_desktop.engine.metainfo import params_from_bytes
from btt_desktop.errors import TorrentFileError

CORPUS = Path(__file__).parent.parent / "data" / "malformed_torrents"

# file -> the libtorrent error code its own test suite expects
EXPECTED_CODE = {
    "missing_piece_len.torrent": "torrent_missing_piece_length",
    "invalid_piece_len.torrent": "torrent_missing_piece_length",
    "negative_piece_len.torrent": "torrent_missing_piece_length",
    "no_name.torrent": "torrent_missing_name",
    "bad_name.torrent": "torrent_missing_name",
    "invalid_name.torrent": "torrent_missing_name",
    "invalid_info.torrent": "torrent_missing_info",
    "string.torrent": "torrent_is_no_dict",
    "negative_size.torrent": "torrent_invalid_length",
    "negative_file_size.torrent": "torrent_invalid_length",
    "invalid_path_list.torrent": "torrent_invalid_name",
    "missing_path_list.torrent": "torrent_missing_name",
    "invalid_pieces.torrent": "torrent_missing_pieces",
    "unaligned_pieces.torrent": "torrent_invalid_hashes",
    "invalid_file_size.torrent": "torrent_invalid_length",
    "invalid_symlink.torrent": "torrent_invalid_name",
    "many_pieces.torrent": "too_many_pieces_in_torrent",
    "no_files.torrent": "no_files_in_torrent",
    "zero.torrent": "torrent_invalid_length",
    "zero2.torrent": "torrent_invalid_length",
    "v2_mismatching_metadata.torrent": "torrent_inconsistent_files",
    "v2_no_power2_piece.torrent": "torrent_missing_piece_length",
    "v2_invalid_file.torrent": "torrent_file_parse_failed",
    "v2_deep_recursion.torrent": "depth_exceeded",
    "v2_non_multiple_piece_layer.torrent": "torrent_invalid_piece_layer",
    "v2_piece_layer_invalid_file_hash.torrent": "torrent_invalid_piece_layer",
    "v2_invalid_piece_layer.torrent": "torrent_invalid_piece_layer",
    "v2_invalid_piece_layer_root.torrent": "torrent_invalid_piece_layer",
    "v2_unknown_piece_layer_entry.torrent": "torrent_invalid_piece_layer",
    "v2_invalid_piece_layer_size.torrent": "torrent_invalid_piece_layer",
    "v2_bad_file_alignment.torrent": "torrent_inconsistent_files",
    "v2_unordered_files.torrent": "invalid_bencoding",
    "v2_overlong_integer.torrent": "invalid_bencoding",
    "v2_missing_file_root_invalid_symlink.torrent": "torrent_missing_pieces_root",
    "v2_large_file.torrent": "torrent_invalid_length",
    "v2_large_offset.torrent": "too_many_pieces_in_torrent",
    "v2_piece_size.torrent": "torrent_missing_piece_length",
    "v2_invalid_pad_file.torrent": "torrent_invalid_pad_file",
    "v2_zero_root.torrent": "torrent_missing_pieces_root",
    "v2_zero_root_small.torrent": "torrent_missing_pieces_root",
    "v2_empty_filename.torrent": "torrent_file_parse_failed",
    "duplicate_files2.torrent": "too_many_duplicate_filenames",
}

# libtorrent's message for each of those codes
MESSAGE = {
    "torrent_missing_piece_length": "invalid or missing 'piece length' entry in torrent file",
    "torrent_missing_name": "missing name in torrent file",
    "torrent_missing_info": "missing or invalid 'info' section in torrent file",
    "torrent_is_no_dict": "torrent file is not a dictionary",
    "torrent_invalid_length": "invalid length of torrent",
    "torrent_invalid_name": "invalid 'name' of torrent (possible exploit attempt)",
    "torrent_missing_pieces": "invalid or missing 'pieces' entry in torrent file",
    "torrent_invalid_hashes": "incorrect number of piece hashes in torrent file",
    "too_many_pieces_in_torrent": "too many pieces in torrent",
    "no_files_in_torrent": "no files in torrent",
    "torrent_inconsistent_files": "the v1 and v2 file metadata does not match",
    "torrent_file_parse_failed": "failed to parse files from torrent file",
    "depth_exceeded": "bencoded nesting depth exceeded",
    "torrent_invalid_piece_layer": "a piece layer is invalid",
    "invalid_bencoding": "invalid bencoding",
    "torrent_missing_pieces_root": "a v2 file entry has no root hash",
    "torrent_invalid_pad_file": "a file in the v2 metadata has the pad attribute set",
    "too_many_duplicate_filenames": "too many duplicate filenames",
}


def test_the_corpus_is_complete() -> None:
    assert sorted(p.name for p in CORPUS.glob("*.torrent")) == sorted(EXPECTED_CODE)


@pytest.mark.parametrize("name", sorted(EXPECTED_CODE))
def test_each_malformed_torrent_says_why(name: str) -> None:
    path = CORPUS / name
    with pytest.raises(TorrentFileError) as refused:
        params_from_bytes(path.read_bytes(), str(path))
    line = str(refused.value)
    assert line == f"not a valid .torrent file ({MESSAGE[EXPECTED_CODE[name]]}): {path}"
    assert "\n" not in line and "[" not in line  # no "[libtorrent:6]" category suffix


def test_btt_download_says_why_in_one_line(tmp_path: Path) -> None:
    path = CORPUS / "negative_piece_len.torrent"
    result = subprocess.run(
        [sys.executable, "-m", "btt_desktop.cli", "--profile", str(tmp_path / "profile"),
         "download", str(path), "--to", str(tmp_path / "out"), "--no-discovery"],
        capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [f"btt: error: not a valid .torrent file (invalid or missing 'piece length' "
                     f"entry in torrent file): {path}"], result.stderr
