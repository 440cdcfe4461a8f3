// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.28;

/// @title SpeedVault: the BTT vaults that pay for BitTorrent Speed on TRON
/// @notice One immutable contract per network holds every Speed user's vault. A vault is
/// named by its owner's address. The owner deposits BTT and pays seeders with signed,
/// cumulative cheques (TIP-712 typed data bound to this contract and the chain); anyone may
/// cash a cheque, and the BTT always goes to the beneficiary named in it. The owner may
/// take BTT back only after announcing it and waiting `noticePeriod` seconds, so seeders
/// can cash what they hold first; cheques stay cashable during the notice.
/// There is no owner key, no proxy and no admin function: nobody can change the rules or
/// move a vault's BTT except its owner (withdraw) and its cheques (cash).
/// @dev Written for the TVM: addresses are the 20-byte form, `block.timestamp` is in
/// seconds, `block.chainid` is not relied on (the chain id is a constructor argument), and
/// java-tron's ecrecover leaves the 0x41 prefix in byte 11 of its word, so the signer is
/// only ever compared as a typed `address`. Token transfers are checked by the vault's own
/// token balance, never by the token's return value (some TRC-20s return nothing, or false
/// on success).
contract SpeedVault {
    /// TIP-712 domain name and version; the domain also binds chainId and this address.
    string public constant NAME = "BTT Speed Vault";
    string public constant VERSION = "2";
    bytes32 public constant CHEQUE_TYPEHASH =
        keccak256("Cheque(address owner,address beneficiary,uint256 cumulativeAmount)");
    bytes32 private constant DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    /// secp256k1's order divided by two: a signature's s must not exceed it (one valid form)
    uint256 private constant HALF_ORDER =
        0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;
    uint256 private constant UNLOCKED = 1;
    uint256 private constant LOCKED = 2;

    /// the BTT token (TRC-20) every vault holds
    address public immutable token;
    /// seconds between announcing a withdrawal and being able to make it
    uint256 public immutable noticePeriod;
    /// the TIP-712 chain id: the last 4 bytes of the network's genesis block id
    uint256 public immutable chainId;
    /// keccak256 of the Speed network id ("mainnet", "nile", "devnet:<genesis id>")
    bytes32 public immutable networkId;
    /// the TIP-712 domain separator of every cheque this contract pays
    bytes32 public immutable domainSeparator;

    struct Withdrawal {
        uint256 amount;
        uint256 readyAt;
    }

    /// owner => BTT (base units) in the owner's vault
    mapping(address => uint256) public balanceOf;
    /// owner => beneficiary => the highest cumulative amount cashed so far
    mapping(address => mapping(address => uint256)) public paidOut;
    mapping(address => Withdrawal) private withdrawals;
    uint256 private lock = UNLOCKED;

    event Deposited(address indexed owner, uint256 amount, uint256 balance);
    event WithdrawalAnnounced(address indexed owner, uint256 amount, uint256 readyAt);
    event Withdrawn(address indexed owner, uint256 amount);
    event ChequeCashed(
        address indexed owner, address indexed beneficiary, uint256 cum, uint256 amount);

    /// the token cannot call back into the vault while the vault is calling it
    modifier nonReentrant() {
        require(lock == UNLOCKED, "SpeedVault: reentrant call");
        lock = LOCKED;
        _;
        lock = UNLOCKED;
    }

    constructor(address token_, uint256 noticePeriod_, uint256 chainId_, bytes32 networkId_) {
        require(token_.code.length > 0, "SpeedVault: token is not a contract");
        require(noticePeriod_ > 0, "SpeedVault: notice period must be positive");
        require(chainId_ > 0, "SpeedVault: chain id must be positive");
        token = token_;
        noticePeriod = noticePeriod_;
        chainId = chainId_;
        networkId = networkId_;
        domainSeparator = keccak256(abi.encode(
            DOMAIN_TYPEHASH, keccak256(bytes(NAME)), keccak256(bytes(VERSION)), chainId_,
            address(this)));
    }

    // ---- the owner's side -------------------------------------------------------------

    /// @notice Move `amount` BTT from the caller into the caller's vault. Approve this
    /// contract for at least `amount` on the token first.
    /// @return balance the vault's new balance
    function deposit(uint256 amount) external nonReentrant returns (uint256 balance) {
        require(amount > 0, "SpeedVault: amount must be positive");
        uint256 before = _held();
        _callToken(abi.encodeWithSelector(0x23b872dd, msg.sender, address(this), amount));
        require(_held() == before + amount, "SpeedVault: the token did not move the amount");
        balance = balanceOf[msg.sender] + amount;
        balanceOf[msg.sender] = balance;
        emit Deposited(msg.sender, amount, balance);
    }

    /// @notice Start (or restart) the notice for taking `amount` back; 0 cancels.
    /// @return readyAt the time the withdrawal becomes possible (0 when cancelled)
    function announceWithdrawal(uint256 amount) external returns (uint256 readyAt) {
        require(amount <= balanceOf[msg.sender], "SpeedVault: amount exceeds the vault balance");
        readyAt = amount == 0 ? 0 : block.timestamp + noticePeriod;
        withdrawals[msg.sender] = Withdrawal(amount, readyAt);
        emit WithdrawalAnnounced(msg.sender, amount, readyAt);
    }

    /// @notice Once the notice has run out, pay the announced amount (or what is left of
    /// the vault, if cheques were cashed meanwhile) to the owner.
    /// @return amount what was paid
    function withdraw() external nonReentrant returns (uint256 amount) {
        Withdrawal memory pending = withdrawals[msg.sender];
        require(pending.amount > 0, "SpeedVault: no withdrawal announced");
        require(block.timestamp >= pending.readyAt, "SpeedVault: the withdrawal notice is running");
        uint256 balance = balanceOf[msg.sender];
        amount = pending.amount < balance ? pending.amount : balance;
        delete withdrawals[msg.sender];
        balanceOf[msg.sender] = balance - amount;
        emit Withdrawn(msg.sender, amount);
        if (amount > 0) {
            _pay(msg.sender, amount);
        }
    }

    // ---- the beneficiaries' side ------------------------------------------------------

    /// @notice Pay `beneficiary` what `owner`'s cheque for `cum` adds to what was cashed.
    /// Anyone may call; a cheque the vault cannot cover in full reverts and pays nothing.
    /// @return paid cum - paidOut(owner, beneficiary) before the call
    function cash(address owner, address beneficiary, uint256 cum, bytes calldata sig)
        external nonReentrant returns (uint256 paid)
    {
        paid = _settle(owner, beneficiary, cum, sig);
        _pay(beneficiary, paid);
    }

    /// @notice Cash cheques of many vaults to one beneficiary in one transfer. All or
    /// nothing: one cheque that `cash` would refuse reverts the whole batch.
    /// @return total the sum paid
    function cashBatch(
        address beneficiary, address[] calldata owners, uint256[] calldata cums,
        bytes[] calldata sigs
    ) external nonReentrant returns (uint256 total) {
        uint256 count = owners.length;
        require(count > 0, "SpeedVault: empty batch");
        require(cums.length == count && sigs.length == count, "SpeedVault: batch lengths differ");
        for (uint256 i = 0; i < count; ++i) {
            total += _settle(owners[i], beneficiary, cums[i], sigs[i]);
        }
        _pay(beneficiary, total);
    }

    // ---- views --------------------------------------------------------------------------

    /// @notice The 32 bytes `owner` signs (secp256k1, nothing added) for a cheque.
    function chequeDigest(address owner, address beneficiary, uint256 cum)
        public view returns (bytes32)
    {
        bytes32 structHash = keccak256(abi.encode(CHEQUE_TYPEHASH, owner, beneficiary, cum));
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator, structHash));
    }

    /// @notice The pending withdrawal of `owner`: (0, 0) if none.
    function withdrawalOf(address owner) external view returns (uint256 amount, uint256 readyAt) {
        Withdrawal memory pending = withdrawals[owner];
        return (pending.amount, pending.readyAt);
    }

    /// @notice The TIP-712 domain, as EIP-5267 describes it (for wallets that show it).
    function eip712Domain() external view returns (
        bytes1 fields, string memory name, string memory version, uint256 chainId_,
        address verifyingContract, bytes32 salt, uint256[] memory extensions
    ) {
        return (hex"0f", NAME, VERSION, chainId, address(this), bytes32(0), new uint256[](0));
    }

    // ---- internals ------------------------------------------------------------------------

    /// Check one cheque and book it (effects only; the caller pays).
    function _settle(address owner, address beneficiary, uint256 cum, bytes calldata sig)
        private returns (uint256 paid)
    {
        require(beneficiary != address(0) && beneficiary != address(this),
            "SpeedVault: cheque to an invalid beneficiary");
        require(_signer(chequeDigest(owner, beneficiary, cum), sig) == owner,
            "SpeedVault: cheque not signed by the vault owner");
        uint256 already = paidOut[owner][beneficiary];
        require(cum > already, "SpeedVault: cheque is not above the amount already paid");
        paid = cum - already;
        uint256 balance = balanceOf[owner];
        require(paid <= balance, "SpeedVault: cheque bounced, vault balance too low");
        balanceOf[owner] = balance - paid;
        paidOut[owner][beneficiary] = cum;
        emit ChequeCashed(owner, beneficiary, cum, paid);
    }

    /// The address that signed `digest`; reverts on a malformed or high-s signature.
    function _signer(bytes32 digest, bytes calldata sig) private pure returns (address) {
        require(sig.length == 65, "SpeedVault: a signature is 65 bytes");
        bytes32 r = bytes32(sig[0:32]);
        bytes32 s = bytes32(sig[32:64]);
        uint8 v = uint8(sig[64]);
        if (v < 27) {
            v += 27;
        }
        require(v == 27 || v == 28, "SpeedVault: signature v must be 27 or 28");
        require(uint256(s) <= HALF_ORDER, "SpeedVault: signature s is not in the lower half");
        address signer = ecrecover(digest, v, r, s);
        require(signer != address(0), "SpeedVault: invalid signature");
        return signer;
    }

    /// Send `amount` to `to`, checked by the vault's own balance.
    function _pay(address to, uint256 amount) private {
        uint256 before = _held();
        _callToken(abi.encodeWithSelector(0xa9059cbb, to, amount));
        require(_held() + amount == before, "SpeedVault: the token did not move the amount");
    }

    /// Call the token; bubble up its revert reason; ignore what it returns.
    function _callToken(bytes memory data) private {
        (bool ok, bytes memory reason) = token.call(data);
        if (!ok) {
            assembly {
                revert(add(reason, 32), mload(reason))
            }
        }
    }

    function _held() private view returns (uint256) {
        return ITRC20(token).balanceOf(address(this));
    }
}

interface ITRC20 {
    function balanceOf(address account) external view returns (uint256);
}
