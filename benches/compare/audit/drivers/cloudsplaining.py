#!/usr/bin/env python3
"""Runs `cloudsplaining scan` on the GAAD file (best of 3, default exclusions, trust policies
flagged) and writes its findings in the common shape, from iam-results-*.json (not HTML).

Usage: cloudsplaining.py VENV_BIN GAAD WORK_DIR OUT.json

Findings are per policy document: a customer managed or AWS managed policy (target = its
ARN), or an inline policy (cloudsplaining merges identical inline documents; one finding is
written per principal that holds it, target = the principal's ARN). Roles' trust findings
(Assumable*) are per role. Excluded policies and principals are listed as code
`is_excluded`.
"""
import glob
import json
import os
import shutil
import subprocess
import sys

from common import finding, save, timed

RISKS = ["PrivilegeEscalation", "DataExfiltration", "ResourceExposure", "CredentialsExposure",
         "InfrastructureModification", "ServiceWildcard"]
TRUST = ["AssumableByAnyPrincipal", "AssumableByAnyPrincipalWithConditions",
         "AssumableByCrossAccountPrincipal", "AssumableByComputeServices"]


def risk_findings(policy, target, name, aws_managed):
    out = []
    for risk in RISKS:
        items = policy.get(risk, {}).get("findings") or []
        if not items:
            continue
        if risk == "PrivilegeEscalation":
            acts = [a for i in items for a in i["actions"]]
            text = "; ".join(f"{i['type']} ({', '.join(i['actions'])})" for i in items)
        else:
            acts = items
            text = ", ".join(items[:10]) + (f" ... ({len(items)} in all)" if len(items) > 10 else "")
        n = finding("cloudsplaining", risk, target, name, acts,
                    f"{policy[risk].get('severity', '')} {risk}: {text}")
        n["aws_managed"] = aws_managed
        out.append(n)
    return out


def main():
    venv_bin, gaad, work, out_path = sys.argv[1:5]
    exe = os.path.join(venv_bin, "cloudsplaining")
    version = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.strip()

    def fresh():
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)

    cmd = [exe, "scan", "--input-file", gaad, "--output", work, "--skip-open-report",
           "--flag-trust-policies"]
    secs, res = timed(cmd, ok=(0,), before=fresh)
    [results] = glob.glob(os.path.join(work, "iam-results-*.json"))
    with open(results) as f:
        data = json.load(f)

    arns = {}  # principal name -> ARN, per kind
    for kind in ("users", "groups", "roles"):
        arns[kind] = {p["name"]: p["arn"] for p in data[kind].values()}
    out = []
    for kind in ("customer_managed_policies", "aws_managed_policies"):
        for p in data[kind].values():
            if p.get("is_excluded"):
                out.append(finding("cloudsplaining", "is_excluded", p["Arn"], p["PolicyName"],
                                   [], f"{kind} excluded from the scan"))
                continue
            out += risk_findings(p, p["Arn"], p["PolicyName"], kind == "aws_managed_policies")
    for p in data["inline_policies"].values():
        holders = [arns[k][n] for k in ("users", "groups", "roles") for n in p["AttachedTo"][k]]
        for h in holders:
            if p.get("is_excluded"):
                out.append(finding("cloudsplaining", "is_excluded", h, p["PolicyName"], [],
                                   "inline policy excluded from the scan"))
            else:
                out += risk_findings(p, h, p["PolicyName"], False)
    # Excluded policies (AdministratorAccess by default) are left out of the results whole.
    with open(gaad) as f:
        listed = {p["Arn"]: p["PolicyName"] for p in json.load(f)["Policies"]}
    seen = {p["Arn"] for k in ("customer_managed_policies", "aws_managed_policies")
            for p in data[k].values()}
    for arn in sorted(set(listed) - seen):
        out.append(finding("cloudsplaining", "is_excluded", arn, listed[arn], [],
                           "absent from the results (default exclusions)"))
    for kind in ("users", "groups", "roles"):
        for p in data[kind].values():
            if p.get("is_excluded"):
                out.append(finding("cloudsplaining", "is_excluded", p["arn"], None, [],
                                   f"{kind[:-1]} excluded from the scan"))
    for r in data["roles"].values():
        for t in TRUST:
            items = r.get(t, {}).get("findings") or []
            if items:
                out.append(finding("cloudsplaining", t, r["arn"], None, items,
                                   f"{r[t].get('severity', '')} {t}: {', '.join(map(str, items))}"))
    save(out_path, {
        "tool": "cloudsplaining", "version": version,
        "runs": {"scan": {"command": " ".join(cmd), "seconds": secs, "best": min(secs)}},
        "exclusions": data.get("exclusions"),
        "stderr_head": (res.stdout + res.stderr)[:500],
        "findings": out,
    })


if __name__ == "__main__":
    main()
