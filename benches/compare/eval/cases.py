#!/usr/bin/env python3
"""Reads every tests/data/eval/*.yaml case file and writes one normalized JSON list of cases.

Usage: cases.py EVAL_DIR OUT.json

Each case keeps the YAML fields with their documented defaults filled in (caller_arn
arn:aws:iam::111111111111:user/test, resource "*"), context values as strings.
"""
import glob
import json
import os
import sys

import yaml

DEFAULT_CALLER = "arn:aws:iam::111111111111:user/test"


def scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def main():
    eval_dir, out = sys.argv[1], sys.argv[2]
    cases = []
    for path in sorted(glob.glob(os.path.join(eval_dir, "*.yaml"))):
        fname = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f) or {}
        for c in data.get("cases") or []:
            cases.append({
                "file": fname,
                "name": c["name"],
                "doc": c.get("doc", ""),
                "note": c.get("note"),
                "policies": c.get("policies") or [],
                "boundaries": c.get("boundaries") or [],
                "session_policies": c.get("session_policies") or [],
                "scps": c.get("scps") or [],
                "resource_policy": c.get("resource_policy"),
                "resource_owner": c.get("resource_owner"),
                "caller_arn": c.get("caller_arn") or DEFAULT_CALLER,
                "context": [
                    {"key": x["key"], "type": x.get("type"),
                     "values": [scalar(v) for v in (x.get("values") or [])]}
                    for x in (c.get("context") or [])
                ],
                "requests": [
                    {"action": r["action"], "resource": r.get("resource") or "*",
                     "decision": r["decision"]}
                    for r in c["requests"]
                ],
            })
    with open(out, "w", encoding="utf-8") as f:
        json.dump(cases, f, indent=1)
    print(f"{len(cases)} cases, {sum(len(c['requests']) for c in cases)} requests "
          f"from {eval_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
