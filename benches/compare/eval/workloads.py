#!/usr/bin/env python3
"""Writes the three speed workloads as JSON, deterministically, for every tool to read.

Usage: workloads.py READ_ONLY_ACCESS.json OUT.json

Each workload: policies (documents), caller, context {key: {value, type}}, and pairs
[[action, resource template]]; a template's {n} is replaced by a number so that batches of
distinct resources can be made. Wildcard-only actions use the resource "*".
"""
import json
import sys

CALLER = "arn:aws:iam::111111111111:user/bench"
CONTEXT = {
    "aws:RequestedRegion": {"value": "us-east-1", "type": "string"},
    "aws:SecureTransport": {"value": "true", "type": "boolean"},
    "aws:SourceIp": {"value": "10.1.2.3", "type": "ip"},
    "aws:PrincipalTag/team": {"value": "blue", "type": "string"},
}

# 20 real actions, each with a resource of a type the action accepts.
PAIRS_B = [
    ["s3:GetObject", "arn:aws:s3:::data-bucket/obj-{n}.txt"],
    ["s3:PutObject", "arn:aws:s3:::data-bucket/obj-{n}.txt"],
    ["s3:DeleteObject", "arn:aws:s3:::data-bucket/obj-{n}.txt"],
    ["s3:ListBucket", "arn:aws:s3:::data-bucket-{n}"],
    ["ec2:StartInstances", "arn:aws:ec2:us-east-1:111111111111:instance/i-{n:017x}"],
    ["ec2:StopInstances", "arn:aws:ec2:us-east-1:111111111111:instance/i-{n:017x}"],
    ["ec2:TerminateInstances", "arn:aws:ec2:us-east-1:111111111111:instance/i-{n:017x}"],
    ["ec2:DescribeInstances", "*"],
    ["dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:111111111111:table/t{n}"],
    ["dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:111111111111:table/t{n}"],
    ["dynamodb:Query", "arn:aws:dynamodb:us-east-1:111111111111:table/t{n}"],
    ["lambda:InvokeFunction", "arn:aws:lambda:us-east-1:111111111111:function:f{n}"],
    ["lambda:GetFunction", "arn:aws:lambda:us-east-1:111111111111:function:f{n}"],
    ["sqs:SendMessage", "arn:aws:sqs:us-east-1:111111111111:q{n}"],
    ["sqs:ReceiveMessage", "arn:aws:sqs:us-east-1:111111111111:q{n}"],
    ["sns:Publish", "arn:aws:sns:us-east-1:111111111111:t{n}"],
    ["iam:GetRole", "arn:aws:iam::111111111111:role/r{n}"],
    ["iam:PassRole", "arn:aws:iam::111111111111:role/r{n}"],
    ["secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:111111111111:secret:s{n}-AbCdEf"],
    ["ssm:GetParameter", "arn:aws:ssm:us-east-1:111111111111:parameter/p{n}"],
]

ACTION_PATTERNS = [
    "s3:Get*", "s3:Put*", "s3:*Object", "s3:List*", "ec2:*Instances", "ec2:Describe*",
    "ec2:Start*", "dynamodb:*Item", "dynamodb:Query", "dynamodb:*", "lambda:Get*",
    "lambda:Invoke*", "sqs:*Message", "sqs:Receive*", "sns:Pub*", "iam:Get*", "iam:PassRole",
    "secretsmanager:Get*", "ssm:GetParam*", "kms:*", "logs:*", "cloudwatch:Get*",
    "sts:AssumeRole", "s3:*", "ec2:*", "rds:Describe*", "iam:List*", "tag:*",
]
RESOURCE_PATTERNS = [
    "*", "arn:aws:s3:::data-bucket/*", "arn:aws:s3:::data-bucket-*",
    "arn:aws:ec2:us-east-1:111111111111:instance/*", "arn:aws:dynamodb:*:111111111111:table/t*",
    "arn:aws:lambda:us-east-1:111111111111:function:*", "arn:aws:sqs:*:111111111111:*",
    "arn:aws:iam::111111111111:role/*", "arn:aws:*:us-east-1:111111111111:*",
]


def conditions(k):
    """One condition block per statement, cycling through four operators; about half match."""
    region = ["us-east-1", "eu-west-1"][k % 2]
    kinds = [
        {"StringEquals": {"aws:RequestedRegion": region}},
        {"Bool": {"aws:SecureTransport": "true" if k % 3 else "false"}},
        {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8" if k % 2 else "192.168.0.0/16", "203.0.113.0/24"]}},
        {"StringLike": {"aws:PrincipalTag/team": "bl*" if k % 2 else "red*"}},
    ]
    return kinds[k % 4]


class Lcg:
    """A fixed linear congruential generator, so the documents never depend on a library."""

    def __init__(self, seed):
        self.s = seed

    def next(self, n):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.s >> 33) % n


def workload_b():
    rng = Lcg(20261129)
    policies = []
    k = 0
    for p in range(10):
        stmts = []
        for s in range(20):
            actions = sorted({ACTION_PATTERNS[rng.next(len(ACTION_PATTERNS))] for _ in range(3)})
            effect = "Deny" if rng.next(10) == 0 else "Allow"
            stmts.append({
                "Sid": f"P{p}S{s}",
                "Effect": effect,
                "Action": actions,
                "Resource": RESOURCE_PATTERNS[rng.next(len(RESOURCE_PATTERNS))],
                "Condition": conditions(k),
            })
            k += 1
        policies.append({"Version": "2012-10-17", "Statement": stmts})
    return policies


def main():
    with open(sys.argv[1]) as f:
        read_only = json.load(f)["Document"]
    workloads = {
        "a_small_policy": {
            "policies": [{"Version": "2012-10-17", "Statement": [{
                "Sid": "ReadPhotos", "Effect": "Allow", "Action": "s3:GetObject",
                "Resource": "arn:aws:s3:::photos/*"}]}],
            "caller": CALLER, "context": {},
            "pairs": [["s3:GetObject", "arn:aws:s3:::photos/cat-{n}.jpg"]],
        },
        "b_10_policies_x_20_statements": {
            "policies": workload_b(), "caller": CALLER, "context": CONTEXT, "pairs": PAIRS_B,
        },
        "c_read_only_access": {
            "policies": [read_only], "caller": CALLER, "context": {}, "pairs": PAIRS_B,
        },
    }
    with open(sys.argv[2], "w") as f:
        json.dump(workloads, f)


if __name__ == "__main__":
    main()
