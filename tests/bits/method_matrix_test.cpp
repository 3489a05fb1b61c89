// Spec §6.4, "state-changing methods × state → HRESULT", cell by cell: every method is called on a job
// in each of the nine states and the result code and the resulting state are compared with the table.
// The expected cells are written out here from the spec, independently of the model's own table.
#include <gtest/gtest.h>

#include "state_helpers.h"

namespace vssfault::bits::testing {
namespace {

struct Cell {
  HResult code;
  JobState after;
};

// Suspend [JSU][LC]: S_OK → SUSPENDED from every non-final state (SUSPENDED stays); final: invalid.
Cell suspend_cell(JobState s) {
  if (is_final(s)) return {hr::BG_E_INVALID_STATE, s};
  return {hr::S_OK, JobState::kSuspended};
}

// Resume [JR][LC]: SUSPENDED → QUEUED; QUEUED/CONNECTING/TRANSFERRING stay; TRANSIENT_ERROR/ERROR → QUEUED;
// TRANSFERRED without new files BG_E_EMPTY (D13); final: invalid.
Cell resume_cell(JobState s) {
  if (is_final(s)) return {hr::BG_E_INVALID_STATE, s};
  if (s == JobState::kTransferred) return {hr::BG_E_EMPTY, s};
  if (is_active(s)) return {hr::S_OK, s};
  return {hr::S_OK, JobState::kQueued};
}

// Cancel [JC][LC][WT:697-698]: S_OK → CANCELLED from every non-final state; final: invalid.
Cell cancel_cell(JobState s) {
  if (is_final(s)) return {hr::BG_E_INVALID_STATE, s};
  return {hr::S_OK, JobState::kCancelled};
}

// Complete, download [JCO][LC][WT:840-841]: → ACKNOWLEDGED, S_OK when all files transferred, else
// BG_S_PARTIAL_COMPLETE; final: invalid.
Cell complete_download_cell(JobState s) {
  if (is_final(s)) return {hr::BG_E_INVALID_STATE, s};
  if (s == JobState::kTransferred) return {hr::S_OK, JobState::kAcknowledged};
  return {hr::BG_S_PARTIAL_COMPLETE, JobState::kAcknowledged};
}

// Complete, upload [JCO][CBJE]: only TRANSFERRED → ACKNOWLEDGED; everything else invalid.
Cell complete_upload_cell(JobState s) {
  if (s == JobState::kTransferred) return {hr::S_OK, JobState::kAcknowledged};
  return {hr::BG_E_INVALID_STATE, s};
}

// Property setters [NPT][MRD][SNF][WT:845-846]: S_OK, state unchanged; final: invalid.
Cell setter_cell(JobState s) {
  if (is_final(s)) return {hr::BG_E_INVALID_STATE, s};
  return {hr::S_OK, s};
}

class MethodMatrixTest : public ::testing::TestWithParam<JobState> {
 protected:
  /// Calls `method` on a fresh job of `type` in the parameter state and checks the cell.
  template <class F>
  void check(JobType type, Cell expected, F method) {
    auto w = state_world();
    Job* job = job_in_state(*w, GetParam(), type);
    ASSERT_NE(job, nullptr) << "could not reach " << to_string(GetParam());
    EXPECT_EQ(method(*job), expected.code);
    EXPECT_EQ(job->state(), expected.after);
  }
};

TEST_P(MethodMatrixTest, SuspendFollowsTheTable) {
  check(JobType::kDownload, suspend_cell(GetParam()), [](Job& j) { return j.Suspend(); });
}
TEST_P(MethodMatrixTest, ResumeFollowsTheTable) {
  check(JobType::kDownload, resume_cell(GetParam()), [](Job& j) { return j.Resume(); });
}
TEST_P(MethodMatrixTest, CancelFollowsTheTable) {
  check(JobType::kDownload, cancel_cell(GetParam()), [](Job& j) { return j.Cancel(); });
}
TEST_P(MethodMatrixTest, CompleteDownloadFollowsTheTable) {
  check(JobType::kDownload, complete_download_cell(GetParam()), [](Job& j) { return j.Complete(); });
}
TEST_P(MethodMatrixTest, CompleteUploadFollowsTheTable) {
  check(JobType::kUpload, complete_upload_cell(GetParam()), [](Job& j) { return j.Complete(); });
}
TEST_P(MethodMatrixTest, CompleteUploadReplyFollowsTheUploadRow) {
  check(JobType::kUploadReply, complete_upload_cell(GetParam()), [](Job& j) { return j.Complete(); });
}
TEST_P(MethodMatrixTest, SetMinimumRetryDelayFollowsTheSetterRow) {
  check(JobType::kDownload, setter_cell(GetParam()), [](Job& j) { return j.SetMinimumRetryDelay(60); });
}
TEST_P(MethodMatrixTest, SetNoProgressTimeoutFollowsTheSetterRow) {
  check(JobType::kDownload, setter_cell(GetParam()), [](Job& j) { return j.SetNoProgressTimeout(3600); });
}
TEST_P(MethodMatrixTest, SetNotifyFlagsFollowsTheSetterRow) {
  check(JobType::kDownload, setter_cell(GetParam()), [](Job& j) { return j.SetNotifyFlags(notify::kJobError); });
}
TEST_P(MethodMatrixTest, SetNotifyInterfaceNullFollowsTheSetterRow) {
  check(JobType::kDownload, setter_cell(GetParam()), [](Job& j) { return j.SetNotifyInterface(nullptr); });
}

// A resumed upload-reply job is an upload for Complete's purposes; Cancel and Suspend are the same for
// every type: spot-check the upload rows too.
TEST_P(MethodMatrixTest, UploadSuspendAndCancelFollowTheTable) {
  check(JobType::kUpload, suspend_cell(GetParam()), [](Job& j) { return j.Suspend(); });
  check(JobType::kUpload, cancel_cell(GetParam()), [](Job& j) { return j.Cancel(); });
}

INSTANTIATE_TEST_SUITE_P(AllStates, MethodMatrixTest, ::testing::ValuesIn(all_states()), state_name);

}  // namespace
}  // namespace vssfault::bits::testing
