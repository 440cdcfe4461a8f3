"""What ``btt daemon`` refuses: foreign Host headers, cross-site requests, requests
without a session, GET for actions, bad input (short 4xx texts, never a traceback),
oversized bodies, repeated failed logins (a ban), remote access without a password and
HTTPS, a second process on the profile."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import qbittorrentapi
import requests

from tests.daemon.conftest import BTT, PASSWORD, Daemon

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def sid(daemon: Daemon) -> dict[str, str]:
    answer = requests.post(f"{daemon.url}/api/v2/auth/login",
                           data={"username": "admin", "password": PASSWORD}, timeout=30)
    assert answer.status_code == 200 and answer.text == "Ok."
    return {"SID": answer.cookies["SID"]}


def test_host_header_and_cross_site_requests(daemon: Daemon, sid: dict[str, str]) -> None:
    api = f"{daemon.url}/api/v2"
    host = daemon.url.removeprefix("http://")
    foreign = requests.get(f"{api}/app/version", cookies=sid, timeout=30,
                           headers={"Host": "attacker.example"})
    assert (foreign.status_code, foreign.text) == (401, "Unauthorized")
    assert requests.get(f"{api}/app/version", cookies=sid, timeout=30,
                        headers={"Host": f"localhost:{host.rsplit(':', 1)[1]}"}
                        ).status_code == 200
    for header in ("Origin", "Referer"):
        crossed = requests.post(f"{api}/torrents/stop", data={"hashes": "all"}, cookies=sid,
                                headers={header: "http://attacker.example/page"}, timeout=30)
        assert (crossed.status_code, crossed.text) == (401, "Unauthorized")
    same = requests.post(f"{api}/torrents/stop", data={"hashes": "all"}, cookies=sid,
                         headers={"Origin": f"http://{host}"}, timeout=30)
    assert same.status_code == 200


def test_sessions_methods_and_bad_input(daemon: Daemon, sid: dict[str, str]) -> None:
    api = f"{daemon.url}/api/v2"
    bare = requests.get(f"{api}/torrents/info", timeout=30)
    assert (bare.status_code, bare.text) == (403, "Forbidden")
    forged = requests.get(f"{api}/torrents/info", cookies={"SID": "x" * 32}, timeout=30)
    assert forged.status_code == 403
    assert requests.get(f"{api}/torrents/delete?hashes=all", cookies=sid,
                        timeout=30).status_code == 405
    assert requests.get(f"{api}/nothing/here", cookies=sid, timeout=30).status_code == 404
    for path, data in (("torrents/info", {"limit": "ten"}),
                       ("torrents/info", {"filter": "nonsense"}),
                       ("sync/maindata", {"rid": "zero"}),
                       ("app/setPreferences", {"json": "{not json"}),
                       ("app/setPreferences", {"json": '{"listen_port": 99999}'}),
                       ("app/setPreferences", {"json": '{"dht": "yes"}'}),
                       ("torrents/setLocation", {"hashes": "all", "location": ""}),
                       ("torrents/addPeers", {"hashes": "all", "peers": "nope"}),
                       ("torrents/add", {})):
        answer = requests.post(f"{api}/{path}", data=data, cookies=sid, timeout=30)
        assert answer.status_code == 400, (path, answer.text)
        assert "Traceback" not in answer.text and len(answer.text.splitlines()) == 1
    huge = requests.post(f"{api}/torrents/add", cookies=sid, timeout=60,
                         files={"torrents": ("big.torrent", b"d" * (80 * 1024 * 1024))})
    assert huge.status_code == 413
    logout = requests.post(f"{api}/auth/logout", cookies=sid, timeout=30)
    assert logout.status_code == 200
    assert requests.get(f"{api}/torrents/info", cookies=sid, timeout=30).status_code == 403


def test_failed_logins_ban_the_ip(tmp_path: Path) -> None:
    """Without a password file a password for this run is made, in a file only the user
    reads; five failed logins then ban the IP for an hour, the right password included."""
    daemon = Daemon(tmp_path, password=None)
    try:
        secret = daemon.profile / "web-password.tmp"
        assert secret.stat().st_mode & 0o077 == 0
        password = secret.read_text().strip()
        assert password not in "\n".join(daemon.stderr)
        daemon.client(password=password).auth_log_out()
        for _ in range(5):
            with pytest.raises(qbittorrentapi.LoginFailed):
                daemon.client(password="wrong")
        banned = requests.post(f"{daemon.url}/api/v2/auth/login", timeout=30,
                               data={"username": "admin", "password": password})
        assert banned.status_code == 403
        assert banned.text == ("Your IP address has been banned after too many failed "
                               "authentication attempts.")
    finally:
        assert daemon.stop() == 0
    log = (daemon.profile / "btt-daemon.log").read_text()
    assert password not in log and "wrong" not in log


def _refused(*args: str) -> str:
    result = subprocess.run([*BTT, *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_remote_access_needs_password_and_https(tmp_path: Path) -> None:
    line = _refused("--profile", str(tmp_path / "p"), "daemon", "--web-api", "0.0.0.0:0",
                    "--no-discovery")
    assert line.startswith("btt: error: refusing to serve the web api on 0.0.0.0:0: remote "
                           "access needs --web-password-file and --web-cert/--web-key")


def test_one_process_per_profile(daemon: Daemon) -> None:
    line = _refused("--profile", str(daemon.profile), "daemon", "--web-api", "127.0.0.1:0")
    assert "is in use by another BTT Desktop process" in line
