"""The Speed page of the settings dialog: SpeedSettings, amounts in BTT display units.

Amounts are typed as decimal BTT and kept as integers in base units (exact: "0.1" is
10**17, never a float). :meth:`SpeedSettingsPage.settings` raises SpeedError with one
line for a bad field, which the dialog shows before it closes.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.errors import SpeedError
from btt_desktop.speed.settings import SpeedSettings
from btt_desktop.speed.settlement import TYPICAL_CASH_FEE_SUN, FeeRule
from btt_desktop.ui.fitting_scroll import FittingScrollArea
from btt_desktop.ui.speed.amounts import glance_btt, parse_btt, plain_btt
from btt_desktop.ui.theme import Tone, set_tone
from btt_desktop.wallet.amounts import TRX, format_amount

# Room left on the screen for the dialog around the page: its tabs and buttons, the
# window's title bar. The page scrolls rather than push the OK button off a small screen.
_DIALOG_ROOM = 200


def _amount_field(name: str, base_units: int) -> QLineEdit:
    field = QLineEdit(plain_btt(base_units))
    field.setObjectName(name)
    field.setMaximumWidth(160)
    return field


class SpeedSettingsPage(QWidget):
    def __init__(self, settings: SpeedSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speed_settings_page")
        self._original = settings
        s = settings

        self.auto_bid_check = QCheckBox(self.tr("Buy faster downloads: bid BTT to seeders"))
        self.auto_bid_check.setObjectName("speed_auto_bid")
        self.auto_bid_check.setChecked(s.auto_bid)
        self.max_price_edit = _amount_field("speed_max_price", s.max_price_per_gib)
        self.max_day_edit = _amount_field("speed_max_day", s.max_spend_per_day)
        self.rate_box = QDoubleSpinBox()
        self.rate_box.setObjectName("speed_spending_rate")
        self.rate_box.setRange(0, 100)
        self.rate_box.setDecimals(1)
        self.rate_box.setSuffix(" %")
        self.rate_box.setValue(s.spending_rate * 100)
        self.rate_box.setToolTip(self.tr("How much of the spendable vault balance one "
                                         "download may bid"))
        buying = QGroupBox(self.tr("Buying"))
        form = QFormLayout(buying)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.auto_bid_check)
        form.addRow(self.tr("Maximum price per GiB (BTT):"), self.max_price_edit)
        form.addRow(self.tr("Maximum spend per day (BTT):"), self.max_day_edit)
        form.addRow(self.tr("Spending rate:"), self.rate_box)

        self.earn_check = QCheckBox(self.tr("Sell my upload for BTT when seeding"))
        self.earn_check.setObjectName("speed_earn")
        self.earn_check.setChecked(s.earn)
        self.reserve_edit = _amount_field("speed_reserve", s.reserve_price_per_gib)
        self.slots_box = QSpinBox()
        self.slots_box.setObjectName("speed_slots")
        self.slots_box.setRange(0, 64)
        self.slots_box.setValue(s.slots)
        self.threshold_edit = _amount_field("speed_cash_threshold", s.cash_threshold)
        self.threshold_edit.setToolTip(self.tr("Cheques are cashed automatically once this "
                                               "much is owed by one vault; 0: only by hand"))
        self.fee_multiple_box = QSpinBox()
        self.fee_multiple_box.setObjectName("speed_cash_fee_multiple")
        self.fee_multiple_box.setRange(0, 1000)
        self.fee_multiple_box.setSuffix(" ×")
        self.fee_multiple_box.setValue(s.cash_fee_multiple)
        self.fee_multiple_box.setToolTip(self.tr("Cashing costs TRX: cash a vault's cheques "
                                                 "only once they are worth this many times "
                                                 "the fee"))
        self.rate_edit = _amount_field("speed_btt_per_trx", s.btt_per_trx)
        self.rate_edit.setToolTip(self.tr("Your own rate, to compare a fee in TRX with BTT "
                                          "(the client has no price feed)"))
        self.keep_edit = _amount_field("speed_keep_seeding", s.keep_seeding_per_hour)
        self.keep_edit.setToolTip(self.tr("A finished torrent keeps seeding, queue or no "
                                          "queue, while Speed earns at least this much an "
                                          "hour on it; 0: no such rule"))
        self.fee_note = QLabel()
        self.fee_note.setObjectName("speed_cash_fee_note")
        self.fee_note.setWordWrap(True)
        self.fee_multiple_box.valueChanged.connect(self._show_fee_rule)
        self.rate_edit.textChanged.connect(self._show_fee_rule)
        self.threshold_edit.textChanged.connect(self._show_fee_rule)
        selling = QGroupBox(self.tr("Selling"))
        form = QFormLayout(selling)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.earn_check)
        form.addRow(self.tr("Reserve price per GiB (BTT):"), self.reserve_edit)
        form.addRow(self.tr("Speed slots per torrent:"), self.slots_box)
        form.addRow(self.tr("Keep seeding while it earns (BTT/h):"), self.keep_edit)
        form.addRow(self.tr("Cash out at (BTT):"), self.threshold_edit)
        form.addRow(self.tr("Only when worth (× fee):"), self.fee_multiple_box)
        form.addRow(self.tr("BTT per TRX:"), self.rate_edit)
        form.addRow(self.fee_note)
        self._show_fee_rule()

        self.port_box = QSpinBox()
        self.port_box.setObjectName("speed_port")
        self.port_box.setRange(0, 65535)
        self.port_box.setSpecialValueText(self.tr("any free port"))
        self.port_box.setValue(s.port)
        self.run_locked_check = QCheckBox(self.tr(
            "Keep BTT Speed running while the wallet is locked"))
        self.run_locked_check.setObjectName("speed_run_while_locked")
        self.run_locked_check.setChecked(s.run_while_locked)
        self.run_locked_check.setToolTip(self.tr(
            "BTT Speed then keeps your account's signing key in memory after the wallet "
            "locks, so a seeder goes on earning; otherwise a lock pauses BTT Speed until the "
            "wallet is unlocked again."))
        network = QGroupBox(self.tr("Connection"))
        form = QFormLayout(network)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        run_locked_note = QLabel(self.tr(
            "Keeps your account's signing key in memory while the wallet is locked."))
        run_locked_note.setWordWrap(True)
        set_tone(run_locked_note, Tone.MUTED)
        form.addRow(self.tr("Speed port:"), self.port_box)
        form.addRow(self.run_locked_check)
        form.addRow(run_locked_note)

        note = QLabel(self.tr("BTT Speed is optional: buying pays seeders BTT from your "
                              "vault for faster downloads, selling earns BTT from "
                              "downloaders' bids when you seed. Both are off until you turn "
                              "them on, and pause while the wallet is locked unless you "
                              "keep BTT Speed running (below)."))
        note.setWordWrap(True)
        # the three forms' fields in one column
        labels: list[QLabel] = []
        for box in (buying, selling, network):
            box_form = box.layout()
            if not isinstance(box_form, QFormLayout):
                continue
            for row in range(box_form.rowCount()):
                item = box_form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                label = item.widget() if item is not None else None
                if isinstance(label, QLabel):
                    labels.append(label)
        widest = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(widest)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(note)
        layout.addWidget(buying)
        layout.addWidget(selling)
        layout.addWidget(network)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(FittingScrollArea(content, room=_DIALOG_ROOM))

    def _show_fee_rule(self) -> None:
        """The automatic cash-out rule in one unit: the typical fee and the threshold, BTT."""
        try:
            rate = parse_btt(self.rate_edit.text(), self.tr("BTT per TRX"), allow_zero=False)
        except SpeedError:
            self.fee_note.setText(self.tr("Enter how many BTT one TRX is worth to you."))
            return
        rule = FeeRule(btt_per_trx=rate, multiple=self.fee_multiple_box.value())
        self.fee_note.setText(self.tr(
            "A cash-out costs about {fee} TRX (≈ {fee_btt} BTT at your rate): cheques are "
            "cashed automatically from {threshold} BTT per vault.").format(
                fee=format_amount(TYPICAL_CASH_FEE_SUN, TRX.decimals),
                fee_btt=glance_btt(rule.fee_in_btt(TYPICAL_CASH_FEE_SUN)),
                threshold=glance_btt(max(rule.threshold(TYPICAL_CASH_FEE_SUN),
                                         self._threshold_or_zero()))))

    def _threshold_or_zero(self) -> int:
        try:
            return parse_btt(self.threshold_edit.text(), self.tr("Cash out at"))
        except SpeedError:
            return 0

    def settings(self) -> SpeedSettings:
        """The edited settings (SpeedError with one line for a bad field)."""
        rate = self.rate_box.value() / 100
        if abs(rate - self._original.spending_rate) < 0.0005:
            rate = self._original.spending_rate  # an untouched box keeps the exact value
        return dataclasses.replace(
            self._original,
            auto_bid=self.auto_bid_check.isChecked(),
            introduced=self._original.introduced or self.auto_bid_check.isChecked()
            or self.earn_check.isChecked(),
            max_price_per_gib=parse_btt(self.max_price_edit.text(),
                                        self.tr("Maximum price per GiB")),
            max_spend_per_day=parse_btt(self.max_day_edit.text(),
                                        self.tr("Maximum spend per day")),
            spending_rate=rate,
            earn=self.earn_check.isChecked(),
            reserve_price_per_gib=parse_btt(self.reserve_edit.text(),
                                            self.tr("Reserve price per GiB")),
            slots=self.slots_box.value(),
            cash_threshold=parse_btt(self.threshold_edit.text(), self.tr("Cash out at")),
            cash_fee_multiple=self.fee_multiple_box.value(),
            keep_seeding_per_hour=parse_btt(self.keep_edit.text(),
                                            self.tr("Keep seeding while it earns")),
            btt_per_trx=parse_btt(self.rate_edit.text(), self.tr("BTT per TRX"),
                                  allow_zero=False),
            port=self.port_box.value(),
            run_while_locked=self.run_locked_check.isChecked())
