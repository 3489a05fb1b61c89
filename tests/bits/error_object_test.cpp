// The error object (spec §6.5, D12): when IBackgroundCopyJob::GetError hands one out, and what
// IBackgroundCopyError's methods return.
#include <gtest/gtest.h>

#include "bits_world.h"
#include "vssfault/codes/catalog.h"

namespace vssfault::bits::testing {
namespace {

std::shared_ptr<const Error> error_of(Job* job) {
  std::shared_ptr<const Error> e;
  return job->GetError(&e) == hr::S_OK ? e : nullptr;
}

// [S5] "BITS generates an error object when the state of the job is … TRANSIENT_ERROR"; it is available
// "until BITS begins transferring data (TRANSFERRING)" (D12: also across the retry's QUEUED/CONNECTING).
TEST(GetErrorWindowTest, AvailableFromTransientErrorUntilTransferring) {
  World w({fault("win", FaultAction::kFailConnect, HitSelector::nth(1))});
  Job* job = w.download("win");
  job->SetMinimumRetryDelay(5);
  EXPECT_EQ(error_of(job), nullptr);
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransientError));
  auto e = error_of(job);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->code(), hr::BG_E_CONNECT_FAILURE);
  ASSERT_TRUE(w.run_until_state(job, JobState::kConnecting));
  EXPECT_EQ(error_of(job), e);
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransferring));
  std::shared_ptr<const Error> gone;
  EXPECT_EQ(job->GetError(&gone), hr::BG_E_ERROR_INFORMATION_UNAVAILABLE);
  EXPECT_EQ(gone, nullptr);
}

// [S5] ERROR: the object is there until the job leaves for TRANSFERRING or a final state (D12).
TEST(GetErrorWindowTest, AvailableInErrorAndDroppedByCancel) {
  World w({http_fault("fatal", 404, FaultPoint::kConnect)});
  Job* job = w.download("fatal");
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kError));
  auto held = error_of(job);
  ASSERT_NE(held, nullptr);
  job->Suspend();
  EXPECT_EQ(error_of(job), held);  // still before any TRANSFERRING
  job->Cancel();
  EXPECT_EQ(error_of(job), nullptr);
  // The object the client holds is a snapshot and stays readable [EGE].
  ErrorContext c{};
  HResult code;
  EXPECT_EQ(held->GetError(&c, &code), hr::S_OK);
  EXPECT_EQ(code, hr::BG_E_HTTP_ERROR_404);
}

// [S5] "… or until your application exits": after the client restarts, GetError has nothing, until a
// new error happens.
TEST(GetErrorWindowTest, ClientRestartEndsAvailability) {
  World w({fault("rs", FaultAction::kFailConnect, HitSelector::first(2))});
  Job* job = w.download("rs");
  job->SetMinimumRetryDelay(5);
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransientError));
  w.service.client_restarted();
  EXPECT_EQ(error_of(job), nullptr);
  w.run_for(Duration::seconds(5));  // the retry fails again: a new error object
  ASSERT_EQ(job->state(), JobState::kTransientError);
  EXPECT_NE(error_of(job), nullptr);
}

// [EGF][EGP] A remote-file error names its file and protocol "http".
TEST(ErrorObjectTest, RemoteFileErrorHasFileAndHttpProtocol) {
  TransportFault f = http_fault("rf", 503, FaultPoint::kTransfer);
  f.bytes = 100;
  World w({f});
  Job* job = w.download("rf");
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransientError));  // 503 is transient [HSAE]
  auto e = error_of(job);
  ASSERT_NE(e, nullptr);
  std::optional<FileInfo> file;
  EXPECT_EQ(e->GetFile(&file), hr::S_OK);
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(file->remote_name, "http://server/rf/0");
  EXPECT_EQ(file->local_name, "C:\\dl\\rf\\0");
  EXPECT_EQ(file->progress.bytes_transferred, 100u);
  std::optional<std::string> protocol;
  EXPECT_EQ(e->GetProtocol(&protocol), hr::S_OK);
  EXPECT_EQ(protocol, std::optional<std::string>("http"));
}

// [EGP] "file" for SMB/file transfers.
TEST(ErrorObjectTest, FileUrlErrorHasFileProtocol) {
  World w({http_fault("smb", 500, FaultPoint::kConnect)});
  Job* job = w.create("smb");
  job->AddFile("file://fileserver/share/a", "C:\\dl\\a");
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransientError));
  std::optional<std::string> protocol;
  EXPECT_EQ(error_of(job)->GetProtocol(&protocol), hr::S_OK);
  EXPECT_EQ(protocol, std::optional<std::string>("file"));
}

// [EGF] BG_E_FILE_NOT_AVAILABLE with NULL when the error concerns no file (a transport error);
// [EGP] BG_E_PROTOCOL_NOT_AVAILABLE with NULL when it is not tied to a protocol (a local-file error).
TEST(ErrorObjectTest, FileAndProtocolNotAvailable) {
  World w({fault("gt", FaultAction::kFailConnect),
           fault("lf", FaultAction::kLocalFileError)});
  Job* gt = w.download("gt");
  Job* lf = w.download("lf");
  gt->Resume();
  lf->Resume();
  w.run_for(Duration::seconds(5));
  ASSERT_EQ(gt->state(), JobState::kTransientError);
  std::optional<FileInfo> file = FileInfo{};
  EXPECT_EQ(error_of(gt)->GetFile(&file), hr::BG_E_FILE_NOT_AVAILABLE);
  EXPECT_FALSE(file.has_value());
  ASSERT_EQ(lf->state(), JobState::kError);  // BG_E_LOCAL_FILE_CHANGED is fatal [AF]
  std::optional<std::string> protocol = std::string("x");
  EXPECT_EQ(error_of(lf)->GetProtocol(&protocol), hr::BG_E_PROTOCOL_NOT_AVAILABLE);
  EXPECT_FALSE(protocol.has_value());
  EXPECT_EQ(error_of(lf)->GetFile(&file), hr::S_OK);
  EXPECT_EQ(error_of(lf)->context(), ErrorContext::kLocalFile);
}

// [EGD][EGCD] E_INVALIDARG for LanguageId 0; HRESULT_FROM_WIN32(ERROR_RESOURCE_LANG_NOT_FOUND) for a
// language without resources; en-US texts come from the code catalog.
TEST(ErrorObjectTest, DescriptionsByLanguage) {
  World w({http_fault("d", 404, FaultPoint::kConnect)});
  Job* job = w.download("d");
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kError));
  auto e = error_of(job);
  std::string text = "unchanged";
  EXPECT_EQ(e->GetErrorDescription(0, &text), hr::E_INVALIDARG);
  EXPECT_EQ(e->GetErrorContextDescription(0, &text), hr::E_INVALIDARG);
  EXPECT_EQ(e->GetErrorDescription(0x0407, &text), hr::HRESULT_FROM_WIN32_ERROR_RESOURCE_LANG_NOT_FOUND);
  EXPECT_EQ(e->GetErrorContextDescription(0x0407, &text), hr::HRESULT_FROM_WIN32_ERROR_RESOURCE_LANG_NOT_FOUND);
  EXPECT_EQ(text, "unchanged");
  ASSERT_EQ(e->GetErrorDescription(kLangEnglishUs, &text), hr::S_OK);
  EXPECT_EQ(text, describe_code(hr::BG_E_HTTP_ERROR_404));
  const CodeInfo* info = find_code(hr::BG_E_HTTP_ERROR_404);
  ASSERT_NE(info, nullptr);
  ASSERT_FALSE(info->meaning.empty());
  EXPECT_EQ(text, info->meaning);
  ASSERT_EQ(e->GetErrorContextDescription(kLangEnglishUs, &text), hr::S_OK);
  EXPECT_EQ(text, find_code(hr::BG_E_ERROR_CONTEXT_REMOTE_FILE)->meaning);
  EXPECT_EQ(e->GetErrorDescription(0x0809, &text), hr::S_OK);  // en-GB: English resources
}

// The contexts map to their BG_E_ERROR_CONTEXT_* message ids [H:bitsmsg.h].
TEST(ErrorObjectTest, ContextMessagesAreTheBitsmsgIds) {
  EXPECT_EQ(context_message(ErrorContext::kNone), hr::BG_S_ERROR_CONTEXT_NONE);
  EXPECT_EQ(context_message(ErrorContext::kLocalFile).value(), 0x80200009u);
  EXPECT_EQ(context_message(ErrorContext::kRemoteFile).value(), 0x8020000Au);
  EXPECT_EQ(context_message(ErrorContext::kGeneralTransport).value(), 0x8020000Bu);
  EXPECT_EQ(context_message(ErrorContext::kQueueManagerNotification).value(), 0x8020000Cu);
  EXPECT_EQ(context_message(ErrorContext::kRemoteApplication).value(), 0x8020001Eu);
}

}  // namespace
}  // namespace vssfault::bits::testing
