"""The Web API of ``btt daemon``: qBittorrent's Web API v2 on the engine's asyncio loop
(aiohttp), so that qBittorrent clients (Sonarr, Radarr, remotes, ``qbittorrent-api``)
drive BTT Desktop unchanged, plus a ``speed`` namespace. No Qt. See docs/daemon.md.

``server.py`` serves and routes; ``auth.py`` holds logins, sessions, bans and the
request checks; ``*_api.py`` answer one namespace each through the engine's API;
``translate.py`` turns engine values into qBittorrent's dictionaries.
"""
