// What a trace reaches: read from the records the model writes, so a refused or lapsed fault reaches nothing.
#include <gtest/gtest.h>

#include <string>

#include "vssfault/coverage/coverage.h"
#include "vssfault/runner/run.h"

namespace vssfault::coverage {
namespace {

Trace writer_trace(std::string_view api, std::string_view code, std::string_view thread, std::string_view result) {
  Trace t;
  t.add(Instant{}, "writer:W", "OnFreeze", {{"phase", "begin"}, {"requester", "1"}});
  t.add(Instant{}, "writer:W", std::string(api),
        {{"code", code}, {"application", "S_OK"}, {"component", "-"}, {"thread", thread}, {"result", result}});
  t.add(Instant{}, "writer:W", "OnFreeze", {{"phase", "end"}, {"result", "true"}, {"failure", code}});
  return t;
}

TEST(CoverageReach, AnAcceptedSetWriterFailureInAHandlerReachesItsCell) {
  const auto cells = reached_cells(writer_trace("SetWriterFailure", "VSS_E_WRITERERROR_RETRYABLE", "handler", "S_OK"));
  EXPECT_TRUE(cells.count("writer-failure Freeze VSS_E_WRITERERROR_RETRYABLE"));
  EXPECT_FALSE(cells.count("writer-failure-ex Freeze VSS_E_WRITERERROR_RETRYABLE"));
}

TEST(CoverageReach, ARefusedOrOffThreadCallReachesNothing) {
  EXPECT_TRUE(reached_cells(writer_trace("SetWriterFailure", "VSS_E_WRITERERROR_RETRYABLE", "handler", "E_INVALIDARG")).empty());
  EXPECT_TRUE(reached_cells(writer_trace("SetWriterFailureEx", "VSS_E_WRITERERROR_TIMEOUT", "worker", "S_OK")).empty());
}

TEST(CoverageReach, NestedIdentifyDoesNotHideTheOuterHandler) {
  Trace t;
  t.add(Instant{}, "writer:W", "OnPostSnapshot", {{"phase", "begin"}});
  t.add(Instant{}, "writer:W", "OnIdentify", {{"phase", "begin"}});
  t.add(Instant{}, "writer:W", "OnIdentify", {{"phase", "end"}});
  t.add(Instant{}, "writer:W", "SetFailure",
        {{"code", "VSS_E_WRITERERROR_NONRETRYABLE"}, {"component", "db"}, {"thread", "handler"}, {"result", "S_OK"}});
  EXPECT_TRUE(reached_cells(t).count("component-failure PostSnapshot VSS_E_WRITERERROR_NONRETRYABLE"));
}

TEST(CoverageReach, ProviderResultsAreClassifiedAsVssJudgedThem) {
  Trace t;
  t.add(Instant{}, "provider:P", "CommitSnapshots", {{"phase", "end"}, {"result", "VSS_E_PROVIDER_VETO"}});
  t.add(Instant{}, "provider:P", "PreCommitSnapshots", {{"phase", "end"}, {"result", "E_FAIL"}});
  t.add(Instant{}, "provider:P", "violation", {{"rule", "provider.undocumented-code"}});
  t.add(Instant{}, "provider:P", "EndPrepareSnapshots", {{"phase", "end"}, {"result", "S_OK"}});
  t.add(Instant{}, "provider:P", "AbortSnapshots", {{"phase", "end"}, {"result", "threw"}});
  // [OU]: S_FALSE is valid from OnUnload(FALSE) only; after OnUnload(TRUE) VSS reports the refusal.
  t.add(Instant{}, "provider:Q", "OnUnload", {{"phase", "end"}, {"result", "S_FALSE"}});
  t.add(Instant{}, "provider:Q", "violation", {{"rule", "provider.unload-refused-when-forced"}});
  t.add(Instant{}, "provider:R", "OnUnload", {{"phase", "end"}, {"result", "S_FALSE"}});
  const auto cells = reached_cells(t);
  EXPECT_EQ(cells, (std::set<std::string>{"provider-method CommitSnapshots valid",
                                          "provider-method PreCommitSnapshots unexpected",
                                          "provider-return CommitSnapshots VSS_E_PROVIDER_VETO",
                                          "provider-method OnUnload unexpected", "provider-method OnUnload valid",
                                          "provider-return OnUnload S_FALSE"}));
}

TEST(CoverageReach, WriterStatesComeFromStateFields) {
  Trace t;
  t.add(Instant{}, "requester:1", "GetWriterStatusEx", {{"writer", "W"}, {"state", "VSS_WS_WAITING_FOR_THAW"}});
  t.add(Instant{}, "vss", "writer-failed", {{"writer", "W"}, {"state", "VSS_WS_FAILED_AT_THAW"}});
  const auto cells = reached_cells(t);
  EXPECT_TRUE(cells.count("writer-state VSS_WS_WAITING_FOR_THAW"));
  EXPECT_TRUE(cells.count("writer-state VSS_WS_FAILED_AT_THAW"));
}

TEST(CoverageReach, AJobCallCountsInTheStateTheJobWasInWhenCalled) {
  Trace t;
  t.add(Instant{}, "bits:U", "create", {{"type", "UPLOAD"}, {"state", "SUSPENDED"}});
  t.add(Instant{}, "bits:U", "call", {{"method", "SetNotifyFlags"}, {"result", "S_OK"}});
  t.add(Instant{}, "bits:U", "state", {{"from", "SUSPENDED"}, {"to", "QUEUED"}, {"cause", "Resume"}});
  t.add(Instant{}, "bits:U", "call", {{"method", "Resume"}, {"result", "S_OK"}});
  t.add(Instant{}, "bits:U", "state", {{"from", "QUEUED"}, {"to", "CONNECTING"}, {"cause", "scheduler"}});
  t.add(Instant{}, "bits:U", "call", {{"method", "Complete"}, {"result", "BG_E_INVALID_STATE"}});
  t.add(Instant{}, "bits:U", "state", {{"from", "CONNECTING"}, {"to", "CANCELLED"}, {"cause", "Cancel"}});
  t.add(Instant{}, "bits:U", "call", {{"method", "Cancel"}, {"result", "S_OK"}});
  const auto cells = reached_cells(t);
  EXPECT_EQ(cells, (std::set<std::string>{
                       "bits-state SUSPENDED", "bits-state QUEUED", "bits-state CONNECTING", "bits-state CANCELLED",
                       "bits-transition SUSPENDED QUEUED", "bits-transition QUEUED CONNECTING",
                       "bits-transition CONNECTING CANCELLED", "bits-method-state Set* SUSPENDED",
                       "bits-method-state Resume SUSPENDED", "bits-method-state Complete(upload) CONNECTING",
                       "bits-method-state Cancel CONNECTING"}));
}

TEST(CoverageReach, ARealRunReachesTheCellsOfItsFaults) {
  const auto r = runner::run_file(VSSFAULT_SOURCE_DIR "/scenarios/vss-writers/set-writer-failure-at-freeze.yaml", {});
  ASSERT_EQ(r.outcome, runner::Outcome::kPassed);
  const auto cells = reached_cells(r.trace);
  for (std::string_view code : {"INCONSISTENTSNAPSHOT", "NONRETRYABLE", "OUTOFRESOURCES", "RETRYABLE", "TIMEOUT"})
    EXPECT_TRUE(cells.count("writer-failure Freeze VSS_E_WRITERERROR_" + std::string(code))) << code;
  EXPECT_TRUE(cells.count("writer-state VSS_WS_FAILED_AT_FREEZE"));
  EXPECT_FALSE(cells.count("writer-failure Thaw VSS_E_WRITERERROR_RETRYABLE"));
}

TEST(CoverageReach, AStrictModeMisuseIsRefusedAndReachesNoCell) {
  // SetWriterFailure(E_FAIL) is refused in strict mode (D10); E_FAIL has no cell anyway, and no code is
  // recorded for the event.
  const auto r = runner::run_file(
      VSSFAULT_SOURCE_DIR "/scenarios/vss-writers/misuse-codes-outside-set-writer-failure-lists-refused.yaml", {});
  ASSERT_EQ(r.outcome, runner::Outcome::kPassed);
  for (const std::string& k : reached_cells(r.trace)) EXPECT_EQ(k.find("E_FAIL"), std::string::npos) << k;
}

}  // namespace
}  // namespace vssfault::coverage
