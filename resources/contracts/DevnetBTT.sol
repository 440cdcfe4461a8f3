// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.28;

/// @title BTT on the devnet: a plain TRC-20 (18 decimals) whose faucet mints
/// @notice Standard ERC-20 behaviour: `transfer`, `approve` and `transferFrom` return true
/// or revert; an allowance of 2**256-1 never decreases. Only `minter` (the devnet node's
/// faucet account, which has no key) may mint. The real BTT lives on mainnet at
/// TAFjULxiVgT4qWk6UZwjqwZXTSaGaqnVp4; this contract only stands in for it on a devnet.
contract DevnetBTT {
    string public constant name = "BitTorrent";
    string public constant symbol = "BTT";
    uint8 public constant decimals = 18;

    address public immutable minter;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(address minter_) {
        minter = minter_;
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _move(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        require(spender != address(0), "TRC20: approve to the zero address");
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        require(allowed >= value, "TRC20: insufficient allowance");
        if (allowed != type(uint256).max) {
            allowance[from][msg.sender] = allowed - value;
        }
        _move(from, to, value);
        return true;
    }

    function mint(address to, uint256 value) external returns (bool) {
        require(msg.sender == minter, "TRC20: only the faucet mints");
        require(to != address(0), "TRC20: mint to the zero address");
        totalSupply += value;
        balanceOf[to] += value;
        emit Transfer(address(0), to, value);
        return true;
    }

    function _move(address from, address to, uint256 value) private {
        require(to != address(0), "TRC20: transfer to the zero address");
        uint256 have = balanceOf[from];
        require(have >= value, "TRC20: transfer amount exceeds balance");
        balanceOf[from] = have - value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }
}
