"""The Speed tab of the details pane: our bids and standings on a downloading torrent,
the bidders and winners on a seeding one.

Refreshed like the other tabs (the visible tab of the selected torrent, once a second)
from the service's in-memory state: no call here waits for the network.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.engine.types import TorrentState
from btt_desktop.speed.accounts import PeerAccount
from btt_desktop.speed.service import SpeedTorrentState
from btt_desktop.speed.settings import GIB_IN_MIB
from btt_desktop.ui.engine_api import EngineApi
from btt_desktop.ui.formatting import format_size
from btt_desktop.ui.speed.amounts import glance_btt
from btt_desktop.ui.speed.controller import SpeedController
from btt_desktop.ui.wallet.amounts_text import short_address


def per_gib(rate_per_mib: int) -> str:
    return glance_btt(rate_per_mib * GIB_IN_MIB)


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the address
    header.setStretchLastSection(False)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], tips: list[str]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = table.item(r, c)
            if item is None:
                item = QTableWidgetItem()
                table.setItem(r, c, item)
            if item.text() != text:
                item.setText(text)
            if c == 0:
                item.setToolTip(tips[r])
            if c > 1:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class SpeedTab(QWidget):
    def __init__(self, controller: SpeedController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speed_tab")
        self._controller = controller
        self._torrent_id: str | None = None
        self._seen: dict[str, dict[str, int]] = {}  # torrent -> bidder -> last price
        self._state: TorrentState | None = None
        self.enable_check = QCheckBox(self.tr("Use BTT Speed for this torrent (bid when "
                                              "downloading, sell slots when seeding)"))
        self.enable_check.setObjectName("speed_torrent_enabled")
        self.enable_check.clicked.connect(self._enable_clicked)
        self.summary = QLabel()
        self.summary.setObjectName("speed_summary")
        self.summary.setWordWrap(True)
        self.buying_table = _table("speed_providers", [
            self.tr("Provider"), self.tr("Standing"), self.tr("Price (BTT/GiB)"),
            self.tr("To beat (BTT/GiB)"), self.tr("Bought"), self.tr("BTT spent")])
        self.selling_table = _table("speed_bidders", [
            self.tr("Bidder"), self.tr("Result"), self.tr("Bid (BTT/GiB)"),
            self.tr("Clearing price (BTT/GiB)"), self.tr("Sold"), self.tr("BTT earned")])
        self.buying = QGroupBox(self.tr("Buying: providers we bid on"))
        QVBoxLayout(self.buying).addWidget(self.buying_table)
        self.selling = QGroupBox(self.tr("Selling: bidders for our upload slots"))
        QVBoxLayout(self.selling).addWidget(self.selling_table)
        top = QHBoxLayout()
        top.addWidget(self.enable_check)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        # one above the other: each table needs the pane's full width for its columns
        layout.addWidget(self.buying, 1)
        layout.addWidget(self.selling, 1)
        controller.changed.connect(self._show_current)
        self.clear()

    async def refresh(self, engine: EngineApi, torrent_id: str) -> None:
        self._torrent_id = torrent_id
        snapshot = engine.snapshot(torrent_id)
        self.show_state(torrent_id, None if snapshot is None else snapshot.state)

    def _show_current(self) -> None:
        if self._torrent_id is not None:
            self.show_state(self._torrent_id, self._state)

    def show_state(self, torrent_id: str, state: TorrentState | None) -> None:
        self._state = state
        c = self._controller
        self.enable_check.setEnabled(True)
        self.enable_check.setChecked(c.settings.torrent_enabled(torrent_id))
        service = c.service
        if service is None:
            self.summary.setText(self.tr("BTT Speed is not running. Turn it on in the BTT "
                                         "Speed menu; it needs an unlocked wallet.")
                                 if not c.problem else
                                 self.tr("BTT Speed is not running: {reason}").format(
                                     reason=c.problem))
            _fill(self.buying_table, [], [])
            _fill(self.selling_table, [], [])
            self._show_groups(buying=state is not TorrentState.SEEDING,
                              selling=state is TorrentState.SEEDING)
            return
        status = service.status()
        spent = {p.address: p for p in status.spending.peers}
        earned = {p.address: p for p in status.earnings.peers}
        ts = service.torrent_state(torrent_id)
        buying: list[list[str]] = []
        buying_tips: list[str] = []
        selling: list[list[str]] = []
        selling_tips: list[str] = []
        if ts is not None:
            for st in ts.standings:
                if st.demoted:
                    standing = self.tr("Demoted ({reason})").format(reason=st.demoted)
                elif st.awarded:
                    standing = self.tr("Won")
                elif not ts.bid_rate:
                    standing = self.tr("Not bidding now")
                else:
                    standing = self.tr("Outbid")
                account = spent.get(st.provider)
                buying.append([short_address(st.provider), standing,
                               per_gib(st.price) if st.awarded else "",
                               per_gib(st.to_beat) if not st.awarded and st.to_beat else "",
                               *self._account(account)])
                buying_tips.append(st.provider)
            winners = dict(ts.winners)
            bids = dict(ts.bids)
            # bidders stay listed once they stopped (the download finished): what they
            # bought is still worth seeing; their last clearing price is remembered
            seen = self._seen.setdefault(torrent_id, {})
            for bidder in bids:
                seen.setdefault(bidder, 0)
            seen.update(winners)
            for bidder, last_price in sorted(seen.items()):
                price = winners.get(bidder)
                if bidder not in bids:
                    result = self.tr("Not bidding now")
                elif price is not None:
                    result = self.tr("Winner")
                else:
                    result = self.tr("Lost")
                selling.append([short_address(bidder), result,
                                per_gib(bids[bidder]) if bidder in bids else "",
                                per_gib(price) if price is not None
                                else per_gib(last_price) if last_price else "",
                                *self._account(earned.get(bidder))])
                selling_tips.append(bidder)
        _fill(self.buying_table, buying, buying_tips)
        _fill(self.selling_table, selling, selling_tips)
        self._show_groups(buying=bool(buying) or state is not TorrentState.SEEDING,
                          selling=bool(selling) or state is TorrentState.SEEDING)
        self.summary.setText(self._summary(ts, state))

    def _show_groups(self, *, buying: bool, selling: bool) -> None:
        """Only what applies: a download shows its providers, a seed its bidders."""
        self.buying.setVisible(buying)
        self.selling.setVisible(selling)

    def _account(self, account: PeerAccount | None) -> list[str]:
        if account is None:
            return ["", ""]
        return [format_size(account.bytes), glance_btt(account.cheques)]

    def _summary(self, ts: SpeedTorrentState | None, state: TorrentState | None) -> str:
        c = self._controller
        if ts is None:
            if state is TorrentState.SEEDING:
                return self.tr("No bids on this torrent yet.") if c.settings.earn else \
                    self.tr("Selling is off in the BTT Speed menu.")
            return self.tr("No BTT Speed peers on this torrent yet.")
        if not ts.enabled:
            return self.tr("BTT Speed is off for this torrent.")
        parts = []
        if ts.bid_rate:
            parts.append(self.tr("Our bid: {price} BTT/GiB").format(price=per_gib(ts.bid_rate)))
        elif state is TorrentState.DOWNLOADING and not c.settings.auto_bid:
            parts.append(self.tr("Not bidding: buying is off in the BTT Speed menu."))
        if ts.bids:
            parts.append(self.tr("Bidders: {count} · winners: {winners}").format(
                count=len(ts.bids), winners=len(ts.winners)))
        if ts.earned:
            parts.append(self.tr("Earned on this torrent: {amount} BTT").format(
                amount=glance_btt(ts.earned)))
        return "  ·  ".join(parts) if parts else self.tr("No bids right now.")

    def _enable_clicked(self, on: bool) -> None:
        if self._torrent_id is not None:
            self._controller.tasks.run(self._controller.set_torrent_enabled(self._torrent_id, on))

    def clear(self) -> None:
        self._torrent_id = None
        self._state = None
        self.summary.clear()
        self.enable_check.setEnabled(False)
        _fill(self.buying_table, [], [])
        _fill(self.selling_table, [], [])
