// The user's requester-side function against writers from vssfault's mocks.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "backup_volume.h"
#include "example_world.h"
#include "vssfault/codes/catalog.h"
#include "vssfault/mocks/mock_writer.h"
#include "vssfault/vss/conformance.h"
#include "vssfault/vss/system.h"

namespace {

using namespace vssfault;
using ::testing::NiceMock;

using example::World;

TEST(BackupVolume, IdealWritersGiveACleanBackup) {
  World w;
  NiceMock<mocks::MockWriter> sql(w.sys);  // an ideal writer
  ASSERT_EQ(sql.Start("SqlWriter"), hr::S_OK);
  EXPECT_CALL(sql, OnFreeze());  // it takes part: non-component mode includes every writer
  EXPECT_CALL(sql, OnAbort()).Times(0);

  const auto report = example::BackupVolume(w.sys, "C:\\");

  EXPECT_TRUE(report.succeeded()) << report.failed_step << " " << report.hr;
  EXPECT_EQ(report.hr, hr::S_OK);
  EXPECT_TRUE(w.sys.conformance().clean());
}

// A writer vetoing Freeze with VSS_E_WRITERERROR_RETRYABLE: DoSnapshotSet still succeeds (D11) and the
// status says VSS_WS_FAILED_AT_FREEZE with that code; the function reports it as "retry later", which is
// the catalog's guidance for the code. It called AbortBackup before Release: no conformance violation
// (requester.release-without-abort would be one).
TEST(BackupVolume, WriterFreezeVetoIsReportedAsRetryLater) {
  World w;
  NiceMock<mocks::MockWriter> sql(w.sys);
  ASSERT_EQ(sql.Start("SqlWriter"), hr::S_OK);
  ON_CALL(sql, OnFreeze()).WillByDefault(mocks::SetWriterFailureAndReturn(sql, hr::VSS_E_WRITERERROR_RETRYABLE, false));
  EXPECT_CALL(sql, OnAbort()).Times(1);  // the veto's own Abort; AbortBackup sends no second one [ONAB]

  const auto report = example::BackupVolume(w.sys, "C:\\");

  EXPECT_EQ(report.failed_step, "writer status");
  EXPECT_EQ(report.failed_writer, "SqlWriter");
  EXPECT_EQ(report.writer_state, vss::WriterState::kFailedAtFreeze);
  EXPECT_EQ(report.writer_failure, hr::VSS_E_WRITERERROR_RETRYABLE);
  EXPECT_TRUE(report.retry_later);
  const CodeInfo* info = find_code(report.writer_failure);
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->retry, Retry::kTenMinutesThreeTimes);
  EXPECT_EQ(w.sys.conformance().count(vss::rules::kReleaseWithoutAbort), 0u);
  EXPECT_TRUE(w.sys.conformance().clean());
}

// NONRETRYABLE is not worth retrying [S3]: same failure path, no "retry later".
TEST(BackupVolume, NonRetryableVetoIsNotRetried) {
  World w;
  NiceMock<mocks::MockWriter> sql(w.sys);
  ASSERT_EQ(sql.Start("SqlWriter"), hr::S_OK);
  ON_CALL(sql, OnFreeze())
      .WillByDefault(mocks::SetWriterFailureAndReturn(sql, hr::VSS_E_WRITERERROR_NONRETRYABLE, false));

  const auto report = example::BackupVolume(w.sys, "C:\\");

  EXPECT_EQ(report.writer_state, vss::WriterState::kFailedAtFreeze);
  EXPECT_EQ(report.writer_failure, hr::VSS_E_WRITERERROR_NONRETRYABLE);
  EXPECT_FALSE(report.retry_later);
  EXPECT_EQ(find_code(report.writer_failure)->retry, Retry::kDoNotRetry);
  EXPECT_TRUE(w.sys.conformance().clean());
}

}  // namespace
