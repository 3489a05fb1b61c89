#!/usr/bin/python3
"""Validates scenario files against the published JSON Schema, as an editor's YAML language server would.

Usage: check_schema.py --schema SCHEMA [--show VSSFAULT] DIR...

Every *.yaml under each DIR that exists is read with PyYAML, converted to JSON and validated against
SCHEMA (draft 2020-12). With --show, the output of `VSSFAULT show FILE` is validated as well, since it is
the canonical spelling of the same scenario. A directory that does not exist (yet) is skipped; nothing
inside an existing one is. Exit 0 when everything validates, 1 otherwise.
"""
import argparse
import json
import os
import subprocess
import sys

import jsonschema
import yaml


def yaml_files(directory):
    found = []
    for root, _dirs, files in os.walk(directory):
        found.extend(os.path.join(root, f) for f in files if f.endswith(".yaml"))
    return sorted(found)


def problems(validator, document):
    # Round-trip through JSON: exactly what a JSON consumer of the YAML would see.
    data = json.loads(json.dumps(document))
    return sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schema", required=True)
    parser.add_argument("--show")
    parser.add_argument("dirs", nargs="+")
    args = parser.parse_args()

    with open(args.schema, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    # The check must be able to fail: a misspelt top-level key and a missing name are rejected.
    if not problems(validator, {"writres": []}):
        print("the schema accepts {'writres': []}; it checks nothing")
        return 1

    failures = 0
    checked = 0
    for directory in args.dirs:
        if not os.path.isdir(directory):
            continue
        for path in yaml_files(directory):
            texts = [(path, open(path, encoding="utf-8").read())]
            if args.show:
                shown = subprocess.run([args.show, "show", path], capture_output=True, text=True)
                if shown.returncode != 0:
                    print(f"{path}: `vssfault show` failed:\n{shown.stderr}")
                    failures += 1
                    continue
                texts.append((path + " (as shown)", shown.stdout))
            for name, text in texts:
                checked += 1
                for error in problems(validator, yaml.safe_load(text)):
                    where = "/".join(str(p) for p in error.absolute_path) or "(top)"
                    print(f"{name}: {where}: {error.message}")
                    failures += 1
    print(f"{checked} documents checked against {os.path.basename(args.schema)}, {failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
