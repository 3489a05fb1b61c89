// The timeline model: lanes, shaded windows and markers with their code names, from hand-written traces
// (each rule on its own) and from a real run of scenarios/writer_freeze_retryable.yaml (SqlWriter vetoes
// its first Freeze with VSS_E_WRITERERROR_RETRYABLE; the retry ten virtual minutes later succeeds).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "vssfault/runner/run.h"
#include "vssfault/timeline/timeline.h"

namespace vssfault::timeline {
namespace {

std::vector<std::string> lane_actors(const Timeline& t) {
  std::vector<std::string> out;
  for (const auto& l : t.lanes) out.push_back(l.actor);
  return out;
}

std::vector<const Interval*> windows(const Timeline& t, IntervalKind kind) {
  std::vector<const Interval*> out;
  for (const auto& iv : t.intervals)
    if (iv.kind == kind) out.push_back(&iv);
  return out;
}

/// "kind lane code #record" for every marker, in trace order.
std::vector<std::string> markers(const Timeline& t) {
  std::vector<std::string> out;
  for (const auto& e : t.events) {
    if (!is_marker(e.kind)) continue;
    out.push_back(std::string(event_kind_name(e.kind)) + " " + t.lanes[e.lane].actor + " " + e.code + " #" +
                  std::to_string(e.record));
  }
  return out;
}

Timeline writer_fails_at_freeze() {
  const auto r = runner::run_file(VSSFAULT_SOURCE_DIR "/scenarios/writer_freeze_retryable.yaml", {});
  EXPECT_EQ(r.outcome, runner::Outcome::kPassed);
  return build_timeline(r.trace, RunInfo{r.name, r.file, "passed", r.seed, r.reproduce});
}

TEST(TimelineModel, WriterFailsAtFreezeHasOneLanePerPartyOrderedByKind) {
  const Timeline t = writer_fails_at_freeze();
  EXPECT_EQ(lane_actors(t), (std::vector<std::string>{"requester:1", "requester:2", "vss", "writer:SqlWriter",
                                                      "provider:system"}));
  EXPECT_EQ(t.lanes[3].name, "writer SqlWriter");
  EXPECT_EQ(t.lanes[3].kind, LaneKind::kWriter);
  EXPECT_EQ(t.events.size(), t.records);
  EXPECT_EQ(t.end, Duration::minutes(10));
}

TEST(TimelineModel, WriterFailsAtFreezeShadesBothFreezeWindowsAndBothHoldWindows) {
  const Timeline t = writer_fails_at_freeze();
  const auto freeze = windows(t, IntervalKind::kFreeze);
  ASSERT_EQ(freeze.size(), 2u);
  // The vetoed attempt: the window opens at OnFreeze and the Abort VSS sends after the veto closes it.
  EXPECT_EQ(t.lanes[freeze[0]->lane].actor, "writer:SqlWriter");
  EXPECT_EQ(freeze[0]->closed_by, "OnAbort");
  EXPECT_EQ(freeze[0]->begin, Duration());
  EXPECT_FALSE(freeze[0]->open);
  // The retry: opened at +10m and closed by Thaw.
  EXPECT_EQ(freeze[1]->closed_by, "OnThaw");
  EXPECT_EQ(freeze[1]->begin, Duration::minutes(10));
  const auto hold = windows(t, IntervalKind::kHold);
  ASSERT_EQ(hold.size(), 2u);
  for (const Interval* h : hold) {
    EXPECT_EQ(t.lanes[h->lane].actor, "vss");
    EXPECT_EQ(h->closed_by, "release");
    EXPECT_LT(h->first, h->last);
  }
  // The second hold lies inside the second freeze window (writes are held while the writers are frozen).
  EXPECT_GT(hold[1]->first, freeze[1]->first);
  EXPECT_LT(hold[1]->last, freeze[1]->last);
}

TEST(TimelineModel, WriterFailsAtFreezeMarksFaultLogAndFailuresWithTheirCodeName) {
  const Timeline t = writer_fails_at_freeze();
  const auto m = markers(t);
  ASSERT_EQ(m.size(), 6u) << testing::PrintToString(m);
  const std::string code = "VSS_E_WRITERERROR_RETRYABLE";
  EXPECT_EQ(m[0].substr(0, m[0].find(" #")), "fault writer:SqlWriter " + code);
  EXPECT_EQ(m[1].substr(0, m[1].find(" #")), "failure writer:SqlWriter " + code);   // SetWriterFailure
  EXPECT_EQ(m[2].substr(0, m[2].find(" #")), "eventlog writer:SqlWriter " + code);  // on its source's lane
  EXPECT_EQ(m[3].substr(0, m[3].find(" #")), "failure writer:SqlWriter " + code);   // OnFreeze returns false
  EXPECT_EQ(m[4].substr(0, m[4].find(" #")), "failure writer:SqlWriter " + code);   // VSS: FAILED_AT_FREEZE
  EXPECT_EQ(m[5].substr(0, m[5].find(" #")), "failure vss " + code);  // the requester reads it, retry guidance
  for (const auto& e : t.events) {
    if (e.kind != EventKind::kFailure || e.text.find("writer-failed") == std::string::npos) continue;
    EXPECT_EQ(e.label, "failed at Freeze (VSS_WS_FAILED_AT_FREEZE)");
  }
}

TEST(TimelineModel, HandlerCallsAreMessagesBetweenVssAndTheWriter) {
  const Timeline t = writer_fails_at_freeze();
  const std::size_t vss = find_lane(t, "vss"), writer = find_lane(t, "writer:SqlWriter");
  bool saw_begin = false, saw_failed_return = false;
  for (const auto& e : t.events) {
    if (e.text.find("writer:SqlWriter OnFreeze phase=begin") != std::string::npos) {
      saw_begin = true;
      EXPECT_EQ(e.kind, EventKind::kCall);
      EXPECT_EQ(e.from, vss);
      EXPECT_EQ(e.to, writer);
    }
    if (e.text.find("OnFreeze phase=end result=false") != std::string::npos) {
      saw_failed_return = true;
      EXPECT_TRUE(e.reply);
      EXPECT_EQ(e.from, writer);
      EXPECT_EQ(e.to, vss);
    }
  }
  EXPECT_TRUE(saw_begin);
  EXPECT_TRUE(saw_failed_return);
}

Trace hand_trace() {
  Trace tr;
  const Instant t0{};
  tr.add(t0, "writer:W", "OnFreeze", {{"phase", "begin"}, {"requester", "1"}});
  tr.add(t0, "writer:W", "OnFreeze", {{"phase", "end"}, {"result", "true"}, {"failure", "-"}});
  tr.add(t0, "vss", "volumes-frozen", {{"why", "flush-and-hold"}});
  tr.add(t0, "writer:W", "violation", {{"rule", "writer-handler-threw"}, {"source", "[S3]"}, {"detail", "a<b"}});
  tr.add(Duration::seconds(60), "vss", "freeze-window-expired", {{"requester", "1"}, {"writer", "W"}, {"window", "1m"}});
  tr.add(Duration::seconds(60), "bits:Job", "create", {{"state", "SUSPENDED"}});
  tr.add(Duration::seconds(60), "bits:Job", "fault",
         {{"injected", "true"}, {"site", "bits.job.Job.connect"}, {"entry", "fault[0]"}, {"action", "fail-connect"}});
  tr.add(Duration::seconds(60), "bits:Job", "error",
         {{"code", "BG_E_CONNECT_FAILURE"}, {"injected", "fault[0] fail-connect every hit 1"}});
  tr.add(Duration::seconds(60), "bits:Job", "state", {{"from", "SUSPENDED"}, {"to", "TRANSIENT_ERROR"}});
  tr.add(Duration::seconds(61), "eventlog", "write", {{"source", "Nobody"}, {"code", "E_FAIL"}, {"level", "error"}});
  return tr;
}

TEST(TimelineModel, FreezeWindowClosedByExpiryAndHoldLeftOpenAtTheEnd) {
  const Timeline t = build_timeline(hand_trace(), {});
  const auto freeze = windows(t, IntervalKind::kFreeze);
  ASSERT_EQ(freeze.size(), 1u);
  EXPECT_EQ(freeze[0]->closed_by, "freeze-window-expired");
  EXPECT_EQ(freeze[0]->last, 4u);
  EXPECT_EQ(freeze[0]->end, Duration::seconds(60));
  const auto hold = windows(t, IntervalKind::kHold);
  ASSERT_EQ(hold.size(), 1u);
  EXPECT_TRUE(hold[0]->open);
  EXPECT_EQ(hold[0]->closed_by, "end of trace");
  EXPECT_EQ(hold[0]->last, 9u);
}

TEST(TimelineModel, ViolationsFaultsWithoutCodeAndOrphanLogEntries) {
  const Timeline t = build_timeline(hand_trace(), {});
  EXPECT_EQ(markers(t), (std::vector<std::string>{
                            "violation writer:W writer-handler-threw #3",
                            "failure writer:W  #4",  // the expired freeze window, on the writer's lane
                            // fail-connect names no code: the one of the error it caused is taken
                            "fault bits:Job BG_E_CONNECT_FAILURE #6",
                            "failure bits:Job BG_E_CONNECT_FAILURE #7",
                            "eventlog vss E_FAIL #9",  // no lane for source "Nobody": the VSS lane
                        }));
  const auto states = windows(t, IntervalKind::kState);
  ASSERT_EQ(states.size(), 2u);
  EXPECT_EQ(states[0]->label, "SUSPENDED");
  EXPECT_EQ(states[0]->closed_by, "TRANSIENT_ERROR");
  EXPECT_EQ(states[1]->label, "TRANSIENT_ERROR");
  EXPECT_TRUE(states[1]->open);
  EXPECT_EQ(lane_actors(t), (std::vector<std::string>{"vss", "writer:W", "bits:Job"}));
}

TEST(TimelineModel, VisibleEventsKeepsMarkersAndWindowBoundariesWhenOverTheLimit) {
  const Timeline t = build_timeline(hand_trace(), {});
  EXPECT_EQ(visible_events(t, 100).size(), t.events.size());
  // Markers (#3 #4 #6 #7 #9) and the window ends (#0 opens the freeze, #2 the hold, #9 ends it).
  EXPECT_EQ(visible_events(t, 6), (std::vector<std::size_t>{0, 2, 3, 4, 6, 7}));
  EXPECT_EQ(visible_events(t, 7), (std::vector<std::size_t>{0, 2, 3, 4, 6, 7, 9}));
}

TEST(TimelineModel, EmptyTraceGivesAnEmptyTimeline) {
  const Timeline t = build_timeline(Trace{}, {});
  EXPECT_TRUE(t.lanes.empty());
  EXPECT_TRUE(t.events.empty());
  EXPECT_TRUE(t.intervals.empty());
  EXPECT_EQ(t.trace_hash, Trace::kEmptyHash);
}

}  // namespace
}  // namespace vssfault::timeline
