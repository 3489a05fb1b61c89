// Each assertion of Wine's qmgr conformance test dlls/qmgr/tests/job.c @ 2148167f [WT] (spec §6.8),
// expressed against the model. setup() creates a download job named "Test" [WT:193-238]; teardown()
// always Cancels it [WT:241-246].
#include <gtest/gtest.h>

#include <set>

#include "bits_world.h"

namespace vssfault::bits::testing {
namespace {

class WineJobTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(world.service.CreateJob("Test", JobType::kDownload, &id, &job), hr::S_OK);
  }
  World world;
  JobId id;
  Job* job = nullptr;
};

// [WT:320-321] test_GetId: GetId returns S_OK and the GUID CreateJob returned.
TEST_F(WineJobTest, GetIdReturnsTheGuidFromCreateJob) {
  JobId got;
  EXPECT_EQ(job->GetId(&got), hr::S_OK);
  EXPECT_EQ(got, id);
}

// [WT:331-332] test_GetType: S_OK, BG_JOB_TYPE_DOWNLOAD.
TEST_F(WineJobTest, GetTypeReturnsDownload) {
  JobType type = JobType::kUpload;
  EXPECT_EQ(job->GetType(&type), hr::S_OK);
  EXPECT_EQ(type, JobType::kDownload);
}

// [WT:342-343] test_GetName: S_OK, "Test".
TEST_F(WineJobTest, GetDisplayNameReturnsTest) {
  std::string name;
  EXPECT_EQ(job->GetDisplayName(&name), hr::S_OK);
  EXPECT_EQ(name, "Test");
}

// [WT:354, 358] test_AddFile: two AddFile calls on a SUSPENDED job both return S_OK.
TEST_F(WineJobTest, AddFileTwiceOnSuspendedJobReturnsS_OK) {
  EXPECT_EQ(job->AddFile("file://C:/remote/a", "C:\\local\\a"), hr::S_OK);
  EXPECT_EQ(job->AddFile("file://C:/remote/b", "C:\\local\\b"), hr::S_OK);
  EXPECT_EQ(job->state(), JobState::kSuspended);
}

// [WT:371] test_AddFileSet: AddFileSet with two files returns S_OK.
TEST_F(WineJobTest, AddFileSetOfTwoFilesReturnsS_OK) {
  const std::vector<FileSpec> set{{"file://C:/remote/a", "C:\\local\\a"}, {"file://C:/remote/b", "C:\\local\\b"}};
  EXPECT_EQ(job->AddFileSet(set), hr::S_OK);
  std::vector<FileInfo> files;
  ASSERT_EQ(job->EnumFiles(&files), hr::S_OK);
  EXPECT_EQ(files.size(), 2u);
}

// [WT:383, 386] test_EnumFiles: AddFile S_OK, EnumFiles S_OK and lists the file.
TEST_F(WineJobTest, EnumFilesListsTheAddedFile) {
  EXPECT_EQ(job->AddFile("file://C:/remote/a", "C:\\local\\a"), hr::S_OK);
  std::vector<FileInfo> files;
  EXPECT_EQ(job->EnumFiles(&files), hr::S_OK);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].remote_name, "file://C:/remote/a");
  EXPECT_EQ(files[0].local_name, "C:\\local\\a");
}

// [WT:399-406] test_GetProgress_preTransfer: BytesTotal = BytesTransferred = FilesTotal = FilesTransferred = 0.
TEST_F(WineJobTest, GetProgressBeforeTransferIsAllZero) {
  JobProgress p{1, 1, 1, 1};
  EXPECT_EQ(job->GetProgress(&p), hr::S_OK);
  EXPECT_EQ(p, (JobProgress{0, 0, 0, 0}));
}

// [WT:417-418] test_GetState: a new job is BG_JOB_STATE_SUSPENDED.
TEST_F(WineJobTest, NewJobStateIsSuspended) {
  JobState state = JobState::kQueued;
  EXPECT_EQ(job->GetState(&state), hr::S_OK);
  EXPECT_EQ(state, JobState::kSuspended);
}

// [WT:428, 432-433] test_ResumeEmpty: Resume on an empty job returns BG_E_EMPTY; state stays SUSPENDED.
TEST_F(WineJobTest, ResumeEmptyReturnsBG_E_EMPTY) {
  EXPECT_EQ(job->Resume(), hr::BG_E_EMPTY);
  JobState state{};
  EXPECT_EQ(job->GetState(&state), hr::S_OK);
  EXPECT_EQ(state, JobState::kSuspended);
}

/// test_CompleteLocal's loop [WT:534-563]: Resume, poll once a second for up to 30 s, every state seen in
/// {QUEUED, CONNECTING, TRANSFERRING, TRANSFERRED, TRANSIENT_ERROR}, Resume again from TRANSIENT_ERROR,
/// then Complete and check ACKNOWLEDGED.
void complete_local(World& world, Job* job, const std::string& remote_prefix) {
  ASSERT_EQ(job->AddFile(remote_prefix + "A", "C:\\local\\A"), hr::S_OK);
  ASSERT_EQ(job->AddFile(remote_prefix + "B", "C:\\local\\B"), hr::S_OK);
  EXPECT_EQ(job->Resume(), hr::S_OK);  // [WT:534]
  const std::set<JobState> allowed{JobState::kQueued, JobState::kConnecting, JobState::kTransferring,
                                   JobState::kTransferred, JobState::kTransientError};
  JobState state{};
  int i = 0;
  for (; i < 30; ++i) {
    EXPECT_EQ(job->GetState(&state), hr::S_OK);
    EXPECT_TRUE(allowed.count(state)) << to_string(state);  // [WT:540-544]
    if (state == JobState::kTransientError) {
      EXPECT_EQ(job->Resume(), hr::S_OK);  // [WT:545-548]
    }
    if (state == JobState::kTransferred) break;
    world.run_for(Duration::seconds(1));
  }
  EXPECT_LT(i, 30) << "BITS jobs timed out";
  EXPECT_EQ(job->Complete(), hr::S_OK);  // [WT:560]
  EXPECT_EQ(job->GetState(&state), hr::S_OK);
  EXPECT_EQ(state, JobState::kAcknowledged);  // [WT:562-563]
}

// [WT:534-563] test_CompleteLocal: a two-file local transfer ends ACKNOWLEDGED after Complete.
TEST_F(WineJobTest, CompleteLocalEndsAcknowledged) { complete_local(world, job, "\\\\server\\share\\"); }

// [WT:612-642] test_CompleteLocalURL: the same with file:// URLs.
TEST_F(WineJobTest, CompleteLocalUrlEndsAcknowledged) { complete_local(world, job, "file://C:/remote/"); }

// [WT:545-548] Resume from TRANSIENT_ERROR returns S_OK (and retries at once).
TEST(WineJobTransientTest, ResumeFromTransientErrorReturnsS_OK) {
  World world({fault("Test", FaultAction::kFailConnect, HitSelector::nth(1))});
  Job* job = world.download("Test");
  ASSERT_EQ(job->Resume(), hr::S_OK);
  ASSERT_TRUE(world.run_until_state(job, JobState::kTransientError));
  EXPECT_EQ(job->Resume(), hr::S_OK);
  EXPECT_EQ(job->state(), JobState::kQueued);
  EXPECT_TRUE(world.run_until_state(job, JobState::kTransferred, Duration::seconds(30)));
}

// [WT:484-508] handle_job_err: in ERROR or TRANSIENT_ERROR, GetError, IBackgroundCopyError::GetError,
// GetErrorContextDescription(MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US)) and GetErrorDescription work.
TEST(WineJobErrorTest, HandleJobErrReadsCodeContextAndDescriptions) {
  World world({http_fault("Test", 404, FaultPoint::kConnect)});
  Job* job = world.download("Test");
  ASSERT_EQ(job->Resume(), hr::S_OK);
  ASSERT_TRUE(world.run_until_state(job, JobState::kError));
  std::shared_ptr<const Error> error;
  ASSERT_EQ(job->GetError(&error), hr::S_OK);
  ErrorContext context{};
  HResult code;
  EXPECT_EQ(error->GetError(&context, &code), hr::S_OK);
  EXPECT_EQ(code, hr::BG_E_HTTP_ERROR_404);
  EXPECT_EQ(context, ErrorContext::kRemoteFile);
  std::string text;
  EXPECT_EQ(error->GetErrorContextDescription(kLangEnglishUs, &text), hr::S_OK);
  EXPECT_FALSE(text.empty());
  EXPECT_EQ(error->GetErrorDescription(kLangEnglishUs, &text), hr::S_OK);
  EXPECT_FALSE(text.empty());
}

// [WT:664-665] test_NotifyFlags: a new job's flags are BG_NOTIFY_JOB_ERROR | BG_NOTIFY_JOB_TRANSFERRED.
TEST_F(WineJobTest, DefaultNotifyFlagsAreJobErrorAndJobTransferred) {
  std::uint32_t flags = 0;
  EXPECT_EQ(job->GetNotifyFlags(&flags), hr::S_OK);
  EXPECT_EQ(flags, notify::kJobError | notify::kJobTransferred);
  EXPECT_EQ(flags, 0x3u);
}

// [WT:675-676] test_NotifyInterface: GetNotifyInterface returns S_OK and NULL on a new job.
TEST_F(WineJobTest, NewJobHasNoNotifyInterface) {
  std::shared_ptr<Callback> cb = std::make_shared<RecordingCallback>(world.clock);
  EXPECT_EQ(job->GetNotifyInterface(&cb), hr::S_OK);
  EXPECT_EQ(cb, nullptr);
}

// [WT:686-698] test_Cancel: not CANCELLED before; Cancel S_OK; CANCELLED after; a second Cancel
// returns BG_E_INVALID_STATE.
TEST_F(WineJobTest, CancelThenSecondCancelReturnsBG_E_INVALID_STATE) {
  JobState state{};
  ASSERT_EQ(job->GetState(&state), hr::S_OK);
  EXPECT_NE(state, JobState::kCancelled);
  EXPECT_EQ(job->Cancel(), hr::S_OK);
  ASSERT_EQ(job->GetState(&state), hr::S_OK);
  EXPECT_EQ(state, JobState::kCancelled);
  EXPECT_EQ(job->Cancel(), hr::BG_E_INVALID_STATE);
}

// [WT:715-846] test_HttpOptions (the parts the model covers; custom headers and security flags are not
// modelled): SetNotifyInterface S_OK (721); SetNotifyFlags(TRANSFERRED|ERROR|DISABLE|MODIFICATION|
// FILE_TRANSFERRED) S_OK (724); after TRANSFERRED GetError is BG_E_ERROR_INFORMATION_UNAVAILABLE
// (805-806); Complete S_OK (834); ACKNOWLEDGED (837-838); a second Complete BG_E_INVALID_STATE (840-841);
// SetNotifyInterface(NULL) after ACKNOWLEDGED BG_E_INVALID_STATE (845-846).
TEST_F(WineJobTest, HttpOptionsSequence) {
  auto cb = std::make_shared<RecordingCallback>(world.clock);
  EXPECT_EQ(job->SetNotifyInterface(cb), hr::S_OK);
  EXPECT_EQ(job->SetNotifyFlags(notify::kJobTransferred | notify::kJobError | notify::kDisable |
                                notify::kJobModification | notify::kFileTransferred),
            hr::S_OK);
  ASSERT_EQ(job->AddFile("http://test.winehq.org/", "C:\\local\\winetest"), hr::S_OK);
  ASSERT_EQ(job->Resume(), hr::S_OK);
  ASSERT_TRUE(world.run_until_state(job, JobState::kTransferred, Duration::seconds(30)));
  std::shared_ptr<const Error> error;
  EXPECT_EQ(job->GetError(&error), hr::BG_E_ERROR_INFORMATION_UNAVAILABLE);
  EXPECT_EQ(error, nullptr);
  EXPECT_EQ(job->Complete(), hr::S_OK);
  JobState state{};
  ASSERT_EQ(job->GetState(&state), hr::S_OK);
  EXPECT_EQ(state, JobState::kAcknowledged);
  EXPECT_EQ(job->Complete(), hr::BG_E_INVALID_STATE);
  EXPECT_EQ(job->SetNotifyInterface(nullptr), hr::BG_E_INVALID_STATE);
  world.queue.run_all();
  EXPECT_TRUE(cb->calls.empty()) << "BG_NOTIFY_DISABLE makes BITS ignore the other flags [SNF]";
}

// [WT:241-246] teardown() Cancels every job; on a job the test already completed that is BG_E_INVALID_STATE.
TEST_F(WineJobTest, TeardownCancelOfAcknowledgedJobReturnsBG_E_INVALID_STATE) {
  ASSERT_EQ(job->AddFile("http://server/x", "C:\\local\\x"), hr::S_OK);
  ASSERT_EQ(job->Resume(), hr::S_OK);
  ASSERT_TRUE(world.run_until_state(job, JobState::kTransferred));
  ASSERT_EQ(job->Complete(), hr::S_OK);
  EXPECT_EQ(job->Cancel(), hr::BG_E_INVALID_STATE);
  EXPECT_EQ(job->state(), JobState::kAcknowledged);
}

}  // namespace
}  // namespace vssfault::bits::testing
