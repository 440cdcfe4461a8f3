from __future__ import annotations

import pytest

from btt_desktop.speed.advert import client_version, parse_speed_port


def test_round_trip() -> None:
    text = client_version("0.1.0", 7001)
    assert text == "BTTDesktop/0.1.0 speed/7001"
    assert parse_speed_port(text) == 7001


@pytest.mark.parametrize(("client", "port"), [
    ("BTTDesktop/1.2.3 speed/1", 1),
    ("BTTDesktop/1.2.3 speed/65535", 65535),
    ("OtherClient/9 speed/4000", 4000),
    ("BTTDesktop/1.2.3", None),
    ("libtorrent/2.1.1.0", None),
    ("qBittorrent 4.6.0", None),
    ("BTTDesktop/1.2.3 speed/0", None),
    ("BTTDesktop/1.2.3 speed/65536", None),
    ("BTTDesktop/1.2.3 speed/07001", None),
    ("BTTDesktop/1.2.3 speed/+7001", None),
    ("BTTDesktop/1.2.3 speed/7001 speed/7002", None),
    ("BTTDesktop/1.2.3  speed/7001", None),
    ("BTTDesktop/1.2.3 speed/7001 ", None),
    ("BTTDesktop/1.2.3 speed/７００１", None),
    ("BTTDesktop/1.2.3\tspeed/7001", None),
    ("BTTDesktop/1.2.3 speed/7001\n", None),
    ("X/" + "a" * 100 + " speed/7001", None),
    ("", None),
])
def test_strict_parse(client: str, port: int | None) -> None:
    assert parse_speed_port(client) == port


def test_bad_version_refused() -> None:
    with pytest.raises(ValueError):
        client_version("1.0 beta", 7001)
    with pytest.raises(ValueError):
        client_version("1.0", 0)
