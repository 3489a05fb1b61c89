// The reference requester against each code with "wait ten minutes and then repeat the operation, up
// to three times" guidance: the three writer codes [S1][S2][GWST] and the four DoSnapshotSet codes [DSS].
// D21 reads the guidance as max_retries = 3: a persistent fault gives attempts at 0, 10, 20 and 30
// virtual minutes and then gives up; a fault on the first two hits only succeeds at 20 minutes.
#include <functional>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mocks/vss_bench.h"
#include "vssfault/codes/catalog.h"

namespace vssfault::test {
namespace {

using mocks::ProviderAction;
using mocks::VssFaultPlan;
using mocks::WriterAction;
using requester::Outcome;
using requester::Verdict;
using vss::ProviderMethod;
using vss::WriterEvent;

struct RetryCase {
  std::string name;
  HResult code;
  /// The plan that produces `code`, with the given hit selector.
  std::function<VssFaultPlan(HitSelector)> plan;
  std::string step;     ///< the failing step the requester records
  bool instant = true;  ///< the fault takes no virtual time: attempts start exactly on the 10-minute marks
};

std::ostream& operator<<(std::ostream& os, const RetryCase& c) { return os << c.name; }

std::vector<RetryCase> Cases() {
  return {
      // Writer codes, through the writer's own failure API.
      {"OutOfResources", hr::VSS_E_WRITERERROR_OUTOFRESOURCES,
       [](HitSelector h) {
         return VssFaultPlan{{WriterFaultAt(WriterEvent::kFreeze,
                                            WriterAction::Failure(hr::VSS_E_WRITERERROR_OUTOFRESOURCES, false), h)},
                             {}, {}};
       },
       "DoSnapshotSet"},
      // The real mechanism: OnFreeze outlasting the 60 s Freeze→Thaw window [INIT][KB915331].
      {"Timeout", hr::VSS_E_WRITERERROR_TIMEOUT,
       [](HitSelector h) {
         return VssFaultPlan{{WriterFaultAt(WriterEvent::kFreeze, WriterAction::TakeTime(Duration::seconds(61)), h)},
                             {}, {}};
       },
       "DoSnapshotSet", false},
      {"Retryable", hr::VSS_E_WRITERERROR_RETRYABLE,
       [](HitSelector h) {
         return VssFaultPlan{{WriterFaultAt(WriterEvent::kPrepareForBackup,
                                            WriterAction::FailureEx(hr::VSS_E_WRITERERROR_RETRYABLE, hr::E_OUTOFMEMORY,
                                                                    "transient", false),
                                            h)},
                             {}, {}};
       },
       "PrepareForBackup"},
      // DoSnapshotSet codes [DSS].
      {"FlushWritesTimeout", hr::VSS_E_FLUSH_WRITES_TIMEOUT,
       [](HitSelector h) {
         return VssFaultPlan{{}, {},
                             {mocks::VssFault{mocks::VssPoint::kAsyncResult, "DoSnapshotSet", h,
                                              hr::VSS_E_FLUSH_WRITES_TIMEOUT, "retry.yaml:4:3"}}};
       },
       "DoSnapshotSet"},
      // The real mechanism: a commit outlasting the 10 s hold window [SCCP][KB975688].
      {"HoldWritesTimeout", hr::VSS_E_HOLD_WRITES_TIMEOUT,
       [](HitSelector h) {
         return VssFaultPlan{
             {}, {ProviderFaultAt(ProviderMethod::kCommitSnapshots, ProviderAction::TakeTime(Duration::seconds(11)), h)},
             {}};
       },
       "DoSnapshotSet", false},
      // A veto the provider logs, as it must [S4].
      {"ProviderVeto", hr::VSS_E_PROVIDER_VETO,
       [](HitSelector h) {
         ProviderAction veto = ProviderAction::Return(hr::VSS_E_PROVIDER_VETO);
         veto.log = true;
         return VssFaultPlan{{}, {ProviderFaultAt(ProviderMethod::kPreCommitSnapshots, veto, h)}, {}};
       },
       "DoSnapshotSet"},
      // E_FAIL is outside the provider table: VSS translates it [S4].
      {"UnexpectedProviderError", hr::VSS_E_UNEXPECTED_PROVIDER_ERROR,
       [](HitSelector h) {
         return VssFaultPlan{
             {}, {ProviderFaultAt(ProviderMethod::kCommitSnapshots, ProviderAction::Return(hr::E_FAIL), h)}, {}};
       },
       "DoSnapshotSet"},
  };
}

class RetryGuidanceTest : public ::testing::TestWithParam<RetryCase> {};

// The catalog carries the guidance the requester reads (not a second hard-coded list).
TEST_P(RetryGuidanceTest, CatalogSaysTenMinutesThreeTimes) {
  const CodeInfo* info = find_code(GetParam().code);
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->retry, Retry::kTenMinutesThreeTimes);
  EXPECT_TRUE(requester::retry_guided(GetParam().code));
}

TEST_P(RetryGuidanceTest, PersistentFaultRetriesThreeTimesThenGivesUp) {
  const RetryCase& c = GetParam();
  Bench bench;
  bench.Plan(c.plan(HitSelector::every()));
  const auto result = bench.Backup();

  ASSERT_EQ(result.attempts.size(), 4u) << result.describe();
  EXPECT_EQ(result.outcome, Outcome::kRetriesExhausted);
  EXPECT_EQ(result.final_hr, c.code);
  for (std::size_t i = 0; i < result.attempts.size(); ++i) {
    const auto& a = result.attempts[i];
    EXPECT_EQ(a.failed_step, c.step) << "attempt " << a.number;
    EXPECT_EQ(a.hr, c.code) << "attempt " << a.number;
    EXPECT_EQ(a.verdict, Verdict::kRetry);
    // [ABRT][AB]: every failed attempt after StartSnapshotSet calls AbortBackup before Release.
    EXPECT_TRUE(a.aborted) << "attempt " << a.number;
    EXPECT_EQ(a.abort_result, hr::S_OK);
    if (i > 0) {
      EXPECT_EQ(a.start - result.attempts[i - 1].end, Duration::minutes(10)) << "attempt " << a.number;
    }
    EXPECT_LT(a.end - a.start, Duration::minutes(2)) << "attempt " << a.number;
  }
  if (c.instant) {
    EXPECT_EQ(result.attempt_offsets(), (std::vector<Duration>{Duration::minutes(0), Duration::minutes(10),
                                                               Duration::minutes(20), Duration::minutes(30)}));
  }
  // The requester followed the guidance: no retry-too-soon, retry-too-many or release-without-abort.
  EXPECT_EQ(bench.requester_violations(), 0u) << result.describe();
}

TEST_P(RetryGuidanceTest, FaultOnFirstTwoHitsSucceedsAtTwentyMinutes) {
  const RetryCase& c = GetParam();
  Bench bench;
  bench.Plan(c.plan(HitSelector::first(2)));
  const auto result = bench.Backup();

  ASSERT_EQ(result.attempts.size(), 3u) << result.describe();
  EXPECT_EQ(result.outcome, Outcome::kSucceeded);
  EXPECT_EQ(result.final_hr, hr::S_OK);
  EXPECT_EQ(result.attempts[0].hr, c.code);
  EXPECT_EQ(result.attempts[1].hr, c.code);
  EXPECT_EQ(result.attempts[2].verdict, Verdict::kSucceeded);
  EXPECT_TRUE(result.attempts[2].failed_step.empty());
  if (c.instant) {
    EXPECT_EQ(result.attempts[2].start, Duration::minutes(20));
  } else {
    EXPECT_EQ(result.attempts[2].start - result.attempts[1].end, Duration::minutes(10));
  }
  EXPECT_EQ(bench.requester_violations(), 0u) << result.describe();
}

INSTANTIATE_TEST_SUITE_P(AllGuidedCodes, RetryGuidanceTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<RetryCase>& info) { return info.param.name; });

}  // namespace
}  // namespace vssfault::test
