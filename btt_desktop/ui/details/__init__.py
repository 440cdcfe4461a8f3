"""The details pane under the torrent list: General, Files, Peers and Trackers tabs."""
