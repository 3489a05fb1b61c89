#pragma once
/// Which part of an upload-reply job failed, computed the way a requester would, from public job methods
/// only (GetType, GetError → IBackgroundCopyError::GetError, GetReplyProgress) [S5][CBJE][HE]:
/// REMOTE_APPLICATION context → the server application failed; REMOTE_FILE context → the upload failed
/// when the reply's BytesTotal is BG_SIZE_UNKNOWN, otherwise the reply failed.
#include <cstdint>
#include <string_view>

namespace vssfault::bits {

class Job;

enum class UploadReplyVerdict : std::uint8_t {
  kNotUploadReply,          ///< the job is not an upload-reply job
  kNoErrorInformation,      ///< GetError gave BG_E_ERROR_INFORMATION_UNAVAILABLE
  kServerApplicationFailed, ///< context REMOTE_APPLICATION
  kUploadFailed,            ///< context REMOTE_FILE, reply BytesTotal == BG_SIZE_UNKNOWN
  kReplyFailed,             ///< context REMOTE_FILE, reply BytesTotal known
  kOtherContext,            ///< any other context (LOCAL_FILE, GENERAL_TRANSPORT, …): none of the three
};

UploadReplyVerdict diagnose_upload_reply(Job& job);
std::string_view to_string(UploadReplyVerdict verdict);

}  // namespace vssfault::bits
