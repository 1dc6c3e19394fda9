#!/usr/bin/env python3
"""Compares what parliament and cloudsplaining report on the GAAD file with `iamdojo audit`
(and with `iamdojo validate-policy` on the same documents), writes SCRATCH/results.json and
SCRATCH/comparison.md, and prints a summary.

Usage: report.py SCRATCH

Every finding of the two peers is one row; for each row the verdict of `iamdojo audit` is
  same       the same principal or policy, for the same problem (the matching control given)
  partly     the same principal or policy, the same kind of problem, another detail
  different  iamdojo reports the principal or policy for another reason, or is right not to
             report it (the note says why)
  MISSING    iamdojo audit says nothing of it
  n/a        outside what the audit looks at by definition (e.g. lint of AWS managed policies)
and the verdict of validate-policy on the same document (inline and customer managed only):
same, related (it reports the document as too broad in another way), MISSING or n/a.
"""
import fnmatch
import json
import os
import re
import sys
from collections import Counter, defaultdict

# Escalation methods that iamdojo's audit models (src/audit/escalation.rs), lower case.
MODELLED = {"iam:attachuserpolicy", "iam:putuserpolicy", "iam:attachgrouppolicy",
            "iam:putgrouppolicy", "iam:createpolicyversion", "iam:addusertogroup",
            "iam:attachrolepolicy", "iam:putrolepolicy", "iam:createaccesskey",
            "iam:createloginprofile", "iam:updateloginprofile", "iam:updateassumerolepolicy",
            "sts:assumerole", "iam:passrole"}
# Peer code -> validate-policy issue codes that report the same problem.
VALIDATE_SAME = {
    "UNKNOWN_ACTION": {"INVALID_ACTION"}, "UNKNOWN_PREFIX": {"INVALID_SERVICE_IN_ACTION"},
    "UNKNOWN_CONDITION_FOR_ACTION": {"INVALID_SERVICE_CONDITION_KEY", "INVALID_GLOBAL_CONDITION_KEY",
                                     "CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS"},
    "RESOURCE_MISMATCH": {"ACTION_WITHOUT_MATCHING_RESOURCE", "RESOURCE_MISMATCH"},
    "NO_VERSION": {"MISSING_VERSION", "VARIABLE_UNSUPPORTED_IN_VERSION"},
    "MISMATCHED_TYPE": {"TYPE_MISMATCH"}, "MISMATCHED_TYPE_BUT_USABLE": {"TYPE_MISMATCH"},
    "NOTRESOURCE_WITH_ALLOW": {"ALLOW_WITH_NOT_RESOURCE"},
    "PRIVILEGE_ESCALATION": {"PRIVILEGE_ESCALATION", "PASS_ROLE_WITH_STAR_IN_RESOURCE",
                             "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE", "ALLOW_ALL_ACTIONS"},
    "PrivilegeEscalation": {"PRIVILEGE_ESCALATION", "PASS_ROLE_WITH_STAR_IN_RESOURCE",
                            "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE", "ALLOW_ALL_ACTIONS"},
    "ServiceWildcard": {"SERVICE_WILDCARD_ACTION", "ALLOW_ALL_ACTIONS", "ALLOW_WITH_NOT_ACTION"},
}
# validate-policy codes that say "this grants too much" in general: a weaker match.
BROAD = {"ALLOW_ALL_ACTIONS", "ALLOW_WITH_NOT_ACTION", "ALLOW_WITH_NOT_RESOURCE",
         "SERVICE_WILDCARD_ACTION", "PRIVILEGE_ESCALATION", "PASS_ROLE_WITH_STAR_IN_RESOURCE",
         "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE"}
LINT = {"UNKNOWN_ACTION", "UNKNOWN_PREFIX", "UNKNOWN_CONDITION_FOR_ACTION", "NO_VERSION"}
# Peer code -> the validate-policy codes that `iamdojo audit` reports for the same policy
# (controls IAMDOJO.10 errors, IAMDOJO.11 security warnings and risks, IAMDOJO.12 warnings).
ESC = {"PRIVILEGE_ESCALATION", "PASS_ROLE_WITH_STAR_IN_RESOURCE",
       "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE", "PASS_ROLE_WITH_NOT_RESOURCE"}
RISK = {"CREDENTIALS_EXPOSURE", "DATA_ACCESS_ON_EVERY_RESOURCE",
        "PERMISSIONS_MANAGEMENT_ON_EVERY_RESOURCE"} | ESC
AUDIT_SAME = {
    "UNKNOWN_ACTION": {"INVALID_ACTION", "WILDCARD_MATCHES_NO_ACTION"},
    "UNKNOWN_PREFIX": {"INVALID_SERVICE_IN_ACTION"},
    "UNKNOWN_CONDITION_FOR_ACTION": VALIDATE_SAME["UNKNOWN_CONDITION_FOR_ACTION"],
    "RESOURCE_MISMATCH": VALIDATE_SAME["RESOURCE_MISMATCH"],
    "NO_VERSION": VALIDATE_SAME["NO_VERSION"],
    "MISMATCHED_TYPE": {"TYPE_MISMATCH"}, "MISMATCHED_TYPE_BUT_USABLE": {"TYPE_MISMATCH"},
    "NOTRESOURCE_WITH_ALLOW": {"ALLOW_WITH_NOT_RESOURCE"},
    "PRIVILEGE_ESCALATION": ESC, "PrivilegeEscalation": ESC,
    "ServiceWildcard": {"SERVICE_WILDCARD_ACTION", "ALLOW_ALL_ACTIONS", "ALLOW_WITH_NOT_ACTION"},
    "DataExfiltration": {"DATA_ACCESS_ON_EVERY_RESOURCE"},
    "SENSITIVE_ACCESS": {"DATA_ACCESS_ON_EVERY_RESOURCE"},
    "CredentialsExposure": {"CREDENTIALS_EXPOSURE"} | ESC,
    "CREDENTIALS_EXPOSURE": {"CREDENTIALS_EXPOSURE"} | ESC,
    "ResourceExposure": {"PERMISSIONS_MANAGEMENT_ON_EVERY_RESOURCE"} | ESC,
    "PERMISSIONS_MANAGEMENT_ACTIONS": {"PERMISSIONS_MANAGEMENT_ON_EVERY_RESOURCE"} | ESC,
    "RESOURCE_POLICY_PRIVILEGE_ESCALATION": {"PERMISSIONS_MANAGEMENT_ON_EVERY_RESOURCE"} | ESC,
}


def load(scratch, name):
    with open(os.path.join(scratch, name)) as f:
        return json.load(f)


def as_list(x):
    return x if isinstance(x, list) else [x]


class Account:
    """Who holds which policy document, and what each permissions boundary allows."""

    def __init__(self, gaad):
        self.policies = {p["Arn"]: p for p in gaad["Policies"]}
        self.docs = {}      # (target, policy name) -> document in force
        self.holders = defaultdict(set)  # (target, policy name) -> user/role ARNs
        self.boundary = {}  # principal ARN -> boundary document
        self.trust = {r["Arn"]: r["AssumeRolePolicyDocument"] for r in gaad["RoleDetailList"]}
        for p in gaad["Policies"]:
            for v in p["PolicyVersionList"]:
                if v["IsDefaultVersion"]:
                    self.docs[(p["Arn"], p["PolicyName"])] = v["Document"]
        groups = {g["GroupName"]: g for g in gaad["GroupDetailList"]}
        for lst, key in (("UserDetailList", "UserPolicyList"), ("GroupDetailList", "GroupPolicyList"),
                         ("RoleDetailList", "RolePolicyList")):
            for e in gaad[lst]:
                for ip in e.get(key, []):
                    self.docs[(e["Arn"], ip["PolicyName"])] = ip["PolicyDocument"]
        name_of = {p["Arn"]: p["PolicyName"] for p in gaad["Policies"]}
        for e in gaad["UserDetailList"] + gaad["RoleDetailList"]:
            own = [(a["PolicyArn"], name_of[a["PolicyArn"]]) for a in e["AttachedManagedPolicies"]]
            own += [(e["Arn"], ip["PolicyName"]) for ip in e.get("UserPolicyList", e.get("RolePolicyList", []))]
            for g in e.get("GroupList", []):
                g = groups[g]
                own += [(a["PolicyArn"], name_of[a["PolicyArn"]]) for a in g["AttachedManagedPolicies"]]
                own += [(g["Arn"], ip["PolicyName"]) for ip in g["GroupPolicyList"]]
            for k in own:
                self.holders[k].add(e["Arn"])
            if "PermissionsBoundary" in e:
                b = e["PermissionsBoundary"]["PermissionsBoundaryArn"]
                self.boundary[e["Arn"]] = self.docs[(b, name_of[b])]

    def doc(self, target, policy):
        return self.docs.get((target, policy), {})

    def bounded_out(self, principal, action):
        """True when the principal's boundary does not allow `action` (actions only)."""
        b = self.boundary.get(principal)
        if not b:
            return False
        allowed = False
        for s in as_list(b.get("Statement", [])):
            hit = any(fnmatch.fnmatch(action.lower(), p.lower()) for p in as_list(s.get("Action", [])))
            if hit and s["Effect"] == "Deny":
                return True
            allowed |= hit and s["Effect"] == "Allow"
        return not allowed


def uses(doc, element):
    return any(element in s for s in as_list(doc.get("Statement", [])))


def broad_for(doc, action):
    """True when an Allow statement of `doc` grants `action` on resources of anyone: "*" or a
    wildcard ARN without a policy variable (not e.g. user/${aws:username})."""
    for s in as_list(doc.get("Statement", [])):
        if s.get("Effect") != "Allow":
            continue
        pats = as_list(s.get("Action", s.get("NotAction", [])))
        hit = any(fnmatch.fnmatch(action.lower(), p.lower()) for p in pats)
        if hit == ("NotAction" in s):
            continue
        if "NotResource" in s or any(unbounded(r) for r in as_list(s.get("Resource", []))):
            return True
    return False


def unbounded(resource):
    """"*", or an ARN whose resource part is "*" or "TYPE/*" (every role, every bucket...),
    but not a named prefix (role/dev-*) or one bucket's objects (bucket/*)."""
    if resource == "*":
        return True
    parts = resource.split(":", 5)
    if len(parts) < 6 or "${" in resource:
        return False
    service, rest = parts[2], parts[5]
    if service == "s3":
        return rest in ("*", "*/*")
    return rest == "*" or bool(re.fullmatch(r"[A-Za-z-]+/\*", rest))


def boundary_only(acct, target):
    p = acct.policies.get(target)
    return bool(p) and p["AttachmentCount"] == 0 and p["PermissionsBoundaryUsageCount"] > 0


def short(arn):
    return arn.rsplit("/", 1)[-1].rsplit(":", 1)[-1]


def judge(row, acct, audit):
    """(verdict, control, note) of `iamdojo audit` for one peer finding."""
    code, target, policy = row["code"], row["target"], row["policy"]
    by_res = audit["by_resource"]
    managed = ":policy/" in target
    holders = sorted(acct.holders.get((target, policy), set())) if policy else []
    doc = acct.doc(target, policy) if policy else {}
    admins = [h for h in holders if "IAMDOJO.1" in by_res.get(h, {})]
    all_admins = bool(holders) and len(admins) == len(holders)
    acts = {a.lower() for a in row["actions"]}
    if boundary_only(acct, target) and code not in LINT:
        return ("different", "", "used only as a permissions boundary, which grants nothing: "
                "iamdojo right to skip it (IAM.21 too); the peer's report is noise")
    # The audit's lint of the same policy names the same problem, or names the same actions
    # as risky under another heading (e.g. a credential action that a peer files under
    # permissions management).
    want = AUDIT_SAME.get(code, set())
    for f in audit["lint"].get((target, policy), []):
        if set(f["codes"]) & want:
            return "same", f["code"], f["text"][:160]
    if want:
        for f in audit["lint"].get((target, policy), []):
            named = {a.lower() for a in f["actions"]}
            if set(f["codes"]) & RISK and acts & named:
                return "same", f["code"], "the same actions, under " + " / ".join(
                    sorted(set(f["codes"]) & RISK)) + ": " + f["text"][:120]

    if code in LINT or code == "RESOURCE_MISMATCH":
        if code == "RESOURCE_MISMATCH" and uses(doc, "NotResource"):
            return ("different", "", "the statement uses NotResource: parliament reads it as "
                    "Resource, so this report is wrong (the actions do apply elsewhere)")
        ev = by_res.get(target, {}).get("IAMDOJO.10", "")
        needles = [a for a in row["actions"]] + re.findall(r"condition (\S+)", row["text"])
        if code == "NO_VERSION":
            needles = ["Version", "version"]
        if ev and any(n in ev for n in needles):
            return "same", "IAMDOJO.10", ev[:160]
        if not managed:
            return "MISSING", "", "audit lints customer managed policies only (IAMDOJO.10), not inline ones"
        if code == "RESOURCE_MISMATCH":
            return "MISSING", "", "IAMDOJO.10 reports validate-policy ERRORs only; this is a WARNING there"
        if code == "NO_VERSION":
            return "MISSING", "", "IAMDOJO.10 reports a missing Version only when it breaks a policy variable"
        return "MISSING", "", "IAMDOJO.10 reports validate-policy ERRORs only"
    if code in ("MISMATCHED_TYPE", "MISMATCHED_TYPE_BUT_USABLE", "NOTRESOURCE_WITH_ALLOW",
                "RESOURCE_STAR", "RESOURCE_EFFECTIVELY_STAR", "RESOURCE_POLICY_PRIVILEGE_ESCALATION"):
        return "MISSING", "", "no audit control for this policy-hygiene check"

    if code in ("PRIVILEGE_ESCALATION", "PrivilegeEscalation"):
        if not holders:
            return "MISSING", "", "the policy is attached to nobody: audit reports paths of principals only"
        key = {a for a in acts if a in MODELLED}
        if key and not any(broad_for(doc, a) for a in key):
            return ("different", "", "the document grants it only on named resources / the caller's "
                    "own user (${aws:username}): not an escalation, the peer ignores Resource")
        for h in holders:
            perms = {p.lower() for p in audit["escalation"].get(h, [])}
            if perms and perms <= acts:
                return "same", "IAMDOJO.2", f"{short(h)}: {by_res[h]['IAMDOJO.2'][:140]}"
        if all_admins:
            return "different", "IAMDOJO.1", f"holder {short(admins[0])} is already a full administrator"
        for h in holders:
            if "IAMDOJO.2" in by_res.get(h, {}):
                return "partly", "IAMDOJO.2", (f"{short(h)} is reported, but with another path (audit "
                                               f"shows one path per principal): {by_res[h]['IAMDOJO.2'][:120]}")
        if key and all(any(acct.bounded_out(h, a) for a in key) for h in holders):
            return "different", "", "every holder's permissions boundary denies it (iamdojo right)"
        if not key:
            return "MISSING", "", "method not modelled by iamdojo's escalation graph"
        return "MISSING", "", ("modelled method, but iamdojo found no administrator reachable this "
                               "way (e.g. SetDefaultPolicyVersion / other principals' policies / "
                               "PassRole without an admin role for that service)")

    if code in ("DataExfiltration", "ResourceExposure", "CredentialsExposure",
                "InfrastructureModification", "PERMISSIONS_MANAGEMENT_ACTIONS",
                "CREDENTIALS_EXPOSURE", "SENSITIVE_ACCESS"):
        if doc and acts and not any(broad_for(doc, a) for a in acts):
            return ("different", "", "the document grants these only on named resources / the "
                    "caller's own user: the peer ignores Resource")
        if managed and "IAM.1" in by_res.get(target, {}):
            return "different", "IAM.1", "the policy is reported as full admin (\"*\" on \"*\")"
        if all_admins:
            return "different", "IAMDOJO.1", f"holder {short(admins[0])} is reported as full administrator"
        if row.get("aws_managed"):
            return "MISSING", "", "no audit control (AWS managed policy)"
        return "MISSING", "", "no audit control for this risk class"

    if code == "ServiceWildcard":
        if row.get("aws_managed"):
            return "n/a", "", "IAM.21 (Security Hub) covers customer managed policies only"
        if "IAM.21" in by_res.get(target, {}):
            return "same", "IAM.21", by_res[target]["IAM.21"][:160]
        if "IAM.1" in by_res.get(target, {}):
            return "different", "IAM.1", "reported as full admin instead"
        if not managed:
            return "MISSING", "", "IAM.21 looks at customer managed policies only, not inline ones"
        return "MISSING", "", "IAM.21 skips it (e.g. a boundary-only policy, or Deny-only wildcard)"

    if code.startswith("Assumable"):
        ev = by_res.get(target, {}).get("IAMDOJO.3", "")
        trust_doc = json.dumps(acct.trust.get(target, {}))
        if code == "AssumableByComputeServices":
            return "MISSING", "", "informational in cloudsplaining; no audit control"
        if ev:
            return "same", "IAMDOJO.3", ev[:160]
        if "sts:ExternalId" in trust_doc:
            return "different", "", "trust requires sts:ExternalId: iamdojo deliberately silent"
        if "aws:PrincipalOrgID" in trust_doc:
            return "different", "", "trust limited to the organization (aws:PrincipalOrgID): iamdojo deliberately silent"
        return "MISSING", "", ""
    return "MISSING", "", "no rule in report.py for this code"


def judge_validate(row, validate):
    if ":policy/" in row["target"] and row["target"].split(":")[4] == "aws":
        return "n/a", ""
    if not row["policy"]:
        return "n/a", ""
    got = validate.get((row["target"], row["policy"]), [])
    want = VALIDATE_SAME.get(row["code"], set())
    hits = [g for g in got if g["code"].split(":", 1)[1] in want]
    if row["code"] in LINT | {"RESOURCE_MISMATCH"} and row["actions"]:
        hits = [g for g in hits if set(g["actions"]) & set(row["actions"])] or hits
    if hits:
        return "same", hits[0]["code"]
    related = [g for g in got if g["code"].split(":", 1)[1] in BROAD]
    if related:
        return "related", related[0]["code"]
    return "MISSING", ""


FEW = 10  # a policy held by more principals says little about each of them


def policy_actions(doc):
    return {a.lower() for s in as_list(doc.get("Statement", [])) for a in as_list(s.get("Action", []))}


def main():
    scratch = sys.argv[1]
    gaad = load(scratch, "gaad.json")
    planted = load(scratch, "planted.json")
    acct = Account(gaad)
    tools = {t: load(scratch, f"{t}.json") for t in ("iamdojo", "parliament", "cloudsplaining")}

    audit_rows = [f for f in tools["iamdojo"]["findings"] if f["tool"] == "iamdojo"]
    by_resource = defaultdict(dict)
    escalation = defaultdict(list)
    for f in audit_rows:
        by_resource[f["target"]][f["code"]] = f["text"].split(": ", 1)[-1]
        if f["code"] == "IAMDOJO.2":
            escalation[f["target"]] += f["actions"]
    lint = defaultdict(list)
    for f in audit_rows:
        if "codes" in f:
            lint[(f["target"], f["policy"])].append(f)
    audit = {"by_resource": by_resource, "escalation": escalation, "lint": lint}
    validate = defaultdict(list)
    for f in tools["iamdojo"]["findings"]:
        if f["tool"] == "iamdojo validate-policy":
            validate[(f["target"], f["policy"])].append(f)

    rows = []
    for t in ("parliament", "cloudsplaining"):
        for f in tools[t]["findings"]:
            if f["code"] == "is_excluded":
                rows.append(dict(f, audit={"verdict": "n/a", "control": "", "note": "excluded by the peer"},
                                 validate={"verdict": "n/a", "code": ""}))
                continue
            v, c, note = judge(f, acct, audit)
            vv, vc = judge_validate(f, validate)
            rows.append(dict(f, audit={"verdict": v, "control": c, "note": note},
                             validate={"verdict": vv, "code": vc}))

    # Planted mistakes: which tool says anything about the place (directly, or about a
    # policy the principal holds).
    noise = {"IAM.19", "IAM.2", "AssumableByComputeServices", "InfrastructureModification", "RESOURCE_STAR"}
    coverage = []
    for p in planted["planted"]:
        places = []
        for w in as_list(p["where"]):
            m = re.match(r"(\S+)(?: \((.+)\))?$", w)
            arn, pol = m.group(1), m.group(2)
            name = pol or (acct.policies[arn]["PolicyName"] if arn in acct.policies else None)
            # A policy's mistake is found "on a holder" when a principal-level finding about a
            # principal that holds it names one of its actions (IAMDOJO.2), or it is a "*" one.
            places.append((arn, pol, acct.doc(arn, name) if name else {},
                           acct.holders.get((arn, name), set()) if name else set()))
        got = {}
        for t, tool in (("iamdojo audit", "iamdojo"), ("validate-policy", "iamdojo"),
                        ("parliament", "parliament"), ("cloudsplaining", "cloudsplaining")):
            codes = set()
            for f in tools[tool]["findings"]:
                held_by = acct.holders.get((f["target"], f["policy"]), ()) if f["policy"] else ()
                if f["code"] in noise or (t == "iamdojo audit") != (f["tool"] == "iamdojo") \
                        and tool == "iamdojo":
                    continue
                for arn, pol, pdoc, pholders in places:
                    names_action = f["policy"] is None and (
                        set(map(str.lower, f["actions"])) & policy_actions(pdoc)
                        or f["code"] == "IAMDOJO.1" and "*" in policy_actions(pdoc))
                    direct = f["target"] == arn and (pol is None or f["policy"] == pol or names_action)
                    via = pol is None and f["policy"] and arn in held_by and len(held_by) <= FEW
                    on_holder = f["target"] != arn and f["target"] in pholders and names_action
                    if direct:
                        codes.add(f["code"])
                    elif via:
                        codes.add(f"{f['code']} (via {f['policy']})")
                    elif on_holder:
                        codes.add(f"{f['code']} (on holder {short(f['target'])})")
            got[t] = sorted(codes)
        coverage.append(dict(p, found=got))

    touched = {r["target"] for r in rows} | {
        h for r in rows if r["policy"] and len(acct.holders.get((r["target"], r["policy"]), ())) <= FEW
        for h in acct.holders.get((r["target"], r["policy"]), ())}
    iamdojo_only = [f for f in audit_rows if f["target"] not in touched
                    and f["code"] not in ("IAM.19", "IAM.2") and ":root" not in f["target"]]

    timings = {f"{t} {k}": v["best"] for t in tools for k, v in tools[t]["runs"].items()}
    counts = Counter((r["tool"], r["code"], r["audit"]["verdict"]) for r in rows)
    results = {
        "versions": {t: tools[t]["version"] for t in tools},
        "commands": {f"{t} {k}": v["command"] for t in tools for k, v in tools[t]["runs"].items()},
        "seconds_best_of_3": timings,
        "seconds_all": {f"{t} {k}": v["seconds"] for t in tools for k, v in tools[t]["runs"].items()},
        "iamdojo_audit_counts": Counter(f["code"] for f in audit_rows),
        "peer_counts": Counter(f"{r['tool']} {r['code']}" for r in rows),
        "verdict_counts": {f"{t} {c} {v}": n for (t, c, v), n in sorted(counts.items())},
        "rows": rows,
        "planted": coverage,
        "iamdojo_only": iamdojo_only,
        "parliament_gaad_run_misattributed": tools["parliament"]["gaad_run_misattributed"],
        "cloudsplaining_exclusions": tools["cloudsplaining"]["exclusions"],
    }
    with open(os.path.join(scratch, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
        f.write("\n")
    write_markdown(os.path.join(scratch, "comparison.md"), results, rows)
    print_summary(results, rows)


def write_markdown(path, results, rows):
    out = ["## Verdict counts (iamdojo audit, per peer finding)", "",
           "| tool | code | findings | same | partly | different | MISSING | n/a | validate-policy same / related |",
           "|---|---|---|---|---|---|---|---|---|"]
    groups = defaultdict(list)
    for r in rows:
        groups[(r["tool"], r["code"])].append(r)
    for (t, c), rs in sorted(groups.items()):
        v = Counter(r["audit"]["verdict"] for r in rs)
        w = Counter(r["validate"]["verdict"] for r in rs)
        out.append(f"| {t} | {c} | {len(rs)} | {v['same']} | {v['partly']} | {v['different']} | "
                   f"{v['MISSING']} | {v['n/a']} | {w['same']} / {w['related']} |")
    for (t, c), rs in sorted(groups.items()):
        out += ["", f"### {t} `{c}` ({len(rs)})", "",
                "| where | policy | what the peer said | iamdojo audit | validate-policy |", "|---|---|---|---|---|"]
        for r in merged(rs):
            a = r["audit"]
            verdict = f"{a['verdict']} {a['control']}".strip() + (f": {a['note'][:150]}" if a["note"] else "")
            out.append(f"| {r['where']} | {r['policy']} | {r['said']} | "
                       f"{verdict.replace('|', '/')} | {r['validate']['verdict']} {r['validate']['code']} |")
    out += ["", "## Planted mistakes: who says anything about the place", "",
            "| id | what | iamdojo audit | validate-policy | parliament | cloudsplaining |", "|---|---|---|---|---|---|"]
    for p in results["planted"]:
        g = p["found"]
        cell = lambda k: ", ".join(g[k]) or "—"  # noqa: E731
        out.append(f"| {p['id']} | {p['what']} | {cell('iamdojo audit')} | {cell('validate-policy')} | "
                   f"{cell('parliament')} | {cell('cloudsplaining')} |")
    out += ["", "## iamdojo audit findings on places neither peer mentions", ""]
    for f in results["iamdojo_only"]:
        out.append(f"- {f['code']} {short(f['target'])}: {f['text'][:160]}")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def merged(rs):
    """Table rows: findings on the same document with the same verdicts are one row (e.g. the
    17 escalation types parliament lists for one "*" policy); a long list of such rows with one
    verdict (e.g. 62 roles assumable by a compute service) is one row naming every place."""
    def said(r):
        t = r["text"].replace("|", "/")
        t = re.sub(r"^(LOW|MEDIUM|HIGH|CRITICAL|low|medium|high|critical) ", "", t)
        t += " *(per-document run only)*" if r.get("in_gaad_run") is False else ""
        return t + (" *(AWS managed)*" if r.get("aws_managed") else "")
    key = lambda r: (r["audit"]["verdict"], r["audit"]["control"], r["audit"]["note"],  # noqa: E731
                     r["validate"]["verdict"], r["validate"]["code"])
    by_doc = defaultdict(list)
    for r in rs:
        by_doc[(r["target"], r["policy"] or "") + key(r)].append(r)
    out = []
    for k, group in by_doc.items():
        texts = sorted({said(r)[:300] for r in group})
        common = os.path.commonprefix(texts) if len(texts) > 1 else ""
        text = texts[0] if len(texts) == 1 else f"{len(group)} findings: {common}… " + "; ".join(
            t[len(common):][:70] for t in texts)
        out.append({"where": short(group[0]["target"]), "policy": group[0]["policy"] or "",
                    "said": text[:600], "audit": group[0]["audit"], "validate": group[0]["validate"],
                    "key": key(group[0])})
    if len(out) > 25:
        by_verdict = defaultdict(list)
        for r in out:
            by_verdict[r["key"]].append(r)
        out = [g[0] if len(g) == 1 else dict(g[0], where=f"{len(g)} places: " + ", ".join(
            x["where"] + (f" ({x['policy']})" if x["policy"] and x["policy"] != x["where"] else "")
            for x in g), policy="", said=g[0]["said"][:150] + " (first shown)") for g in by_verdict.values()]
    return sorted(out, key=lambda r: (r["audit"]["verdict"], r["where"]))


def print_summary(results, rows):
    print("\nversions:", ", ".join(f"{k} {v}" for k, v in results["versions"].items()))
    print("\nwall seconds, best of 3 (whole invocation, own process):")
    for k, v in results["seconds_best_of_3"].items():
        once = "  (one run: every document, 2 processes at a time)" if len(results["seconds_all"][k]) == 1 else ""
        print(f"  {k:32s} {v:8.3f}{once}")
    print("\npeer findings vs iamdojo audit:")
    print(f"  {'tool':15s} {'code':38s} {'n':>4s} {'same':>5s} {'partly':>6s} {'diff':>5s} {'MISS':>5s} {'n/a':>4s}  validate same/related")
    groups = defaultdict(list)
    for r in rows:
        groups[(r["tool"], r["code"])].append(r)
    for (t, c), rs in sorted(groups.items()):
        v = Counter(r["audit"]["verdict"] for r in rs)
        w = Counter(r["validate"]["verdict"] for r in rs)
        print(f"  {t:15s} {c:38s} {len(rs):4d} {v['same']:5d} {v['partly']:6d} {v['different']:5d} "
              f"{v['MISSING']:5d} {v['n/a']:4d}  {w['same']}/{w['related']}")
    print("\niamdojo audit findings by control:",
          ", ".join(f"{k} {v}" for k, v in sorted(results["iamdojo_audit_counts"].items())))


if __name__ == "__main__":
    main()
