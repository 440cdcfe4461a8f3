"""A local TRON-compatible node: the java-tron HTTP API tronpy uses, BTT and the Speed vault.

See docs/devnet.md. ``DevnetNode`` runs it; ``addresses`` names the fixed contract
addresses; ``vault`` holds the cheque digest shared with the Speed side.
"""
