"""Speed: buy faster service from seeders with BTT cheques drawn on a vault.

The wire protocol (``framing``, ``messages``, ``auth``), the per-round auction
(``auction``), the bidder rule (``autobid``), cheques (``cheque``), both sides'
persistent accounting (``ledger``), the vault interface (``vault``) and the TCP
endpoint (``connection``, ``server``). See docs/speed-protocol.md.
"""
