#!/usr/bin/env python3
"""Record how the AWS CLI's JMESPath (Python's `jmespath` package, as the CLI ships it) reads
a set of `--query` expressions, into tests/data/query-errors.txt.

The sandbox reads `--query` with the `jmespath` crate and tells a refused expression in the
words of Python's package (src/account/command/jmes.rs); `tests/query_errors.rs` compares the
two without Python. Nothing of the package's code is copied: it is run, and what it says is
recorded.

Usage (the AWS CLI v2 virtual environment of assets/gen/record-cli-errors.py, which holds the
CLI's own copy of the package):

    python3 assets/gen/record-query-errors.py [--python /tmp/venv-v2/bin/python]

Output format:

    == EXPRESSION
    ok                      (the package compiles it)
    |LINE                   (or: each line of the package's error message)

and, after a `document: JSON` line, expressions run on that document:

    => EXPRESSION
    ok JSON                 (the answer)
    |LINE                   (or: the error the search raised)

Expressions in DIFFERS are ones the crate reads otherwise than the package (recorded too;
the test checks that they still differ, so that a fixed one is moved to CASES).
"""

import argparse
import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

CASES = [
    # Accepted, including the older grammar's bare-word backtick literal.
    "Users[?UserName==`bob`].Arn",
    "Tags[?Key==`Name`].Value | [0]",
    "a[?k==`  spaced`]",
    "a[?k==`1`]",
    "a[-1]",
    "a[0:2]",
    "a(b)",
    "Users[*].[UserName, Arn]",
    "Users[].{Name: UserName, Id: UserId}",
    "length(Users)",
    # The lexer's refusals.
    "-",
    "a-b",
    "\"unclosed",
    "a.\"x",
    "~",
    "a\u00fc",
    "a[?b=c]",
    "a[?b=`1`]",
    "`\"x`",
    "'open",
    "a[?b==`open]",
    # The parser's.
    "a[0:1:2:3]",
    "a[",
    "a[?",
    "a[?b",
    "a.{",
    "a.{b",
    "a.{b:",
    "a.{b:c,",
    "a | | b",
    "a[*].[",
    "a[*].{b: c d}",
    "a[*].{b: c, 1: d}",
    "a.[0]",
    "a..b",
    "a.1",
    "a.",
    "a[1 2]",
    "&",
    "@@",
    "a[]]",
    "a,b",
    "{a}",
    "1",
    "a || ",
    "!",
    "Users[.",
    "foo(",
    "Users[?UserName==`bob`",
    "Users[?UserName==`bob`] | ,",
    "Users | ",
    "Users[].UserName)",
]

DIFFERS = [
    # The crate reads a multi-select list without its commas; Python refuses it.
    "[a b]",
]

# Expressions that compile but fail, or not, when run: Python's package finds an unknown
# function and a wrong number of arguments only then (the AWS CLI runs the query after the
# call and prints `aws: [ERROR]: MESSAGE`). Each runs on DOCUMENT.
RUNTIME = [
    "foo(Users)",
    "lenght(Users)",
    "length(Users, Users)",
    "length()",
    "join(`,`)",
    "contains(Users)",
    "not_null()",
    "merge()",
    "Users[].foo(@)",
    "length(Users)",
    "sort_by(Users, &UserName)[].UserName",
    "max_by(Users, &UserName).UserName",
]

DOCUMENT = {"Users": [{"UserName": "bob", "Path": "/"}, {"UserName": "alice", "Path": "/"}]}

RUN = r"""
import json, sys, warnings
warnings.simplefilter("ignore")
import jmespath
doc, queries = json.load(sys.stdin)
out = []
for q in queries:
    try:
        out.append([q, jmespath.compile(q).search(doc), None])
    except Exception as e:
        out.append([q, None, str(e)])
print(json.dumps(out))
"""

PROBE = r"""
import json, sys, warnings
warnings.simplefilter("ignore")
import jmespath
out = []
for q in json.load(sys.stdin):
    try:
        jmespath.compile(q)
        out.append([q, None])
    except Exception as e:
        out.append([q, str(e)])
print(json.dumps(out))
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--python", default="/tmp/venv-v2/bin/python")
    opts = ap.parse_args()
    version = subprocess.run(
        [opts.python, "-c", "import jmespath; print(jmespath.__version__)"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    res = subprocess.run(
        [opts.python, "-c", PROBE], input=json.dumps(CASES + DIFFERS),
        capture_output=True, text=True, check=True,
    )
    answers = json.loads(res.stdout)
    lines = [
        "# How Python's jmespath package (the AWS CLI's) reads these --query expressions,",
        f"# recorded by assets/gen/record-query-errors.py with jmespath {version}.",
        "# Regenerate with the script; do not edit by hand.",
    ]
    for i, (q, err) in enumerate(answers):
        if i == len(CASES):
            lines += ["", "# The crate reads these otherwise (tests/query_errors.rs checks they still differ)."]
        lines += ["", f"== {q}"]
        lines += ["ok"] if err is None else ["|" + l for l in err.split("\n")]
    res = subprocess.run(
        [opts.python, "-c", RUN], input=json.dumps([DOCUMENT, RUNTIME]),
        capture_output=True, text=True, check=True,
    )
    lines += [
        "",
        "# Run on the document of the next line (jmespath.search): its answer as JSON, or its error.",
        "document: " + json.dumps(DOCUMENT),
    ]
    for q, value, err in json.loads(res.stdout):
        lines += ["", f"=> {q}"]
        lines += ["ok " + json.dumps(value)] if err is None else ["|" + l for l in err.split("\n")]
    (ROOT / "tests/data/query-errors.txt").write_text("\n".join(lines) + "\n")
    print("wrote tests/data/query-errors.txt")


if __name__ == "__main__":
    main()
