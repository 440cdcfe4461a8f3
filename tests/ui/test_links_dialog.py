"""The Add Links dialog checks each line as it is typed: Add stays disabled while any
line is not a usable link, and the first bad line says why (libtorrent's reason)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication

from btt_desktop.ui.links_dialog import AddLinksDialog

GOOD = "magnet:?xt=urn:btih:" + "ab" * 20 + "&dn=album"


def test_a_bad_info_hash_is_refused_before_add(qtbot: Any) -> None:
    QGuiApplication.clipboard().setText("")
    dialog = AddLinksDialog()
    qtbot.addWidget(dialog)
    assert not dialog.add_button.isEnabled()  # nothing typed yet

    dialog.text.setPlainText("magnet:?xt=urn:btih:zz")
    assert not dialog.add_button.isEnabled()
    assert dialog.error_label.text() == (
        "not a valid magnet link (invalid info-hash): magnet:?xt=urn:btih:zz")

    dialog.text.setPlainText(GOOD)
    assert dialog.add_button.isEnabled() and dialog.error_label.text() == ""

    dialog.text.setPlainText(f"{GOOD}\nmagnet:?dn=no-hash\nnot a link at all")
    assert not dialog.add_button.isEnabled()
    assert dialog.error_label.text() == ("not a valid magnet link (missing info-hash from URI): "
                                         "magnet:?dn=no-hash (and 1 more)")

    dialog.text.setPlainText(f"{GOOD}\n{'cd' * 20}\nhttps://example.org/a.torrent")
    assert dialog.add_button.isEnabled()
    assert dialog.links() == [GOOD, "cd" * 20, "https://example.org/a.torrent"]


def test_a_good_link_on_the_clipboard_is_offered(qtbot: Any) -> None:
    QGuiApplication.clipboard().setText(GOOD)
    dialog = AddLinksDialog()
    qtbot.addWidget(dialog)
    assert dialog.text.toPlainText() == GOOD and dialog.add_button.isEnabled()
    QGuiApplication.clipboard().setText("magnet:?xt=urn:btih:zz")  # a bad one is not
    second = AddLinksDialog()
    qtbot.addWidget(second)
    assert second.text.toPlainText() == "" and not second.add_button.isEnabled()
