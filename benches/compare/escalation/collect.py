#!/usr/bin/env python3
"""Collects, for every account of the escalation corpus, what both tools are given and what
iamdojo finds, by running the iamdojo release binary only (no peer code here).

Usage:
  collect.py IAMDOJO_BIN REPO OUT.json

Per corpus scenario (tests/data/escalation/corpus/NN-*.yaml):
- the authorization details, from `aws iam get-account-authorization-details` in
  `iamdojo sandbox --scenario FILE`;
- the account data principalmapper's gathering asks for beside them, from the same sandbox:
  `aws iam list-access-keys`, `aws iam get-login-profile` and `aws iam list-mfa-devices` per user,
  and `aws lambda list-functions` (its Lambda edges need the functions and their roles);
- the service control policies that apply to the account, read from the scenario's
  `organization:` block (FullAWSAccess at every level, as AWS attaches it);
- iamdojo's findings, `iamdojo audit --scenario FILE --format json`.
For tests/data/escalation/chains.gaad.json only the file itself exists: both tools get the file
(`iamdojo audit --gaad`), nothing else, except that principalmapper also gets the documents of the
AWS managed policies attached in it (see add_aws_managed).
"""
import glob
import json
import os
import subprocess
import sys

import yaml

FULL_AWS_ACCESS = {"Version": "2012-10-17",
                   "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}


def sandbox(binary, scenario, command):
    """One CLI command in a fresh sandbox; (parsed JSON or None, stderr)."""
    p = subprocess.run([binary, "sandbox", "--scenario", scenario], input=command + "\n",
                       capture_output=True, text=True, timeout=120)
    out = p.stdout.strip()
    if not out:
        return None, p.stderr.strip()
    try:
        return json.loads(out), p.stderr.strip()
    except json.JSONDecodeError as e:
        raise SystemExit(f"collect.py: `{command}` on {scenario} did not print one JSON document "
                         f"({e}); stdout starts with: {out[:200]!r}")


def audit(binary, args):
    p = subprocess.run([binary, "audit", *args, "--format", "json"], capture_output=True,
                       text=True, timeout=300)
    if p.returncode not in (0, 1):
        raise SystemExit(f"collect.py: iamdojo audit {' '.join(args)} exited {p.returncode}: {p.stderr}")
    findings = json.loads(p.stdout)["findings"]
    escal = [{"principal": f["resource"], "evidence": f["evidence"]}
             for f in findings if f["control"] == "IAMDOJO.2"]
    admins = sorted({f["resource"] for f in findings if f["control"] == "IAMDOJO.1"})
    return escal, admins


def scps_for(doc, account):
    """The SCP levels (root first, then each OU down to the account, then the account) that
    apply to `account`, each a list of policy documents; None when there is no organization."""
    org = doc.get("organization")
    if not org:
        return None
    units = {u["name"]: u for u in org.get("units", [])}
    chain = []
    unit = (org.get("accounts") or {}).get(account)
    while unit and unit != "Root":
        chain.insert(0, unit)
        unit = units.get(unit, {}).get("parent")
    levels = []
    for target in ["Root", *chain, account]:
        docs = [FULL_AWS_ACCESS]
        for p in org.get("policies", []):
            if p.get("type", "SERVICE_CONTROL_POLICY") == "SERVICE_CONTROL_POLICY" and target in [str(t) for t in p.get("targets", [])]:
                docs.append(p["document"])
        levels.append(docs)
    return levels


def expected(paths_file):
    rows = []
    with open(paths_file) as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip():
                rows.append({"principal": line.split(":", 1)[0], "evidence": line})
    return rows


def collect_scenario(binary, path):
    gaad, err = sandbox(binary, path, "aws iam get-account-authorization-details")
    if not isinstance(gaad, dict) or "UserDetailList" not in gaad:
        raise SystemExit(f"collect.py: no authorization details for {path}: {err}")
    users = {}
    for u in gaad["UserDetailList"]:
        name = u["UserName"]
        keys, err = sandbox(binary, path, f"aws iam list-access-keys --user-name {name}")
        if keys is None:
            raise SystemExit(f"collect.py: list-access-keys {name} in {path}: {err}")
        login, err = sandbox(binary, path, f"aws iam get-login-profile --user-name {name}")
        if login is None and "NoSuchEntity" not in err:
            raise SystemExit(f"collect.py: get-login-profile {name} in {path}: {err}")
        mfa, err = sandbox(binary, path, f"aws iam list-mfa-devices --user-name {name}")
        if mfa is None:
            raise SystemExit(f"collect.py: list-mfa-devices {name} in {path}: {err}")
        users[name] = {"access_keys": keys["AccessKeyMetadata"], "login_profile": login,
                       "mfa_devices": mfa["MFADevices"]}
    functions, err = sandbox(binary, path, "aws lambda list-functions")
    if functions is None:
        raise SystemExit(f"collect.py: lambda list-functions in {path}: {err}")
    with open(path) as f:
        doc = yaml.safe_load(f) or {}
    account = "123456789012"
    for u in gaad["UserDetailList"]:
        account = u["Arn"].split(":")[4]
        break
    escal, admins = audit(binary, ["--scenario", path])
    return {"gaad": gaad, "users": users, "functions": functions["Functions"],
            "scps": scps_for(doc, account), "iamdojo": escal, "admins": admins}


def add_aws_managed(gaad, folder):
    """The file lists no AWS managed policy in `Policies` (an unfiltered call would list the
    attached ones); principalmapper needs their documents, so the attached ones are added from
    iamdojo's copies in assets/managed-policies (the same documents iamdojo uses)."""
    have = {p["Arn"] for p in gaad.get("Policies", [])}
    for key in ("UserDetailList", "GroupDetailList", "RoleDetailList"):
        for x in gaad.get(key, []):
            for p in x.get("AttachedManagedPolicies", []):
                arn = p["PolicyArn"]
                if arn in have or not arn.startswith("arn:aws:iam::aws:policy/"):
                    continue
                with open(os.path.join(folder, arn.rsplit("/", 1)[1] + ".json")) as f:
                    m = json.load(f)
                gaad.setdefault("Policies", []).append({
                    "PolicyName": m["PolicyName"], "Arn": arn, "Path": m.get("Path", "/"),
                    "DefaultVersionId": m.get("DefaultVersionId", "v1"),
                    "PolicyVersionList": [{"Document": m["Document"], "VersionId": m.get("DefaultVersionId", "v1"),
                                           "IsDefaultVersion": True}]})
                have.add(arn)


def main():
    binary, repo, out = sys.argv[1], sys.argv[2], sys.argv[3]
    corpus = os.path.join(repo, "tests/data/escalation/corpus")
    accounts = []
    for path in sorted(glob.glob(os.path.join(corpus, "[0-9][0-9]-*.yaml"))):
        name = os.path.basename(path)[:-len(".yaml")]
        print(f"  {name}", file=sys.stderr)
        row = collect_scenario(binary, path)
        row["name"] = name
        row["expected"] = expected(os.path.join(corpus, name + ".paths.txt"))
        accounts.append(row)
    chains = os.path.join(repo, "tests/data/escalation/chains.gaad.json")
    print("  chains (GAAD file)", file=sys.stderr)
    with open(chains) as f:
        gaad = json.load(f)
    add_aws_managed(gaad, os.path.join(repo, "assets/managed-policies"))
    escal, admins = audit(binary, ["--gaad", chains])
    accounts.append({"name": "chains", "gaad": gaad, "users": None, "functions": [], "scps": None,
                     "iamdojo": escal, "admins": admins,
                     "expected": expected(os.path.join(repo, "tests/data/escalation/chains.paths.txt"))})
    with open(out, "w") as f:
        json.dump({"accounts": accounts}, f, indent=1)


if __name__ == "__main__":
    main()
