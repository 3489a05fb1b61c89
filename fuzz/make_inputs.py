#!/usr/bin/env python3
"""Writes the fuzzer's inputs into OUT: seeds/ (every *.yaml of scenarios/, tests/scenario_files/valid/ and
tests/scenario_files/invalid/, copied under names that keep their origin) and scenario.dict (libFuzzer
dictionary: every key and enumerated word of docs/scenario.schema.json, which scenario::json_schema()
generates from the loader's own tables, plus YAML syntax, durations and codes). Nothing here is committed:
CI regenerates both on every run, so the corpus follows the repository."""
import argparse
import os
import json
import pathlib
import shutil

SEED_DIRS = ["scenarios", "tests/scenario_files/valid", "tests/scenario_files/invalid"]

# What the schema cannot say: YAML's own syntax (anchors and aliases included, for alias bombs), and
# scalars of the shapes the loader parses.
YAML_TOKENS = [
    "---", "...", "- ", ": ", "? ", "[", "]", "{", "}", ", ", "&a ", "*a", "&b ", "*b", "!!str ", "!!int ",
    "!!map", "!!seq", "!custom ", "|", ">", "|-", ">+", "'", '"', "''", '\\"', "\\x41", "\\u00e9", "\\U0001F600",
    "#", "\n", "\n  ", "\n    - ", "~", "null", "true", "false", "yes", ".inf", "-.inf", ".nan", "0x", "0o17",
    "1e9", "-1", "18446744073709551615", "18446744073709551616", "9223372036854775807", "0.5", "1.0",
    "1ms", "59s", "10m", "1h30m", "14d", "106751991167d", "0ms", "1.5s", "<<: ",
    "0x800423F3", "0x80200010", "0x8004230F", "E_FAIL", "S_OK", "S_FALSE",
    "[S1] ", "[S4] ", "[ATS] ", "[D21] ", "[H: vss.h] ",
]


def words(schema):
    """Property names and enum/const values anywhere in the schema."""
    keys, values = set(), set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "properties" and isinstance(v, dict):
                    keys.update(v.keys())
                elif k == "enum" and isinstance(v, list):
                    values.update(str(x) for x in v)
                elif k == "const":
                    values.add(str(v))
                stack.append(v)
        elif isinstance(node, list):
            stack.extend(node)
    return sorted(keys), sorted(values)


def dict_line(token):
    escaped = "".join(c if 0x20 <= ord(c) < 0x7F and c not in '"\\' else "\\x%02X" % ord(c) for c in token)
    return '"%s"' % escaped


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--source-dir", required=True, type=pathlib.Path)
    ap.add_argument("--out", required=True, type=pathlib.Path)
    args = ap.parse_args()

    # Written aside and swapped in, so fuzzers started side by side on one build directory (one per core)
    # never read a half-written seed directory or race to create it.
    seeds = args.out / "seeds"
    fresh = args.out / ("seeds.new-%d" % os.getpid())
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    count = 0
    for d in SEED_DIRS:
        root = args.source_dir / d
        for f in sorted(root.rglob("*.yaml")) if root.is_dir() else []:
            name = str(f.relative_to(args.source_dir)).replace("/", "__")
            shutil.copyfile(f, fresh / name)
            count += 1
    if count == 0:
        shutil.rmtree(fresh, ignore_errors=True)
        raise SystemExit("make_inputs: no seed files found under " + ", ".join(SEED_DIRS))
    stale = args.out / ("seeds.old-%d" % os.getpid())
    try:
        seeds.rename(stale)
    except FileNotFoundError:
        pass
    try:
        fresh.rename(seeds)
    except OSError:
        shutil.rmtree(fresh, ignore_errors=True)  # another run put the same seeds in place meanwhile
    shutil.rmtree(stale, ignore_errors=True)

    schema = json.loads((args.source_dir / "docs/scenario.schema.json").read_text())
    keys, values = words(schema)
    tokens = [k + ": " for k in keys] + values + YAML_TOKENS
    dictionary = args.out / ("scenario.dict.new-%d" % os.getpid())
    dictionary.write_text("".join(dict_line(t) + "\n" for t in tokens))
    dictionary.replace(args.out / "scenario.dict")
    print("make_inputs: %d seeds, %d dictionary entries (%d keys, %d words)" % (count, len(tokens), len(keys), len(values)))


if __name__ == "__main__":
    main()
