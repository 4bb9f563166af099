#!/usr/bin/env python3
"""Adds up a typst-timing Chrome trace (from `examples/incremental.rs` with TRACE=...):
self and inclusive time per event name and source line, largest first.

    python3 bench/trace_summary.py /tmp/trace.json [N]
"""
import collections
import json
import sys


def main():
    events = json.load(open(sys.argv[1]))
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    stacks = collections.defaultdict(list)
    own, total, count = collections.Counter(), collections.Counter(), collections.Counter()
    for e in sorted(events, key=lambda e: (e["tid"], e["ts"])):
        if e["ph"] == "B":
            args = e.get("args") or {}
            stacks[e["tid"]].append([(e["name"], args.get("file", ""), args.get("line", 0)), e["ts"], 0.0])
        elif e["ph"] == "E":
            key, start, children = stacks[e["tid"]].pop()
            took = e["ts"] - start
            own[key] += took - children
            total[key] += took
            count[key] += 1
            if stacks[e["tid"]]:
                stacks[e["tid"]][-1][2] += took
    print(f"{'event':24} {'where':34} {'self ms':>8} {'incl ms':>8} {'n':>6}")
    for key, value in own.most_common(top):
        name, file, line = key
        where = f"{file}:{line}" if file else ""
        print(f"{name[:24]:24} {where[:34]:34} {value / 1000:8.1f} {total[key] / 1000:8.1f} {count[key]:6}")


if __name__ == "__main__":
    main()
