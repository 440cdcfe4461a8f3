// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.28;

/// @title A TRC-20 that misbehaves on demand, for the vault's security tests (test only)
/// @notice Mode NORMAL behaves like DevnetBTT. NO_RETURN returns no data (old ERC-20s),
/// FALSE_ON_SUCCESS moves the tokens and returns false (USDT on TRON does), LIAR returns
/// true and moves nothing, REENTER moves the tokens and then calls `reentryTarget` with
/// `reentryData` (e.g. the vault's cash or withdraw), recording whether that call succeeded.
contract HostileToken {
    enum Mode { NORMAL, NO_RETURN, FALSE_ON_SUCCESS, LIAR, REENTER }

    Mode public mode;
    address public reentryTarget;
    bytes public reentryData;
    bool public reentrySucceeded;
    uint256 public reentryAttempts;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    function setMode(Mode mode_) external {
        mode = mode_;
    }

    function setReentry(address target, bytes calldata data) external {
        reentryTarget = target;
        reentryData = data;
    }

    function mint(address to, uint256 value) external returns (bool) {
        totalSupply += value;
        balanceOf[to] += value;
        emit Transfer(address(0), to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transfer(address to, uint256 value) external returns (bool) {
        return _after(_move(msg.sender, to, value));
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        if (mode != Mode.LIAR) {
            require(allowance[from][msg.sender] >= value, "TRC20: insufficient allowance");
            allowance[from][msg.sender] -= value;
        }
        return _after(_move(from, to, value));
    }

    function _move(address from, address to, uint256 value) private returns (bool) {
        if (mode == Mode.LIAR) {
            return true;
        }
        require(balanceOf[from] >= value, "TRC20: transfer amount exceeds balance");
        balanceOf[from] -= value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
        return true;
    }

    function _after(bool moved) private returns (bool) {
        if (mode == Mode.REENTER && reentryTarget != address(0)) {
            reentryAttempts += 1;
            (bool ok, ) = reentryTarget.call(reentryData);
            if (ok) {
                reentrySucceeded = true;
            }
        }
        if (mode == Mode.NO_RETURN) {
            assembly {
                return(0, 0)
            }
        }
        if (mode == Mode.FALSE_ON_SUCCESS) {
            return false;
        }
        return moved;
    }
}
