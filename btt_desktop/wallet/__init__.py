"""The TRON wallet: recovery phrase, HD keys, keystore, OS keyring, chain client. No Qt.

The GUI and the CLI use :class:`btt_desktop.wallet.service.WalletService`; see
docs/wallet.md.
"""
