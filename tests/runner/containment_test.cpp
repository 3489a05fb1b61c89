// Nothing escapes a run: exceptions become the scenario's error, runaway runs stop at the limits, and the
// next run is unaffected.
#include <gtest/gtest.h>

#include <stdexcept>

#include "run_helpers.h"

namespace vssfault::runner {
namespace {

using testing::run_text;

const char* const kClean = R"(name: "clean"
volumes: ["C:"]
writers:
  - name: "SqlWriter"
    components: [{name: "orders", volumes: ["C:"]}]
expect:
  outcome: succeeded
)";

TEST(Containment, AnExceptionInsideARunIsThatScenariosError) {
  RunOptions options;
  options.before_driver = [](Trace&, EventQueue&) { throw std::runtime_error("the lab caught fire"); };
  const auto r = run_text(kClean, options);
  EXPECT_EQ(r.outcome, Outcome::kError);
  EXPECT_EQ(r.messages, (std::vector<std::string>{"the scenario stopped with an exception: the lab caught fire"}));
  EXPECT_TRUE(r.mismatches.empty());
  EXPECT_GT(r.trace.size(), 0u) << "the world's setup is kept for the report";
  EXPECT_EQ(r.reproduce, "vssfault run mem.yaml --seed 1");

  const auto next = run_text(kClean);
  EXPECT_EQ(next.outcome, Outcome::kPassed);
}

TEST(Containment, AnExceptionOfAnyTypeIsContained) {
  RunOptions options;
  options.before_driver = [](Trace&, EventQueue&) { throw 42; };
  const auto r = run_text(kClean, options);
  EXPECT_EQ(r.outcome, Outcome::kError);
  EXPECT_EQ(r.messages, (std::vector<std::string>{
                            "the scenario stopped with an exception of an unknown type (not derived from "
                            "std::exception)"}));
}

TEST(Containment, AThrowingEventInsideTheModelIsContained) {
  RunOptions options;
  options.before_driver = [](Trace&, EventQueue& q) {
    q.schedule_after(Duration(), "bomb", [] { throw std::logic_error("event exploded"); });
  };
  const auto r = run_text(kClean, options);
  EXPECT_EQ(r.outcome, Outcome::kError);
  EXPECT_EQ(r.messages, (std::vector<std::string>{"the scenario stopped with an exception: event exploded"}));
}

const char* const kJob = R"(name: "job"
jobs:
  - name: "J"
    files: [{remote: "https://example.com/a", local: "C:\\a", size: 100}]
)";

TEST(Containment, AnEventStormStopsAtTheEventLimit) {
  RunOptions options;
  options.limits.max_events = 5000;
  // Each storm event schedules the next at the same instant: virtual time never moves on. The test owns
  // the storm's function; the events refer to it.
  EventQueue* queue = nullptr;
  auto storm = std::make_shared<std::function<void()>>();
  *storm = [&queue, self = storm.get()] { queue->schedule_after(Duration(), "storm", *self); };
  options.before_driver = [&queue, storm](Trace&, EventQueue& q) {
    queue = &q;
    q.schedule_after(Duration(), "storm", *storm);
  };
  const auto r = run_text(kJob, options);
  EXPECT_EQ(r.outcome, Outcome::kError);
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0], "runaway: stopped after 5000 events (--max-events) at 0ms of virtual time; the next event "
                           "was 'storm'");
  EXPECT_EQ(run_text(kClean).outcome, Outcome::kPassed);
}

TEST(Containment, EndlessRetriesStopAtTheVirtualTimeLimit) {
  RunOptions options;
  options.limits.max_virtual_time = Duration::days(3);
  const auto r = run_text(R"(name: "endless"
volumes: ["C:"]
writers:
  - name: "SqlWriter"
    components: [{name: "orders", volumes: ["C:"]}]
faults:
  - writer: "SqlWriter"
    event: Freeze
    hit: every
    code: VSS_E_WRITERERROR_RETRYABLE
    return: false
driver:
  retries: 1000
  retry_delay: 1d
)",
                          options);
  EXPECT_EQ(r.outcome, Outcome::kError);
  EXPECT_EQ(r.messages, (std::vector<std::string>{"runaway: stopped at the virtual-time limit of 3d "
                                                  "(--max-virtual-time): the clock had reached 4d"}));
  EXPECT_EQ(r.virtual_time, Duration::days(4));
}

TEST(Containment, TheDefaultLimitsAreTheDocumentedOnes) {
  const Limits limits;
  EXPECT_EQ(limits.max_virtual_time, Duration::days(400));
  EXPECT_EQ(limits.max_events, 10'000'000u);
  EXPECT_EQ(limits.max_trace_records, 2'000'000u);
}

TEST(Containment, ATraceFloodStopsAtTheRecordLimit) {
  RunOptions options;
  options.limits.max_trace_records = 300;
  const auto r = run_text(R"(name: "flood"
jobs:
  - name: "J"
    files: [{remote: "https://example.com/a", local: "C:\\a", size: 100}]
    minimum_retry_delay: 5s
faults:
  - job: "J"
    point: connect
    hit: every
    code: BG_E_CONNECT_FAILURE
    context: BG_ERROR_CONTEXT_GENERAL_TRANSPORT
)",
                          options);
  EXPECT_EQ(r.outcome, Outcome::kError);
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0].rfind("runaway: stopped after 30", 0), 0u) << r.messages[0];
  EXPECT_NE(r.messages[0].find(" trace records (--max-trace-records) at "), std::string::npos) << r.messages[0];
  EXPECT_LT(r.trace.size(), 320u);
}

}  // namespace
}  // namespace vssfault::runner
