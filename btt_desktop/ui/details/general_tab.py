"""General facts about the selected torrent: transfer figures, pieces, hashes, paths."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.engine.types import TorrentDetails, TorrentSnapshot
from btt_desktop.ui.engine_api import EngineApi
from btt_desktop.ui.formatting import (
    format_duration,
    format_limit,
    format_rate,
    format_ratio,
    format_size,
    format_timestamp,
)


def _value_label() -> QLabel:
    label = QLabel()
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class GeneralTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QLabel] = {}
        transfer = self._group(self.tr("Transfer"), [
            ("active", self.tr("Time active:")),
            ("downloaded", self.tr("Downloaded:")),
            ("uploaded", self.tr("Uploaded:")),
            ("ratio", self.tr("Share ratio:")),
            ("down_speed", self.tr("Download speed:")),
            ("up_speed", self.tr("Upload speed:")),
            ("limits", self.tr("Limits (down / up):")),
            ("connections", self.tr("Seeds / peers:")),
        ])
        information = self._group(self.tr("Information"), [
            ("size", self.tr("Total size:")),
            ("pieces", self.tr("Pieces:")),
            ("availability", self.tr("Availability:")),
            ("added", self.tr("Added on:")),
            ("completed", self.tr("Completed on:")),
            ("hash_v1", self.tr("Info hash v1:")),
            ("hash_v2", self.tr("Info hash v2:")),
            ("save_path", self.tr("Save path:")),
            ("comment", self.tr("Comment:")),
            ("creator", self.tr("Created by:")),
            ("private", self.tr("Private:")),
        ])
        row = QHBoxLayout()
        row.addWidget(transfer, 1)
        row.addWidget(information, 2)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addLayout(row)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.details: TorrentDetails | None = None

    def _group(self, title: str, rows: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for key, label in rows:
            value = _value_label()
            value.setObjectName(f"general_{key}")
            self.fields[key] = value
            form.addRow(label, value)
        return box

    async def refresh(self, engine: EngineApi, torrent_id: str) -> None:
        details = await engine.details(torrent_id)
        self.show_details(details, engine.snapshot(torrent_id))

    def show_details(self, d: TorrentDetails, s: TorrentSnapshot | None) -> None:
        self.details = d
        f = self.fields
        f["active"].setText(self.tr("{active} (seeding {seeding})").format(
            active=format_duration(d.active_time), seeding=format_duration(d.seeding_time)))
        f["ratio"].setText(format_ratio(d.ratio))
        if d.has_metadata:
            f["size"].setText(format_size(d.total_size))
            f["pieces"].setText(self.tr("{count} × {size} (have {have})").format(
                count=d.num_pieces, size=format_size(d.piece_length), have=d.pieces_have))
        else:  # a magnet still fetching its metadata: 0 means not known yet
            f["size"].setText(self.tr("Unknown"))
            f["pieces"].setText(self.tr("Unknown"))
        f["availability"].setText("" if d.availability < 0 else f"{d.availability:.3f}")
        f["added"].setText(format_timestamp(d.added_time))
        f["completed"].setText(format_timestamp(d.completed_time))
        f["hash_v1"].setText(d.info_hash_v1 or self.tr("N/A"))
        f["hash_v2"].setText(d.info_hash_v2 or self.tr("N/A"))
        f["save_path"].setText(d.save_path)
        f["comment"].setText(d.comment)
        f["creator"].setText(d.creator)
        f["private"].setText(self.tr("Yes") if d.private else self.tr("No"))
        if s is not None:
            f["downloaded"].setText(format_size(s.all_time_download))
            f["uploaded"].setText(format_size(s.all_time_upload))
            f["down_speed"].setText(format_rate(s.download_rate))
            f["up_speed"].setText(format_rate(s.upload_rate))
            f["limits"].setText(f"{format_limit(s.download_limit)} / "
                                f"{format_limit(s.upload_limit)}")
            f["connections"].setText(self.tr("{seeds} ({list_seeds}) / {peers} ({list_peers})")
                                     .format(seeds=s.num_seeds, list_seeds=s.list_seeds,
                                             peers=s.num_peers, list_peers=s.list_peers))

    def clear(self) -> None:
        self.details = None
        for label in self.fields.values():
            label.clear()
