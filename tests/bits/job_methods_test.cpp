// Argument and limit rules of the job methods (spec §6.3, §6.4 notes, §6.7) beyond the state matrix.
#include <gtest/gtest.h>

#include "bits_world.h"

namespace vssfault::bits::testing {
namespace {

// [AF] "Upload jobs can only contain one file. If you add a second file, the method returns BG_E_TOO_MANY_FILES."
TEST(AddFileTest, SecondFileInUploadJobReturnsBG_E_TOO_MANY_FILES) {
  World w;
  for (JobType type : {JobType::kUpload, JobType::kUploadReply}) {
    Job* job = w.create("up", type);
    EXPECT_EQ(job->AddFile("http://server/a", "C:\\up\\a"), hr::S_OK);
    EXPECT_EQ(job->AddFile("http://server/b", "C:\\up\\b"), hr::BG_E_TOO_MANY_FILES);
    JobProgress p;
    job->GetProgress(&p);
    EXPECT_EQ(p.files_total, 1u);
  }
}

// [AF][GP] MaxFilesPerJob (default 200): the 201st file gives BG_E_TOO_MANY_FILES_IN_JOB.
TEST(AddFileTest, FileBeyondMaxFilesPerJobReturnsBG_E_TOO_MANY_FILES_IN_JOB) {
  World w;
  Job* job = w.create("many");
  for (int i = 0; i < 200; ++i) {
    ASSERT_EQ(job->AddFile("http://server/" + std::to_string(i), "C:\\dl\\" + std::to_string(i)), hr::S_OK) << i;
  }
  EXPECT_EQ(job->AddFile("http://server/200", "C:\\dl\\200"), hr::BG_E_TOO_MANY_FILES_IN_JOB);
  ServiceSettings s;
  s.max_files_per_job = 2;
  World small({}, s);
  Job* two = small.download("two", 2);
  EXPECT_EQ(two->AddFile("http://server/x", "C:\\dl\\x"), hr::BG_E_TOO_MANY_FILES_IN_JOB);
}

// [AF] E_INVALIDARG: invalid name, unsupported protocol, relative local path.
TEST(AddFileTest, InvalidNamesReturnE_INVALIDARG) {
  World w;
  Job* job = w.create("bad");
  EXPECT_EQ(job->AddFile("ftp://server/a", "C:\\dl\\a"), hr::E_INVALIDARG);
  EXPECT_EQ(job->AddFile("http://server/a", "dl\\a"), hr::E_INVALIDARG);
  EXPECT_EQ(job->AddFile("http://server/a", ""), hr::E_INVALIDARG);
  EXPECT_EQ(job->AddFile("", "C:\\dl\\a"), hr::E_INVALIDARG);
  EXPECT_EQ(job->AddFile("http://server/a", "C:\\dl\\*.txt"), hr::E_INVALIDARG);
  Job* up = w.create("up", JobType::kUpload);
  EXPECT_EQ(up->AddFile("file://C:/share/a", "C:\\up\\a"), hr::E_INVALIDARG);  // uploads are HTTP only
  JobProgress p;
  job->GetProgress(&p);
  EXPECT_EQ(p.files_total, 0u);
}

// [AF] E_ACCESSDENIED: "User does not have permission to write to the specified directory on the client."
TEST(AddFileTest, ReadOnlyDirectoryReturnsE_ACCESSDENIED) {
  World w;
  w.service.set_local_files(LocalFiles{{"C:\\Windows\\"}, hr::S_OK, false});
  Job* job = w.create("denied");
  EXPECT_EQ(job->AddFile("http://server/a", "c:\\windows\\a"), hr::E_ACCESSDENIED);
  EXPECT_EQ(job->AddFile("http://server/a", "C:\\dl\\a"), hr::S_OK);
}

// AddFileSet adds all files or none (DECISION): one bad entry leaves the job unchanged.
TEST(AddFileTest, AddFileSetIsAllOrNothing) {
  World w;
  Job* job = w.create("set");
  const std::vector<FileSpec> set{{"http://server/a", "C:\\dl\\a"}, {"gopher://x", "C:\\dl\\b"}};
  EXPECT_EQ(job->AddFileSet(set), hr::E_INVALIDARG);
  std::vector<FileInfo> files;
  job->EnumFiles(&files);
  EXPECT_TRUE(files.empty());
}

// [MRD] Default 600 s; "values below 5 are raised to 5".
TEST(PropertyTest, MinimumRetryDelayDefaultsTo600AndIsRaisedTo5) {
  World w;
  Job* job = w.create("mrd");
  std::uint32_t s = 0;
  EXPECT_EQ(job->GetMinimumRetryDelay(&s), hr::S_OK);
  EXPECT_EQ(s, 600u);
  EXPECT_EQ(job->SetMinimumRetryDelay(1), hr::S_OK);
  job->GetMinimumRetryDelay(&s);
  EXPECT_EQ(s, 5u);
  EXPECT_EQ(job->SetMinimumRetryDelay(7), hr::S_OK);
  job->GetMinimumRetryDelay(&s);
  EXPECT_EQ(s, 7u);
}

// [NPT] Default 1,209,600 s (14 days).
TEST(PropertyTest, NoProgressTimeoutDefaultsTo14Days) {
  World w;
  Job* job = w.create("npt");
  std::uint32_t s = 0;
  EXPECT_EQ(job->GetNoProgressTimeout(&s), hr::S_OK);
  EXPECT_EQ(s, 1'209'600u);
  EXPECT_EQ(job->SetNoProgressTimeout(0), hr::S_OK);
  job->GetNoProgressTimeout(&s);
  EXPECT_EQ(s, 0u);
}

// [SNF] "E_NOTIMPL: The NotifyFlags value is not valid"; FILE_RANGES_TRANSFERRED 0x20 is valid (D1).
TEST(PropertyTest, InvalidNotifyFlagsReturnE_NOTIMPL) {
  World w;
  Job* job = w.create("flags");
  EXPECT_EQ(job->SetNotifyFlags(0x40), hr::E_NOTIMPL);
  EXPECT_EQ(job->SetNotifyFlags(0x80000000u), hr::E_NOTIMPL);
  std::uint32_t flags = 0;
  job->GetNotifyFlags(&flags);
  EXPECT_EQ(flags, notify::kDefault);
  EXPECT_EQ(job->SetNotifyFlags(notify::kFileRangesTransferred), hr::S_OK);
  job->GetNotifyFlags(&flags);
  EXPECT_EQ(flags, 0x20u);
}

// [JGS] GetState: E_INVALIDARG for a NULL pointer. Other reads likewise (DECISION).
TEST(PropertyTest, NullOutParametersReturnE_INVALIDARG) {
  World w;
  Job* job = w.create("null");
  EXPECT_EQ(job->GetState(nullptr), hr::E_INVALIDARG);
  EXPECT_EQ(job->GetProgress(nullptr), hr::E_INVALIDARG);
  EXPECT_EQ(job->GetError(nullptr), hr::E_INVALIDARG);
  EXPECT_EQ(job->GetErrorCount(nullptr), hr::E_INVALIDARG);
  EXPECT_EQ(job->GetId(nullptr), hr::E_INVALIDARG);
  EXPECT_EQ(job->GetNotifyFlags(nullptr), hr::E_INVALIDARG);
  JobId id;
  Job* out = nullptr;
  EXPECT_EQ(w.service.CreateJob("x", JobType::kDownload, nullptr, &out), hr::E_INVALIDARG);
  EXPECT_EQ(w.service.CreateJob("x", JobType::kDownload, &id, nullptr), hr::E_INVALIDARG);
}

// [GRP] GetReplyProgress: E_NOTIMPL for DOWNLOAD and UPLOAD jobs, E_INVALIDARG for NULL;
// [RP] BytesTotal is BG_SIZE_UNKNOWN "if the reply has not begun".
TEST(ReplyTest, GetReplyProgressByJobType) {
  World w;
  ReplyProgress p;
  EXPECT_EQ(w.create("d", JobType::kDownload)->GetReplyProgress(&p), hr::E_NOTIMPL);
  EXPECT_EQ(w.create("u", JobType::kUpload)->GetReplyProgress(&p), hr::E_NOTIMPL);
  Job* ur = w.create("ur", JobType::kUploadReply);
  EXPECT_EQ(ur->GetReplyProgress(nullptr), hr::E_INVALIDARG);
  EXPECT_EQ(ur->GetReplyProgress(&p), hr::S_OK);
  EXPECT_EQ(p.bytes_total, kSizeUnknown);
  EXPECT_EQ(p.bytes_transferred, 0u);
}

// [SRFN] SetReplyFileName: BG_E_INVALID_STATE once the reply transfer has begun; E_INVALIDARG for an
// invalid name; BITS generates a name beside the upload file when none is set before Resume.
TEST(ReplyTest, SetReplyFileNameRules) {
  World w;
  EXPECT_EQ(w.create("d")->SetReplyFileName("C:\\r"), hr::E_NOTIMPL);  // DECISION for non-reply jobs
  Job* ur = w.upload("ur", JobType::kUploadReply);
  EXPECT_EQ(ur->SetReplyFileName("reply.txt"), hr::E_INVALIDARG);
  ASSERT_EQ(ur->Resume(), hr::S_OK);
  std::string name;
  EXPECT_EQ(ur->GetReplyFileName(&name), hr::S_OK);
  EXPECT_EQ(name, "C:\\up\\ur.reply");
  EXPECT_EQ(ur->SetReplyFileName("C:\\replies\\ur"), hr::S_OK);  // before the reply has begun
  ASSERT_TRUE(w.run_until_state(ur, JobState::kTransferred));
  ReplyProgress p;
  ur->GetReplyProgress(&p);
  ASSERT_NE(p.bytes_total, kSizeUnknown);
  EXPECT_EQ(ur->SetReplyFileName("C:\\replies\\other"), hr::BG_E_INVALID_STATE);
}

// [S5] "The service does not create an error object when a call to an IBackgroundCopyXXXX interface
// method fails."
TEST(ErrorObjectRuleTest, FailedMethodCallCreatesNoErrorObject) {
  World w;
  Job* job = w.create("empty");
  EXPECT_EQ(job->Resume(), hr::BG_E_EMPTY);
  EXPECT_EQ(job->AddFile("bogus", "C:\\x"), hr::E_INVALIDARG);
  EXPECT_EQ(job->SetNotifyFlags(0xFF), hr::E_NOTIMPL);
  std::shared_ptr<const Error> error;
  EXPECT_EQ(job->GetError(&error), hr::BG_E_ERROR_INFORMATION_UNAVAILABLE);
  EXPECT_EQ(job->state(), JobState::kSuspended);
}

// [JCO] A rename failure: Complete returns the rename error and the job "remains in the transfer queue".
TEST(CompleteTest, RenameFailureReturnsTheErrorAndKeepsTheJob) {
  World w;
  Job* job = w.download("rename");
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransferred));
  w.service.set_local_files(LocalFiles{{}, hr::E_ACCESSDENIED, false});
  EXPECT_EQ(job->Complete(), hr::E_ACCESSDENIED);
  EXPECT_EQ(job->state(), JobState::kTransferred);
  EXPECT_EQ(w.service.EnumJobs().size(), 1u);
  w.service.set_local_files({});
  EXPECT_EQ(job->Complete(), hr::S_OK);
}

// [JC] BG_S_UNABLE_TO_DELETE_FILES: cancelled, but the temporary files could not be deleted;
// [JCO] the same for Complete with partial files.
TEST(CompleteTest, UndeletableTempFilesGiveBG_S_UNABLE_TO_DELETE_FILES) {
  World w;
  w.service.set_local_files(LocalFiles{{}, hr::S_OK, true});
  Job* a = w.download("a");
  EXPECT_EQ(a->Cancel(), hr::BG_S_UNABLE_TO_DELETE_FILES);
  EXPECT_EQ(a->state(), JobState::kCancelled);
  Job* b = w.download("b");
  EXPECT_EQ(b->Complete(), hr::BG_S_UNABLE_TO_DELETE_FILES);
  EXPECT_EQ(b->state(), JobState::kAcknowledged);
}

// [JCO][LC] Complete on a download before TRANSFERRED keeps the files finished so far and returns
// BG_S_PARTIAL_COMPLETE.
TEST(CompleteTest, EarlyCompleteOfDownloadIsPartial) {
  World w;
  Job* job = w.download("partial", 3);
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransferring));
  w.run_for(Duration::seconds(3));  // file 0 (2 MiB at 1 MiB/s) done, file 1 under way
  JobProgress p;
  job->GetProgress(&p);
  ASSERT_EQ(p.files_transferred, 1u);
  EXPECT_EQ(job->Complete(), hr::BG_S_PARTIAL_COMPLETE);
  EXPECT_EQ(job->state(), JobState::kAcknowledged);
}

// [LC] "A job in a final state never leaves it and is no longer listed by EnumJobs."
TEST(FinalStateTest, FinalJobsAreNeverLeftAndNotEnumerated) {
  World w;
  Job* done = w.download("done");
  Job* gone = w.download("gone");
  Job* live = w.download("live");
  done->Resume();
  ASSERT_TRUE(w.run_until_state(done, JobState::kTransferred));
  done->Complete();
  gone->Cancel();
  for (Job* j : {done, gone}) {
    EXPECT_EQ(j->Resume(), hr::BG_E_INVALID_STATE);
    EXPECT_EQ(j->Suspend(), hr::BG_E_INVALID_STATE);
    EXPECT_EQ(j->AddFile("http://server/z", "C:\\dl\\z"), hr::BG_E_INVALID_STATE);
  }
  w.run_for(Duration::days(1));
  EXPECT_EQ(done->state(), JobState::kAcknowledged);
  EXPECT_EQ(gone->state(), JobState::kCancelled);
  EXPECT_EQ(w.service.EnumJobs(), std::vector<Job*>{live});
  Job* found = nullptr;
  EXPECT_EQ(w.service.GetJob(gone->id(), &found), hr::BG_E_NOT_FOUND);
  EXPECT_EQ(w.service.GetJob(live->id(), &found), hr::S_OK);
  EXPECT_EQ(found, live);
}

// Job ids come from the seeded rng: the same seed gives the same ids, another seed others.
TEST(ServiceTest, JobIdsAreDeterministicPerSeed) {
  World a, b, c({}, {}, test_transport(), 7);
  EXPECT_EQ(a.create("x")->id(), b.create("x")->id());
  EXPECT_NE(a.create("y")->id(), c.create("y")->id());
  EXPECT_EQ(a.create("z")->id().to_string().size(), 38u);
}

}  // namespace
}  // namespace vssfault::bits::testing
