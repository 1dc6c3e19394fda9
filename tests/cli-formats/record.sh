#!/usr/bin/env bash
# Records what the AWS CLI's own formatters print for every case in cases.json, into recorded/.
# `cargo test` compares iamdojo's rendering with these files and needs no Python.
#
# The AWS CLI v1 on PyPI has the same text and table formatters as v2 (awscli/text.py and
# awscli/table.py); v2's YAML output is ruamel.yaml's safe dumper with block style, which is
# recorded with the ruamel.yaml version AWS CLI v2 pins. Run from anywhere:
#   bash tests/cli-formats/record.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${TMPDIR:-/tmp}/iamdojo-cli-formats-venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q awscli==1.46.3 ruamel.yaml==0.19.1 ruamel.yaml.clib==0.2.15
"$venv/bin/python" "$here/record.py" "$here/cases.json" "$here/recorded"
