#pragma once
/// The closed word lists of the scenario format: every enumerated value, its spelling in a scenario file,
/// and lookup both ways. World descriptions use short lower-case words (front-end, upload-reply);
/// anything a Windows API reports back uses its Windows name (VSS_WS_FAILED_AT_FREEZE,
/// BG_JOB_STATE_ERROR, BG_ERROR_CONTEXT_REMOTE_FILE, BG_NOTIFY_JOB_ERROR), so it can be searched for in
/// Microsoft's documentation.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace vssfault::scenario {

/// VSS_APPLICATION_LEVEL as a writer declares it; freeze order is front-end, back-end, system [VAL].
enum class WriterLevel : std::uint8_t { kFrontEnd, kBackEnd, kSystem };

/// The writer events, in backup order, then restore [WRT]. Spelled as VSS events ("Freeze"); the
/// CVssWriter handler names ("OnFreeze") are accepted as aliases.
enum class WriterEvent : std::uint8_t {
  kIdentify, kPrepareForBackup, kPrepareForSnapshot, kFreeze, kThaw, kPostSnapshot, kAbort,
  kBackupComplete, kBackupShutdown, kPreRestore, kPostRestore,
};

enum class ProviderKind : std::uint8_t { kSoftware, kHardware, kSystem };

/// Provider methods a fault can target, in the order VSS calls them (D16, D17, §5.2).
enum class ProviderMethod : std::uint8_t {
  kOnLoad, kBeginPrepareSnapshot, kEndPrepareSnapshots, kPreCommitSnapshots, kCommitSnapshots,
  kPostCommitSnapshots, kPreFinalCommitSnapshots, kPostFinalCommitSnapshots, kAbortSnapshots, kOnUnload,
};

enum class JobType : std::uint8_t { kDownload, kUpload, kUploadReply };

/// Where the BITS transport can fail: opening the connection, moving file bytes, the server application
/// answering an upload-reply job's upload (`reply`), moving the bytes of that reply (`reply-transfer`).
enum class TransferPoint : std::uint8_t { kConnect, kTransfer, kReply, kReplyTransfer };

/// BG_ERROR_CONTEXT, values as in bits.h [H:bits.h:339-348].
enum class ErrorContext : std::uint8_t {
  kNone = 0, kUnknown = 1, kGeneralQueueManager = 2, kQueueManagerNotification = 3, kLocalFile = 4,
  kRemoteFile = 5, kGeneralTransport = 6, kRemoteApplication = 7,
};

/// Whether an injected BITS error is retried by BITS (TRANSIENT_ERROR) or needs the client (ERROR);
/// kDocumented: as the documentation classifies its code in its context (bits::classify_transient).
enum class Severity : std::uint8_t { kTransient, kFatal, kDocumented };

/// D10: what SetWriterFailure does with a code outside its list.
enum class MisuseMode : std::uint8_t { kStrict, kLenient };

/// Which writer API a writer fault reports its failure through [S3] [S2].
enum class FailureApi : std::uint8_t { kSetWriterFailure, kSetWriterFailureEx };

enum class DriverKind : std::uint8_t { kReferenceRequester, kReferenceBitsClient, kSteps };
/// VSS_BACKUP_TYPE without UNDEFINED [H:vss.h:172-180], as SetBackupState takes it.
enum class BackupType : std::uint8_t { kFull, kIncremental, kDifferential, kLog, kCopy, kOther };
/// How the reference requester's backup ended (requester::Outcome).
enum class RequesterOutcome : std::uint8_t { kSucceeded, kSucceededWithVetoes, kGaveUp, kRetriesExhausted };
enum class Operation : std::uint8_t { kBackup, kRestore };
/// How the reference BITS client learns of errors [S5]: JobError callbacks or polling GetState.
enum class NotifyMode : std::uint8_t { kCallback, kPoll };
/// What the reference BITS client does once a job is in BG_JOB_STATE_ERROR [CBJE].
enum class OnError : std::uint8_t { kCancel, kComplete, kResume };

/// VSS_WRITER_STATE, values as in vss.h [H:vss.h:151-169] (VSS_WS_COUNT is not a state).
enum class WriterState : std::uint8_t {
  kUnknown, kStable, kWaitingForFreeze, kWaitingForThaw, kWaitingForPostSnapshot,
  kWaitingForBackupComplete, kFailedAtIdentify, kFailedAtPrepareBackup, kFailedAtPrepareSnapshot,
  kFailedAtFreeze, kFailedAtThaw, kFailedAtPostSnapshot, kFailedAtBackupComplete, kFailedAtPreRestore,
  kFailedAtPostRestore, kFailedAtBackupShutdown,
};

/// BG_JOB_STATE, values as in bits.h [H:bits.h:497-507].
enum class JobState : std::uint8_t {
  kQueued, kConnecting, kTransferring, kSuspended, kError, kTransientError, kTransferred, kAcknowledged,
  kCancelled,
};

/// BG_NOTIFY_* bits [H:bits.h:96-100], FILE_RANGES_TRANSFERRED from [SNF].
enum NotifyFlag : std::uint32_t {
  kNotifyJobTransferred = 0x1, kNotifyJobError = 0x2, kNotifyDisable = 0x4, kNotifyJobModification = 0x8,
  kNotifyFileTransferred = 0x10, kNotifyFileRangesTransferred = 0x20,
};

/// When an event-log entry was written relative to the freeze window [S4]: providers must not log
/// while frozen.
enum class FreezePhase : std::uint8_t { kBeforeFreeze, kWhileFrozen, kAfterThaw };

enum class SnapshotPresence : std::uint8_t { kPresent, kAbsent };

/// Which part of an upload-reply job failed, as a requester works it out from GetType, GetError and
/// GetReplyProgress [S5] (bits::UploadReplyVerdict).
enum class UploadReplyDiagnosis : std::uint8_t {
  kNotUploadReply, kNoErrorInformation, kServerApplicationFailed, kUploadFailed, kReplyFailed, kOtherContext,
};

/// One spelling of an enumerated value. A value may have several (aliases); the first is canonical.
template <class E>
struct EnumName {
  E value;
  std::string_view name;
};

/// Every spelling of E, canonical spellings first among equals. Specialised for each enum above.
template <class E>
std::span<const EnumName<E>> enum_names();

/// The canonical spelling of `value`.
template <class E>
std::string_view to_name(E value) {
  for (const auto& n : enum_names<E>()) {
    if (n.value == value) return n.name;
  }
  return {};
}

/// Exact (case-sensitive) lookup of any spelling.
template <class E>
std::optional<E> from_name(std::string_view text) {
  for (const auto& n : enum_names<E>()) {
    if (n.name == text) return n.value;
  }
  return std::nullopt;
}

#define VSSFAULT_SCENARIO_ENUM(E) template <> std::span<const EnumName<E>> enum_names<E>();
VSSFAULT_SCENARIO_ENUM(WriterLevel)
VSSFAULT_SCENARIO_ENUM(WriterEvent)
VSSFAULT_SCENARIO_ENUM(ProviderKind)
VSSFAULT_SCENARIO_ENUM(ProviderMethod)
VSSFAULT_SCENARIO_ENUM(JobType)
VSSFAULT_SCENARIO_ENUM(TransferPoint)
VSSFAULT_SCENARIO_ENUM(ErrorContext)
VSSFAULT_SCENARIO_ENUM(Severity)
VSSFAULT_SCENARIO_ENUM(MisuseMode)
VSSFAULT_SCENARIO_ENUM(FailureApi)
VSSFAULT_SCENARIO_ENUM(DriverKind)
VSSFAULT_SCENARIO_ENUM(BackupType)
VSSFAULT_SCENARIO_ENUM(RequesterOutcome)
VSSFAULT_SCENARIO_ENUM(Operation)
VSSFAULT_SCENARIO_ENUM(NotifyMode)
VSSFAULT_SCENARIO_ENUM(OnError)
VSSFAULT_SCENARIO_ENUM(WriterState)
VSSFAULT_SCENARIO_ENUM(JobState)
VSSFAULT_SCENARIO_ENUM(NotifyFlag)
VSSFAULT_SCENARIO_ENUM(FreezePhase)
VSSFAULT_SCENARIO_ENUM(SnapshotPresence)
VSSFAULT_SCENARIO_ENUM(UploadReplyDiagnosis)
#undef VSSFAULT_SCENARIO_ENUM

}  // namespace vssfault::scenario
