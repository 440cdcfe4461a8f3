"""The status bar: transfer rates with their limits, DHT nodes, free space, alt limits,
and the listen port while it is not the chosen one (that port was taken)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QStatusBar, QToolButton, QWidget

from btt_desktop.engine.types import EngineSettings, SessionTotals
from btt_desktop.ui.formatting import format_limit, format_rate, format_size
from btt_desktop.ui.theme import Tone, set_tone

MESSAGE_MS = 10_000


class StatusBar(QStatusBar):
    def __init__(self, alt_speed_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_bar")
        self.free_space_label = QLabel()
        self.free_space_label.setObjectName("free_space")
        self.dht_label = QLabel()
        self.dht_label.setObjectName("dht_nodes")
        self.down_label = QLabel()
        self.down_label.setObjectName("down_rate")
        self.up_label = QLabel()
        self.up_label.setObjectName("up_rate")
        self.port_label = QLabel()
        self.port_label.setObjectName("listen_port")
        self.port_label.hide()
        self.alt_button = QToolButton()
        self.alt_button.setDefaultAction(alt_speed_action)
        self.alt_button.setAutoRaise(True)
        for widget in (self.port_label, self.free_space_label, self.dht_label, self.alt_button,
                       self.down_label, self.up_label):
            self.addPermanentWidget(widget)
        self._totals = SessionTotals(0, 0, 0)
        self._down_limit = 0
        self._up_limit = 0
        self._dht_enabled = True
        self._listen_port = 0
        self._render()

    def show_error(self, line: str) -> None:
        self.showMessage(line, MESSAGE_MS)

    def update_totals(self, totals: SessionTotals) -> None:
        self._totals = totals
        self._render()

    def set_limits(self, settings: EngineSettings) -> None:
        if settings.alt_limits_enabled:
            self._down_limit, self._up_limit = settings.alt_download_limit, \
                settings.alt_upload_limit
        else:
            self._down_limit, self._up_limit = settings.download_limit, settings.upload_limit
        self._dht_enabled = settings.dht
        self._listen_port = settings.listen_port
        self._render()

    def set_free_space(self, free: int | None) -> None:
        self.free_space_label.setText(
            "" if free is None else self.tr("Free space: {size}").format(size=format_size(free)))

    def _render(self) -> None:
        t = self._totals
        if self._dht_enabled:
            self.dht_label.setText(self.tr("DHT: {nodes} nodes").format(nodes=t.dht_nodes))
        else:
            self.dht_label.setText(self.tr("DHT: off"))
        down = format_rate(t.download_rate)
        up = format_rate(t.upload_rate)
        if self._down_limit > 0:
            down = f"{down} [{format_limit(self._down_limit)}]"
        if self._up_limit > 0:
            up = f"{up} [{format_limit(self._up_limit)}]"
        self.down_label.setText("↓ " + down)
        self.up_label.setText("↑ " + up)
        self._render_port()

    def _render_port(self) -> None:
        """Shown for as long as the engine listens on another port than the chosen one."""
        ports = sorted({int(e.rsplit(":", 1)[1]) for e in self._totals.listen_endpoints})
        moved = bool(ports) and self._listen_port not in ports
        self.port_label.setVisible(moved)
        if not moved:
            return
        self.port_label.setText("⚠ " + self.tr("Port {port}").format(port=ports[0]))
        set_tone(self.port_label, Tone.ERROR)
        self.port_label.setToolTip(self.tr(
            "Port {wanted} is in use by another program, so peers reach BTT Desktop on "
            "port {port} for now. Choose a free port in Settings → Connection to keep "
            "one.").format(wanted=self._listen_port, port=ports[0]))
