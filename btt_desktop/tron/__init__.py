"""TRON's own data formats, shared by the wallet and the devnet: address spellings and
transactions as java-tron serializes them (protobuf), from which a transaction id comes."""
