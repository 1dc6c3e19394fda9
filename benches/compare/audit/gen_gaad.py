#!/usr/bin/env python3
"""Writes a realistic, deterministic `aws iam get-account-authorization-details` file with
planted mistakes, for benches/compare/audit/run.sh.

Usage: gen_gaad.py MANAGED_POLICIES_DIR OUT_DIR

MANAGED_POLICIES_DIR is the repository's assets/managed-policies (the real documents of the
AWS managed policies that the account attaches). Writes OUT_DIR/gaad.json and
OUT_DIR/planted.json (id, what, where for every planted mistake).

The account (111122223333) is a mid-sized company: ~20 applications, each with its own
customer managed policies and Lambda / ECS / EC2 roles; ~300 people in ~20 groups; service
users for legacy integrations; SAML, GitHub OIDC and cross-account roles. Most of it is
least privilege done right (bucket, table and queue ARNs); the mistakes are planted on top
with `plant(...)`, each one commented where it is made. Everything comes from one seeded
random.Random, used in a fixed order: the same inputs give the same bytes.
"""
import json
import os
import random
import sys

ACCOUNT = "111122223333"
PARTNER_WITH_EXTERNAL_ID = "444455556666"  # a vendor that uses sts:ExternalId (fine)
PARTNER_NO_EXTERNAL_ID = "777788889999"    # a partner trusted without one (planted)
NOW = "2026-03-01T00:00:00Z"               # the clock run.sh passes to `iamdojo audit --now`
ROOT = f"arn:aws:iam::{ACCOUNT}:root"

rng = random.Random(20260301)
planted = []


def plant(pid, what, where):
    """Records one planted mistake (where: the principal or policy ARN, plus details)."""
    planted.append({"id": pid, "what": what, "where": where})


# ---------------------------------------------------------------------------- small helpers

def uid(prefix):
    """An IAM unique id: prefix + 17 upper-case letters and digits."""
    return prefix + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(17))


def day(y, m, d, h=9):
    return f"{y:04d}-{m:02d}-{d:02d}T{h:02d}:00:00Z"


def some_day(y0=2021, y1=2025):
    return day(rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28), rng.randint(6, 20))


def recent(max_days=30):
    """A time in February 2026, at most `max_days` before NOW."""
    d = max(1, 28 - rng.randint(0, min(max_days, 27)))
    return day(2026, 2, d, rng.randint(0, 23))


def st(action, resource="*", effect="Allow", sid=None, not_action=False, not_resource=False,
       condition=None):
    """One statement; `action`/`resource` may be a string or a list."""
    s = {}
    if sid:
        s["Sid"] = sid
    s["Effect"] = effect
    s["NotAction" if not_action else "Action"] = action
    s["NotResource" if not_resource else "Resource"] = resource
    if condition:
        s["Condition"] = condition
    return s


def doc(*statements, version=True):
    d = {"Version": "2012-10-17"} if version else {}
    d["Statement"] = list(statements)
    return d


def trust(principal, action="sts:AssumeRole", condition=None):
    s = {"Effect": "Allow", "Principal": principal, "Action": action}
    if condition:
        s["Condition"] = condition
    return {"Version": "2012-10-17", "Statement": [s]}


def service_trust(*services):
    return trust({"Service": list(services) if len(services) > 1 else services[0]})


# ---------------------------------------------------------------------------- the account

policies = {}   # ARN -> GAAD `Policies[]` entry
groups = {}     # name -> GAAD group
users = {}      # name -> GAAD user
roles = {}      # name -> GAAD role


def aws_managed(name, managed_dir):
    """The real AWS managed policy, as GAAD lists it (only attached ones are listed)."""
    with open(os.path.join(managed_dir, name + ".json")) as f:
        src = json.load(f)
    arn = src["Arn"]  # some live under a path, e.g. policy/job-function/ViewOnlyAccess
    if arn not in policies:
        policies[arn] = {
            "PolicyName": src["PolicyName"], "PolicyId": uid("ANPA"), "Arn": src["Arn"],
            "Path": src["Path"], "DefaultVersionId": src["DefaultVersionId"],
            "AttachmentCount": 0, "PermissionsBoundaryUsageCount": 0, "IsAttachable": True,
            "CreateDate": day(2015, 2, 6, 18), "UpdateDate": day(2024, 6, 1, 12),
            "PolicyVersionList": [{"Document": src["Document"], "VersionId": src["DefaultVersionId"],
                                   "IsDefaultVersion": True, "CreateDate": day(2024, 6, 1, 12)}],
        }
    return arn


def managed(name, document, older=None, path="/"):
    """A customer managed policy; `older` is an earlier, non-default version (v1)."""
    arn = f"arn:aws:iam::{ACCOUNT}:policy{path}{name}"
    created = some_day(2021, 2024)
    versions = []
    if older is not None:
        versions.append({"Document": older, "VersionId": "v1", "IsDefaultVersion": False,
                         "CreateDate": created})
    default = "v2" if older is not None else "v1"
    updated = some_day(2025, 2025) if older is not None else created
    versions.insert(0, {"Document": document, "VersionId": default, "IsDefaultVersion": True,
                        "CreateDate": updated})
    policies[arn] = {
        "PolicyName": name, "PolicyId": uid("ANPA"), "Arn": arn, "Path": path,
        "DefaultVersionId": default, "AttachmentCount": 0, "PermissionsBoundaryUsageCount": 0,
        "IsAttachable": True, "CreateDate": created, "UpdateDate": updated,
        "PolicyVersionList": versions,
    }
    return arn


def attached(arns):
    return [{"PolicyName": a.rsplit("/", 1)[1], "PolicyArn": a} for a in arns]


def inline(items):
    return [{"PolicyName": n, "PolicyDocument": d} for n, d in items]


def boundary(arn):
    return {"PermissionsBoundaryType": "PermissionsBoundaryPolicy", "PermissionsBoundaryArn": arn}


def group(name, arns=(), inline_policies=(), path="/"):
    groups[name] = {
        "Path": path, "GroupName": name, "GroupId": uid("AGPA"),
        "Arn": f"arn:aws:iam::{ACCOUNT}:group{path}{name}", "CreateDate": some_day(2020, 2023),
        "GroupPolicyList": inline(inline_policies), "AttachedManagedPolicies": attached(arns),
    }
    return groups[name]["Arn"]


def user(name, in_groups=(), arns=(), inline_policies=(), path="/", bound=None, tags=None):
    u = {
        "Path": path, "UserName": name, "UserId": uid("AIDA"),
        "Arn": f"arn:aws:iam::{ACCOUNT}:user{path}{name}", "CreateDate": some_day(2019, 2025),
        "UserPolicyList": inline(inline_policies), "GroupList": list(in_groups),
        "AttachedManagedPolicies": attached(arns), "Tags": tags or [],
    }
    if bound:
        u["PermissionsBoundary"] = boundary(bound)
    users[name] = u
    return u["Arn"]


def role(name, trust_doc, arns=(), inline_policies=(), path="/", last_used="recent", bound=None,
         tags=None, instance_profile=False, created=None):
    """last_used: 'recent', None (never: RoleLastUsed is {}), or an ISO time."""
    r = {
        "Path": path, "RoleName": name, "RoleId": uid("AROA"),
        "Arn": f"arn:aws:iam::{ACCOUNT}:role{path}{name}",
        "CreateDate": created or some_day(2020, 2025),
        "AssumeRolePolicyDocument": trust_doc, "InstanceProfileList": [],
        "RolePolicyList": inline(inline_policies), "AttachedManagedPolicies": attached(arns),
        "Tags": tags or [],
        "RoleLastUsed": {},
    }
    if last_used == "recent":
        r["RoleLastUsed"] = {"LastUsedDate": recent(), "Region": rng.choice(["us-east-1", "eu-west-1"])}
    elif last_used:
        r["RoleLastUsed"] = {"LastUsedDate": last_used, "Region": "us-east-1"}
    if bound:
        r["PermissionsBoundary"] = boundary(bound)
    if instance_profile:
        r["InstanceProfileList"] = [{
            "Path": path, "InstanceProfileName": name, "InstanceProfileId": uid("AIPA"),
            "Arn": f"arn:aws:iam::{ACCOUNT}:instance-profile{path}{name}",
            "CreateDate": r["CreateDate"],
            "Roles": [{"Path": path, "RoleName": name, "RoleId": r["RoleId"], "Arn": r["Arn"],
                       "CreateDate": r["CreateDate"], "AssumeRolePolicyDocument": trust_doc}],
        }]
    roles[name] = r
    return r["Arn"]


def tags(**kv):
    return [{"Key": k.replace("_", "-"), "Value": v} for k, v in kv.items()]


# ---------------------------------------------------------------------------- building it

APPS = ["billing", "checkout", "catalog", "search", "orders", "payments", "inventory",
        "shipping", "profile", "reco", "notify", "auth", "reports", "etl", "ml-train",
        "audit-log", "cms", "media", "chat", "geo"]
FIRST = ["alex", "maria", "li", "sam", "noor", "yuki", "omar", "eva", "raj", "ines", "tom",
         "hana", "ali", "zoe", "ken", "sara", "ivan", "lea", "jon", "mia", "ben", "aya",
         "dan", "ana", "leo"]
LAST = ["ng", "garcia", "kim", "smith", "patel", "sato", "khan", "rossi", "muller", "dubois",
        "silva", "nowak", "ito", "jones", "lopez", "chen"]


def app_policies(app):
    """The least-privilege policies of one application (what good looks like)."""
    bucket, table = f"acme-{app}-data", f"{app}-main"
    region_acct = f"us-east-1:{ACCOUNT}"
    out = {
        "s3": managed(f"{app}-s3-rw", doc(
            st("s3:ListBucket", f"arn:aws:s3:::{bucket}", sid="List"),
            st(["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], f"arn:aws:s3:::{bucket}/*",
               sid="Objects"))),
        "ddb": managed(f"{app}-dynamodb-rw", doc(
            st(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query",
                "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"],
               [f"arn:aws:dynamodb:{region_acct}:table/{table}",
                f"arn:aws:dynamodb:{region_acct}:table/{table}/index/*"]))),
        "sqs": managed(f"{app}-sqs-consume", doc(
            st(["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
                "sqs:ChangeMessageVisibility"], f"arn:aws:sqs:{region_acct}:{app}-jobs"))),
        "logs": managed(f"{app}-logs", doc(
            st(["logs:CreateLogStream", "logs:PutLogEvents"],
               f"arn:aws:logs:{region_acct}:log-group:/aws/lambda/{app}-*:*"),
            st("cloudwatch:PutMetricData", "*",
               condition={"StringEquals": {"cloudwatch:namespace": f"Acme/{app}"}}))),
    }
    # A fifth policy for some apps: KMS decrypt on the app's key, older v1 kept (realistic).
    if rng.random() < 0.6:
        key_id = "%08x-%04x-4%03x-8%03x-%012x" % tuple(rng.getrandbits(b) for b in (32, 16, 12, 12, 48))
        key = f"arn:aws:kms:{region_acct}:key/{key_id}"
        out["kms"] = managed(f"{app}-kms-decrypt", doc(st(["kms:Decrypt", "kms:GenerateDataKey"], key)),
                             older=doc(st("kms:Decrypt", key)))
    return out


def build(managed_dir):
    A = lambda n: aws_managed(n, managed_dir)  # noqa: E731

    # Permissions boundary for developers and the roles they create (allowed by design to be
    # broad: a boundary caps, it grants nothing on its own).
    dev_boundary = managed("dev-boundary", doc(
        st(["s3:*", "dynamodb:*", "sqs:*", "sns:*", "lambda:*", "logs:*", "cloudwatch:*",
            "xray:*", "ecr:*", "ecs:*", "kms:Decrypt", "ssm:GetParameter*"], "*", sid="Services"),
        st(["iam:*", "organizations:*", "account:*"], "*", effect="Deny", sid="NoIam")),
        path="/boundaries/")

    app_pol = {app: app_policies(app) for app in APPS}

    # Shared, well-scoped policies.
    self_manage = managed("self-manage-credentials", doc(
        st(["iam:ChangePassword", "iam:GetUser", "iam:CreateAccessKey", "iam:DeleteAccessKey",
            "iam:ListAccessKeys", "iam:UpdateAccessKey", "iam:ListMFADevices",
            "iam:EnableMFADevice", "iam:ResyncMFADevice"],
           "arn:aws:iam::*:user/${aws:username}", sid="OwnCredentials"),
        st(["iam:CreateVirtualMFADevice"], "arn:aws:iam::*:mfa/${aws:username}", sid="OwnMfa")))
    force_mfa = managed("force-mfa", doc(
        st(["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser",
            "iam:ListMFADevices", "sts:GetSessionToken", "iam:ChangePassword"], "*",
           effect="Deny", not_action=True, sid="DenyAllExceptMfaSetupWithoutMfa",
           condition={"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}})))
    ecr_pull = managed("ecr-pull", doc(
        st("ecr:GetAuthorizationToken", "*", sid="Token"),
        st(["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
           f"arn:aws:ecr:us-east-1:{ACCOUNT}:repository/acme/*", sid="Pull")))
    deploy_lambda = {env: managed(f"deploy-lambda-{env}", doc(
        st(["lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration",
            "lambda:PublishVersion", "lambda:GetFunction"],
           f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:{env}-*"),
        st("iam:PassRole", f"arn:aws:iam::{ACCOUNT}:role/{env}-*",
           condition={"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}})))
        for env in ("dev", "staging", "prod")}
    ro_tagged = managed("ec2-operate-own-team", doc(
        st(["ec2:StartInstances", "ec2:StopInstances", "ec2:RebootInstances"],
           f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/*",
           condition={"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}})))
    athena = managed("analytics-athena", doc(
        st(["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults"],
           f"arn:aws:athena:us-east-1:{ACCOUNT}:workgroup/analytics"),
        st(["glue:GetTable", "glue:GetDatabase", "glue:GetPartitions"],
           [f"arn:aws:glue:us-east-1:{ACCOUNT}:catalog",
            f"arn:aws:glue:us-east-1:{ACCOUNT}:database/lake",
            f"arn:aws:glue:us-east-1:{ACCOUNT}:table/lake/*"]),
        st(["s3:GetObject", "s3:ListBucket"],
           ["arn:aws:s3:::acme-lake", "arn:aws:s3:::acme-lake/*"])))
    # Unattached leftovers (realistic; linted all the same).
    for i, svc in enumerate(["sns", "sqs", "events", "states", "firehose"]):
        managed(f"old-poc-{svc}-{i}", doc(st(f"{svc}:List*", "*")))

    # ------------------------------------------------------------------ planted policies
    # P-ADMIN-INLINE-CM: a customer managed policy that is AdministratorAccess in disguise.
    break_glass = managed("break-glass-full", doc(st("*", "*", sid="Everything")))
    plant("P-ADMIN-CM", "customer managed policy allows \"*\" on \"*\" (break-glass-full)",
          break_glass)
    # P-CREATEPOLICYVERSION: rewriting any policy, including one's own (escalation).
    cpv = managed("policy-maintainer", doc(
        st(["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:GetPolicy",
            "iam:GetPolicyVersion", "iam:ListPolicyVersions"], "*", sid="MaintainPolicies")))
    plant("P-ESC-CPV", "iam:CreatePolicyVersion + SetDefaultPolicyVersion on \"*\"", cpv)
    # P-UPDATE-TRUST: rewriting any role's trust policy, then assuming it.
    upd_trust = managed("role-trust-editor", doc(
        st(["iam:UpdateAssumeRolePolicy", "iam:GetRole", "sts:AssumeRole"], "*")))
    plant("P-ESC-TRUST", "iam:UpdateAssumeRolePolicy + sts:AssumeRole on \"*\"", upd_trust)
    # P-PASSROLE-EC2: PassRole on "*" plus RunInstances (launch with any role).
    ec2_launch = managed("ec2-launcher", doc(
        st(["ec2:RunInstances", "ec2:DescribeInstances", "ec2:CreateTags"], "*"),
        st("iam:PassRole", "*")))
    plant("P-ESC-PASSROLE-EC2", "iam:PassRole on \"*\" with ec2:RunInstances", ec2_launch)
    # Data exfiltration.
    s3_all_read = managed("s3-read-everything", doc(st(["s3:GetObject", "s3:ListBucket",
                                                          "s3:ListAllMyBuckets"], "*")))
    plant("P-EXFIL-S3", "s3:GetObject on \"*\"", s3_all_read)
    ssm_read = managed("app-config-reader", doc(
        st(["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"], "*")))
    plant("P-EXFIL-SSM", "ssm:GetParameter(s) on \"*\"", ssm_read)
    # Resource exposure.
    bucket_admin = managed("bucket-policy-admin", doc(
        st(["s3:PutBucketPolicy", "s3:GetBucketPolicy", "s3:DeleteBucketPolicy",
            "s3:PutBucketAcl"], "arn:aws:s3:::*")))
    plant("P-EXPOSE-S3", "s3:PutBucketPolicy / PutBucketAcl on every bucket (arn:aws:s3:::*)",
          bucket_admin)
    # Credentials exposure.
    ci_creds = managed("ci-credentials", doc(
        st(["ecr:GetAuthorizationToken", "sts:GetSessionToken", "codeartifact:GetAuthorizationToken",
            "redshift:GetClusterCredentials", "iam:CreateServiceSpecificCredential"], "*")))
    plant("P-CREDS", "credential-returning APIs on \"*\" (redshift:GetClusterCredentials, "
          "iam:CreateServiceSpecificCredential, ...)", ci_creds)
    # Service wildcards.
    data_s3 = managed("data-team-s3", doc(st("s3:*", "*", sid="AllS3")))
    plant("P-WILD-S3", "s3:* on \"*\"", data_s3)
    # Allow + NotAction: everything but IAM (PowerUser look-alike).
    not_iam = managed("almost-power-user", doc(st("iam:*", "*", not_action=True)))
    plant("P-NOTACTION", "Allow + NotAction iam:* on \"*\" (every other service)", not_iam)
    # Typos and invalid entries (grant nothing).
    typo_s3 = managed("reports-download", doc(
        st(["s3:GetObjet", "s3:ListBucket"], ["arn:aws:s3:::acme-reports",
                                              "arn:aws:s3:::acme-reports/*"])))
    plant("P-TYPO-S3", "action typo s3:GetObjet", typo_s3)
    typo_iam = managed("onboarding-helper", doc(
        st(["iam:CreateUsr", "iam:AddUserToGroup"], f"arn:aws:iam::{ACCOUNT}:*")))
    plant("P-TYPO-IAM", "action typo iam:CreateUsr", typo_iam)
    s4 = managed("archive-reader", doc(st(["s4:GetObject", "glacier:DescribeVault"], "*")))
    plant("P-PREFIX", "unknown service prefix s4:GetObject", s4)
    # s3:GetObject on a bucket ARN (object actions need bucket/key): grants nothing.
    mismatch = managed("invoices-read", doc(
        st("s3:GetObject", "arn:aws:s3:::acme-invoices")))
    plant("P-RESOURCE-MISMATCH", "s3:GetObject on arn:aws:s3:::acme-invoices (no /*)", mismatch)
    # Conditions: a key that does not exist, a key that does not apply to the action,
    # StringEquals on an IP key, ForAnyValue on a single-valued key.
    cond_typo = managed("orders-table-owner", doc(
        st(["dynamodb:GetItem", "dynamodb:Query"],
           f"arn:aws:dynamodb:us-east-1:{ACCOUNT}:table/orders-main",
           condition={"ForAllValues:StringEquals": {"dynamodb:LeadingKey": ["${aws:userid}"]}})))
    plant("P-COND-UNKNOWN-KEY", "condition key dynamodb:LeadingKey does not exist "
          "(dynamodb:LeadingKeys)", cond_typo)
    cond_wrong_action = managed("media-upload", doc(
        st("s3:GetObject", "arn:aws:s3:::acme-media-data/*",
           condition={"StringLike": {"s3:prefix": "public/*"}})))
    plant("P-COND-KEY-FOR-ACTION", "s3:prefix on s3:GetObject (the key is only for "
          "ListBucket)", cond_wrong_action)
    ip_string = managed("office-only-console", doc(
        st(["ec2:Describe*", "cloudwatch:GetMetricData"], "*",
           condition={"StringEquals": {"aws:SourceIp": ["203.0.113.0/24"]}})))
    plant("P-COND-TYPE", "StringEquals on aws:SourceIp (an IpAddress key)", ip_string)
    any_value = managed("tenant-admins", doc(
        st(["dynamodb:Scan", "dynamodb:Query"],
           f"arn:aws:dynamodb:us-east-1:{ACCOUNT}:table/tenants",
           condition={"ForAnyValue:StringEquals": {"aws:username": ["maria.garcia", "li.kim"]}})))
    plant("P-COND-FORANYVALUE", "ForAnyValue:StringEquals on the single-valued aws:username",
          any_value)
    # No Version: policy variables are read as text.
    no_version = managed("home-folder", doc(
        st(["s3:GetObject", "s3:PutObject"], "arn:aws:s3:::acme-home/${aws:username}/*"),
        version=False))
    plant("P-NO-VERSION", "customer managed policy without Version (uses ${aws:username})",
          no_version)
    # A bad old version that is not the default (should NOT be reported: not in force).
    fixed = managed("support-tools", doc(
        st(["support:DescribeCases", "support:CreateCase", "support:AddCommunicationToCase",
            "support:DescribeServices"], "*"), st(["ec2:DescribeInstances"], "*")),
        older=doc(st("*", "*")))
    plant("N-OLD-VERSION", "NEGATIVE: v1 (not default) of support-tools allows \"*\"; "
          "v2 is fine", fixed)

    # ------------------------------------------------------------------ groups
    admins = group("Admins", [A("AdministratorAccess")])
    plant("P-ADMIN-GROUP", "group with AdministratorAccess (4 members)", admins)
    group("all-staff", [A("IAMUserChangePassword"), self_manage, force_mfa])
    team_groups = {
        "eng-platform": [A("ReadOnlyAccess"), app_pol["auth"]["logs"], ecr_pull, ro_tagged],
        "eng-payments": [A("AmazonEC2ReadOnlyAccess"), app_pol["payments"]["ddb"],
                         app_pol["billing"]["s3"], deploy_lambda["dev"]],
        "eng-web": [A("AmazonS3ReadOnlyAccess"), app_pol["cms"]["s3"], app_pol["media"]["s3"],
                    deploy_lambda["dev"]],
        "eng-mobile": [A("CloudWatchReadOnlyAccess"), app_pol["notify"]["sqs"],
                       deploy_lambda["dev"]],
        "eng-data": [athena, app_pol["etl"]["s3"], app_pol["reports"]["s3"]],
        "data-science": [athena, app_pol["ml-train"]["s3"], app_pol["reco"]["ddb"]],
        "finance": [A("AWSBillingReadOnlyAccess"), A("AWSBudgetsReadOnlyAccess")],
        "support-tier1": [A("AWSSupportAccess"), fixed],
        "support-tier2": [A("AWSSupportAccess"), fixed, A("AmazonDynamoDBReadOnlyAccess")],
        "security": [A("SecurityAudit"), A("AWSCloudTrail_ReadOnlyAccess"),
                     A("AmazonGuardDutyReadOnlyAccess")],
        "sre": [A("ViewOnlyAccess"), ro_tagged, deploy_lambda["staging"], deploy_lambda["prod"]],
        "qa": [deploy_lambda["staging"], app_pol["checkout"]["logs"]],
        "product": [A("ViewOnlyAccess")],
        "marketing-analytics": [athena],
        "readonly-auditors": [A("ReadOnlyAccess")],
        "billing-viewers": [A("Billing")],
        "interns": [A("AmazonVPCReadOnlyAccess")],
    }
    for g, arns in team_groups.items():
        group(g, arns)
    # P-WILD-EC2 (group inline): the whole of EC2 for every SRE.
    groups["sre"]["GroupPolicyList"] = inline([
        ("ec2-everything", doc(st("ec2:*", "*", sid="Ec2Admin")))])
    plant("P-WILD-EC2", "group inline policy ec2:* on \"*\"", groups["sre"]["Arn"] + " (ec2-everything)")
    # P-ESC-PUTUSERPOLICY (group inline): anyone in support-tier2 can write any user's policy.
    groups["support-tier2"]["GroupPolicyList"] = inline([
        ("user-fixups", doc(st(["iam:PutUserPolicy", "iam:GetUserPolicy", "iam:ListUsers"], "*")))])
    plant("P-ESC-PUTUSERPOLICY", "group inline iam:PutUserPolicy on \"*\"",
          groups["support-tier2"]["Arn"] + " (user-fixups)")
    # P-CLOUDSHELL: CloudShell for a group (Security Hub IAM.27).
    cs = group("cloudshell-users", [A("AWSCloudShellFullAccess")])
    plant("P-CLOUDSHELL", "group with AWSCloudShellFullAccess", cs)
    # Contractors: a group inline policy with Allow + NotResource.
    group("contractors", [], [("no-prod-buckets", doc(
        st("s3:*", ["arn:aws:s3:::acme-prod-*", "arn:aws:s3:::acme-prod-*/*"],
           not_resource=True)))])
    plant("P-NOTRESOURCE", "Allow s3:* + NotResource (every bucket but prod)",
          groups["contractors"]["Arn"] + " (no-prod-buckets)")

    # ------------------------------------------------------------------ people
    names = sorted({f"{f}.{l}" for f in FIRST for l in LAST})
    rng.shuffle(names)
    people = names[:280]
    teams = list(team_groups)
    weights = [20, 14, 22, 12, 16, 12, 8, 14, 8, 6, 14, 10, 10, 6, 3, 4, 6]
    for i, name in enumerate(people):
        team = rng.choices(teams, weights)[0]
        if i < 40:  # the people who get planted mistakes: teams whose groups are harmless
            team = rng.choice(["product", "qa", "finance", "marketing-analytics", "interns"])
        gl = ["all-staff", team]
        if rng.random() < 0.08:
            gl.append("cloudshell-users")
        if team in ("eng-platform", "eng-data") and rng.random() < 0.1:
            gl.append("readonly-auditors")
        direct = []
        if rng.random() < 0.06:  # direct attachments happen (Security Hub IAM.2)
            direct.append(rng.choice([A("AmazonS3ReadOnlyAccess"), athena, ecr_pull]))
        # Half the engineers have the developer boundary; not the first 40 people, who get
        # the planted mistakes below (a boundary would hide some, as N-BOUNDED-* shows).
        bound = dev_boundary if team.startswith("eng-") and rng.random() < 0.5 and i >= 40 \
            else None
        path = "/staff/" if i % 3 else "/"
        # Some people keep a personal scratch prefix granted inline (least privilege, fine).
        own = [("scratch-prefix", doc(st(["s3:GetObject", "s3:PutObject"],
                                         f"arn:aws:s3:::acme-scratch/{name}/*")))] \
            if rng.random() < 0.12 else []
        user(name, gl, direct, own, path=path, bound=bound,
             tags=tags(team=team, cost_center=f"cc-{rng.randint(100, 140)}"))
    # Admins: four members of the Admins group, two with AdministratorAccess directly.
    for n in people[:4]:
        users[n]["GroupList"].append("Admins")
    plant("P-ADMIN-VIA-GROUP", "users with AdministratorAccess through the Admins group",
          [users[n]["Arn"] for n in people[:4]])
    for n in people[4:6]:
        users[n]["AttachedManagedPolicies"] += attached([A("AdministratorAccess")])
    plant("P-ADMIN-DIRECT", "users with AdministratorAccess attached directly",
          [users[n]["Arn"] for n in people[4:6]])
    # N-BOUNDED-ADMIN: AdministratorAccess capped by dev-boundary (not really admin).
    n = people[6]
    users[n]["AttachedManagedPolicies"] += attached([A("AdministratorAccess")])
    users[n]["PermissionsBoundary"] = boundary(dev_boundary)
    plant("N-BOUNDED-ADMIN", "NEGATIVE-ish: AdministratorAccess capped by the dev-boundary "
          "permissions boundary (no IAM, no EC2)", users[n]["Arn"])
    # Escalation on individual people.
    n = people[10]
    users[n]["AttachedManagedPolicies"] += attached([cpv, app_pol["search"]["s3"]])
    plant("P-ESC-CPV-USER", "user can rewrite its own managed policy (policy-maintainer)",
          users[n]["Arn"])
    n = people[11]
    users[n]["UserPolicyList"] += inline([("grant-helper", doc(
        st(["iam:AttachUserPolicy", "iam:ListPolicies"], "*")))])
    plant("P-ESC-ATTACHUSERPOLICY", "user inline iam:AttachUserPolicy on \"*\"",
          users[n]["Arn"] + " (grant-helper)")
    n = people[12]
    users[n]["UserPolicyList"] += inline([("key-rotation", doc(
        st(["iam:CreateAccessKey", "iam:DeleteAccessKey", "iam:ListAccessKeys"], "*")))])
    plant("P-ESC-CREATEACCESSKEY", "user inline iam:CreateAccessKey on \"*\" (keys for admins)",
          users[n]["Arn"] + " (key-rotation)")
    n = people[13]
    users[n]["AttachedManagedPolicies"] += attached([upd_trust])
    plant("P-ESC-TRUST-USER", "user with role-trust-editor", users[n]["Arn"])
    n = people[14]
    users[n]["AttachedManagedPolicies"] += attached([data_s3, bucket_admin])
    n = people[15]
    users[n]["AttachedManagedPolicies"] += attached([not_iam])
    n = people[16]
    # P-ADMIN-INLINE: inline "*" on "*" for a contractor.
    users[n]["GroupList"] = ["all-staff", "contractors"]
    users[n]["UserPolicyList"] += inline([("temp-full-access", doc(st("*", "*")))])
    plant("P-ADMIN-INLINE", "user inline Action \"*\" Resource \"*\"",
          users[n]["Arn"] + " (temp-full-access)")
    for n in people[17:22]:
        users[n]["GroupList"] = ["all-staff", "contractors"]
    n = people[22]
    # Inline typo and missing version on an inline policy.
    users[n]["UserPolicyList"] += inline([("sandbox-ec2", doc(
        st(["ec2:RunInstance", "ec2:TerminateInstances"], "*",
           condition={"StringEquals": {"aws:RequestedRegion": "us-west-2"}}), version=False))])
    plant("P-TYPO-EC2-INLINE", "user inline typo ec2:RunInstance, and no Version",
          users[n]["Arn"] + " (sandbox-ec2)")
    for n, pol in zip(people[23:30], [typo_s3, typo_iam, s4, mismatch, cond_typo,
                                      cond_wrong_action, ip_string]):
        users[n]["AttachedManagedPolicies"] += attached([pol])
    users[people[30]]["AttachedManagedPolicies"] += attached([any_value, no_version])
    users[people[31]]["AttachedManagedPolicies"] += attached([s3_all_read])
    # N-BOUNDED-ESCALATION: the same key-rotation mistake, but the boundary denies iam:*.
    n = people[32]
    users[n]["UserPolicyList"] += inline([("key-rotation", doc(
        st(["iam:CreateAccessKey", "iam:DeleteAccessKey", "iam:ListAccessKeys"], "*")))])
    users[n]["PermissionsBoundary"] = boundary(dev_boundary)
    plant("N-BOUNDED-ESCALATION", "NEGATIVE-ish: iam:CreateAccessKey on \"*\", but the "
          "dev-boundary permissions boundary denies iam:*", users[n]["Arn"] + " (key-rotation)")

    # Service users (legacy integrations with access keys): policies attached directly.
    for app in APPS[:12]:
        pol = app_pol[app]
        user(f"svc-{app}", [], [pol["s3"], pol["sqs"]], path="/service/",
             tags=tags(owner=f"{app}-team", purpose="legacy-integration"))
    user("svc-jenkins", [], [A("AdministratorAccess")], path="/service/",
         tags=tags(owner="sre"))
    plant("P-ADMIN-SVC-USER", "service user svc-jenkins with AdministratorAccess",
          users["svc-jenkins"]["Arn"])
    user("svc-backup", [], [A("AmazonS3FullAccess")], path="/service/")
    user("svc-iam-sync", [], [A("IAMFullAccess")], path="/service/")
    plant("P-IAMFULL-USER", "service user with IAMFullAccess (can make itself admin)",
          users["svc-iam-sync"]["Arn"])
    user("svc-exporter", [], [ci_creds, ssm_read], path="/service/",
         inline_policies=[("secrets", doc(st("secretsmanager:GetSecretValue", "*")))])
    plant("P-EXFIL-SECRETS-USER", "service user inline secretsmanager:GetSecretValue on \"*\"",
          users["svc-exporter"]["Arn"] + " (secrets)")

    # ------------------------------------------------------------------ roles
    for app in APPS:
        pol = app_pol[app]
        arns = [pol["s3"], pol["ddb"], pol["logs"]] + ([pol["kms"]] if "kms" in pol else [])
        # X-Ray needs Resource "*" (its actions have no resource type): the usual inline.
        role(f"{app}-lambda-exec", service_trust("lambda.amazonaws.com"), arns,
             [("xray-tracing", doc(st(["xray:PutTraceSegments", "xray:PutTelemetryRecords"])))],
             path="/service-role/" if app in ("geo", "chat") else "/",
             tags=tags(app=app, env="prod"))
        if APPS.index(app) % 2 == 0:
            role(f"{app}-ecs-task", service_trust("ecs-tasks.amazonaws.com"),
                 [pol["sqs"], pol["s3"]], bound=dev_boundary, tags=tags(app=app),
                 inline_policies=[("read-params", doc(st(
                     ["ssm:GetParameters", "ssm:GetParameter"],
                     f"arn:aws:ssm:us-east-1:{ACCOUNT}:parameter/{app}/*")))])
    for app in APPS[:8]:
        role(f"ec2-{app}", service_trust("ec2.amazonaws.com"),
             [app_pol[app]["logs"], ecr_pull, A("AmazonEC2ReadOnlyAccess")],
             instance_profile=True, tags=tags(app=app))
    # SAML roles for people (federated through Okta).
    saml = f"arn:aws:iam::{ACCOUNT}:saml-provider/Okta"
    for r, arns in [("okta-readonly", [A("ReadOnlyAccess")]), ("okta-developer", [A("PowerUserAccess")]),
                    ("okta-billing", [A("Billing")]), ("okta-security", [A("SecurityAudit")]),
                    ("okta-admin", [A("AdministratorAccess")])]:
        role(r, trust({"Federated": saml}, "sts:AssumeRoleWithSAML",
                      {"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}), arns)
    plant("P-ADMIN-ROLE-SAML", "SAML role okta-admin with AdministratorAccess",
          roles["okta-admin"]["Arn"])
    # GitHub Actions (OIDC).
    gh = f"arn:aws:iam::{ACCOUNT}:oidc-provider/token.actions.githubusercontent.com"
    for repo, env in [("acme/web", "dev"), ("acme/api", "staging"), ("acme/infra", "prod")]:
        role(f"github-{repo.split('/')[1]}", trust(
            {"Federated": gh}, "sts:AssumeRoleWithWebIdentity",
            {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
             "StringLike": {"token.actions.githubusercontent.com:sub": f"repo:{repo}:*"}}),
            [deploy_lambda[env]])
    # P-OIDC-NO-SUB: any GitHub repository in the world can assume this role.
    role("github-legacy-deployer", trust(
        {"Federated": gh}, "sts:AssumeRoleWithWebIdentity",
        {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}),
        [deploy_lambda["prod"], ec2_launch])
    plant("P-OIDC-NO-SUB", "GitHub OIDC role without a :sub condition (any repository)",
          roles["github-legacy-deployer"]["Arn"])
    # CI roles assumed by the build account's root (same account).
    role("build-runner", trust({"AWS": ROOT}), [ec2_launch, ecr_pull],
         inline_policies=[("lambda-deployer", doc(
             st(["lambda:CreateFunction", "lambda:InvokeFunction", "iam:PassRole"], "*")))])
    plant("P-ESC-PASSROLE-LAMBDA", "role inline lambda:CreateFunction + iam:PassRole on \"*\"",
          roles["build-runner"]["Arn"] + " (lambda-deployer)")
    role("terraform-plan", trust({"AWS": ROOT}), [A("ReadOnlyAccess")])
    role("terraform-apply", trust({"AWS": f"arn:aws:iam::{ACCOUNT}:role/build-runner"}),
         [break_glass])
    plant("P-ADMIN-ROLE-CM", "role terraform-apply with break-glass-full, assumable by "
          "build-runner", roles["terraform-apply"]["Arn"])
    # Admin roles that a PassRole can hand to a new instance or function.
    role("ec2-admin-instance-role", service_trust("ec2.amazonaws.com"),
         [A("AdministratorAccess")], instance_profile=True)
    plant("P-ADMIN-ROLE-EC2", "EC2 instance role with AdministratorAccess",
          roles["ec2-admin-instance-role"]["Arn"])
    role("ops-automation", service_trust("lambda.amazonaws.com"), [A("AdministratorAccess")])
    plant("P-ADMIN-ROLE-LAMBDA", "Lambda role with AdministratorAccess",
          roles["ops-automation"]["Arn"])
    role("legacy-admin-role", trust({"AWS": ROOT}), [A("AdministratorAccess")],
         last_used=day(2025, 6, 2))
    plant("P-ADMIN-ROLE-UNUSED", "admin role assumable by the account, last used 2025-06-02",
          roles["legacy-admin-role"]["Arn"])
    # Roles that manage themselves or data.
    role("config-sync", service_trust("lambda.amazonaws.com"), [ssm_read, app_pol["auth"]["logs"]],
         inline_policies=[("self-tune", doc(st(["iam:PutRolePolicy", "iam:GetRolePolicy"], "*"))),
                          ("secrets", doc(st(["secretsmanager:GetSecretValue",
                                              "secretsmanager:DescribeSecret"], "*")))])
    plant("P-ESC-PUTROLEPOLICY", "role inline iam:PutRolePolicy on \"*\" (can grant itself "
          "anything)", roles["config-sync"]["Arn"] + " (self-tune)")
    plant("P-EXFIL-SECRETS", "role inline secretsmanager:GetSecretValue on \"*\"",
          roles["config-sync"]["Arn"] + " (secrets)")
    role("data-lake-loader", service_trust("glue.amazonaws.com"), [s3_all_read, data_s3, athena])
    # Cross-account trust.
    role("vendor-monitoring", trust({"AWS": f"arn:aws:iam::{PARTNER_WITH_EXTERNAL_ID}:root"},
                                    condition={"StringEquals": {"sts:ExternalId": "acme-7f3a9c"}}),
         [A("SecurityAudit")], tags=tags(vendor="monitoring"))
    role("partner-readonly", trust({"AWS": f"arn:aws:iam::{PARTNER_NO_EXTERNAL_ID}:root"}),
         [A("ReadOnlyAccess")], tags=tags(vendor="partner"))
    plant("P-TRUST-NO-EXTERNALID", f"role trusts account {PARTNER_NO_EXTERNAL_ID} without "
          "sts:ExternalId", roles["partner-readonly"]["Arn"])
    role("shared-artifacts", trust({"AWS": "*"}), [app_pol["media"]["s3"]],
         tags=tags(owner="web"))
    plant("P-TRUST-STAR", "role trusts \"*\" (any AWS principal) with no condition",
          roles["shared-artifacts"]["Arn"])
    role("org-audit", trust({"AWS": "*"}, condition={
        "StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}), [A("SecurityAudit")])
    plant("N-TRUST-STAR-ORG", "NEGATIVE: trusts \"*\" but only within the organization "
          "(aws:PrincipalOrgID)", roles["org-audit"]["Arn"])
    # Unused roles.
    for name, last in [("poc-recommender", day(2025, 9, 14)), ("migration-2023", None),
                       ("old-reporting", day(2025, 1, 20))]:
        role(name, service_trust("lambda.amazonaws.com"), [app_pol["reports"]["logs"]],
             last_used=last, created=day(2023, 3, 1))
    plant("P-UNUSED-ROLES", "roles not used in 90 days (one never used, RoleLastUsed {})",
          [roles[n]["Arn"] for n in ("poc-recommender", "migration-2023", "old-reporting",
                                     "legacy-admin-role")])
    # Fill up to ~80 roles with ordinary scheduled jobs.
    i = 0
    while len(roles) < 80:
        app = APPS[i % len(APPS)]
        role(f"{app}-scheduled-job-{i // len(APPS) + 1}", service_trust("events.amazonaws.com",
                                                                         "lambda.amazonaws.com"),
             [app_pol[app]["sqs"], app_pol[app]["logs"]], tags=tags(app=app))
        i += 1

    # ------------------------------------------------------------------ attachment counts
    for e in list(users.values()) + list(groups.values()) + list(roles.values()):
        for a in e["AttachedManagedPolicies"]:
            policies[a["PolicyArn"]]["AttachmentCount"] += 1
        if "PermissionsBoundary" in e:
            policies[e["PermissionsBoundary"]["PermissionsBoundaryArn"]][
                "PermissionsBoundaryUsageCount"] += 1
    # GAAD lists only AWS managed policies that are in use; keep every customer managed one.
    return {
        "UserDetailList": list(users.values()),
        "GroupDetailList": list(groups.values()),
        "RoleDetailList": list(roles.values()),
        "Policies": [p for p in policies.values()
                     if p["Arn"].split(":")[4] != "aws" or p["AttachmentCount"]],
    }


def main():
    managed_dir, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    gaad = build(managed_dir)
    with open(os.path.join(out, "gaad.json"), "w") as f:
        json.dump(gaad, f, indent=2)
        f.write("\n")
    with open(os.path.join(out, "planted.json"), "w") as f:
        json.dump({"now": NOW, "account": ACCOUNT, "planted": planted}, f, indent=2)
        f.write("\n")
    print(f"gen_gaad: {len(gaad['UserDetailList'])} users, {len(gaad['GroupDetailList'])} groups, "
          f"{len(gaad['RoleDetailList'])} roles, {len(gaad['Policies'])} managed policies, "
          f"{len(planted)} planted entries", file=sys.stderr)


if __name__ == "__main__":
    main()
