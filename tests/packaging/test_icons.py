"""Every icon the window asks for exists, renders, and follows the palette."""

from __future__ import annotations

import ast
import logging
import re
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication

from btt_desktop import APP_ID
from btt_desktop.ui import icons
from tests.packaging.packaging_helpers import RESOURCES, ROOT

ACTIONS = RESOURCES / "icons" / "actions"
LIGHT_TEXT, DARK_TEXT = "#1f2328", "#e6e6e6"


def _palette(text: str, window: str) -> QPalette:
    pal = QPalette(QColor(window))
    pal.setColor(QPalette.ColorRole.Text, QColor(text))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#888888"))
    return pal


LIGHT = _palette(LIGHT_TEXT, "#fafafa")
DARK = _palette(DARK_TEXT, "#1e1f22")


def _image(icon: QIcon, size: int, mode: QIcon.Mode = QIcon.Mode.Normal) -> QImage:
    return icon.pixmap(QSize(size, size), mode).toImage().convertToFormat(
        QImage.Format.Format_ARGB32
    )


def _opaque_colours(image: QImage) -> list[QColor]:
    """Colours of the fully drawn pixels (the antialiased edges left out)."""
    out = []
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.alpha() == 255:
                out.append(colour)
    return out


def _all_near(colours: list[QColor], expected: str) -> bool:
    """Every colour is ``expected`` (give or take rounding where two shapes overlap)."""
    want = QColor(expected)
    return all(
        abs(c.red() - want.red()) <= 2
        and abs(c.green() - want.green()) <= 2
        and abs(c.blue() - want.blue()) <= 2
        for c in colours
    )


def _names_used_in_code(root: Path = ROOT / "btt_desktop") -> Iterator[tuple[str, str]]:
    """(file, name) for every ``icon("...")`` / ``get_icon("...")`` call under ``root``."""
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            first = node.args[0]
            if (
                called in {"icon", "get_icon"}
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                yield path.name, first.value


def test_every_catalogued_icon_has_an_svg_and_every_svg_is_catalogued() -> None:
    on_disk = {p.stem for p in ACTIONS.glob("*.svg")}
    assert on_disk == set(icons.ICON_NAMES)
    assert set(icons.ALIASES.values()) <= set(icons.ICON_NAMES)


@pytest.mark.parametrize("name", icons.ICON_NAMES)
def test_action_svg_is_single_colour(name: str) -> None:
    text = (ACTIONS / f"{name}.svg").read_text(encoding="utf-8")
    assert "currentColor" in text
    # any fixed colour would not follow the palette
    fixed = re.findall(r"#[0-9a-fA-F]{3,8}\b|rgb\(|\b(?:black|white)\b", text)
    assert not fixed, f"{name}.svg has fixed colours: {fixed}"


def test_icon_name_scanner_finds_calls(tmp_path: Path) -> None:
    (tmp_path / "window.py").write_text(
        "from btt_desktop.ui import icons\n"
        "a = icons.icon('pause')\nb = get_icon(\"magnet\", palette)\nc = icon(name)\n"
    )
    assert list(_names_used_in_code(tmp_path)) == [("window.py", "pause"), ("window.py", "magnet")]


def test_every_icon_name_the_code_uses_exists() -> None:
    used = list(_names_used_in_code())
    unknown = [
        (where, name)
        for where, name in used
        if name not in icons.THEME_NAMES and name not in icons.ALIASES
    ]
    assert not unknown, f"icons the code asks for but resources/icons lacks: {unknown}"


def test_the_window_actions_and_sidebar_ask_only_for_icons_we_draw(
    qapp: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    """The names reach icon() through variables (make(text, "pause"), f"filter-{x}"):
    build the real actions and sidebar and listen for names icons.py does not know."""
    from PySide6.QtWidgets import QWidget

    from btt_desktop.ui.actions import WindowActions
    from btt_desktop.ui.sidebar import StatusSidebar
    from btt_desktop.ui.torrent_model import TorrentTableModel

    caplog.set_level(logging.DEBUG, logger="btt_desktop.ui.icons")
    parent = QWidget()
    WindowActions(parent)
    model = TorrentTableModel()
    sidebar = StatusSidebar(model)
    with_icons = [a for a in parent.actions() if not a.icon().isNull()]
    assert len(with_icons) >= 10  # the toolbar's actions did get their pictures
    assert sidebar.count() >= 6
    for row in range(sidebar.count()):
        assert not sidebar.item(row).icon().isNull()
    unknown = [r.getMessage() for r in caplog.records if "no bundled icon" in r.getMessage()]
    assert not unknown


@pytest.mark.parametrize("name", icons.ICON_NAMES)
def test_icon_renders_in_light_and_dark_palettes(qapp: QApplication, name: str) -> None:
    light = icons.icon(name, LIGHT, prefer_theme=False)
    dark = icons.icon(name, DARK, prefer_theme=False)
    for ic in (light, dark):
        assert not ic.isNull()
    light_img, dark_img = _image(light, 24), _image(dark, 24)
    light_px, dark_px = _opaque_colours(light_img), _opaque_colours(dark_img)
    # a real glyph, drawn in the palette's text colour
    assert len(light_px) >= 12 and len(dark_px) >= 12
    assert _all_near(light_px, LIGHT_TEXT)
    assert _all_near(dark_px, DARK_TEXT)
    assert light_img != dark_img
    # the disabled state is drawn in the disabled colour
    disabled = _opaque_colours(_image(light, 24, QIcon.Mode.Disabled))
    assert disabled and _all_near(disabled, "#888888")


def test_icon_is_sharp_at_16_px(qapp: QApplication) -> None:
    image = _image(icons.icon("pause", LIGHT, prefer_theme=False), 16)
    assert image.width() == 16 * image.devicePixelRatio()
    assert len(_opaque_colours(image)) >= 30  # two solid bars, not a blur


def test_translucent_disabled_colour_is_honoured(qapp: QApplication) -> None:
    pal = QPalette(LIGHT)
    translucent = QColor(LIGHT_TEXT)
    translucent.setAlphaF(0.4)
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, translucent)
    image = _image(icons.icon("pause", pal, prefer_theme=False), 24, QIcon.Mode.Disabled)
    alphas = {image.pixelColor(x, y).alpha() for x in range(24) for y in range(24)}
    assert max(alphas) == pytest.approx(102, abs=2)  # 40 % of 255, not opaque black


def test_aliases_and_unknown_names(qapp: QApplication) -> None:
    a = _image(icons.icon("add", LIGHT, prefer_theme=False), 24)
    b = _image(icons.icon("add-file", LIGHT, prefer_theme=False), 24)
    assert a == b
    assert icons.icon("no-such-icon-anywhere", LIGHT).isNull()  # empty, no exception


def test_desktop_theme_icon_is_preferred(qapp: QApplication, tmp_path: Path) -> None:
    """A real icon theme on disk: Qt's own lookup finds its media-playback-pause."""
    theme = tmp_path / "btt-test-theme"
    (theme / "24x24" / "actions").mkdir(parents=True)
    (theme / "index.theme").write_text(
        "[Icon Theme]\nName=btt-test-theme\nDirectories=24x24/actions\n\n"
        "[24x24/actions]\nSize=24\nContext=Actions\nType=Fixed\n"
    )
    red = QImage(24, 24, QImage.Format.Format_ARGB32)
    red.fill(QColor("#ff0000"))
    assert red.save(str(theme / "24x24" / "actions" / "media-playback-pause.png"))

    old_paths, old_name = QIcon.themeSearchPaths(), QIcon.themeName()
    QIcon.setThemeSearchPaths([str(tmp_path)])
    QIcon.setThemeName("btt-test-theme")
    try:
        themed = _image(icons.icon("pause", LIGHT), 24)
        assert themed.pixelColor(12, 12).name() == "#ff0000"
        ours = _image(icons.icon("pause", LIGHT, prefer_theme=False), 24)
        assert _all_near(_opaque_colours(ours), LIGHT_TEXT)
        # no theme icon for recheck: ours, in the palette's colour
        recheck = _image(icons.icon("recheck", LIGHT), 24)
        assert _all_near(_opaque_colours(recheck), LIGHT_TEXT)
    finally:
        QIcon.setThemeSearchPaths(old_paths)
        QIcon.setThemeName(old_name)


@pytest.mark.parametrize("size", [16, 256])
def test_app_icon_renders(qapp: QApplication, size: int) -> None:
    image = _image(icons.app_icon(), size)
    assert image.width() == size * image.devicePixelRatio()
    # the tile fills the square: opaque in the middle, transparent in the corner
    middle = image.pixelColor(image.width() // 2, image.height() // 2)
    assert middle.alpha() == 255
    assert image.pixelColor(0, 0).alpha() == 0
    # and it is more than one flat colour (tile, coin, arrow)
    assert len({c.name() for c in _opaque_colours(image)}) >= 3


def test_app_svg_is_packaged_where_the_code_looks() -> None:
    packaged = files("btt_desktop").joinpath("resources", "icons", f"{APP_ID}.svg")
    assert packaged.is_file()
    assert icons.app_svg_path().read_bytes() == packaged.read_bytes()


def test_png_rendering_script_writes_every_size(qapp: QApplication, tmp_path: Path) -> None:
    from tests.packaging.packaging_helpers import load_packaging_script

    render_icons = load_packaging_script("render_icons")
    written = render_icons.render_pngs(tmp_path, (16, 24, 32, 48, 64, 128, 256, 512))
    assert len(written) == 8
    for path, size in zip(written, (16, 24, 32, 48, 64, 128, 256, 512), strict=True):
        image = QImage(str(path))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_contact_sheet_draws(qapp: QApplication, tmp_path: Path) -> None:
    from tests.packaging.packaging_helpers import load_packaging_script

    sheet = load_packaging_script("icon_contact_sheet")
    out = tmp_path / "sheet.png"
    sheet.draw(out)
    image = QImage(str(out))
    assert image.width() > 300 and image.height() > 300
