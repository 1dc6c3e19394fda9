#!/usr/bin/env python3
"""Generate assets/aws-models.json.gz, iamdojo's offline copy of AWS's service models for the
operations its sandbox simulates.

Data source: the `botocore` package on PyPI (Apache-2.0, Amazon), whose `data/<service>/
<version>/service-2.json` and `paginators-1.json` are AWS's own service models, and the
`awscli` package (Apache-2.0), whose command tables say where the AWS CLI's flags differ from
the model (a flag it adds, such as `ec2 run-instances --count`; a member it hides; a member it
no longer requires). Only the JSON models and the command tables are read; no code of either
package is copied here.

Run it with the Python of a virtualenv that has the pinned packages (nothing is installed by
the script itself):

    python3 -m venv /tmp/venv-models
    /tmp/venv-models/bin/pip install awscli==1.46.3 botocore==1.43.62
    /tmp/venv-models/bin/python assets/gen/gen-service-models.py \
        --ops assets/gen/simulated-operations.txt --out assets/aws-models.json.gz \
        --xform tests/data/models/xform.txt

Output: gzip (mtime 0, no file name) of compact JSON with sorted keys, so the same inputs give
the same bytes. Schema:

    {"source": {"botocore", "awscli", "license"},
     "services": {CLI-NAME: {"botocore", "api_version", "protocol",
        "operations": {Op: {"input"?, "output"?, "paginator"?: {"input_token", "output_token",
                            "limit_key"?, "result_key", "more_results"?},
                            "cli": {"extra": [{"flag", "type", "required", "positional"}],
                                    "hidden": [Member], "optional": [Member],
                                    "aliases": {flag: Member}, "input_json": bool}}},
        "other_operations": [Op, ...],
        "shapes": {Name: {"type", "members"?: [[Member, Shape]], "required"?, "member"?, "key"?,
                          "value"?, "min"?, "max"?, "enum"?, "pattern"?, "streaming"?,
                          "document"?}}}}}

`--xform` also writes every member name of the kept shapes with the flag botocore's
`xform_name` makes of it, for the test of iamdojo's own conversion.
"""

import argparse
import gzip
import io
import json
import sys

# The AWS CLI's name of a service, where it is not botocore's.
CLI_TO_BOTOCORE = {"s3api": "s3"}

# What a shape keeps: its type and the constraints the CLI or the service checks.
SHAPE_KEYS = ("type", "required", "min", "max", "enum", "pattern", "streaming", "document")

# The CLI's own arguments on every command, not deviations of one operation.
COMMON_ARGS = {"cli-input-json", "generate-cli-skeleton", "starting-token", "page-size", "max-items"}


def trim_shape(shape):
    out = {k: shape[k] for k in SHAPE_KEYS if k in shape}
    if "members" in shape:
        # A list, so that the model's order of members survives sorted keys: the CLI's
        # skeletons and messages list members in that order.
        out["members"] = [[m, ref["shape"]] for m, ref in shape["members"].items()]
    for k in ("member", "key", "value"):
        if k in shape:
            out[k] = {"shape": shape[k]["shape"]}
    return out


def reach(shapes, name, seen):
    if name in seen:
        return
    seen.add(name)
    s = shapes[name]
    refs = [r["shape"] for r in s.get("members", {}).values()]
    refs += [s[k]["shape"] for k in ("member", "key", "value") if k in s]
    for r in refs:
        reach(shapes, r, seen)


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def cli_deviations(driver_table, cli_service, op_name, op, shapes, xform_name):
    """Where the CLI's flags for this operation differ from the model's input members."""
    cmd = driver_table[cli_service]._get_command_table()[xform_name(op_name, "-")]
    table = cmd.arg_table
    members = shapes[op["input"]["shape"]]["members"] if "input" in op else {}
    required = set(shapes[op["input"]["shape"]].get("required", [])) if "input" in op else set()
    by_member = {}
    extra = []
    aliases = {}
    for flag, arg in table.items():
        member = getattr(arg, "_serialized_name", None)
        if flag in COMMON_ARGS:
            continue
        if flag.startswith("no-") and flag[3:] in table:
            # The negative of a boolean flag, which every boolean member has.
            continue
        custom = type(arg).__name__ not in ("CLIArgument", "BooleanArgument", "ListArgument")
        if member is None or member not in members or custom:
            extra.append(
                {
                    "flag": flag,
                    "type": arg.cli_type_name,
                    "required": bool(arg.required),
                    "positional": not arg.cli_name.startswith("--"),
                }
            )
            continue
        if flag.replace("-", "") != xform_name(member, "-").replace("-", ""):
            # A flag of the CLI's own that sets a member in its own way, e.g.
            # `--enable-api-termination` (DisableApiTermination false).
            extra.append(
                {"flag": flag, "type": arg.cli_type_name, "required": bool(arg.required),
                 "positional": False}
            )
            continue
        if flag != xform_name(member, "-"):
            aliases[flag] = member
        by_member.setdefault(member, []).append(arg)
    hidden = sorted(m for m in members if m not in by_member)
    optional = sorted(
        m for m in required if m in by_member and not any(a.required for a in by_member[m])
    )
    return {
        "extra": extra,
        "hidden": hidden,
        "optional": optional,
        "aliases": aliases,
        "input_json": "cli-input-json" in table,
    }


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--ops", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--xform")
    a = p.parse_args()

    import awscli
    import botocore
    from awscli.clidriver import create_clidriver
    from botocore import xform_name
    from botocore.loaders import Loader

    wanted = {}
    for n, line in enumerate(open(a.ops, encoding="utf-8"), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 2:
            sys.exit(f"{a.ops}:{n}: write `service Operation`, not `{line}`")
        wanted.setdefault(parts[0], set()).add(parts[1])

    loader = Loader()
    driver_table = create_clidriver()._get_command_table()
    services = {}
    xform = set()
    for cli_name in sorted(wanted):
        name = CLI_TO_BOTOCORE.get(cli_name, cli_name)
        model = loader.load_service_model(name, "service-2")
        try:
            pages = loader.load_service_model(name, "paginators-1")["pagination"]
        except Exception:
            pages = {}
        shapes = model["shapes"]
        ops = {}
        seen = set()
        for op_name in sorted(wanted[cli_name]):
            if op_name not in model["operations"]:
                sys.exit(f"{a.ops}: botocore's {name} has no operation {op_name}")
            op = model["operations"][op_name]
            entry = {}
            for k in ("input", "output"):
                if k in op:
                    entry[k] = op[k]["shape"]
                    reach(shapes, op[k]["shape"], seen)
            if op_name in pages:
                pg = pages[op_name]
                entry["paginator"] = {
                    "input_token": as_list(pg.get("input_token")),
                    "output_token": as_list(pg.get("output_token")),
                    "result_key": as_list(pg.get("result_key")),
                }
                for k in ("limit_key", "more_results"):
                    if k in pg:
                        entry["paginator"][k] = pg[k]
            entry["cli"] = cli_deviations(driver_table, cli_name, op_name, op, shapes, xform_name)
            ops[op_name] = entry
        kept = {s: trim_shape(shapes[s]) for s in sorted(seen)}
        for s in kept.values():
            for m, _ in s.get("members", []):
                xform.add((m, xform_name(m, "-")))
        services[cli_name] = {
            "botocore": name,
            "api_version": model["metadata"]["apiVersion"],
            "protocol": model["metadata"]["protocol"],
            "operations": ops,
            "other_operations": sorted(set(model["operations"]) - set(ops)),
            "shapes": kept,
        }

    doc = {
        "source": {
            "botocore": botocore.__version__,
            "awscli": awscli.__version__,
            "license": "Apache-2.0",
        },
        "services": services,
    }
    text = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as gz:
        gz.write(text.encode("utf-8"))
    with open(a.out, "wb") as f:
        f.write(buf.getvalue())
    print(f"{a.out}: {len(buf.getvalue())} bytes ({len(text)} uncompressed)")
    if a.xform:
        with open(a.xform, "w", encoding="utf-8") as f:
            f.write("# Member names and the flag botocore's xform_name makes of each "
                    f"(botocore {botocore.__version__}); generated by "
                    "assets/gen/gen-service-models.py.\n")
            for m, flag in sorted(xform):
                f.write(f"{m} {flag}\n")


if __name__ == "__main__":
    main()
