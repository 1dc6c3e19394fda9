"""Prints each case of cases.json with the AWS CLI's formatters; see record.sh."""

import io
import json
import os
import sys
import types

import awscli.table
from awscli.formatter import get_formatter
import jmespath
from ruamel.yaml import YAML

FORMATS = ("json", "text", "table", "yaml", "yaml-stream")


def yaml_dump(value, stream):
    # As AWS CLI v2 prints YAML: a JSON scalar is printed as JSON, anything else by the
    # safe dumper in block style.
    if value is None or isinstance(value, (bool, int, float, str)):
        stream.write(json.dumps(value, ensure_ascii=False) + "\n")
        return
    y = YAML(typ="safe")
    y.encoding = None
    y.representer.default_flow_style = False
    y.dump(value, stream)


def render(fmt, operation, response, query, width):
    data = json.loads(json.dumps(response))
    out = io.StringIO()
    if fmt in ("yaml", "yaml-stream"):
        if query is not None:
            data = jmespath.search(query, data)
        if data == {}:
            return ""
        yaml_dump([data] if fmt == "yaml-stream" else data, out)
        return out.getvalue()
    awscli.table.determine_terminal_width = lambda default_width=80: width
    args = types.SimpleNamespace(
        query=jmespath.compile(query) if query is not None else None, color="off"
    )
    get_formatter(fmt, args)(operation, data, out)
    return out.getvalue()


def main(cases_path, out_dir):
    with open(cases_path, encoding="utf-8") as f:
        cases = json.load(f)["cases"]
    os.makedirs(out_dir, exist_ok=True)
    for old in os.listdir(out_dir):
        os.remove(os.path.join(out_dir, old))
    for case in cases:
        for fmt in FORMATS:
            widths = case.get("widths", [80]) if fmt == "table" else [80]
            for width in widths:
                text = render(fmt, case["operation"], case["response"], case.get("query"), width)
                suffix = f"{fmt}-{width}" if fmt == "table" else fmt
                path = os.path.join(out_dir, f"{case['name']}.{suffix}")
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(text)
    print(f"recorded {len(cases)} cases into {out_dir}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
