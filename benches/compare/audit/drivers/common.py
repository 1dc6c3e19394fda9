"""Shared by the drivers: best-of-N timing of a whole command, the policy documents of a
GAAD file written one per file, and the normalised finding shape.

A normalised finding is a dict:
  tool     "iamdojo", "iamdojo validate-policy", "parliament" or "cloudsplaining"
  code     the tool's own issue code or category (control id for iamdojo)
  target   the ARN the finding is about: a managed policy, or the principal that holds an
           inline policy, or a principal / role for principal-level findings
  policy   the policy's name when the finding is about one policy document (else None)
  actions  the actions (or services, or trust principals) it names, if any
  text     the tool's words, shortened
"""
import json
import os
import subprocess
import time


def timed(cmd, runs=3, ok=(0, 1), cwd=None, before=None):
    """Runs `cmd` `runs` times, each a fresh process; returns (seconds per run, last result).
    `before` is called before every run (e.g. to empty an output folder)."""
    seconds, res = [], None
    for _ in range(runs):
        if before:
            before()
        t = time.perf_counter()
        res = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
        seconds.append(round(time.perf_counter() - t, 4))
        if res.returncode not in ok:
            raise SystemExit(f"{cmd[0]} exited {res.returncode}:\n{res.stderr[-2000:]}")
    return seconds, res


def finding(tool, code, target, policy=None, actions=None, text=""):
    return {"tool": tool, "code": code, "target": target, "policy": policy,
            "actions": sorted(set(actions or [])), "text": " ".join(str(text).split())[:400]}


def documents(gaad):
    """Every policy document in force that belongs to the account: the default version of
    each customer managed policy, and every inline policy. Yields dicts with kind, target
    (policy ARN, or the principal's ARN for inline), policy (name) and document."""
    for p in gaad.get("Policies", []):
        if p["Arn"].split(":")[4] == "aws":
            continue
        for v in p["PolicyVersionList"]:
            if v["IsDefaultVersion"]:
                yield {"kind": "managed", "target": p["Arn"], "policy": p["PolicyName"],
                       "document": v["Document"]}
    for kind, lst, key in (("user", "UserDetailList", "UserPolicyList"),
                           ("group", "GroupDetailList", "GroupPolicyList"),
                           ("role", "RoleDetailList", "RolePolicyList")):
        for e in gaad.get(lst, []):
            for ip in e.get(key, []):
                yield {"kind": f"{kind} inline", "target": e["Arn"], "policy": ip["PolicyName"],
                       "document": ip["PolicyDocument"]}


def write_documents(gaad_path, out_dir):
    """Writes each document as out_dir/NNN.json (compact, as parliament re-serialises them)
    and out_dir-index.json beside the folder; returns the index {file name: entry without
    the document}."""
    with open(gaad_path) as f:
        gaad = json.load(f)
    os.makedirs(out_dir, exist_ok=True)
    for old in os.listdir(out_dir):
        os.remove(os.path.join(out_dir, old))
    index = {}
    for i, d in enumerate(documents(gaad)):
        name = f"{i:03d}.json"
        with open(os.path.join(out_dir, name), "w") as f:
            f.write(json.dumps(d["document"]))
        index[name] = {k: v for k, v in d.items() if k != "document"}
    with open(out_dir.rstrip("/") + "-index.json", "w") as f:
        json.dump(index, f, indent=1)
    return index


def save(path, data):
    with open(path, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
