// Devnet helper for `make devnet` (no npm dependency beyond the pinned solc): compiles contracts/OptionsExchange.sol with
// solc's standard JSON (ABI, bytecode and method selectors), deploys it on a local anvil from its first (unlocked)
// account, prints the address, then sends a small stream of option fills, perp fills and funding updates until stopped.
// Usage: node contracts/devnet.mjs <rpcUrl> <addressFile> [tradesPerSecond]
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, ".chain-tools", "package.json"));
const solc = require("solc");
const [rpcUrl, addressFile, perSecondArg] = process.argv.slice(2);
const perSecond = Number(perSecondArg ?? 2);
const from = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"; // anvil's first default account

const source = readFileSync(path.join(root, "contracts", "OptionsExchange.sol"), "utf8");
const output = JSON.parse(solc.compile(JSON.stringify({
  language: "Solidity",
  sources: { "OptionsExchange.sol": { content: source } },
  settings: { optimizer: { enabled: true }, outputSelection: { "*": { "*": ["evm.bytecode.object", "evm.methodIdentifiers"] } } },
})));
const contract = output.contracts["OptionsExchange.sol"].OptionsExchange;
const selectors = contract.evm.methodIdentifiers;

let id = 0;
async function rpc(method, params) {
  const response = await fetch(rpcUrl, { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params }) });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

const WAD = 10n ** 18n;
const word = (v) => BigInt.asUintN(256, BigInt(v)).toString(16).padStart(64, "0");
const fixed = (x) => word(BigInt(Math.round(x * 1e6)) * (WAD / 1_000_000n)); // 6 significant decimals are plenty here
const text32 = (s) => Buffer.from(s, "ascii").toString("hex").padEnd(64, "0");
const call = (signature, ...words) => "0x" + selectors[signature] + words.join("");

async function send(data) {
  return rpc("eth_sendTransaction", [{ from, to: address, data, gas: "0x1e8480" }]);
}

const deployHash = await rpc("eth_sendTransaction", [{ from, data: "0x" + contract.evm.bytecode.object, gas: "0x2dc6c0" }]);
let receipt = null;
while (!receipt) { receipt = await rpc("eth_getTransactionReceipt", [deployHash]); if (!receipt) await new Promise(r => setTimeout(r, 200)); }
const address = receipt.contractAddress;
writeFileSync(addressFile, `${address} ${parseInt(receipt.blockNumber, 16)}\n`);
console.log(`OptionsExchange deployed at ${address} in block ${parseInt(receipt.blockNumber, 16)}`);

const expiry = Math.floor(Date.UTC(new Date().getUTCFullYear() + 1, 2, 26, 8) / 1000);
let eth = 3000, n = 0;
for (;;) {
  eth *= Math.exp(0.002 * (Math.random() - 0.5) * 2);
  const size = (Math.random() < 0.5 ? -1 : 1) * (0.1 + Math.round(Math.random() * 50) / 10);
  const kind = n++ % 5;
  if (kind < 3) {
    const strike = Math.round(eth / 100) * 100 + 100 * (kind - 1);
    await send(call("tradeOption(bytes32,uint64,uint256,bool,int256,uint256,uint256,uint256)",
      text32("ETH"), word(expiry), fixed(strike), word(kind !== 1 ? 1 : 0), fixed(size), fixed(eth * 0.05), fixed(0.5), fixed(eth)));
  } else if (kind === 3) {
    await send(call("tradePerp(bytes32,int256,uint256,uint256,uint256)", text32("ETH-USD"), fixed(size), fixed(eth * 1.0002), fixed(0.2), fixed(eth)));
  } else if (n % 25 === 0) {
    await send(call("updateFunding(bytes32,int256,uint32,uint256,uint256)", text32("ETH-USD"), fixed(0.0001 * (Math.random() - 0.3)), word(28800),
      fixed(eth * 1.0002), fixed(eth)));
  }
  await new Promise(r => setTimeout(r, 1000 / perSecond));
}
