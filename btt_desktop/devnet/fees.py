"""TRON's resource prices on the devnet: bandwidth, energy, account activation, and the
chain parameters a node publishes (``getchainparameters``), mainnet's values."""

from __future__ import annotations

ENERGY_FEE = 100  # sun per energy unit (mainnet's getEnergyFee)
BANDWIDTH_FEE = 1_000  # sun per byte once the free bandwidth is used up
FREE_NET_LIMIT = 600  # bytes a day
CREATE_ACCOUNT_FEE = 1_100_000  # sun: 1 TRX system fee + 0.1 TRX bandwidth
MAX_FEE_LIMIT = 15_000_000_000
MAX_EXPIRATION_MS = 24 * 3600 * 1000
RECENT_BLOCKS = 4096  # TAPOS window and the empty blocks kept in memory
DAY_MS = 24 * 3600 * 1000
RESULT_OVERHEAD = 64  # java-tron adds this to a transaction's size for bandwidth

CHAIN_PARAMETERS = [
    ("getMaintenanceTimeInterval", 21_600_000),
    ("getAccountUpgradeCost", 9_999_000_000),
    ("getCreateAccountFee", 100_000),
    ("getTransactionFee", BANDWIDTH_FEE),
    ("getAssetIssueFee", 1_024_000_000),
    ("getWitnessPayPerBlock", 8_000_000),
    ("getWitnessStandbyAllowance", 115_200_000_000),
    ("getCreateNewAccountFeeInSystemContract", 1_000_000),
    ("getCreateNewAccountBandwidthRate", 1),
    ("getAllowCreationOfContracts", 1),
    ("getRemoveThePowerOfTheGr", -1),
    ("getEnergyFee", ENERGY_FEE),
    ("getExchangeCreateFee", 1_024_000_000),
    ("getMaxCpuTimeOfOneTx", 80),
    ("getAllowUpdateAccountName", 0),
    ("getAllowSameTokenName", 1),
    ("getAllowDelegateResource", 1),
    ("getTotalEnergyLimit", 180_000_000_000),
    ("getAllowTvmTransferTrc10", 1),
    ("getTotalEnergyCurrentLimit", 180_000_000_000),
    ("getAllowMultiSign", 1),
    ("getAllowAdaptiveEnergy", 0),
    ("getUpdateAccountPermissionFee", 100_000_000),
    ("getMultiSignFee", 1_000_000),
    ("getAllowTvmConstantinople", 1),
    ("getAllowTvmSolidity059", 1),
    ("getFreeNetLimit", FREE_NET_LIMIT),
    ("getTotalNetLimit", 43_200_000_000),
    ("getMaxFeeLimit", MAX_FEE_LIMIT),
    ("getAllowTvmIstanbul", 1),
    ("getAllowTvmLondon", 1),
    ("getAllowTvmShangHai", 1),
]
