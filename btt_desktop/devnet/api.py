"""The java-tron HTTP API (the part tronpy uses) and the devnet's own endpoints, over a Chain.

Each endpoint takes the request's JSON object (or the query parameters of a GET) and
returns ``(status, JSON object)``. As on java-tron, a request the node understands but
cannot serve answers 200 with ``{"Error": "..."}`` (tronpy raises ``ApiError``), an
unknown object answers 200 with ``{}``, and a rejected broadcast answers 200 with
``{"code": ..., "message": <hex>}``. Unknown paths answer 404 and malformed requests 400.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from tronpy.keys import keccak256

from btt_desktop import __version__
from btt_desktop.devnet import abi, views
from btt_desktop.devnet.addresses import (
    BTT_ADDRESS,
    BTT_RAW,
    VAULT_ADDRESS,
    VAULT_RAW,
    BadAddress,
    parse_address,
    show,
)
from btt_desktop.devnet.chain import Chain, TxRejected
from btt_desktop.devnet.fees import CHAIN_PARAMETERS, MAX_FEE_LIMIT
from btt_desktop.devnet.grid import GridIndex
from btt_desktop.tron.txcodec import (
    INT64_MAX,
    TxFormatError,
    create_contract_tx,
    tx_from_fields,
)

Response = tuple[int, Any]
Params = dict[str, Any]

TRX_DECIMALS = 6
BTT_DECIMALS = 18
FAUCET_MAX_TRX = Decimal(1_000_000_000)
FAUCET_MAX_BTT = Decimal(10) ** 15


class ParamError(Exception):
    """A parameter is missing or malformed: answered as ``{"Error": message}``."""


def _visible(params: Params) -> bool:
    value = params.get("visible", False)
    return value is True or (isinstance(value, str) and value.lower() == "true")


def _address(params: Params, key: str) -> bytes:
    if key not in params:
        raise ParamError(f"missing parameter {key}")
    try:
        return parse_address(params[key])
    except BadAddress as exc:
        raise ParamError(f"{key}: {exc}") from None


def _int_param(params: Params, key: str) -> int:
    value = params.get(key)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParamError(f"parameter {key} must be an integer")
    if not 0 <= value <= INT64_MAX:
        raise ParamError(f"parameter {key} out of range")
    return value


def _hash_param(params: Params, key: str = "value") -> bytes:
    value = params.get(key)
    if not isinstance(value, str):
        raise ParamError(f"parameter {key} must be a 64-digit hex string")
    try:
        data = bytes.fromhex(value)
    except ValueError:
        raise ParamError(f"parameter {key} must be a 64-digit hex string") from None
    if len(data) != 32:
        raise ParamError(f"parameter {key} must be a 64-digit hex string")
    return data


def _hex_error(code: str, message: str, **extra: Any) -> dict[str, Any]:
    out = {"code": code, "message": message.encode().hex()}
    out.update(extra)
    return out


class DevnetApi:
    """Routes ``/wallet/*`` (and the ``/walletsolidity/*`` aliases), ``/devnet/*`` and
    TronGrid's account index ``/v1/accounts/...`` (:mod:`btt_desktop.devnet.grid`)."""

    def __init__(self, chain: Chain, *, on_change: Callable[[], None] = lambda: None) -> None:
        self.chain = chain
        self.on_change = on_change
        self.grid = GridIndex(chain)
        self.routes: dict[str, Callable[[Params], Any]] = {
            "getaccount": self.getaccount,
            "getaccountresource": self.getaccountresource,
            "getaccountnet": self.getaccountnet,
            "getaccountbalance": self.getaccountbalance,
            "validateaddress": self.validateaddress,
            "getnodeinfo": self.getnodeinfo,
            "getnowblock": self.getnowblock,
            "getblockbynum": self.getblockbynum,
            "getblockbyid": self.getblockbyid,
            "getblockbylatestnum": self.getblockbylatestnum,
            "getblockbylimitnext": self.getblockbylimitnext,
            "getblock": self.getblock,
            "getsignweight": self.getsignweight,
            "broadcasttransaction": self.broadcasttransaction,
            "gettransactionbyid": self.gettransactionbyid,
            "gettransactioninfobyid": self.gettransactioninfobyid,
            "gettransactioninfobyblocknum": self.gettransactioninfobyblocknum,
            "createtransaction": self.createtransaction,
            "triggersmartcontract": self.triggersmartcontract,
            "triggerconstantcontract": self.triggerconstantcontract,
            "estimateenergy": self.estimateenergy,
            "deploycontract": self.deploycontract,
            "getcontract": self.getcontract,
            "getcontractinfo": self.getcontractinfo,
            "getchainparameters": self.getchainparameters,
            "getenergyprices": self.getenergyprices,
            "getbandwidthprices": self.getbandwidthprices,
        }
        self.devnet_routes: dict[str, Callable[[Params], dict[str, Any]]] = {
            "faucet": self.faucet,
            "info": self.info,
        }

    def handle(self, path: str, params: Params) -> Response:
        parts = [p for p in path.split("/") if p]
        if parts[:1] == ["v1"]:
            return self.grid.handle(parts[1:], params)
        if len(parts) == 2 and parts[0] in ("wallet", "walletsolidity") and parts[1] in self.routes:
            handler = self.routes[parts[1]]
        elif len(parts) == 2 and parts[0] == "devnet" and parts[1] in self.devnet_routes:
            handler = self.devnet_routes[parts[1]]
        else:
            return 404, {"Error": f"no such endpoint: {path[:100]}"}
        try:
            return 200, handler(params)
        except ParamError as exc:
            return 200, {"Error": str(exc)}

    # ---- accounts ---------------------------------------------------------------------

    def getaccount(self, params: Params) -> dict[str, Any]:
        return views.account_json(self.chain, _address(params, "address"), _visible(params))

    def getaccountresource(self, params: Params) -> dict[str, Any]:
        return views.resource_json(self.chain, _address(params, "address"))

    def getaccountnet(self, params: Params) -> dict[str, Any]:
        out = views.resource_json(self.chain, _address(params, "address"))
        return {k: v for k, v in out.items() if "Energy" not in k}

    def getaccountbalance(self, params: Params) -> dict[str, Any]:
        ident = params.get("account_identifier")
        if not isinstance(ident, dict):
            raise ParamError("missing parameter account_identifier")
        raw = _address(ident, "address")
        head = self.chain.head
        return {"balance": self.chain.balance(raw),
                "block_identifier": {"hash": head.block_id.hex(), "number": head.number}}

    def validateaddress(self, params: Params) -> dict[str, Any]:
        try:
            parse_address(params.get("address"))
        except BadAddress:
            return {"result": False, "message": "Invalid address"}
        return {"result": True, "message": "Valid address"}

    # ---- node and blocks ----------------------------------------------------------------

    def getnodeinfo(self, params: Params) -> dict[str, Any]:
        head = self.chain.head
        block = f"Num:{head.number},ID:{head.block_id.hex()}"
        return {
            "beginSyncNum": head.number,
            "block": block,
            "solidityBlock": block,
            "currentConnectCount": 0,
            "activeConnectCount": 0,
            "passiveConnectCount": 0,
            "totalFlow": 0,
            "peerInfoList": [],
            "configNodeInfo": {"codeVersion": f"btt-devnet-{__version__}", "p2pVersion": "devnet",
                               "listenPort": 0, "discoverEnable": False, "activeNodeSize": 0,
                               "passiveNodeSize": 0, "sendNodeSize": 0, "maxConnectCount": 0,
                               "sameIpMaxConnectCount": 0, "backupListenPort": 0,
                               "backupMemberSize": 0, "backupPriority": 0, "dbVersion": 0,
                               "minParticipationRate": 0, "supportConstant": True,
                               "minTimeRatio": 0.0, "maxTimeRatio": 5.0,
                               "allowCreationOfContracts": 1, "allowAdaptiveEnergy": 0},
            "machineInfo": {},
            "cheatWitnessInfoMap": {},
            "devnet": self._devnet_info(),
        }

    def _devnet_info(self) -> dict[str, Any]:
        return {"genesisId": self.chain.genesis_id, "networkId": self.chain.network_id,
                "chainId": self.chain.chain_id, "btt": BTT_ADDRESS, "vault": VAULT_ADDRESS,
                "withdrawNotice": self.chain.withdraw_notice}

    def info(self, params: Params) -> dict[str, Any]:
        return self._devnet_info()

    def getnowblock(self, params: Params) -> dict[str, Any]:
        return views.block_json(self.chain, self.chain.head, _visible(params))

    def getblockbynum(self, params: Params) -> dict[str, Any]:
        block = self.chain.block_by_number(_int_param(params, "num"))
        return views.block_json(self.chain, block, _visible(params)) if block else {}

    def getblockbyid(self, params: Params) -> dict[str, Any]:
        block = self.chain.block_by_id(_hash_param(params))
        return views.block_json(self.chain, block, _visible(params)) if block else {}

    def getblockbylatestnum(self, params: Params) -> dict[str, Any]:
        count = min(_int_param(params, "num"), 100)
        head = self.chain.head.number
        return self._range(max(0, head - count + 1), head + 1, _visible(params))

    def getblockbylimitnext(self, params: Params) -> dict[str, Any]:
        start, end = _int_param(params, "startNum"), _int_param(params, "endNum")
        return self._range(start, min(end, start + 100), _visible(params))

    def _range(self, start: int, end: int, visible: bool) -> dict[str, Any]:
        blocks = [self.chain.block_by_number(n) for n in range(start, end)]
        found = [views.block_json(self.chain, b, visible) for b in blocks if b is not None]
        return {"block": found} if found else {}

    def getblock(self, params: Params) -> dict[str, Any]:
        ident = params.get("id_or_num")
        visible = _visible(params)
        if ident in (None, ""):
            block = self.chain.head
        elif isinstance(ident, str) and len(ident) == 64:
            found = self.chain.block_by_id(_hash_param(params, "id_or_num"))
            if found is None:
                return {}
            block = found
        else:
            found = self.chain.block_by_number(_int_param(params, "id_or_num"))
            if found is None:
                return {}
            block = found
        out = views.block_json(self.chain, block, visible)
        if not params.get("detail"):
            out.pop("transactions", None)
        return out

    # ---- transactions ---------------------------------------------------------------------

    def getsignweight(self, params: Params) -> dict[str, Any]:
        try:
            return self.chain.sign_weight(params)
        except TxFormatError as exc:
            raise ParamError(str(exc)) from None

    def broadcasttransaction(self, params: Params) -> dict[str, Any]:
        txid = params.get("txID") if isinstance(params.get("txID"), str) else ""
        try:
            tx = self.chain.broadcast(params)
        except TxRejected as exc:
            return _hex_error(exc.code, exc.message, txid=txid)
        self.on_change()
        return {"result": True, "txid": tx.txid}

    def gettransactionbyid(self, params: Params) -> dict[str, Any]:
        entry = self.chain.txs.get(_hash_param(params).hex())
        if entry is None or entry.block is None:
            return {}
        return views.tx_json(entry, _visible(params))

    def gettransactioninfobyid(self, params: Params) -> dict[str, Any]:
        entry = self.chain.txs.get(_hash_param(params).hex())
        if entry is None or entry.block is None:
            return {}
        return views.tx_info_json(entry, _visible(params))

    def gettransactioninfobyblocknum(self, params: Params) -> Any:
        block = self.chain.block_by_number(_int_param(params, "num"))
        if block is None:
            return []
        visible = _visible(params)
        return [views.tx_info_json(self.chain.txs[t], visible) for t in block.txids]

    def _new_tx(self, contract_type: str, value: dict[str, Any], fee_limit: int = 0
                ) -> dict[str, Any]:
        now = self.chain.clock()
        tx = tx_from_fields(contract_type=contract_type, value=value,
                            ref_block_id=self.chain.head.block_id, timestamp=now,
                            expiration=now + 60_000, fee_limit=fee_limit)
        return tx.to_json(False)

    def createtransaction(self, params: Params) -> dict[str, Any]:
        value: dict[str, Any] = {"owner_address": _address(params, "owner_address"),
                 "to_address": _address(params, "to_address"),
                 "amount": _int_param(params, "amount")}
        tx = self._new_tx("TransferContract", value)
        if _visible(params):
            tx["raw_data"]["contract"][0]["parameter"]["value"].update(
                owner_address=show(value["owner_address"], True),
                to_address=show(value["to_address"], True))
            tx["visible"] = True
        return tx

    def _call_data(self, params: Params) -> bytes:
        data = params.get("data")
        if isinstance(data, str) and data:
            hex_text = data
        else:
            selector = params.get("function_selector")
            if not isinstance(selector, str) or "(" not in selector:
                raise ParamError("missing parameter function_selector or data")
            parameter = params.get("parameter", "")
            if not isinstance(parameter, str):
                raise ParamError("parameter must be a hex string")
            hex_text = keccak256(selector.replace(" ", "").encode())[:4].hex() + parameter
        try:
            return bytes.fromhex(hex_text)
        except ValueError:
            raise ParamError("call data is not hex") from None

    def _contract(self, params: Params, key: str = "contract_address") -> bytes:
        raw = _address(params, key)
        if not self.chain.is_contract(raw):
            raise ParamError("No contract or not a smart contract")
        return raw

    def triggersmartcontract(self, params: Params) -> dict[str, Any]:
        owner = _address(params, "owner_address")
        contract = self._contract(params)
        data = self._call_data(params)
        fee_limit = params.get("fee_limit", 0)
        if isinstance(fee_limit, bool) or not isinstance(fee_limit, int) or not (
                0 <= fee_limit <= MAX_FEE_LIMIT):
            raise ParamError(f"fee_limit must be an integer from 0 to {MAX_FEE_LIMIT}")
        tx = self._new_tx("TriggerSmartContract",
                          {"owner_address": owner, "contract_address": contract, "data": data},
                          fee_limit)
        return {"result": {"result": True}, "transaction": tx}

    def triggerconstantcontract(self, params: Params) -> dict[str, Any]:
        owner = _address(params, "owner_address")
        contract = self._contract(params)
        data = self._call_data(params)
        result = self.chain.run_call(owner, contract, data, energy_limit=None, commit=False)
        status: dict[str, Any] = {"result": True}
        if not result.ok:
            status["message"] = result.message
        tx = self._new_tx("TriggerSmartContract",
                          {"owner_address": owner, "contract_address": contract, "data": data})
        tx["ret"] = [{"ret": "FAILED"}] if not result.ok else [{}]
        out = {"result": status, "energy_used": result.energy,
               "constant_result": [result.output.hex()], "transaction": tx}
        if result.logs:
            out["logs"] = result.logs
        return out

    def estimateenergy(self, params: Params) -> dict[str, Any]:
        owner = _address(params, "owner_address")
        contract = self._contract(params)
        result = self.chain.energy_required(owner, contract, self._call_data(params))
        if not result.ok:
            reason = abi.revert_reason(result.output)
            text = result.message + (f": {reason}" if reason else "")
            return {"result": _hex_error("CONTRACT_EXE_ERROR", text)}
        return {"result": {"result": True}, "energy_required": result.energy}

    def deploycontract(self, params: Params) -> dict[str, Any]:
        """An unsigned ``CreateSmartContract``: ``bytecode`` plus the hex ``parameter``
        (constructor arguments), ``abi`` (JSON text or a list), ``name``, ``fee_limit``,
        ``consume_user_resource_percent``, ``origin_energy_limit``."""
        owner = _address(params, "owner_address")
        bytecode_hex = params.get("bytecode")
        parameter = params.get("parameter", "")
        if not isinstance(bytecode_hex, str) or not isinstance(parameter, str):
            raise ParamError("bytecode and parameter must be hex strings")
        try:
            bytecode = bytes.fromhex(bytecode_hex + parameter)
        except ValueError:
            raise ParamError("bytecode and parameter must be hex strings") from None
        now = self.chain.clock()
        numbers = {key: params.get(key, default) for key, default in (
            ("fee_limit", 0), ("call_value", 0), ("consume_user_resource_percent", 100),
            ("origin_energy_limit", 10_000_000))}
        for key, number in numbers.items():
            if isinstance(number, bool) or not isinstance(number, int):
                raise ParamError(f"parameter {key} must be an integer")
        name = params.get("name", "")
        abi_value = params.get("abi")
        if not isinstance(name, str) or not isinstance(abi_value, (str, list, type(None))):
            raise ParamError("name must be a string and abi a JSON text or list")
        try:
            tx = create_contract_tx(
                owner=owner, bytecode=bytecode, ref_block_id=self.chain.head.block_id,
                timestamp=now, expiration=now + 60_000, abi=abi_value, name=name, **numbers)
        except TxFormatError as exc:
            raise ParamError(str(exc)) from None
        return tx.to_json(_visible(params))  # with contract_address, in hex as java-tron

    def getcontract(self, params: Params) -> dict[str, Any]:
        raw = _address(params, "value")
        contract = self.chain.contracts.get(raw)
        if contract is None:
            return {}
        return views.contract_json(contract, _visible(params), self.chain.code_hash(raw))

    def getcontractinfo(self, params: Params) -> dict[str, Any]:
        raw = _address(params, "value")
        contract = self.chain.contracts.get(raw)
        if contract is None:
            return {}
        return {"runtimecode": self.chain.evm.code(raw[1:]).hex(),
                "smart_contract": views.contract_json(contract, _visible(params),
                                                      self.chain.code_hash(raw)),
                "contract_state": {"energy_usage": 0, "energy_factor": 0, "update_cycle": 0}}

    def getchainparameters(self, params: Params) -> dict[str, Any]:
        return {"chainParameter": [{"key": k, "value": v} if v else {"key": k}
                                   for k, v in CHAIN_PARAMETERS]}

    def getenergyprices(self, params: Params) -> dict[str, Any]:
        return {"prices": f"0:{CHAIN_PARAMETERS_MAP['getEnergyFee']}"}

    def getbandwidthprices(self, params: Params) -> dict[str, Any]:
        return {"prices": f"0:{CHAIN_PARAMETERS_MAP['getTransactionFee']}"}

    # ---- devnet ---------------------------------------------------------------------------

    def faucet(self, params: Params) -> dict[str, Any]:
        """``POST /devnet/faucet {"address", "trx", "btt"}``: amounts in display units."""
        raw = _address(params, "address")
        trx = _amount(params, "trx", FAUCET_MAX_TRX, TRX_DECIMALS)
        btt = _amount(params, "btt", FAUCET_MAX_BTT, BTT_DECIMALS)
        if not trx and not btt:
            raise ParamError("ask for some trx or btt")
        try:
            self.chain.faucet(raw, trx, btt)
        except ValueError as exc:
            raise ParamError(str(exc)) from None
        self.on_change()
        return {"result": True, "address": show(raw, True), "trx_sun": trx, "btt_base_units": btt,
                "balance_sun": self.chain.balance(raw)}


CHAIN_PARAMETERS_MAP = dict(CHAIN_PARAMETERS)


def _amount(params: Params, key: str, maximum: Decimal, decimals: int) -> int:
    """A display amount (number or decimal string) as base units; ParamError if malformed."""
    value = params.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ParamError(f"{key} must be a number")
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise ParamError(f"{key} must be a number") from None
    if not amount.is_finite() or amount < 0 or amount > maximum:
        raise ParamError(f"{key} must be between 0 and {maximum}")
    base = amount.scaleb(decimals)
    if base != base.to_integral_value():
        raise ParamError(f"{key} has more than {decimals} decimals")
    return int(base)


__all__ = ["BTT_RAW", "VAULT_RAW", "DevnetApi", "Response"]
