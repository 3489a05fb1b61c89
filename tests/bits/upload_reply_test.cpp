// Upload-reply jobs (spec §6.7): the reply phase, GetReplyProgress, and the requester's diagnosis of
// which part failed [S5][CBJE][HE], plus the documented HTTP classification of server errors [HSAE].
#include <gtest/gtest.h>

#include "bits_world.h"
#include "vssfault/bits/diagnosis.h"
#include "vssfault/bits/error_classification.h"

namespace vssfault::bits::testing {
namespace {

// [CBJT] "For BG_JOB_TYPE_UPLOAD_REPLY jobs, BITS calls the JobTransferred method after the upload file
// has been transferred to the server and the reply has been transferred to the client"; [RP] reply
// BytesTotal is BG_SIZE_UNKNOWN until the reply begins.
TEST(UploadReplyTest, TransferredOnlyAfterTheReply) {
  World w;
  Job* job = w.upload("ur", JobType::kUploadReply);
  auto cb = std::make_shared<RecordingCallback>(w.clock);
  job->SetNotifyInterface(cb);
  job->Resume();
  w.run_for(Duration::ms(3999));  // 1 s connect + 2 s upload + 1 s server application
  ReplyProgress r;
  ASSERT_EQ(job->GetReplyProgress(&r), hr::S_OK);
  EXPECT_EQ(r.bytes_total, kSizeUnknown);
  EXPECT_EQ(job->state(), JobState::kTransferring);
  w.run_for(Duration::days(1));
  ASSERT_EQ(job->state(), JobState::kTransferred);
  job->GetReplyProgress(&r);
  EXPECT_EQ(r, (ReplyProgress{1024, 1024}));
  EXPECT_EQ(cb->times_of("JobTransferred"), std::vector<Instant>{Duration::ms(4001)});
  EXPECT_EQ(w.records(job, "reply-begun").front().time, Duration::seconds(4));
  EXPECT_EQ(job->Complete(), hr::S_OK);
}

UploadReplyVerdict run_and_diagnose(World& w, Job* job) {
  job->SetMinimumRetryDelay(3600);
  job->Resume();
  w.run_for(Duration::minutes(10));
  return diagnose_upload_reply(*job);
}

// [S5] "The server application failed if the context is BG_ERROR_CONTEXT_REMOTE_APPLICATION."
TEST(UploadReplyDiagnosisTest, RemoteApplicationContextMeansServerApplicationFailed) {
  TransportFault f = fault("app", FaultAction::kServerApplicationFailure);
  f.code = http_error(403);  // the one status that stops BITS from posting the file again [HSAE]
  World w({f});
  Job* job = w.upload("app", JobType::kUploadReply);
  EXPECT_EQ(run_and_diagnose(w, job), UploadReplyVerdict::kServerApplicationFailed);
  EXPECT_EQ(job->state(), JobState::kError);
}

// [S5] REMOTE_FILE with reply BytesTotal == BG_SIZE_UNKNOWN: "The upload failed".
TEST(UploadReplyDiagnosisTest, RemoteFileBeforeTheReplyMeansUploadFailed) {
  TransportFault f = http_fault("upl", 503, FaultPoint::kTransfer);
  f.bytes = kMiB;
  World w({f});
  Job* job = w.upload("upl", JobType::kUploadReply);
  EXPECT_EQ(run_and_diagnose(w, job), UploadReplyVerdict::kUploadFailed);
  EXPECT_EQ(job->state(), JobState::kTransientError);
}

// [S5] REMOTE_FILE with the reply's BytesTotal known: "Otherwise, the reply failed."
TEST(UploadReplyDiagnosisTest, RemoteFileDuringTheReplyMeansReplyFailed) {
  World w({http_fault("rep", 404, FaultPoint::kReplyTransfer)});
  Job* job = w.upload("rep", JobType::kUploadReply);
  EXPECT_EQ(run_and_diagnose(w, job), UploadReplyVerdict::kReplyFailed);
  ReplyProgress r;
  job->GetReplyProgress(&r);
  EXPECT_EQ(r.bytes_total, 1024u);
  std::shared_ptr<const Error> e;
  ASSERT_EQ(job->GetError(&e), hr::S_OK);
  std::optional<FileInfo> file;
  ASSERT_EQ(e->GetFile(&file), hr::S_OK);
  EXPECT_EQ(file->local_name, "C:\\up\\rep.reply");  // the error concerns the reply file
}

// The helper's other answers: no error object, not an upload-reply job, a context that is neither.
TEST(UploadReplyDiagnosisTest, OtherVerdicts) {
  World w({fault("local", FaultAction::kLocalFileError)});
  Job* fine = w.upload("fine", JobType::kUploadReply);
  EXPECT_EQ(diagnose_upload_reply(*fine), UploadReplyVerdict::kNoErrorInformation);
  EXPECT_EQ(diagnose_upload_reply(*w.download("dl")), UploadReplyVerdict::kNotUploadReply);
  Job* local = w.upload("local", JobType::kUploadReply);
  EXPECT_EQ(run_and_diagnose(w, local), UploadReplyVerdict::kOtherContext);
  EXPECT_EQ(to_string(UploadReplyVerdict::kReplyFailed), "reply-failed");
}

// A failed reply is retried from the reply: the upload is not sent again (DECISION).
TEST(UploadReplyTest, ReplyRetryDoesNotUploadAgain) {
  TransportFault f = http_fault("again", 503, FaultPoint::kReplyTransfer, HitSelector::nth(1));
  World w({f});
  Job* job = w.upload("again", JobType::kUploadReply);
  job->SetMinimumRetryDelay(5);
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransientError));
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransferred));
  EXPECT_EQ(w.records(job, "file-transferred").size(), 1u);
  EXPECT_EQ(w.records(job, "reply-begun").size(), 1u);
  EXPECT_EQ(job->attempts(), 2u);
}

// [CBJE][JC] On an upload-reply whose upload succeeded, Cancel cancels the reply: the job is CANCELLED.
TEST(UploadReplyTest, CancelAfterUploadCancelsTheReply) {
  World w({http_fault("cr", 404, FaultPoint::kReplyTransfer)});
  Job* job = w.upload("cr", JobType::kUploadReply);
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kError));
  EXPECT_EQ(job->Complete(), hr::BG_E_INVALID_STATE);  // "cannot complete a portion of an upload job"
  EXPECT_EQ(job->Cancel(), hr::S_OK);
  EXPECT_EQ(job->state(), JobState::kCancelled);
}

// [HSAE] "All 3xx error codes are transient errors except 300 - 305 and 307, which are fatal errors. All
// 4xx error codes are fatal errors except for 408 and 409, which are transient errors. All 5xx error
// codes are transient errors except 501 and 505 … All other HTTP codes are considered transient".
TEST(HttpClassificationTest, ServerApplicationStatusesFollowTheDocumentedRule) {
  for (std::uint16_t s : {300, 301, 302, 303, 304, 305, 307, 400, 401, 403, 404, 407, 410, 501, 505}) {
    EXPECT_FALSE(http_status_is_transient(s)) << s;
    EXPECT_FALSE(classify_transient(http_error(s), ErrorContext::kRemoteApplication)) << s;
  }
  for (std::uint16_t s : {306, 308, 399, 408, 409, 500, 502, 503, 504, 599, 100, 600}) {
    EXPECT_TRUE(http_status_is_transient(s)) << s;
  }
  EXPECT_EQ(http_error(404), hr::BG_E_HTTP_ERROR_404);
  EXPECT_EQ(http_status_of(hr::BG_E_HTTP_ERROR_500), std::optional<std::uint16_t>(500));
  EXPECT_EQ(http_status_of(hr::BG_E_EMPTY), std::nullopt);
  EXPECT_EQ(classification_source(hr::BG_E_HTTP_ERROR_404), "HSAE");
}

// Non-HTTP classification: documented natures, else fatal only for local-file errors (DECISION).
TEST(HttpClassificationTest, OtherCodes) {
  EXPECT_FALSE(classify_transient(hr::E_ACCESSDENIED, ErrorContext::kLocalFile));  // [JS]
  EXPECT_FALSE(classify_transient(hr::BG_E_LOCAL_FILE_CHANGED, ErrorContext::kLocalFile));  // [AF]
  EXPECT_TRUE(classify_transient(hr::BG_E_NETWORK_DISCONNECTED, ErrorContext::kGeneralTransport));  // [RV]
  EXPECT_TRUE(classify_transient(hr::BG_E_CONNECT_FAILURE, ErrorContext::kGeneralTransport));
  EXPECT_TRUE(classify_transient(HResult{0x80072EE7u}, ErrorContext::kRemoteFile));
  EXPECT_FALSE(classify_transient(HResult{0x80070070u}, ErrorContext::kLocalFile));
}

}  // namespace
}  // namespace vssfault::bits::testing
