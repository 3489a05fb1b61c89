#!/usr/bin/python3
"""Opens a scenario's timeline page in Debian's headless chromium and checks what the browser built.

1. `vssfault run SCENARIO --timeline WORK/timeline.html`
2. `chromium --headless --dump-dom file://...`: the DOM after the page's script ran. Checks the script
   finished (body data-ready), the lanes, the shaded freeze and hold windows, and the markers with their
   code names, and the filter counts the script computed.
3. `chromium --headless --screenshot`: a PNG of the window size asked for, not blank.

Exit 0 when every check holds, 1 when one fails, 77 (CTest SKIP_RETURN_CODE) only when chromium is not
installed. `--keep-screenshot FILE` copies the screenshot there (how docs/timeline.png is made).
"""
import argparse
import html.parser
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1"]

# writer_freeze_retryable.yaml: SqlWriter vetoes its first Freeze with VSS_E_WRITERERROR_RETRYABLE.
EXPECTED_LANES = ["requester:1", "requester:2", "vss", "writer:SqlWriter", "provider:system"]
EXPECTED_FILTERS = {"fault": "1", "failure": "4", "eventlog": "1", "violation": "0"}
CODE = "VSS_E_WRITERERROR_RETRYABLE"

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


class Elements(html.parser.HTMLParser):
    """Every start tag with its attributes, and the text of <text> elements inside markers."""

    def __init__(self):
        super().__init__()
        self.elements = []
        self.marker_texts = []
        self._in_marker_text = False
        self._marker_depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a))
        if tag == "g" and "marker" in a.get("class", "").split():
            self._marker_depth = 1
        elif self._marker_depth and tag == "text":
            self._in_marker_text = True

    def handle_endtag(self, tag):
        if tag == "text":
            self._in_marker_text = False
        if tag == "g" and self._marker_depth:
            self._marker_depth = 0

    def handle_data(self, data):
        if self._in_marker_text:
            self.marker_texts.append(data)

    def find(self, tag, **attrs):
        return [a for t, a in self.elements if t == tag and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())]

    def with_class(self, tag, cls):
        return [a for t, a in self.elements if t == tag and cls in a.get("class", "").split()]


def chromium(binary, profile, args, timeout=120):
    cmd = [binary] + FLAGS + ["--user-data-dir=" + profile] + args
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def png_facts(path):
    """(width, height, distinct byte values of the decompressed image data)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    width, height = struct.unpack(">II", data[16:24])
    idat, pos = b"", 8
    while pos < len(data):
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        kind = data[pos + 4:pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return width, height, len(set(zlib.decompress(idat)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--vssfault", required=True)
    p.add_argument("--scenario", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--window-size", default="1600,800")
    p.add_argument("--keep-screenshot")
    p.add_argument("--fragment", default="", help="scroll the screenshot to this element id (e-N, m-N)")
    o = p.parse_args()

    binary = shutil.which("chromium")
    if binary is None:
        print("SKIPPED: chromium is not installed (apt-get install chromium; it is in tools/packages.txt)")
        return 77

    shutil.rmtree(o.work, ignore_errors=True)
    os.makedirs(o.work)
    page = os.path.join(o.work, "timeline.html")
    run = subprocess.run([o.vssfault, "run", o.scenario, "--timeline", page], capture_output=True, text=True,
                         timeout=120)
    if run.returncode != 0:
        print("vssfault run failed:", run.returncode, run.stdout, run.stderr)
        return 1
    url = "file://" + os.path.abspath(page)

    # A fresh profile for each start: nothing carried over between runs.
    dom = chromium(binary, tempfile.mkdtemp(dir=o.work, prefix="profile-"), ["--dump-dom", url])
    check(dom.returncode == 0, "chromium --dump-dom exited %d: %s" % (dom.returncode, dom.stderr[-2000:]))
    doc = Elements()
    doc.feed(dom.stdout)

    body = doc.find("body")
    check(len(body) == 1 and body[0].get("data-ready") == "true", "the page's script did not finish (body data-ready)")
    check(body and body[0].get("data-markers") == "6", "script counted %s markers, expected 6" %
          (body[0].get("data-markers") if body else None))
    lanes = [a.get("data-actor") for a in doc.with_class("g", "lane-label")]
    check(lanes == EXPECTED_LANES, "lanes %s, expected %s" % (lanes, EXPECTED_LANES))
    freeze = [a for a in doc.with_class("rect", "freeze") if a.get("data-kind") == "freeze"]
    hold = [a for a in doc.with_class("rect", "hold") if a.get("data-kind") == "hold"]
    check(len(freeze) == 2 and all(a.get("data-lane") == "writer:SqlWriter" for a in freeze),
          "freeze windows: %s" % freeze)
    check(len(hold) == 2, "hold windows: %s" % hold)
    markers = [a for a in doc.with_class("g", "marker") if "data-record" in a]  # not the legend's
    coded = [a for a in markers if a.get("data-code") == CODE]
    check(len(coded) == 6, "%d markers carry %s, expected 6" % (len(coded), CODE))
    check(any(a.get("data-kind") == "fault" and a.get("data-lane") == "writer:SqlWriter" for a in coded),
          "no fault marker on the SqlWriter lane")
    check(doc.marker_texts.count(CODE) >= 6, "the code name is printed %d times beside markers" %
          doc.marker_texts.count(CODE))
    filters = {a.get("data-kind"): a.get("data-count") for a in doc.with_class("label", "filter")}
    check(filters == EXPECTED_FILTERS, "filters built by the script: %s, expected %s" % (filters, EXPECTED_FILTERS))

    shot = os.path.join(o.work, "timeline.png")
    s = chromium(binary, tempfile.mkdtemp(dir=o.work, prefix="profile-"),
                 ["--screenshot=" + shot, "--window-size=" + o.window_size,
                  url + ("#" + o.fragment if o.fragment else "")])
    check(s.returncode == 0, "chromium --screenshot exited %d: %s" % (s.returncode, s.stderr[-2000:]))
    facts = png_facts(shot) if os.path.exists(shot) else None
    want_w, want_h = (int(v) for v in o.window_size.split(","))
    check(facts is not None, "no PNG screenshot at %s" % shot)
    if facts:
        check((facts[0], facts[1]) == (want_w, want_h), "screenshot is %dx%d, expected %dx%d" %
              (facts[0], facts[1], want_w, want_h))
        check(facts[2] > 32, "screenshot looks blank (%d distinct byte values)" % facts[2])
        check(os.path.getsize(shot) > 20000, "screenshot is only %d bytes" % os.path.getsize(shot))
    if o.keep_screenshot and facts:
        shutil.copyfile(shot, o.keep_screenshot)

    for f in failures:
        print("FAILED:", f)
    if not failures:
        print("timeline page checked in %s: %d lanes, %d markers, screenshot %s" %
              (binary, len(lanes), len(markers), shot))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
