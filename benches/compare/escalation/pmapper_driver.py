#!/usr/bin/env python3
"""Builds principalmapper's graph for every account collected by collect.py and asks, for each
principal, whether principalmapper says it can escalate to an administrator, and through which
edges. principalmapper is installed in a scratch virtualenv (run.sh); only its public functions
are called, nothing of it is copied here.

Usage:
  pmapper_driver.py COLLECTED.json OUT.json

How the graph is built (principalmapper 1.1.5, principalmapper/graphing/gathering.py,
create_graph): the nodes, groups and policies come from
gathering.get_nodes_groups_and_policies, given a stand-in IAM client that answers
get_account_authorization_details with the collected authorization details, and
list_access_keys / get_login_profile / list_mfa_devices with what the sandbox answered
(list_virtual_mfa_devices: none; the sandbox does not simulate it, and no corpus user has MFA).
Then gathering.update_admin_status, then every edge checker's own offline entry point,
generate_edges_locally (iam, sts, ec2, lambda with the account's functions, ssm, sagemaker,
codebuild, cloudformation and autoscaling with no projects, stacks or launch configurations),
with the account's SCP levels. A principal is reported when principalmapper marks it an admin
(its admin test includes self-escalation) or querying.presets.privesc.can_privesc finds a path.
"""
import collections
import collections.abc
import json
import logging
import sys

# principalmapper 1.1.5 imports Mapping from `collections`, gone since Python 3.10.
for _name in ("Mapping", "MutableMapping", "Sequence", "Iterable"):
    if not hasattr(collections, _name):
        setattr(collections, _name, getattr(collections.abc, _name))

try:
    import principalmapper  # noqa: E402
    from principalmapper.common import Graph  # noqa: E402
    from principalmapper.graphing import (  # noqa: E402
        autoscaling_edges, cloudformation_edges, codebuild_edges, ec2_edges, gathering, iam_edges,
        lambda_edges, sagemaker_edges, ssm_edges, sts_edges)
    from principalmapper.querying import query_interface  # noqa: E402
    from principalmapper.querying.presets import privesc  # noqa: E402
except ImportError as e:
    raise SystemExit(f"pmapper_driver.py: principalmapper is not importable ({e}); run run.sh, "
                     "which installs it")

logging.getLogger("principalmapper").setLevel(logging.ERROR)


class _Pages:
    def __init__(self, pages):
        self.pages = pages

    def paginate(self, **_kwargs):
        return iter(self.pages)


class StandInIam:
    """Answers the IAM calls principalmapper's gathering makes, from collected data only."""

    def __init__(self, gaad, users):
        self.gaad = gaad
        self.users = users  # None: only a GAAD file (no keys, no passwords, no MFA known)

    def get_paginator(self, name):
        if name == "get_account_authorization_details":
            return _Pages([self.gaad])
        if name == "list_virtual_mfa_devices":
            return _Pages([{"VirtualMFADevices": []}])
        raise SystemExit(f"pmapper_driver.py: principalmapper asked for an unexpected paginator {name}")

    def _user(self, name):
        return (self.users or {}).get(name) or {"access_keys": [], "login_profile": None, "mfa_devices": []}

    def list_access_keys(self, UserName):
        return {"AccessKeyMetadata": self._user(UserName)["access_keys"]}

    def get_login_profile(self, UserName):
        lp = self._user(UserName)["login_profile"]
        if lp is None:
            raise RuntimeError(f"NoSuchEntity: Login Profile for User {UserName} cannot be found.")
        return lp

    def list_mfa_devices(self, UserName):
        return {"MFADevices": self._user(UserName)["mfa_devices"]}


def build_graph(acct):
    scps = acct["scps"]
    res = gathering.get_nodes_groups_and_policies(StandInIam(acct["gaad"], acct["users"]))
    nodes = res["nodes"]
    gathering.update_admin_status(nodes, scps)
    edges = []
    edges += iam_edges.generate_edges_locally(nodes, scps)
    edges += sts_edges.generate_edges_locally(nodes, scps)
    edges += ec2_edges.generate_edges_locally(nodes, scps)
    edges += lambda_edges.generate_edges_locally(nodes, acct["functions"], scps)
    edges += ssm_edges.generate_edges_locally(nodes, scps)
    edges += sagemaker_edges.generate_edges_locally(nodes, scps)
    edges += codebuild_edges.generate_edges_locally(nodes, scps, [])
    edges += cloudformation_edges.generate_edges_locally(nodes, [], scps)
    edges += autoscaling_edges.generate_edges_locally(nodes, scps, [])
    account = nodes[0].arn.split(":")[4] if nodes else "123456789012"
    return Graph(nodes, edges, res["policies"], res["groups"],
                 {"account_id": account, "pmapper_version": principalmapper.__version__})


# A principal already holds administrator access (and so is not an escalation) when its own
# policies, boundary included, allow all of these on "*" (asked of principalmapper's evaluator).
ADMIN_SAMPLE = ["iam:CreateUser", "iam:AttachRolePolicy", "sts:AssumeRole", "ec2:TerminateInstances",
                "s3:DeleteBucket", "kms:ScheduleKeyDeletion", "lambda:DeleteFunction",
                "organizations:LeaveOrganization", "dynamodb:DeleteTable", "cloudtrail:StopLogging"]


def holds_admin(node):
    return all(query_interface.local_check_authorization_full(node, a, "*", {}) for a in ADMIN_SAMPLE)


def name_of(arn):
    return arn.split(":", 5)[5].split("/")[-1]


def main():
    with open(sys.argv[1]) as f:
        accounts = json.load(f)["accounts"]
    out = []
    for acct in accounts:
        graph = build_graph(acct)
        principals = []
        for node in graph.nodes:
            row = {"principal": node.arn, "name": name_of(node.arn), "is_admin": node.is_admin,
                   "holds_admin": holds_admin(node), "path": None}
            if not node.is_admin:
                ok, edge_list = privesc.can_privesc(graph, node)
                if ok:
                    row["path"] = [{"from": name_of(e.source.arn), "to": name_of(e.destination.arn),
                                    "kind": e.short_reason, "reason": e.reason} for e in edge_list]
            principals.append(row)
        out.append({"name": acct["name"], "principals": principals,
                    "edges": [{"from": name_of(e.source.arn), "to": name_of(e.destination.arn),
                               "kind": e.short_reason, "reason": e.reason} for e in graph.edges]})
    with open(sys.argv[2], "w") as f:
        json.dump({"tool": "principalmapper", "version": principalmapper.__version__,
                   "python": sys.version.split()[0], "accounts": out}, f, indent=1)


if __name__ == "__main__":
    main()
