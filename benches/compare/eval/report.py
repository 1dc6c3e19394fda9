#!/usr/bin/env python3
"""Merges the drivers' outputs into one JSON result and prints the summary tables.

Usage: report.py SCRATCH OUT.json

A case agrees when the tool ran every request of the case and each decision equals the
documented one; it is unsupported when the tool could not express at least one request (the
reason is kept); otherwise it disagrees. Request-level counts are given as well.
"""
import json
import os
import sys

TOOLS = [("iamdojo", "iamdojo.json"), ("iam-simulate", "iam-simulate.json"),
         ("principalmapper", "pmapper.json")]
BENCH = [("iamdojo", "iamdojo-inprocess-bench.json"), ("iamdojo CLI", "iamdojo-bench.json"),
         ("iam-simulate", "iam-simulate-bench.json"),
         ("principalmapper", "pmapper-bench.json")]


def load(path):
    with open(path) as f:
        return json.load(f)


def main():
    scratch, out = sys.argv[1], sys.argv[2]
    summary = {"tools": {}, "speed": {}}
    per_case_decisions = {}
    for tool, fname in TOOLS:
        path = os.path.join(scratch, fname)
        if not os.path.exists(path):
            continue
        d = load(path)
        cases = {}
        for r in d["results"]:
            cases.setdefault((r["file"], r["case"]), []).append(r)
        agree = disagree = unsupported = 0
        req = {"agree": 0, "disagree": 0, "unsupported": 0}
        disagreements, unsupported_list = [], []
        for key, rows in cases.items():
            for r in rows:
                per_case_decisions.setdefault((r["file"], r["case"], r["index"]), {
                    "file": r["file"], "case": r["case"], "action": r["action"],
                    "resource": r["resource"], "expected": r["expected"]})[tool] = (
                    r["got"] if not r["unsupported"] else "unsupported")
            uns = [r for r in rows if r["unsupported"] or r.get("error")]
            bad = [r for r in rows if not (r["unsupported"] or r.get("error")) and r["got"] != r["expected"]]
            for r in rows:
                if r["unsupported"] or r.get("error"):
                    req["unsupported"] += 1
                elif r["got"] == r["expected"]:
                    req["agree"] += 1
                else:
                    req["disagree"] += 1
            if uns:
                unsupported += 1
                unsupported_list.append({"file": key[0], "case": key[1],
                                         "reason": uns[0]["unsupported"] or uns[0].get("error")})
            elif bad:
                disagree += 1
            else:
                agree += 1
            for r in bad:
                disagreements.append({k: r.get(k) for k in (
                    "file", "case", "action", "resource", "expected", "got", "reason", "note")})
            if uns and bad:
                for r in bad:
                    disagreements[-1]["in_unsupported_case"] = True
        summary["tools"][tool] = {
            "version": d.get("version"), "versions": d.get("versions"),
            "cases": {"total": len(cases), "agree": agree, "disagree": disagree,
                      "unsupported": unsupported},
            "requests": req, "disagreements": disagreements, "unsupported": unsupported_list,
        }
    for tool, fname in BENCH:
        path = os.path.join(scratch, fname)
        if os.path.exists(path):
            summary["speed"][tool] = load(path)
    summary["requests"] = list(per_case_decisions.values())
    with open(out, "w") as f:
        json.dump(summary, f, indent=1)

    print()
    print("Agreement with the documented decision (cases; requests in brackets)")
    print(f"{'tool':<16} {'version':<22} {'agree':>12} {'disagree':>12} {'unsupported':>13} {'total':>6}")
    for tool, t in summary["tools"].items():
        c, r = t["cases"], t["requests"]
        print(f"{tool:<16} {str(t['version']):<22} {c['agree']:>5} ({r['agree']:>4}) "
              f"{c['disagree']:>5} ({r['disagree']:>4}) {c['unsupported']:>6} ({r['unsupported']:>4}) {c['total']:>6}")
    for tool, t in summary["tools"].items():
        print()
        print(f"{tool}: {len(t['disagreements'])} disagreeing request(s)")
        for x in t["disagreements"]:
            print(f"  {x['file']}: {x['case']}: {x['action']} on {x['resource']}: "
                  f"expected {x['expected']}, got {x['got']}")
        if t["unsupported"]:
            print(f"{tool}: {len(t['unsupported'])} unsupported case(s)")
            for x in t["unsupported"]:
                print(f"  {x['file']}: {x['case']}: {x['reason']}")
    if summary["speed"]:
        print()
        print("Decisions per second")
        names = []
        for v in summary["speed"].values():
            for k in v:
                if k not in names:
                    names.append(k)
        print("(iamdojo: in process, as the peers are measured; iamdojo CLI: the release binary,")
        print(" including reading the input and writing every decision's JSON result)")
        print(f"{'workload':<32} " + " ".join(f"{t:>16}" for t in summary["speed"]) + f" {'iamdojo/iam-simulate':>22}")
        for w in names:
            vals = {t: (summary["speed"][t].get(w) or {}).get("decisions_per_s") for t in summary["speed"]}
            ratio = (vals.get("iamdojo") / vals["iam-simulate"]
                     if vals.get("iamdojo") and vals.get("iam-simulate") else None)
            print(f"{w:<32} " + " ".join(f"{(v or 0):>16,.0f}" for v in vals.values())
                  + (f" {ratio:>21,.0f}x" if ratio else ""))
        print()
        print("Same decision for every workload pair (resource n=0):")
        for w in names:
            ds = {t: (summary["speed"][t].get(w) or {}).get("pair_decisions") for t in summary["speed"]}
            base = ds.get("iamdojo")
            for t, v in ds.items():
                if t.startswith("iamdojo") or v is None or base is None:
                    continue
                if t == "principalmapper":  # answers allowed / denied only
                    norm = ["allowed" if x == "allowed" else "denied" for x in base]
                else:
                    norm = base
                diff = [i for i, (a, b) in enumerate(zip(norm, v)) if a != b]
                print(f"  {w}: iamdojo vs {t}: " + ("same" if not diff else f"differ at pairs {diff}"))


if __name__ == "__main__":
    main()
