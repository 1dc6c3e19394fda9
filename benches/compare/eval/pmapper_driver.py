#!/usr/bin/env python3
"""Runs principalmapper's local policy simulation (installed in the scratch virtualenv, never
in the repo) on the cases and on the speed workloads, through its public functions:
principalmapper.querying.query_interface.local_check_authorization_full with Node and Policy
objects from principalmapper.common.

Usage:
  pmapper_driver.py cases CASES.json OUT.json
  pmapper_driver.py bench WORKLOADS.json OUT.json

local_check_authorization_full answers only True/False. To tell an explicit deny from an
implicit one, this driver reads the reason principalmapper itself logs at DEBUG level for
every denial ("Explicit Deny: ...", "Implicit Deny: ...", "Cross-Account authorization
denied", ...). Logging is switched off while timing.
"""
import collections
import collections.abc
import json
import logging
import sys
import time

# principalmapper 1.1.5 imports Mapping/MutableMapping from `collections`, which Python 3.10
# removed; alias them before importing it (no change to its code).
for _name in ("Mapping", "MutableMapping", "Sequence", "Iterable"):
    if not hasattr(collections, _name):
        setattr(collections, _name, getattr(collections.abc, _name))

from principalmapper.common import Node, Policy  # noqa: E402
from principalmapper.querying import query_interface  # noqa: E402

try:
    from importlib.metadata import version as _version
    PMAPPER_VERSION = _version("principalmapper")
except Exception:  # pragma: no cover
    PMAPPER_VERSION = "unknown"


class LastReason(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.last = None

    def emit(self, record):
        msg = record.getMessage()
        if not msg.startswith("Testing authorization"):
            self.last = msg


def account_of(arn):
    parts = (arn or "").split(":")
    return parts[4] if len(parts) >= 5 and parts[4].isdigit() else None


def owner_account(owner):
    if not owner:
        return None
    return account_of(owner) or (owner if owner.isdigit() else None)


def node_for(c):
    """The principal as a Node, or (None, reason). An assumed-role session is modelled as its
    role (principalmapper's way of simulating a role session, with the session policy)."""
    arn = c["caller_arn"]
    note = None
    acct = account_of(arn)
    res = arn.split(":", 5)[5] if arn.count(":") >= 5 else ""
    if arn.startswith("arn:aws:sts::") and res.startswith("assumed-role/"):
        role = res.split("/")[1]
        arn = f"arn:aws:iam::{acct}:role/{role}"
        note = f"session {c['caller_arn']} simulated as its role {arn}"
        if c["resource_policy"]:
            return None, ("caller is a role session and the case has a resource-based policy: "
                          "principalmapper cannot tell a session ARN from its role ARN in Principal")
    elif not (res.startswith("user/") or res.startswith("role/")):
        return None, f"caller {arn} is neither an IAM user nor a role (principalmapper Nodes are users and roles)"
    if len(c["boundaries"]) > 1:
        return None, "several permissions boundaries (principalmapper takes one)"
    if len(c["session_policies"]) > 1:
        return None, "several session policies (principalmapper takes one)"
    policies = [Policy(f"arn:aws:iam::{acct}:policy/PolicyInputList.{i + 1}", f"p{i + 1}", json.loads(p))
                for i, p in enumerate(c["policies"])]
    boundary = (Policy(f"arn:aws:iam::{acct}:policy/Boundary", "boundary", json.loads(c["boundaries"][0]))
                if c["boundaries"] else None)
    is_role = ":role/" in arn
    node = Node(arn, "AIDAEXAMPLE" if not is_role else "AROAEXAMPLE", policies, [],
                {"Version": "2012-10-17", "Statement": []} if is_role else None,
                None, 0, False, False, boundary, False, {})
    return node, note


def context_for(entries):
    ctx = {}
    for e in entries:
        is_list = (e.get("type") or "").lower().endswith("list")
        ctx[e["key"]] = e["values"] if is_list or len(e["values"]) != 1 else e["values"][0]
    return ctx


def classify(allowed, reason):
    if allowed:
        return "allowed"
    if reason and ("Explicit Deny" in reason or "Explict Deny" in reason):
        return "explicitDeny"
    return "implicitDeny"


def run_cases(cases_path, out):
    with open(cases_path) as f:
        cases = json.load(f)
    handler = LastReason()
    log = logging.getLogger(query_interface.__name__)
    log.addHandler(handler)
    log.setLevel(logging.DEBUG)
    log.propagate = False
    results = []
    for c in cases:
        node, note = node_for(c)
        for i, r in enumerate(c["requests"]):
            row = {"file": c["file"], "case": c["name"], "index": i, "action": r["action"],
                   "resource": r["resource"], "expected": r["decision"], "got": None,
                   "unsupported": None, "error": None, "note": note}
            if node is None:
                row["unsupported"] = note
                row["note"] = None
                results.append(row)
                continue
            rp = json.loads(c["resource_policy"]) if c["resource_policy"] else None
            # resource_owner is a parameter of its own; principalmapper only reads it when a
            # resource policy is given.
            owner = account_of(r["resource"]) or owner_account(c["resource_owner"]) or account_of(c["caller_arn"])
            scps = None
            if c["scps"]:
                scps = [[Policy(f"arn:aws:organizations::000000000000:policy/scp{li}{pi}", f"scp{li}{pi}", json.loads(p))
                         for pi, p in enumerate(level)] for li, level in enumerate(c["scps"])]
            sp = json.loads(c["session_policies"][0]) if c["session_policies"] else None
            handler.last = None
            try:
                allowed = query_interface.local_check_authorization_full(
                    node, r["action"], r["resource"], context_for(c["context"]), rp, owner, scps, sp)
                row["got"] = classify(allowed, handler.last)
                row["reason"] = handler.last
            except Exception as e:  # a crash on valid input: reported, not counted as a decision
                row["unsupported"] = f"principalmapper raised {type(e).__name__}: {e}"
            results.append(row)
    with open(out, "w") as f:
        json.dump({"tool": "principalmapper", "version": PMAPPER_VERSION,
                   "python": sys.version.split()[0], "results": results}, f, indent=1)


def fill(template, n):
    return template.format(n=n)


def run_bench(workloads_path, out):
    logging.getLogger(query_interface.__name__).setLevel(logging.CRITICAL)
    import os
    seconds = float(os.environ.get("PEER_BENCH_SECONDS", "3"))
    with open(workloads_path) as f:
        workloads = json.load(f)
    res = {}
    for name, w in workloads.items():
        policies = [Policy(f"arn:aws:iam::111111111111:policy/p{i + 1}", f"p{i + 1}", p)
                    for i, p in enumerate(w["policies"])]
        node = Node(w["caller"], "AIDAEXAMPLE", policies, [], None, None, 0, False, False, None, False, {})
        ctx = {k: v["value"] for k, v in w["context"].items()}
        reqs = [(a, fill(t, n)) for n in range(1000) for a, t in w["pairs"]]
        decisions = []
        for a, t in w["pairs"]:
            ok = query_interface.local_check_authorization_full(node, a, fill(t, 0), ctx)
            decisions.append("allowed" if ok else "denied")
        for a, r in reqs[:200]:
            query_interface.local_check_authorization_full(node, a, r, ctx)
        count = 0
        t0 = time.perf_counter()
        elapsed = 0.0
        while elapsed < seconds:
            for _ in range(20):
                a, r = reqs[count % len(reqs)]
                query_interface.local_check_authorization_full(node, a, r, ctx)
                count += 1
            elapsed = time.perf_counter() - t0
        res[name] = {"decisions": count, "seconds": elapsed, "decisions_per_s": count / elapsed,
                     "method": "local_check_authorization_full in a loop (Node built once)",
                     "pair_decisions": decisions}
        print(f"principalmapper {name}: {count / elapsed:.0f} decisions/s", file=sys.stderr)
    with open(out, "w") as f:
        json.dump(res, f, indent=1)


if __name__ == "__main__":
    if sys.argv[1] == "cases":
        run_cases(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "bench":
        run_bench(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(__doc__)
