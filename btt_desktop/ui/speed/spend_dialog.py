"""The confirmation every BTT Speed action that costs TRX goes through in the window.

It says what will happen, on which network, the amount, the estimated fee in TRX (and,
at the user's BTT-per-TRX rate, in BTT when BTT is what is gained), what cannot be undone,
and warns when the fee is more than what is being cashed. Nothing is signed before the
user presses the action's button.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from btt_desktop.speed.vault import CallQuote
from btt_desktop.ui.theme import Tone, set_tone
from btt_desktop.wallet.amounts import TRX, format_amount


class ConfirmSpendDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, title: str, what: str, network: str,
                 steps: Sequence[tuple[str, CallQuote]], action: str,
                 final: str = "", warning: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("speed_confirm_spend")
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        summary = QLabel(what)
        summary.setObjectName("speed_confirm_what")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        total = sum(q.max_fee_sun for _, q in steps)
        lines = [self.tr("Network: {network}").format(network=network)]
        for name, quote in steps:
            lines.append(self.tr("{step}: up to {fee} TRX ({energy} energy)").format(
                step=name, fee=format_amount(quote.max_fee_sun, TRX.decimals),
                energy=f"{quote.energy:,}"))
        if len(steps) > 1:
            lines.append(self.tr("Total fee: up to {fee} TRX").format(
                fee=format_amount(total, TRX.decimals)))
        self.fee_label = QLabel("\n".join(lines))
        self.fee_label.setObjectName("speed_confirm_fee")
        layout.addWidget(self.fee_label)
        if final:
            final_label = QLabel(final)
            final_label.setObjectName("speed_confirm_final")
            final_label.setWordWrap(True)
            layout.addWidget(final_label)
        self.warning_label = QLabel(warning)
        self.warning_label.setObjectName("speed_confirm_warning")
        self.warning_label.setWordWrap(True)
        set_tone(self.warning_label, Tone.ERROR)
        self.warning_label.setVisible(bool(warning))
        layout.addWidget(self.warning_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(action)
        if warning:  # Enter should not pay a fee larger than what it brings
            cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
            self.ok_button.setDefault(False)
            self.ok_button.setAutoDefault(False)
            cancel.setDefault(True)
            cancel.setFocus()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addSpacing(6)
        layout.addWidget(buttons)
