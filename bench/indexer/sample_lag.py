#!/usr/bin/env python3
"""Samples the on-chain indexer's steady-state lag once a second (bench/indexer/lag.sh).

Each second: the node's head block and its timestamp (eth_getBlockByNumber "latest", straight from anvil, not the head the
indexer last saw) and the source's last indexed block and its timestamp (GET /api/v1/indexer/sources, the checkpoint in the
database). Lag in blocks = head - last indexed; lag in seconds = head block time - last indexed block time (anvil's block
timestamps have one-second resolution). Prints one CSV line per sample to the file given, then median, p95 (nearest rank)
and max of both, and how many samples met lag <= confirmations + 2 blocks.

Usage: sample_lag.py <rpcUrl> <serviceUrl> <sourceId> <seconds> <confirmations> <csvOut>
"""
import json
import math
import sys
import time
import urllib.request
from datetime import datetime

rpc_url, service_url, source_id, seconds, confirmations, csv_out = sys.argv[1:7]
seconds, confirmations = int(seconds), int(confirmations)


def post_json(url, payload):
    request = urllib.request.Request(url, json.dumps(payload).encode(), {"content-type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.load(response)


def head():
    block = post_json(rpc_url, {"jsonrpc": "2.0", "id": 1, "method": "eth_getBlockByNumber", "params": ["latest", False]})["result"]
    return int(block["number"], 16), int(block["timestamp"], 16)


def indexed():
    with urllib.request.urlopen(f"{service_url}/api/v1/indexer/sources", timeout=5) as response:
        source = next(s for s in json.load(response)["sources"] if s["id"] == source_id)
    if source["lastIndexedBlock"] is None:
        return None, None
    at = datetime.fromisoformat(source["lastIndexedTimestamp"].replace("Z", "+00:00")).timestamp()
    return source["lastIndexedBlock"], at


def nearest_rank(sorted_values, p):
    return sorted_values[max(0, math.ceil(p * len(sorted_values)) - 1)]


blocks, secs = [], []
with open(csv_out, "w") as out:
    out.write("unixTime,headBlock,lastIndexedBlock,lagBlocks,lagSeconds\n")
    start = time.monotonic()
    for k in range(seconds):
        # Sleep to the next whole second of the run, so that slow calls do not stretch it.
        time.sleep(max(0.0, start + k - time.monotonic()))
        try:
            last, last_at = indexed()
            number, number_at = head()
        except Exception as e:  # a missed sample is reported, not invented
            print(f"sample {k}: {e}", file=sys.stderr)
            continue
        if last is None:
            continue
        blocks.append(number - last)
        secs.append(number_at - last_at)
        out.write(f"{time.time():.3f},{number},{last},{number - last},{number_at - last_at:.0f}\n")

if not blocks:
    sys.exit("no samples")
bound = confirmations + 2
for name, values in (("blocks", sorted(blocks)), ("seconds", sorted(secs))):
    median = values[len(values) // 2] if len(values) % 2 else (values[len(values) // 2 - 1] + values[len(values) // 2]) / 2
    print(f"lag {name}: samples {len(values)}, median {median:g}, p95 {nearest_rank(values, 0.95):g}, max {max(values):g}, min {min(values):g}")
within = sum(1 for b in blocks if b <= bound)
print(f"samples with lag <= confirmations + 2 = {bound} blocks: {within} of {len(blocks)} ({100.0 * within / len(blocks):.1f} %)")
histogram = {}
for b in blocks:
    histogram[b] = histogram.get(b, 0) + 1
print("lag blocks histogram: " + ", ".join(f"{b}: {n}" for b, n in sorted(histogram.items())))
