"""Network settings: mainnet, nile, devnet or a custom node; node URL, API key, BTT token."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.errors import BttError
from btt_desktop.ui.tasks import TaskRunner
from btt_desktop.ui.theme import Tone, set_tone
from btt_desktop.wallet import networks
from btt_desktop.wallet.networks import NetworkChoice
from btt_desktop.wallet.service import WalletService

DEFAULT_URLS = {"mainnet": networks.MAINNET_URL, "nile": networks.NILE_URL,
                "devnet": networks.DEVNET_URL, "custom": ""}


def network_title(name: str) -> str:
    titles = {"mainnet": QCoreApplication.translate("Networks", "TRON mainnet"),
              "nile": QCoreApplication.translate("Networks", "Nile testnet"),
              "devnet": QCoreApplication.translate("Networks", "Local devnet"),
              "custom": QCoreApplication.translate("Networks", "Custom node")}
    return titles.get(name, name)


def current_choice(service: WalletService) -> NetworkChoice:
    """What the service runs on, as a choice (a devnet's BTT contract is read, not chosen)."""
    net = service.network
    default = DEFAULT_URLS.get(net.name)
    contract = net.btt_contract
    if net.name == "devnet" or (net.name == "mainnet" and contract == networks.MAINNET_BTT):
        contract = None
    return NetworkChoice(net.name, None if net.node_url == default else net.node_url,
                         net.api_key, contract)


class NetworkDialog(QDialog):
    def __init__(self, service: WalletService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("network_dialog")
        self.setWindowTitle(self.tr("Network settings"))
        self.setMinimumWidth(520)
        self.service = service
        self.tasks = TaskRunner(self._show_error)
        choice = current_choice(service)
        self.name = QComboBox()
        self.name.setObjectName("network_name")
        for name in networks.NETWORK_NAMES:
            self.name.addItem(network_title(name), name)
        self.node_url = QLineEdit(choice.node_url or "")
        self.node_url.setObjectName("network_node_url")
        self.api_key = QLineEdit(choice.api_key or "")
        self.api_key.setObjectName("network_api_key")
        self.api_key.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.api_key.setPlaceholderText(self.tr("Optional: your TronGrid API key"))
        self.btt_contract = QLineEdit(choice.btt_contract or "")
        self.btt_contract.setObjectName("network_btt_contract")
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("network_error")
        self.error_label.setWordWrap(True)
        set_tone(self.error_label, Tone.ERROR)
        form = QFormLayout()
        form.addRow(self.tr("Network:"), self.name)
        form.addRow(self.tr("Node URL:"), self.node_url)
        form.addRow(self.tr("API key:"), self.api_key)
        form.addRow(self.tr("BTT token contract:"), self.btt_contract)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.help)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.name.currentIndexChanged.connect(self._name_changed)
        self.name.setCurrentIndex(max(0, self.name.findData(choice.name)))
        self._name_changed()

    def _name_changed(self, *_args: object) -> None:
        name = str(self.name.currentData())
        default = DEFAULT_URLS.get(name, "")
        self.node_url.setPlaceholderText(default or self.tr("http://host:port (required)"))
        self.btt_contract.setPlaceholderText(
            networks.MAINNET_BTT if name == "mainnet" else
            self.tr("read from the node") if name == "devnet" else self.tr("T… (optional)"))
        self.help.setText({
            "mainnet": self.tr("The real TRON network: real TRX and BTT."),
            "nile": self.tr("TRON's public test network: test TRX from its faucet, no value."),
            "devnet": self.tr("A local node (btt devnet) for trying things out with tokens "
                              "from its faucet."),
            "custom": self.tr("Any java-tron compatible node."),
        }.get(name, ""))
        self.error_label.clear()

    def choice(self) -> NetworkChoice:
        return NetworkChoice(str(self.name.currentData()),
                             self.node_url.text().strip() or None,
                             self.api_key.text().strip() or None,
                             self.btt_contract.text().strip() or None)

    def apply(self) -> None:
        self.tasks.run(self._apply())

    async def _apply(self) -> None:
        self.ok_button.setEnabled(False)
        try:
            await self.service.set_network(self.choice())
        except BttError as exc:
            self.error_label.setText(str(exc))
            return
        finally:
            self.ok_button.setEnabled(True)
        self.accept()

    def _show_error(self, line: str) -> None:
        self.error_label.setText(line)
