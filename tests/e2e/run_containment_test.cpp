// One scenario's trouble stays its own: a throwing writer, endless retries and a retry storm are each
// reported, and the scenario after them still runs and passes.
#include <gtest/gtest.h>

#include "e2e_helpers.h"

namespace vssfault::e2e {
namespace {

TEST(RunContainment, EachBrokenScenarioIsReportedAndTheNextStillRuns) {
  const auto r = run({source("tests/scenario_files/run/containment"), "--max-events", "20000"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_EQ(verdicts(r.out), (std::vector<std::string>{"FAIL writer-throws", "ERROR endless-retries",
                                                       "ERROR retry-storm", "PASS after-the-trouble"}));
  EXPECT_NE(r.out.find("  tests/scenario_files/run/containment/1_writer_throws.yaml:1:1: violations: expected none, "
                       "actual writer.handler-threw "),
            std::string::npos)
      << r.out;
  // The default virtual-time limit, 400 days: the retries are a day apart.
  EXPECT_NE(r.out.find("ERROR  endless-retries  401d  0x"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n  runaway: stopped at the virtual-time limit of 400d (--max-virtual-time): the clock had "
                       "reached 401d\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\n  runaway: stopped after 20000 events (--max-events) at "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  reproduce: vssfault run tests/scenario_files/run/containment/3_retry_storm.yaml --seed 1"),
            std::string::npos);
  EXPECT_EQ(lines(r.out).back(), "1 passed, 1 failed, 2 errors");
}

TEST(RunContainment, TheVirtualTimeLimitIsAFlag) {
  const auto r = run({source("tests/scenario_files/run/containment/2_endless_retries.yaml"), "--max-virtual-time",
                      "2d"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("ERROR  endless-retries  3d  0x"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  runaway: stopped at the virtual-time limit of 2d (--max-virtual-time): the clock had "
                       "reached 3d\n"),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace vssfault::e2e
