#pragma once
/// BITS enums, constants and plain structs, with the exact values of the Windows SDK headers
/// (bits.h, bits1_5.h as shipped in mingw-w64; spec §1.5). Names follow the SDK without the BG_ prefix.
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace vssfault::bits {

/// BG_JOB_STATE [H:bits.h:497-507].
enum class JobState : std::uint8_t {
  kQueued = 0,
  kConnecting = 1,
  kTransferring = 2,
  kSuspended = 3,
  kError = 4,
  kTransientError = 5,
  kTransferred = 6,
  kAcknowledged = 7,
  kCancelled = 8,
};
inline constexpr std::size_t kJobStateCount = 9;

/// BG_JOB_TYPE [H:bits.h:508-512].
enum class JobType : std::uint8_t { kDownload = 0, kUpload = 1, kUploadReply = 2 };

/// BG_ERROR_CONTEXT [H:bits.h:339-348]; meanings in [EC].
enum class ErrorContext : std::uint8_t {
  kNone = 0,
  kUnknown = 1,
  kGeneralQueueManager = 2,
  kQueueManagerNotification = 3,
  kLocalFile = 4,
  kRemoteFile = 5,
  kGeneralTransport = 6,
  kRemoteApplication = 7,
};

/// BG_NOTIFY_* flags [H:bits.h:96-100]; FILE_RANGES_TRANSFERRED is from [SNF] only (spec §8-D1).
namespace notify {
inline constexpr std::uint32_t kJobTransferred = 0x0001;
inline constexpr std::uint32_t kJobError = 0x0002;
inline constexpr std::uint32_t kDisable = 0x0004;  ///< "BITS ignores the other flags" [SNF]
inline constexpr std::uint32_t kJobModification = 0x0008;
inline constexpr std::uint32_t kFileTransferred = 0x0010;
inline constexpr std::uint32_t kFileRangesTransferred = 0x0020;
/// Every flag SetNotifyFlags accepts; any other bit gives E_NOTIMPL [SNF].
inline constexpr std::uint32_t kValidMask = 0x003F;
/// A new job's flags: JOB_ERROR | JOB_TRANSFERRED [WT:656-666].
inline constexpr std::uint32_t kDefault = kJobError | kJobTransferred;
}  // namespace notify

/// BG_SIZE_UNKNOWN [H:bits.h:95]: (UINT64)(-1).
inline constexpr std::uint64_t kSizeUnknown = ~std::uint64_t{0};

/// MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US): the language the model's descriptions are written in.
inline constexpr std::uint32_t kLangEnglishUs = 0x0409;
/// PRIMARYLANGID(LANG_ENGLISH).
inline constexpr std::uint32_t kLangEnglishPrimary = 0x09;

/// BG_JOB_PROGRESS [H:bits.h:480-485]. BytesTotal is kSizeUnknown while any file's size is unknown.
struct JobProgress {
  std::uint64_t bytes_total = 0;
  std::uint64_t bytes_transferred = 0;
  std::uint32_t files_total = 0;
  std::uint32_t files_transferred = 0;
  bool operator==(const JobProgress&) const = default;
};

/// BG_JOB_REPLY_PROGRESS [H:bits1_5.h:52-55]. BytesTotal is kSizeUnknown "if the reply has not begun" [RP].
struct ReplyProgress {
  std::uint64_t bytes_total = kSizeUnknown;
  std::uint64_t bytes_transferred = 0;
  bool operator==(const ReplyProgress&) const = default;
};

/// BG_FILE_PROGRESS [H:bits.h:111-115].
struct FileProgress {
  std::uint64_t bytes_total = kSizeUnknown;
  std::uint64_t bytes_transferred = 0;
  bool completed = false;
  bool operator==(const FileProgress&) const = default;
};

/// BG_FILE_INFO [H:bits.h:476-479]: what AddFile/AddFileSet take.
struct FileSpec {
  std::string remote_name;
  std::string local_name;
};

/// One file of a job as IBackgroundCopyFile shows it (names and progress).
struct FileInfo {
  std::string remote_name;
  std::string local_name;
  FileProgress progress;
  bool operator==(const FileInfo&) const = default;
};

/// A job GUID. Printed in registry form, "{01234567-89AB-CDEF-0123-456789ABCDEF}".
struct JobId {
  std::uint64_t hi = 0;
  std::uint64_t lo = 0;
  std::string to_string() const;
  auto operator<=>(const JobId&) const = default;
};

/// ACKNOWLEDGED and CANCELLED: "a job in a final state never leaves it" [LC].
constexpr bool is_final(JobState s) { return s == JobState::kAcknowledged || s == JobState::kCancelled; }
/// QUEUED, CONNECTING, TRANSFERRING: the states in which BITS is working on the job [LC].
constexpr bool is_active(JobState s) {
  return s == JobState::kQueued || s == JobState::kConnecting || s == JobState::kTransferring;
}
constexpr bool is_upload(JobType t) { return t != JobType::kDownload; }

/// The trace actor of a job: "bits:<display name>" with spaces, tabs, newlines, '=' and '"' as '_'.
std::string job_actor(std::string_view display_name);

/// Short SDK names without the prefix: "QUEUED", "TRANSIENT_ERROR"; "DOWNLOAD"; "REMOTE_FILE".
std::string_view to_string(JobState s);
std::string_view to_string(JobType t);
std::string_view to_string(ErrorContext c);
/// Stream the short names (GoogleTest prints enums through these).
std::ostream& operator<<(std::ostream& os, JobState s);
std::ostream& operator<<(std::ostream& os, JobType t);
std::ostream& operator<<(std::ostream& os, ErrorContext c);
/// Accept the short name or the full SDK name ("TRANSIENT_ERROR", "BG_JOB_STATE_TRANSIENT_ERROR"),
/// case-insensitively; nullopt for anything else.
std::optional<JobState> parse_job_state(std::string_view text);
std::optional<JobType> parse_job_type(std::string_view text);
std::optional<ErrorContext> parse_error_context(std::string_view text);

}  // namespace vssfault::bits
