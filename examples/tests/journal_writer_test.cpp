// The user's writer under VSS's documented backup sequence, driven by vssfault's reference requester.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "journal_writer.h"
#include "example_world.h"
#include "vssfault/requester/reference_requester.h"
#include "vssfault/vss/system.h"

namespace {

using namespace vssfault;
using ::testing::Return;

class MockJournal : public example::Journal {
 public:
  MOCK_METHOD(bool, FlushAndHold, (), (override));
  MOCK_METHOD(void, Resume, (), (override));
};

using example::World;

const requester::WriterStatusEntry* StatusAfter(const requester::Attempt& a, std::string_view op,
                                                std::string_view writer) {
  for (const auto& s : a.statuses) {
    if (s.after == op && s.writer == writer) return &s;
  }
  return nullptr;
}

// [S3]: a writer that cannot flush reports VSS_E_WRITERERROR_RETRYABLE from OnFreeze and vetoes (D9).
// The requester reads it with GetWriterStatusEx after DoSnapshotSet (DoSnapshotSet itself succeeds, D11):
// VSS_WS_FAILED_AT_FREEZE with that code. The requester then calls AbortBackup, and the writer's OnAbort
// resumes the journal.
TEST(JournalWriter, FailedFlushIsReportedAsRetryableAtFreeze) {
  World w;
  MockJournal journal;
  example::JournalWriter writer(w.sys, journal);
  ASSERT_EQ(writer.Start(), hr::S_OK);
  EXPECT_CALL(journal, FlushAndHold()).WillOnce(Return(false));
  EXPECT_CALL(journal, Resume()).Times(0);  // it never held writes

  requester::Policy once;
  once.retry = false;
  const auto result = requester::ReferenceRequester(w.sys, once).Backup({{"C:\\"}, {}});

  EXPECT_EQ(result.outcome, requester::Outcome::kGaveUp) << result.describe();
  ASSERT_EQ(result.attempts.size(), 1u);
  const auto& attempt = result.attempts[0];
  EXPECT_EQ(attempt.failed_step, "DoSnapshotSet");
  EXPECT_TRUE(attempt.writer_failure);
  EXPECT_EQ(attempt.hr, hr::VSS_E_WRITERERROR_RETRYABLE);
  EXPECT_EQ(attempt.verdict, requester::Verdict::kRetry);  // the code's guidance is to wait and retry
  EXPECT_TRUE(attempt.aborted);
  const auto* status = StatusAfter(attempt, "DoSnapshotSet", "JournalWriter");
  ASSERT_NE(status, nullptr);
  EXPECT_EQ(status->state, vss::WriterState::kFailedAtFreeze);
  EXPECT_EQ(status->failure, hr::VSS_E_WRITERERROR_RETRYABLE);
  EXPECT_TRUE(w.sys.conformance().clean());
}

// With the default policy the requester waits ten virtual minutes and tries again (D21); the second
// flush works, so the backup succeeds and the writer ends STABLE with S_OK (D18).
TEST(JournalWriter, RetryableFreezeFailureSucceedsTenMinutesLater) {
  World w;
  MockJournal journal;
  example::JournalWriter writer(w.sys, journal);
  ASSERT_EQ(writer.Start(), hr::S_OK);
  EXPECT_CALL(journal, FlushAndHold()).WillOnce(Return(false)).WillOnce(Return(true));
  EXPECT_CALL(journal, Resume()).Times(1);  // on the second attempt's Thaw

  const auto result = requester::ReferenceRequester(w.sys).Backup({{"C:\\"}, {}});

  EXPECT_EQ(result.outcome, requester::Outcome::kSucceeded) << result.describe();
  ASSERT_EQ(result.attempts.size(), 2u);
  EXPECT_EQ(result.attempts[1].start - result.attempts[0].end, Duration::minutes(10));
  EXPECT_EQ(writer.status().state, vss::WriterState::kStable);
  EXPECT_EQ(writer.status().failure, hr::S_OK);
  EXPECT_TRUE(w.sys.conformance().clean());
}

}  // namespace
