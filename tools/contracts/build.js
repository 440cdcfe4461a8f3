#!/usr/bin/env node
// Compiles the project's Solidity contracts with the solc pinned in package-lock.json
// (upstream Solidity as WebAssembly: no compiler download, no network) and writes one
// JSON file per contract beside its source: ABI, creation and runtime bytecode, the
// compiler's version and settings, and the source's SHA-256.
//
//   node tools/contracts/build.js           write the build output
//   node tools/contracts/build.js --check   exit 1 if the committed output differs
"use strict";

const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const solc = require("solc");

const ROOT = path.resolve(__dirname, "..", "..");
const NPM_PACKAGE = "solc@" + require("solc/package.json").version;

// Target an EVM version TRON's TVM runs: no PUSH0 (shanghai), no MCOPY/TSTORE (cancun).
const SETTINGS = {
  evmVersion: "istanbul",
  optimizer: { enabled: true, runs: 200 },
  metadata: { bytecodeHash: "ipfs" },
  outputSelection: {
    "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object",
                 "evm.deployedBytecode.immutableReferences"] },
  },
};

const CONTRACTS = [
  { source: "resources/contracts/SpeedVault.sol", name: "SpeedVault" },
  { source: "resources/contracts/DevnetBTT.sol", name: "DevnetBTT" },
  { source: "tests/contracts/HostileToken.sol", name: "HostileToken" },
];

function immutableRanges(references) {
  const ranges = [];
  for (const key of Object.keys(references)) {
    for (const ref of references[key]) {
      ranges.push([ref.start, ref.length]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

function build(entry) {
  const text = fs.readFileSync(path.join(ROOT, entry.source), "utf8");
  const unit = path.basename(entry.source);
  const input = { language: "Solidity", sources: { [unit]: { content: text } }, settings: SETTINGS };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors || []).filter((e) => e.severity === "error");
  for (const e of output.errors || []) {
    process.stderr.write(e.formattedMessage + "\n");
  }
  if (errors.length) {
    throw new Error(entry.source + " does not compile");
  }
  const compiled = output.contracts[unit][entry.name];
  const settings = Object.assign({}, SETTINGS);
  delete settings.outputSelection;
  const doc = {
    contractName: entry.name,
    source: entry.source,
    sourceSha256: crypto.createHash("sha256").update(text, "utf8").digest("hex"),
    compiler: { name: "solc", version: solc.version(), npmPackage: NPM_PACKAGE, settings },
    abi: compiled.abi,
    bytecode: compiled.evm.bytecode.object,
    deployedBytecode: compiled.evm.deployedBytecode.object,
    // [offset, length] of each immutable's value in deployedBytecode (zeros there until
    // the constructor fills them in), so a client can check a deployment's runtime code
    immutableRanges: immutableRanges(compiled.evm.deployedBytecode.immutableReferences || {}),
  };
  return JSON.stringify(doc, null, 2) + "\n";
}

function main() {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const entry of CONTRACTS) {
    const target = path.join(ROOT, entry.source.replace(/\.sol$/, ".json"));
    const fresh = build(entry);
    const rel = path.relative(ROOT, target);
    if (check) {
      const committed = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
      if (committed !== fresh) {
        process.stdout.write("differs from a fresh build: " + rel + "\n");
        stale += 1;
      } else {
        process.stdout.write("up to date: " + rel + "\n");
      }
    } else {
      fs.writeFileSync(target, fresh);
      process.stdout.write("wrote " + rel + "\n");
    }
  }
  process.exitCode = stale ? 1 : 0;
}

main();
