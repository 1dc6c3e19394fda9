#!/usr/bin/env python3
"""Scores iamdojo and principalmapper on the escalation corpus and prints the table.

Usage:
  report.py COLLECTED.json PMAPPER.json OUT.json

Scoring is per principal, the unit both tools share: principalmapper gives at most one path per
principal (querying.presets.privesc.can_privesc returns the first it finds), iamdojo one
IAMDOJO.2 finding per path. For each account:
- expected: the principals of NAME.paths.txt (with the number of lines, i.e. paths, in brackets);
- a tool *reports* a principal when it says the principal can become an administrator without
  already being one: iamdojo, an IAMDOJO.2 finding on it; principalmapper, is_admin (its admin test
  includes self-escalation) or a privesc path, leaving out the principals that already hold
  administrator access (pmapper_driver.py's holds_admin: their policies allow a sample of
  actions of ten services on "*"; principalmapper marks those is_admin too);
- found / missed: expected principals reported / not reported;
- trap FP: reported principals whose name begins with `trap-` (the corpus's look-alikes);
- other: reported principals that are neither expected nor traps (listed under the table).
iamdojo's column also says how many of the expected lines its evidence matches word for word.
"""
import json
import sys


def name_of(arn):
    return arn.split(":", 5)[5].split("/")[-1]


def main():
    with open(sys.argv[1]) as f:
        collected = {a["name"]: a for a in json.load(f)["accounts"]}
    with open(sys.argv[2]) as f:
        pm = json.load(f)
    rows, notes = [], []
    tot = {k: 0 for k in ("exp", "lines", "i_found", "i_lines", "i_missed", "i_trap", "i_other",
                          "p_found", "p_missed", "p_trap", "p_other")}
    for acct in pm["accounts"]:
        c = collected[acct["name"]]
        admins = {p["name"] for p in acct["principals"] if p["holds_admin"]}
        exp = sorted({e["principal"] for e in c["expected"]})
        lines = [e["evidence"] for e in c["expected"]]
        ev = {x["evidence"] for x in c["iamdojo"]}
        i_rep = {name_of(x["principal"]) for x in c["iamdojo"]}
        p_rows = {p["name"]: p for p in acct["principals"]}
        p_rep = {n for n, p in p_rows.items() if (p["is_admin"] or p["path"]) and n not in admins}
        not_admin = sorted(n for n in admins if not p_rows[n]["is_admin"])
        if not_admin:
            notes.append(f"{acct['name']}: principalmapper does not mark {not_admin} is_admin, though they hold admin access")
        i_admin = sorted(i_rep & admins)
        if i_admin:
            notes.append(f"{acct['name']}: iamdojo reports an escalation for {i_admin}, which already hold admin access")

        def score(rep):
            found = [n for n in exp if n in rep]
            missed = [n for n in exp if n not in rep]
            trap = sorted(n for n in rep if n.startswith("trap-"))
            other = sorted(n for n in rep if n not in exp and not n.startswith("trap-"))
            return found, missed, trap, other

        i = score(i_rep)
        p = score(p_rep)
        i_lines = sum(1 for line in lines if line in ev)

        def how(n):
            r = p_rows[n]
            if r["is_admin"]:
                return "admin (self-escalation test)"
            return " → ".join(f"{e['to']} ({e['kind']}: {e['reason']})" for e in r["path"])

        row = {"account": acct["name"], "administrators": sorted(admins), "expected": exp, "expected_lines": len(lines),
               "iamdojo": {"found": i[0], "missed": i[1], "trap_fp": i[2], "other": i[3],
                           "lines_matched": i_lines},
               "pmapper": {"found": p[0], "missed": p[1], "trap_fp": p[2], "other": p[3],
                           "how": {n: how(n) for n in sorted(p_rep)}}}
        rows.append(row)
        for k, v in (("exp", len(exp)), ("lines", len(lines)), ("i_found", len(i[0])),
                     ("i_lines", i_lines), ("i_missed", len(i[1])), ("i_trap", len(i[2])),
                     ("i_other", len(i[3])), ("p_found", len(p[0])), ("p_missed", len(p[1])),
                     ("p_trap", len(p[2])), ("p_other", len(p[3]))):
            tot[k] += v

    def cell(names):
        return f"{len(names)}" + (f" ({', '.join(names)})" if names else "")

    print(f"principalmapper {pm['version']} (Python {pm['python']}); per principal")
    print()
    print("| account | expected (paths) | iamdojo found (lines) | iamdojo missed | iamdojo trap FP | iamdojo other "
          "| PMapper found | PMapper missed | PMapper trap FP | PMapper other |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        i, p = r["iamdojo"], r["pmapper"]
        print(f"| {r['account']} | {len(r['expected'])} ({r['expected_lines']}) "
              f"| {len(i['found'])} ({i['lines_matched']}) | {cell(i['missed'])} | {cell(i['trap_fp'])} | {cell(i['other'])} "
              f"| {len(p['found'])} | {cell(p['missed'])} | {cell(p['trap_fp'])} | {cell(p['other'])} |")
    print(f"| **total** | **{tot['exp']} ({tot['lines']})** | **{tot['i_found']} ({tot['i_lines']})** "
          f"| **{tot['i_missed']}** | **{tot['i_trap']}** | **{tot['i_other']}** | **{tot['p_found']}** "
          f"| **{tot['p_missed']}** | **{tot['p_trap']}** | **{tot['p_other']}** |")
    print()
    print("principalmapper's route for every principal it reports:")
    for r in rows:
        print(f"  {r['account']}: already administrators, not scored: {', '.join(r['administrators'])}")
        for n, h in r["pmapper"]["how"].items():
            print(f"  {r['account']}: {n}: {h}")
    for n in notes:
        print("note:", n)
    with open(sys.argv[3], "w") as f:
        json.dump({"pmapper_version": pm["version"], "python": pm["python"], "totals": tot,
                   "accounts": rows, "notes": notes}, f, indent=1)


if __name__ == "__main__":
    main()
