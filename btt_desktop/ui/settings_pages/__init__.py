"""The Settings dialog's pages, one module each (the dialog is ``ui/settings_dialog.py``)."""

from btt_desktop.ui.settings_pages.behaviour import BehaviourPage
from btt_desktop.ui.settings_pages.connection import ConnectionPage
from btt_desktop.ui.settings_pages.downloads import DownloadsPage
from btt_desktop.ui.settings_pages.limits import LimitsPage
from btt_desktop.ui.settings_pages.other_pages import AdvancedPage, BitTorrentPage, WalletPage

__all__ = ["AdvancedPage", "BehaviourPage", "BitTorrentPage", "ConnectionPage",
           "DownloadsPage", "LimitsPage", "WalletPage"]
