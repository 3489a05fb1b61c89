// The HTML page and the Mermaid diagram: what they contain for the writer-fails-at-freeze scenario,
// escaping of every text taken from the trace, nothing fetched from the network, and determinism.
#include <gtest/gtest.h>

#include <string>

#include "vssfault/runner/run.h"
#include "vssfault/timeline/timeline.h"

namespace vssfault::timeline {
namespace {

Timeline scenario_timeline(const std::string& file) {
  const auto r = runner::run_file(VSSFAULT_SOURCE_DIR "/" + file, {});
  return build_timeline(r.trace, RunInfo{r.name, r.file, std::string(runner::outcome_name(r.outcome)), r.seed,
                                         r.reproduce});
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

Trace hostile_trace() {
  Trace tr;
  tr.add(Instant{}, "writer:<b>W;#1</b>", "OnFreeze", {{"phase", "begin"}});
  tr.add(Instant{}, "writer:<b>W;#1</b>", "violation",
         {{"rule", "writer-handler-threw"}, {"detail", "<script>alert('x')</script> & \"q\"; #59"}});
  return tr;
}

TEST(TimelineMermaid, WriterFailsAtFreeze) {
  const std::string m = render_mermaid(scenario_timeline("scenarios/writer_freeze_retryable.yaml"));
  EXPECT_EQ(m.rfind("sequenceDiagram\n  %% vssfault timeline: writer-freeze-retryable-retried (", 0), 0u) << m;
  EXPECT_NE(m.find("  participant L0 as requester 1\n  participant L1 as requester 2\n  participant L2 as VSS\n"
                   "  participant L3 as writer SqlWriter\n  participant L4 as provider system\n"),
            std::string::npos);
  // The injected fault and the failures, with their code name.
  EXPECT_NE(m.find("Note over L3: FAULT VSS_E_WRITERERROR_RETRYABLE (fault SetWriterFailure(VSS_E_WRITERERROR_"
                   "RETRYABLE) return=false)\n"),
            std::string::npos);
  EXPECT_NE(m.find("L3--xL2: FAILED OnFreeze: false VSS_E_WRITERERROR_RETRYABLE\n"), std::string::npos);
  EXPECT_NE(m.find("Note over L3: EVENT LOG VSS_E_WRITERERROR_RETRYABLE (event log error: Freeze)\n"),
            std::string::npos);
  EXPECT_NE(m.find("Note over L3: FAILED failed at Freeze (VSS_WS_FAILED_AT_FREEZE) VSS_E_WRITERERROR_RETRYABLE\n"),
            std::string::npos);
  // Calls as messages, replies dashed.
  EXPECT_NE(m.find("L2->>L3: OnFreeze\n"), std::string::npos);
  EXPECT_NE(m.find("L3-->>L2: OnThaw: true\n"), std::string::npos);
  EXPECT_NE(m.find("L0->>L2: DoSnapshotSet: S_OK\n"), std::string::npos);
  // Virtual time where it changes, windows as rect blocks: 2 freeze + 2 hold, every one closed.
  EXPECT_EQ(count(m, "Note over L0,L4: +0ms\n"), 1u);
  EXPECT_EQ(count(m, "Note over L0,L4: +10m\n"), 1u);
  EXPECT_EQ(count(m, "rect rgba(59, 130, 246, 0.15)\n"), 2u);
  EXPECT_EQ(count(m, "rect rgba(249, 115, 22, 0.18)\n"), 2u);
  EXPECT_EQ(count(m, "rect "), count(m, " end\n"));
  EXPECT_NE(m.find("Note over L0,L4: freeze window: writer SqlWriter\n"), std::string::npos);
}

TEST(TimelineMermaid, EscapesMermaidSyntaxInTexts) {
  const std::string m = render_mermaid(build_timeline(hostile_trace(), {}));
  // The VSS lane comes first (it is the caller of OnFreeze).
  EXPECT_NE(m.find("  participant L1 as writer #60;b#62;W#59;#35;1#60;/b#62;\n"), std::string::npos) << m;
  EXPECT_NE(m.find("#60;script#62;alert('x')#60;/script#62; & \\\"q\\\"#59; #35;59"), std::string::npos) << m;
  EXPECT_EQ(m.find("<"), std::string::npos);
  EXPECT_EQ(m.find(";#1"), std::string::npos);
  // A freeze window still open when the trace ends is closed at the end of the diagram.
  EXPECT_EQ(count(m, "rect "), 1u);
  EXPECT_EQ(m.substr(m.size() - 6), "  end\n");
}

TEST(TimelineMermaid, OverTheLimitKeepsMarkersAndSaysHowManyWereLeftOut) {
  const Timeline t = scenario_timeline("scenarios/writer_freeze_retryable.yaml");
  const std::string m = render_mermaid(t, RenderOptions{.max_events = 20});
  EXPECT_NE(m.find("plain records left out (vssfault run --trace lists them)"), std::string::npos);
  EXPECT_NE(m.find("FAULT VSS_E_WRITERERROR_RETRYABLE"), std::string::npos);
  EXPECT_EQ(m.find("DoSnapshotSet: S_OK"), std::string::npos);
}

TEST(TimelineHtml, WriterFailsAtFreezeHasLanesWindowsAndMarkersWithCodeNames) {
  const std::string h = render_html(scenario_timeline("scenarios/writer_freeze_retryable.yaml"));
  EXPECT_EQ(h.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_NE(h.find("<h1>writer-freeze-retryable-retried</h1>"), std::string::npos);
  for (const char* actor : {"requester:1", "requester:2", "vss", "writer:SqlWriter", "provider:system"})
    EXPECT_NE(h.find("<g class=\"lane-label\" data-actor=\"" + std::string(actor) + "\">"), std::string::npos) << actor;
  EXPECT_EQ(count(h, "<rect class=\"window freeze\" data-kind=\"freeze\" data-lane=\"writer:SqlWriter\""), 2u);
  EXPECT_EQ(count(h, "<rect class=\"window hold\" data-kind=\"hold\" data-lane=\"vss\""), 2u);
  EXPECT_EQ(count(h, "<g class=\"marker fault\" id=\"m-"), 1u);
  EXPECT_EQ(count(h, "<g class=\"marker eventlog\" id=\"m-"), 1u);
  EXPECT_EQ(count(h, "<g class=\"marker failure\" id=\"m-"), 4u);
  EXPECT_EQ(count(h, "data-code=\"VSS_E_WRITERERROR_RETRYABLE\""), 6u);
  EXPECT_NE(h.find(">VSS_E_WRITERERROR_RETRYABLE</text></g>"), std::string::npos);
  EXPECT_NE(h.find("<text class=\"tick-label\" x=\""), std::string::npos);
  EXPECT_NE(h.find(">+10m</text>"), std::string::npos);
  EXPECT_EQ(count(h, "<tr class=\"failure\""), 4u);
}

TEST(TimelineHtml, SelfContainedNothingFetched) {
  const std::string h = render_html(scenario_timeline("scenarios/writer_freeze_retryable.yaml"));
  // No attribute that loads anything (src=, href=, with or without spaces before '='), no CSS import.
  for (const std::string attribute : {"src", "href"}) {
    for (std::size_t at = h.find(attribute); at != std::string::npos; at = h.find(attribute, at + 1)) {
      std::size_t after = at + attribute.size();
      while (after < h.size() && h[after] == ' ') ++after;
      EXPECT_NE(h[after], '=') << h.substr(at, 40);
    }
  }
  EXPECT_EQ(h.find("@import"), std::string::npos);
  EXPECT_EQ(h.find("url("), std::string::npos);
  // The only URL is the SVG namespace name, which is never fetched.
  EXPECT_EQ(count(h, "http"), count(h, "xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_EQ(count(h, "<script>"), 1u);
}

TEST(TimelineHtml, EscapesEveryTextFromTheTrace) {
  RunInfo info{"<i>name</i>", "a&b.yaml", "passed", 1, "vssfault run 'a&b.yaml'"};
  const std::string h = render_html(build_timeline(hostile_trace(), info));
  EXPECT_EQ(h.find("<script>alert"), std::string::npos);
  EXPECT_EQ(h.find("<b>W"), std::string::npos);
  EXPECT_EQ(h.find("<i>name"), std::string::npos);
  // The canonical record text quotes the value (\" inside), then the page escapes it.
  EXPECT_NE(h.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; \\&quot;q\\&quot;"), std::string::npos);
  EXPECT_NE(h.find("<h1>&lt;i&gt;name&lt;/i&gt;</h1>"), std::string::npos);
  EXPECT_NE(h.find("data-actor=\"writer:&lt;b&gt;W;#1&lt;/b&gt;\""), std::string::npos);
  EXPECT_EQ(html_escape("<a href='x'>&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
}

TEST(TimelineHtml, OverTheLimitSaysHowManyRecordsAreShown) {
  const Timeline t = scenario_timeline("scenarios/writer_freeze_retryable.yaml");
  const std::string h = render_html(t, RenderOptions{.max_events = 20});
  // 6 markers and the 8 records opening or closing the two freeze and the two hold windows.
  ASSERT_EQ(visible_events(t, 20).size(), 14u);
  EXPECT_NE(h.find("<p class=\"note\" id=\"omitted\">14 of " + std::to_string(t.events.size()) + " records shown"),
            std::string::npos);
  EXPECT_EQ(count(h, "data-code=\"VSS_E_WRITERERROR_RETRYABLE\""), 6u);
}

TEST(TimelineHtml, LongRunsLabelOnlyTheFirstRepeatsOfAMarker) {
  // 300 hourly connect failures of one BITS job: past 200 markers, a repeat of the same lane, kind and
  // code is labelled only its first 3 times; every marker keeps its data-code and table row.
  Trace tr;
  for (int i = 0; i < 300; ++i)
    tr.add(Duration::hours(i), "bits:Job", "error", {{"code", "BG_E_CONNECT_FAILURE"}});
  const std::string h = render_html(build_timeline(tr, {}));
  EXPECT_EQ(count(h, "data-code=\"BG_E_CONNECT_FAILURE\""), 300u);
  EXPECT_EQ(count(h, "\">BG_E_CONNECT_FAILURE</text>"), 3u);
  EXPECT_EQ(count(h, "<td class=\"code\">BG_E_CONNECT_FAILURE</td>"), 300u);
  // Below the threshold every marker is labelled.
  Trace small;
  for (int i = 0; i < 200; ++i)
    small.add(Duration::hours(i), "bits:Job", "error", {{"code", "BG_E_CONNECT_FAILURE"}});
  EXPECT_EQ(count(render_html(build_timeline(small, {})), "\">BG_E_CONNECT_FAILURE</text>"), 200u);
}

TEST(TimelineRender, SameScenarioAndSeedGiveByteIdenticalOutput) {
  const Timeline a = scenario_timeline("scenarios/vss-writers/set-writer-failure-at-freeze.yaml");
  const Timeline b = scenario_timeline("scenarios/vss-writers/set-writer-failure-at-freeze.yaml");
  EXPECT_EQ(render_html(a), render_html(b));
  EXPECT_EQ(render_mermaid(a), render_mermaid(b));
}

}  // namespace
}  // namespace vssfault::timeline
