"""What BTT Speed is, shown the first time a user turns it on (and from the Help menu).

In plain words: buying pays seeders BTT from the vault for faster downloads, selling
earns BTT from other people's bids when seeding; what it may spend (the caps, editable
right here) and what selling may earn; a link to the full explanation. Nothing is turned
on unless the user says so in this dialog.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.errors import SpeedError
from btt_desktop.speed.settings import SpeedSettings
from btt_desktop.ui.fitting_scroll import FittingScrollArea
from btt_desktop.ui.speed.amounts import parse_btt, plain_btt
from btt_desktop.ui.theme import Tone, set_tone

DOCS_URL = "https://github.com/bttdesktop/btt-desktop/blob/main/docs/speed.md"
INTRO_ROOM = 140  # the buttons, the error line and the title bar, around the page


class SpeedIntroDialog(QDialog):
    """``settings()`` gives the user's choices once accepted (with ``introduced`` set)."""

    def __init__(self, settings: SpeedSettings, *, buy: bool, sell: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speed_intro")
        self.setWindowTitle(self.tr("BTT Speed"))
        self._original = settings
        text = QLabel(self.tr(
            "<p><b>BTT Speed</b> is an optional market for upload bandwidth, paid in BTT "
            "from your wallet. It is off until you turn it on here.</p>"
            "<p><b>Buying:</b> while you download, your client offers seeders BTT for "
            "serving you first. It pays only for what it receives, from your Speed vault "
            "(BTT you deposit in the vault contract), never more than your maximum price, "
            "and never more in a day than your daily cap.</p>"
            "<p><b>Selling:</b> while you seed, other people's bids buy your upload, never "
            "below your minimum price; you are paid with signed cheques, cashed into your "
            "wallet automatically once they are worth well over the TRX fee of cashing (a "
            "setting), or with Cash Out in the wallet's BTT Speed tab. Non-bidders are "
            "still served.</p>"
            "<p>Turning it on opens a Speed port for other clients to reach you. "
            "<a href=\"{url}\">How BTT Speed works</a></p>").format(url=DOCS_URL))
        text.setObjectName("speed_intro_text")
        text.setWordWrap(True)
        text.setOpenExternalLinks(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        self.buy_check = QCheckBox(self.tr("Buy faster downloads"))
        self.buy_check.setObjectName("speed_intro_buy")
        self.buy_check.setChecked(buy)
        self.sell_check = QCheckBox(self.tr("Sell my upload for BTT when seeding"))
        self.sell_check.setObjectName("speed_intro_sell")
        self.sell_check.setChecked(sell)
        self.max_price = _field("speed_intro_max_price", settings.max_price_per_gib)
        self.max_day = _field("speed_intro_max_day", settings.max_spend_per_day)
        self.reserve = _field("speed_intro_reserve", settings.reserve_price_per_gib)
        form = QFormLayout()
        form.addRow(self.buy_check)
        form.addRow(self.tr("Pay at most, per GiB (BTT):"), self.max_price)
        form.addRow(self.tr("Spend at most, per day (BTT):"), self.max_day)
        form.addRow(self.sell_check)
        form.addRow(self.tr("Sell for at least, per GiB (BTT):"), self.reserve)
        self.error_label = QLabel()
        self.error_label.setObjectName("speed_intro_error")
        set_tone(self.error_label, Tone.ERROR)
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        content = QWidget()
        page = QVBoxLayout(content)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(text)
        page.addSpacing(8)
        page.addLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(FittingScrollArea(content, room=INTRO_ROOM), 1)  # a small screen
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def settings(self) -> SpeedSettings:
        """The choices made (SpeedError with one line for a bad amount)."""
        return dataclasses.replace(
            self._original, introduced=True,
            auto_bid=self.buy_check.isChecked(), earn=self.sell_check.isChecked(),
            max_price_per_gib=parse_btt(self.max_price.text(), self.tr("Pay at most")),
            max_spend_per_day=parse_btt(self.max_day.text(), self.tr("Spend at most")),
            reserve_price_per_gib=parse_btt(self.reserve.text(), self.tr("Sell for at least")))

    def accept(self) -> None:
        try:
            self.settings()
        except SpeedError as exc:
            self.error_label.setText(str(exc))
            return
        super().accept()


def _field(name: str, base_units: int) -> QLineEdit:
    field = QLineEdit(plain_btt(base_units))
    field.setObjectName(name)
    field.setMaximumWidth(160)
    return field
