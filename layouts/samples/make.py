#!/usr/bin/env python3
"""Regenerates the layouts' sample data from the engine's output.

    drukwerk build --out /tmp/samples-build --emit-data out/data
    python3 layouts/samples/make.py out/data

Writes publication.json (11 regions, see layouts/README.md; the register only their
municipalities), factsheet.json (Zwolle) and maps.json (all geography and overview maps, the
maps of those 11 regions) beside this script. Objects one key a line, arrays of numbers and
strings on one line, so a diff stays readable.
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REGIONS = [
    "achterhoek-veluwezoom", "amsterdam", "friesland-noordelijk-flevoland", "mbo-noord-nederland",
    "haaglanden", "koerskracht-plg", "limburg-po-vo-mbo", "loa", "zwolle", "rotterdam-po",
    "utrecht-leert-stad",
]
SHEET = "zwolle"


def dump(value, indent=0):
    pad = "  " * indent
    inner = "  " * (indent + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {dump(v, indent + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(not isinstance(v, (dict, list)) for v in value):
            return "[" + ",".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
        return "[\n" + ",\n".join(inner + dump(v, indent + 1) for v in value) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False)


def write(name, value):
    (HERE / name).write_text(dump(value) + "\n", encoding="utf-8")


def main():
    data = Path(sys.argv[1])
    publication = json.loads(next(p for p in data.glob("*.json") if p.name != "maps.json").read_text())
    maps = json.loads((data / "maps.json").read_text())
    sheet = json.loads((data / "factsheets" / f"{SHEET}.json").read_text())

    publication["regions"] = [r for r in publication["regions"] if r["id"] in REGIONS]
    assert len(publication["regions"]) == len(REGIONS)
    letters = []
    for letter in publication["municipality_index"]:
        entries = [e for e in letter["entries"] if any(r["region"]["id"] in REGIONS for r in e["regions"])]
        if entries:
            letters.append({**letter, "entries": entries})
    publication["municipality_index"] = letters
    maps["regions"] = {k: v for k, v in maps["regions"].items() if k in REGIONS}

    write("publication.json", publication)
    write("factsheet.json", sheet)
    write("maps.json", maps)


if __name__ == "__main__":
    main()
