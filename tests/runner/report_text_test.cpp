// The text `vssfault run` prints per scenario, pinned down.
#include "vssfault/runner/report_text.h"

#include <gtest/gtest.h>

#include "vssfault/runner/run.h"

namespace vssfault::runner {
namespace {

ScenarioResult failed_with_trace() {
  ScenarioResult r;
  r.file = "scenarios/x.yaml";
  r.name = "freeze-veto";
  r.outcome = Outcome::kFailed;
  r.seed = 3;
  r.virtual_time = Duration::minutes(10);
  for (int i = 0; i < 8; ++i) r.trace.add(Duration::seconds(i), "writer:W", "step", {{"i", std::to_string(i)}});
  r.trace_hash = r.trace.hash();
  r.mismatches.push_back({"writer W state", "VSS_WS_FAILED_AT_FREEZE", "VSS_WS_STABLE", "scenarios/x.yaml:14:11", 5});
  r.reproduce = reproduce_command(r.file, r.seed);
  return r;
}

TEST(ReportText, OneLinePerScenario) {
  const ScenarioResult r = failed_with_trace();
  EXPECT_EQ(result_line(r), "FAIL  freeze-veto  10m  " + Trace::hash_hex(r.trace.hash()));
  ScenarioResult pass;
  pass.name = "clean";
  EXPECT_EQ(result_line(pass), "PASS  clean  0ms  0xe9e0033e3badaf36");
  ScenarioResult invalid;
  invalid.file = "bad.yaml";
  invalid.outcome = Outcome::kInvalid;
  EXPECT_EQ(result_line(invalid), "INVALID  bad.yaml  -  -");
  ScenarioResult error;
  error.file = "e.yaml";
  error.outcome = Outcome::kError;
  EXPECT_EQ(result_line(error), "ERROR  e.yaml  0ms  0xe9e0033e3badaf36");
}

TEST(ReportText, AFailureShowsExpectedActualTheTraceAroundItAndHowToReproduce) {
  EXPECT_EQ(result_details(failed_with_trace()),
            "  scenarios/x.yaml:14:11: writer W state: expected VSS_WS_FAILED_AT_FREEZE, actual VSS_WS_STABLE\n"
            "    trace around record #5:\n"
            "        #1 +0000000001.000s writer:W step i=1\n"
            "        #2 +0000000002.000s writer:W step i=2\n"
            "        #3 +0000000003.000s writer:W step i=3\n"
            "        #4 +0000000004.000s writer:W step i=4\n"
            "      > #5 +0000000005.000s writer:W step i=5\n"
            "        #6 +0000000006.000s writer:W step i=6\n"
            "        #7 +0000000007.000s writer:W step i=7\n"
            "  reproduce: vssfault run scenarios/x.yaml --seed 3\n");
  ScenarioResult pass;
  EXPECT_EQ(result_details(pass), "");
}

TEST(ReportText, TraceExcerptStaysInsideTheTrace) {
  const ScenarioResult r = failed_with_trace();
  EXPECT_EQ(trace_excerpt(r.trace, 0, "", 4, 1),
            "> #0 +0000000000.000s writer:W step i=0\n  #1 +0000000001.000s writer:W step i=1\n");
  EXPECT_EQ(trace_excerpt(r.trace, 8, ""), "");
  EXPECT_EQ(trace_excerpt(r.trace, -1, ""), "");
}

TEST(ReportText, SummaryKeepsItsFormAndNamesOnlyNonZeroExtras) {
  ScenarioResult pass, fail, invalid, error;
  fail.outcome = Outcome::kFailed;
  invalid.outcome = Outcome::kInvalid;
  error.outcome = Outcome::kError;
  EXPECT_EQ(summary_line({}), "0 passed, 0 failed");
  EXPECT_EQ(summary_line({pass, pass, fail}), "2 passed, 1 failed");
  EXPECT_EQ(summary_line({pass, invalid}), "1 passed, 0 failed, 1 invalid");
  EXPECT_EQ(summary_line({error, error, fail, invalid}), "0 passed, 1 failed, 1 invalid, 2 errors");
  EXPECT_EQ(summary_line({error}), "0 passed, 0 failed, 1 error");
}

TEST(ReportText, FingerprintNamesSeedScenarioAndTraceHashes) {
  ScenarioResult r;
  r.file = "a.yaml";
  r.seed = 9;
  r.scenario_hash = 0x1234;
  r.trace_hash = 0xabcd;
  EXPECT_EQ(fingerprint_line({r}), "fingerprint: seed=9 scenario=0x0000000000001234 trace=0x000000000000abcd");
  ScenarioResult other = r;
  other.trace_hash = 0xabce;
  const std::string both = fingerprint_line({r, other});
  EXPECT_EQ(both.rfind("fingerprint: 2 scenarios combined=0x", 0), 0u);
  EXPECT_NE(both, fingerprint_line({r, r})) << "a different trace hash changes the combined fingerprint";
  EXPECT_EQ(both, fingerprint_line({r, other}));
}

TEST(ReportText, ReproduceCommandsAreShellSafe) {
  EXPECT_EQ(reproduce_command("scenarios/a-b_c.yaml", 1), "vssfault run scenarios/a-b_c.yaml --seed 1");
  EXPECT_EQ(reproduce_command("my dir/it's.yaml", 18446744073709551615ull),
            "vssfault run 'my dir/it'\\''s.yaml' --seed 18446744073709551615");
}

}  // namespace
}  // namespace vssfault::runner
