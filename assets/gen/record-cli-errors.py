#!/usr/bin/env python3
"""Record how the current AWS CLI v2 prints its errors, into tests/data/cli-errors/recorded.txt.

The sandbox prints the AWS CLI's errors; this records the CLI's own output for the same
command lines, so that `tests/cli_errors.rs` can compare the two without Python.

Data source: the AWS CLI v2 (Apache-2.0, Amazon), built from the read-only mirror of its
repository (branch `v2`). Nothing of its code is copied here: the CLI is run, and what it
prints is recorded.

Usage (the build takes a few minutes; PyPI is needed for the CLI's dependencies):

    python3 assets/gen/record-cli-errors.py --build      # build /tmp/venv-v2, then record
    python3 assets/gen/record-cli-errors.py              # record with the venv already built

Every command runs with fake credentials (`AKIAEXAMPLE`), no config or credentials file, no
pager, and `AWS_ENDPOINT_URL` set to a port nothing listens on, so nothing reaches AWS. A case
marked `service` instead points `AWS_ENDPOINT_URL` at a local HTTP server that answers IAM's
XML error body (status 404), which is how the CLI prints a service error, or EC2's
DescribeInstances with an instance shutting down (a waiter that fails). A profile case runs
without credentials in the environment, its profile written to the CLI's files.

Output format (a new case is one more entry in CASES, then a rerun):

    # comment lines (the CLI version, the mirror's commit)
    == NAME
    setup: COMMAND LINE             (what the sandbox runs first; the CLI has files instead)
    $ COMMAND LINE                  (as the sandbox runs it)
    exit N
    stdout:
    |LINE                           (each line of standard output, after `|`)
    stderr:
    |LINE                           (each line of standard error)

A stream that does not end with a newline has a line `\\ no newline at end` after its last
line.
"""

import argparse
import http.server
import os
import shlex
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

MIRROR = "/work/.mirror/aws+aws-cli/repo"
BRANCH = "v2"
SRC = Path("/tmp/awscli-v2-src")
VENV = Path("/tmp/venv-v2")
ROOT = Path(__file__).resolve().parent.parent.parent
OUT = ROOT / "tests/data/cli-errors/recorded.txt"

# (name, command line, needs the local IAM endpoint)
CASES = [
    ("unknown-command", "aws iamm list-users", False),
    ("unknown-operation-near", "aws iam list-user", False),
    ("unknown-operation-far", "aws iam frobnicate", False),
    ("missing-required", "aws iam get-user-policy --user-name bob", False),
    ("unknown-option", "aws iam get-user --user-nme bob", False),
    ("invalid-output", "aws iam list-users --output jsn", False),
    ("param-validation-min-length", "aws iam get-policy --policy-arn abc", False),
    (
        "bad-json-structure",
        "aws ec2 run-instances --image-id ami-0abcdef1234567890 "
        "--iam-instance-profile '{\"Name\":'",
        False,
    ),
    (
        "missing-paramfile",
        "aws iam create-policy --policy-name P --policy-document file://missing.json",
        False,
    ),
    ("unknown-profile", "aws iam list-users --profile nosuch", False),
    ("unknown-waiter", "aws ec2 wait no-such-waiter", False),
    ("no-operation", "aws iam", False),
    ("expected-one-argument", "aws iam get-user --user-name", False),
    ("invalid-int", "aws iam list-users --max-items many", False),
    ("ambiguous-option", "aws iam get-user --user", False),
    ("bad-cli-input-json", "aws iam create-user --cli-input-json '{\"UserName\": }'", False),
    ("unknown-input-json-key", "aws iam create-user --cli-input-json '{\"UserName\":\"u\",\"Nickname\":\"d\"}'", False),
    ("bad-shorthand", "aws iam tag-user --user-name bob --tags Foo", False),
    ("bad-skeleton-choice", "aws iam get-user --generate-cli-skeleton jsn", False),
    ("bad-int-member", "aws iam create-role --role-name r --assume-role-policy-document '{}' --max-session-duration x", False),
    ("cli-input-json-not-a-map", "aws iam create-user --cli-input-json '[1]'", False),
    ("bad-cli-input-yaml", "aws iam create-user --cli-input-yaml 'a: [b'", False),
    ("s3-mb-local-path", "aws s3 mb my-bucket", False),
    ("s3-cp-local-to-local", "aws s3 cp a.txt b.txt", False),
    ("s3-rm-local-path", "aws s3 rm a.txt", False),
    ("s3-cp-missing-local-file", "aws s3 cp nothere.txt s3://my-bucket/", False),
    ("no-such-entity", "aws iam get-user --user-name bob", True),
    # A `--query` the JMESPath parser refuses, before anything is sent.
    ("query-expecting-star", "aws iam list-users --query 'Users[.'", False),
    ("query-incomplete-call", "aws iam list-users --query 'foo('", False),
    ("query-incomplete-filter", "aws iam list-users --query 'Users[?UserName==`bob`'", False),
    ("query-incomplete-multiselect", "aws iam list-users --query 'Users[*].[UserName, Arn'", False),
    ("query-incomplete-pipe", "aws iam list-users --query 'Users | '", False),
    ("query-trailing-dot", "aws iam list-users --query 'Users[0].'", False),
    ("query-unexpected-rparen", "aws iam list-users --query 'Users[].UserName)'", False),
    ("query-unexpected-comma", "aws iam list-users --query 'Users[*].UserName,Arn'", False),
    ("query-unclosed-literal", "aws iam list-users --query 'Users[?UserName==`bob]'", False),
    ("query-unclosed-raw-string", "aws iam list-users --query \"Users[?UserName=='bob]\"", False),
    ("query-unknown-character", "aws iam list-users --query 'Users[*].User#Name'", False),
    ("query-single-equals", "aws iam list-users --query \"Users[?UserName='bob']\"", False),
    ("query-dot-bracket-number", "aws iam list-users --query 'Users.[0'", False),
    ("query-missing-rbrace", "aws iam list-users --query 'Users[].{Name: UserName'", False),
    ("query-bad-hash-key", "aws iam list-users --query 'Users[].{1: UserName}'", False),
]

# Cases about profiles: (name, command line, what the sandbox runs first to set the profile up,
# the CLI's config file, its credentials file). These run without credentials in the
# environment, so that the profile's are the only ones.
PROFILE_CASES = [
    (
        "no-credentials",
        "aws iam list-users --profile nocreds",
        ["aws configure set region us-east-1 --profile nocreds"],
        "[profile nocreds]\nregion = us-east-1\n",
        "",
    ),
    (
        "partial-credentials",
        "aws iam list-users --profile half",
        ["aws configure set aws_access_key_id AKIAEXAMPLE --profile half"],
        "[profile half]\nregion = us-east-1\n",
        "[half]\naws_access_key_id = AKIAEXAMPLE\n",
    ),
]

# Cases the local server answers that need the sandbox set up first: (name, command line,
# what the sandbox runs first). The server answers EC2's DescribeInstances with one
# instance shutting down, which is what the sandbox's setup leaves.
SERVED_CASES = [
    (
        "waiter-failed",
        "aws ec2 wait instance-running --instance-ids $I",
        [
            "I=$(aws ec2 run-instances --image-id ami-1 --instance-type t3.micro "
            "--query Instances[0].InstanceId --output text)",
            "aws ec2 terminate-instances --instance-ids $I",
        ],
    ),
]

EC2_SHUTTING_DOWN = (
    b'<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">'
    b"<requestId>x</requestId><reservationSet><item><reservationId>r-1</reservationId>"
    b"<ownerId>123456789012</ownerId><instancesSet><item><instanceId>i-1</instanceId>"
    b"<instanceState><code>32</code><name>shutting-down</name></instanceState>"
    b"</item></instancesSet></item></reservationSet></DescribeInstancesResponse>"
)

IAM_ERROR = (
    b"<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchEntity</Code>"
    b"<Message>The user with name bob cannot be found.</Message></Error>"
    b"<RequestId>x</RequestId></ErrorResponse>"
)


class IamError(http.server.BaseHTTPRequestHandler):
    """Answers EC2's DescribeInstances with an instance shutting down, and every other request
    with IAM's NoSuchEntity error."""

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        status, answer = (
            (200, EC2_SHUTTING_DOWN) if b"Action=DescribeInstances" in body else (404, IAM_ERROR)
        )
        self.send_response(status)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    do_GET = do_POST

    def log_message(self, *args):
        pass


def build():
    subprocess.run(["rm", "-rf", str(SRC), str(VENV)], check=True)
    SRC.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", MIRROR, "archive", BRANCH], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(SRC)], input=archive, check=True)
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(VENV / "bin/pip"), "install", "-q", str(SRC)], check=True)


def stream(name, text):
    lines = [f"{name}:"]
    if text:
        body = text[:-1] if text.endswith("\n") else text
        lines += ["|" + l for l in body.split("\n")]
        if not text.endswith("\n"):
            lines.append("\\ no newline at end")
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", action="store_true", help="build the CLI into /tmp/venv-v2 first")
    opts = ap.parse_args()
    if opts.build:
        build()
    aws = VENV / "bin/aws"
    version = subprocess.run(
        [str(aws), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    commit = subprocess.run(
        ["git", "-C", MIRROR, "rev-parse", BRANCH], capture_output=True, text=True, check=True
    ).stdout.strip()

    server = http.server.HTTPServer(("127.0.0.1", 0), IamError)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]

    out = [
        "# How the AWS CLI v2 prints its errors, recorded by assets/gen/record-cli-errors.py",
        f"# {version}",
        f"# built from aws/aws-cli branch {BRANCH} at commit {commit}",
        "# Each case ran with fake credentials, no config files and AWS_ENDPOINT_URL on a port",
        "# nothing listens on. A `service` case had a local server answer instead: IAM's",
        "# NoSuchEntity error (status 404), or EC2's DescribeInstances with an instance shutting",
        "# down. A profile case ran with no credentials in the environment and its profile in",
        "# the config and credentials files. `setup:` lines are what the sandbox runs first to",
        "# be in the same state.",
        "# Regenerate with the script; do not edit by hand.",
    ]
    with tempfile.TemporaryDirectory() as work:
        runs = [(n, l, svc, [], None, None) for n, l, svc in CASES]
        runs += [(n, l, False, setup, conf, creds) for n, l, setup, conf, creds in PROFILE_CASES]
        runs += [(n, l, True, setup, None, None) for n, l, setup in SERVED_CASES]
        for name, line, service, setup, config, credentials in runs:
            env = {
                "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                "HOME": work,
                "LANG": "C.UTF-8",
                "AWS_ACCESS_KEY_ID": "AKIAEXAMPLE",
                "AWS_SECRET_ACCESS_KEY": "x",
                "AWS_DEFAULT_REGION": "us-east-1",
                "AWS_CONFIG_FILE": os.path.join(work, "config"),
                "AWS_SHARED_CREDENTIALS_FILE": os.path.join(work, "credentials"),
                "AWS_PAGER": "",
                "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port if service else 9}",
            }
            for path, text in (("config", config), ("credentials", credentials)):
                target = os.path.join(work, path)
                if text is None:
                    if os.path.exists(target):
                        os.remove(target)
                else:
                    with open(target, "w") as f:
                        f.write(text)
            if config is not None:
                del env["AWS_ACCESS_KEY_ID"], env["AWS_SECRET_ACCESS_KEY"]
            words = shlex.split(line)
            words[0] = str(aws)
            p = subprocess.run(
                words, cwd=work, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL
            )
            out.append("")
            out.append(f"== {name}{' service' if service else ''}")
            out += [f"setup: {c}" for c in setup]
            out.append(f"$ {line}")
            out.append(f"exit {p.returncode}")
            out += stream("stdout", p.stdout)
            out += stream("stderr", p.stderr)
    server.shutdown()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(out) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
