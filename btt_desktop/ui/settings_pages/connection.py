"""Settings → Connection: the listen port and peer sources, the IP block list, and the
proxy (its password is kept in the OS keyring, never in the settings file)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.engine.types import Encryption, ProxyType
from btt_desktop.settings_store import Settings
from btt_desktop.ui.settings_pages.common import (
    Changes,
    PathField,
    PathKind,
    Spawn,
    _tr,
    compact_form,
    path_problem,
    scrolling_page,
    switched_path,
    wide_form,
)


class ConnectionPage(QWidget):
    def __init__(self, settings: Settings, spawn: Spawn) -> None:
        super().__init__()
        e = settings.engine
        self._original = settings
        self.port_box = QSpinBox()
        self.port_box.setObjectName("listen_port")
        self.port_box.setRange(1, 65535)
        self.port_box.setValue(e.listen_port)
        self.encryption_combo = QComboBox()
        self.encryption_combo.setObjectName("encryption")
        for value, label in (
            (Encryption.PREFER_PLAIN, _tr("Allow encryption (fastest)")),
            (Encryption.PREFER, _tr("Prefer encryption")),
            (Encryption.REQUIRE, _tr("Require encryption")),
            (Encryption.DISABLE, _tr("Disable encryption")),
        ):
            self.encryption_combo.addItem(label, value.value)
        self.encryption_combo.setCurrentIndex(
            self.encryption_combo.findData(e.encryption.value))
        self.dht_check = QCheckBox(_tr("DHT (find peers without a tracker)"))
        self.dht_check.setChecked(e.dht)
        self.pex_check = QCheckBox(_tr("Peer exchange (PeX)"))
        self.pex_check.setChecked(e.pex)
        self.lsd_check = QCheckBox(_tr("Local peer discovery"))
        self.lsd_check.setChecked(e.lsd)
        self.upnp_check = QCheckBox(_tr("Port forwarding with UPnP"))
        self.upnp_check.setChecked(e.upnp)
        self.natpmp_check = QCheckBox(_tr("Port forwarding with NAT-PMP"))
        self.natpmp_check.setChecked(e.natpmp)
        listening = QGroupBox(_tr("Listening and peers"))
        form = compact_form(listening)
        form.addRow(_tr("Listen port:"), self.port_box)
        form.addRow(_tr("Encryption:"), self.encryption_combo)
        for check in (self.dht_check, self.pex_check, self.lsd_check, self.upnp_check,
                      self.natpmp_check):
            form.addRow("", check)

        # the IP block list
        self.block_check = QCheckBox(_tr("IP block list:"))
        self.block_check.setObjectName("ip_filter_enabled")
        self.block_check.setChecked(bool(e.ip_filter_path))
        self.block_path = PathField(e.ip_filter_path, kind=PathKind.FILE,
                                    title=_tr("IP block list"), spawn=spawn,
                                    name="ip_filter_path", name_filter=_tr(
                                        "IP block lists (*.dat *.p2p *.gz);;All files (*)"))
        switched_path(self.block_check, self.block_path)
        block_note = QLabel(_tr("An eMule ipfilter.dat or a PeerGuardian .p2p file, "
                                "gzipped or not. Peers in its ranges are refused."))
        block_note.setWordWrap(True)
        blocking = QGroupBox(_tr("IP filtering"))
        form = wide_form(blocking)
        form.addRow(self.block_check, self.block_path)
        form.addRow(block_note)

        # the proxy
        self.proxy_type_combo = QComboBox()
        self.proxy_type_combo.setObjectName("proxy_type")
        for kind, label in ((ProxyType.NONE, _tr("None")), (ProxyType.SOCKS5, "SOCKS5"),
                            (ProxyType.HTTP, "HTTP")):
            self.proxy_type_combo.addItem(label, kind.value)
        self.proxy_type_combo.setCurrentIndex(
            max(0, self.proxy_type_combo.findData(e.proxy_type.value)))
        self.proxy_type_combo.setSizePolicy(QSizePolicy.Policy.Fixed,
                                            QSizePolicy.Policy.Fixed)
        self.proxy_host_edit = QLineEdit(e.proxy_host)
        self.proxy_host_edit.setObjectName("proxy_host")
        self.proxy_port_box = QSpinBox()
        self.proxy_port_box.setObjectName("proxy_port")
        self.proxy_port_box.setRange(1, 65535)
        self.proxy_port_box.setValue(e.proxy_port)
        host_row = QHBoxLayout()
        host_row.addWidget(self.proxy_host_edit, 1)
        host_row.addWidget(QLabel(_tr("Port:")))
        host_row.addWidget(self.proxy_port_box)
        self.proxy_user_edit = QLineEdit(e.proxy_username)
        self.proxy_user_edit.setObjectName("proxy_username")
        self.proxy_password_edit = QLineEdit(e.proxy_password)
        self.proxy_password_edit.setObjectName("proxy_password")
        self.proxy_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_note = QLabel()
        self.password_note.setObjectName("proxy_password_note")
        self.password_note.hide()
        password_row = QHBoxLayout()
        password_row.addWidget(self.proxy_password_edit, 1)
        password_row.addWidget(self.password_note)
        self.proxy_peers_check = QCheckBox(_tr("Use proxy for peer connections"))
        self.proxy_peers_check.setObjectName("proxy_peers")
        self.proxy_peers_check.setChecked(e.proxy_peers)
        proxy_note = QLabel(_tr("Trackers are always reached through the proxy, and host "
                                "names are resolved by it."))
        proxy_note.setWordWrap(True)
        proxy = QGroupBox(_tr("Proxy"))
        form = wide_form(proxy)
        form.addRow(_tr("Type:"), self.proxy_type_combo)
        form.addRow(_tr("Host:"), host_row)
        form.addRow(_tr("User name:"), self.proxy_user_edit)
        form.addRow(_tr("Password:"), password_row)
        form.addRow("", self.proxy_peers_check)
        form.addRow(proxy_note)
        self._proxy_fields: list[QWidget] = [
            self.proxy_host_edit, self.proxy_port_box, self.proxy_user_edit,
            self.proxy_password_edit, self.proxy_peers_check]
        self.proxy_type_combo.currentIndexChanged.connect(lambda _i: self._follow_proxy())
        self._follow_proxy()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling_page(listening, blocking, proxy))

    def proxy_type(self) -> ProxyType:
        return ProxyType(self.proxy_type_combo.currentData())

    def set_password_note(self, note: str, reason: str = "") -> None:
        """A word next to the password (e.g. that no keyring remembers it); "" hides it."""
        self.password_note.setText(note)
        self.password_note.setToolTip(reason)
        self.password_note.setVisible(bool(note))

    def _follow_proxy(self) -> None:
        on = self.proxy_type() is not ProxyType.NONE
        for widget in self._proxy_fields:
            widget.setEnabled(on)

    def problem(self) -> str | None:
        if self.block_check.isChecked():
            problem = path_problem(self.block_path.text())
            if problem:
                return problem
        if self.proxy_type() is not ProxyType.NONE and not self.proxy_host_edit.text().strip():
            return _tr("The proxy needs a host.")
        return None

    def changes(self) -> Changes:
        block = self.block_path.text() if self.block_check.isChecked() else ""
        return ({
            "listen_port": self.port_box.value(),
            "encryption": Encryption(self.encryption_combo.currentData()),
            "dht": self.dht_check.isChecked(),
            "pex": self.pex_check.isChecked(),
            "lsd": self.lsd_check.isChecked(),
            "upnp": self.upnp_check.isChecked(),
            "natpmp": self.natpmp_check.isChecked(),
            "ip_filter_path": block,
            "proxy_type": self.proxy_type(),
            "proxy_host": self.proxy_host_edit.text().strip(),
            "proxy_port": self.proxy_port_box.value(),
            "proxy_username": self.proxy_user_edit.text().strip(),
            "proxy_password": self.proxy_password_edit.text(),
            "proxy_peers": self.proxy_peers_check.isChecked(),
        }, {})
