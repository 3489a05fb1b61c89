#include "vssfault/bits/diagnosis.h"

#include "vssfault/bits/job.h"

namespace vssfault::bits {

UploadReplyVerdict diagnose_upload_reply(Job& job) {
  JobType type{};
  if (job.GetType(&type) != hr::S_OK || type != JobType::kUploadReply) return UploadReplyVerdict::kNotUploadReply;
  std::shared_ptr<const Error> error;
  if (job.GetError(&error) != hr::S_OK || !error) return UploadReplyVerdict::kNoErrorInformation;
  ErrorContext context{};
  HResult code;
  if (error->GetError(&context, &code) != hr::S_OK) return UploadReplyVerdict::kNoErrorInformation;
  if (context == ErrorContext::kRemoteApplication) return UploadReplyVerdict::kServerApplicationFailed;
  if (context != ErrorContext::kRemoteFile) return UploadReplyVerdict::kOtherContext;
  ReplyProgress reply;
  if (job.GetReplyProgress(&reply) != hr::S_OK) return UploadReplyVerdict::kNoErrorInformation;
  return reply.bytes_total == kSizeUnknown ? UploadReplyVerdict::kUploadFailed : UploadReplyVerdict::kReplyFailed;
}

std::string_view to_string(UploadReplyVerdict verdict) {
  switch (verdict) {
    case UploadReplyVerdict::kNotUploadReply: return "not-upload-reply";
    case UploadReplyVerdict::kNoErrorInformation: return "no-error-information";
    case UploadReplyVerdict::kServerApplicationFailed: return "server-application-failed";
    case UploadReplyVerdict::kUploadFailed: return "upload-failed";
    case UploadReplyVerdict::kReplyFailed: return "reply-failed";
    case UploadReplyVerdict::kOtherContext: return "other-context";
  }
  return "?";
}

}  // namespace vssfault::bits
