#include "vssfault/scenario/vocabulary.h"

namespace vssfault::scenario {

#define VSSFAULT_NAMES(E, ...)                                 \
  template <>                                                  \
  std::span<const EnumName<E>> enum_names<E>() {               \
    static constexpr EnumName<E> kNames[] = {__VA_ARGS__};     \
    return kNames;                                             \
  }

VSSFAULT_NAMES(WriterLevel, {WriterLevel::kFrontEnd, "front-end"}, {WriterLevel::kBackEnd, "back-end"},
               {WriterLevel::kSystem, "system"})

// Canonical spellings are the VSS event names (as the VSS Test Writer's writerEvent uses them); the
// CVssWriter handler names are accepted as aliases.
VSSFAULT_NAMES(WriterEvent, {WriterEvent::kIdentify, "Identify"},
               {WriterEvent::kPrepareForBackup, "PrepareForBackup"},
               {WriterEvent::kPrepareForSnapshot, "PrepareForSnapshot"}, {WriterEvent::kFreeze, "Freeze"},
               {WriterEvent::kThaw, "Thaw"}, {WriterEvent::kPostSnapshot, "PostSnapshot"},
               {WriterEvent::kAbort, "Abort"}, {WriterEvent::kBackupComplete, "BackupComplete"},
               {WriterEvent::kBackupShutdown, "BackupShutdown"}, {WriterEvent::kPreRestore, "PreRestore"},
               {WriterEvent::kPostRestore, "PostRestore"}, {WriterEvent::kIdentify, "OnIdentify"},
               {WriterEvent::kPrepareForBackup, "OnPrepareBackup"},
               {WriterEvent::kPrepareForSnapshot, "OnPrepareSnapshot"}, {WriterEvent::kFreeze, "OnFreeze"},
               {WriterEvent::kThaw, "OnThaw"}, {WriterEvent::kPostSnapshot, "OnPostSnapshot"},
               {WriterEvent::kAbort, "OnAbort"}, {WriterEvent::kBackupComplete, "OnBackupComplete"},
               {WriterEvent::kBackupShutdown, "OnBackupShutdown"},
               {WriterEvent::kPreRestore, "OnPreRestore"}, {WriterEvent::kPostRestore, "OnPostRestore"})

VSSFAULT_NAMES(ProviderKind, {ProviderKind::kSoftware, "software"}, {ProviderKind::kHardware, "hardware"},
               {ProviderKind::kSystem, "system"})

VSSFAULT_NAMES(ProviderMethod, {ProviderMethod::kOnLoad, "OnLoad"},
               {ProviderMethod::kBeginPrepareSnapshot, "BeginPrepareSnapshot"},
               {ProviderMethod::kEndPrepareSnapshots, "EndPrepareSnapshots"},
               {ProviderMethod::kPreCommitSnapshots, "PreCommitSnapshots"},
               {ProviderMethod::kCommitSnapshots, "CommitSnapshots"},
               {ProviderMethod::kPostCommitSnapshots, "PostCommitSnapshots"},
               {ProviderMethod::kPreFinalCommitSnapshots, "PreFinalCommitSnapshots"},
               {ProviderMethod::kPostFinalCommitSnapshots, "PostFinalCommitSnapshots"},
               {ProviderMethod::kAbortSnapshots, "AbortSnapshots"}, {ProviderMethod::kOnUnload, "OnUnload"})

VSSFAULT_NAMES(JobType, {JobType::kDownload, "download"}, {JobType::kUpload, "upload"},
               {JobType::kUploadReply, "upload-reply"})

VSSFAULT_NAMES(TransferPoint, {TransferPoint::kConnect, "connect"}, {TransferPoint::kTransfer, "transfer"},
               {TransferPoint::kReply, "reply"}, {TransferPoint::kReplyTransfer, "reply-transfer"})

VSSFAULT_NAMES(ErrorContext, {ErrorContext::kNone, "BG_ERROR_CONTEXT_NONE"},
               {ErrorContext::kUnknown, "BG_ERROR_CONTEXT_UNKNOWN"},
               {ErrorContext::kGeneralQueueManager, "BG_ERROR_CONTEXT_GENERAL_QUEUE_MANAGER"},
               {ErrorContext::kQueueManagerNotification, "BG_ERROR_CONTEXT_QUEUE_MANAGER_NOTIFICATION"},
               {ErrorContext::kLocalFile, "BG_ERROR_CONTEXT_LOCAL_FILE"},
               {ErrorContext::kRemoteFile, "BG_ERROR_CONTEXT_REMOTE_FILE"},
               {ErrorContext::kGeneralTransport, "BG_ERROR_CONTEXT_GENERAL_TRANSPORT"},
               {ErrorContext::kRemoteApplication, "BG_ERROR_CONTEXT_REMOTE_APPLICATION"})

VSSFAULT_NAMES(Severity, {Severity::kDocumented, "documented"}, {Severity::kTransient, "transient"},
               {Severity::kFatal, "fatal"})
VSSFAULT_NAMES(MisuseMode, {MisuseMode::kStrict, "strict"}, {MisuseMode::kLenient, "lenient"})
VSSFAULT_NAMES(FailureApi, {FailureApi::kSetWriterFailure, "set_writer_failure"},
               {FailureApi::kSetWriterFailureEx, "set_writer_failure_ex"})
VSSFAULT_NAMES(DriverKind, {DriverKind::kReferenceRequester, "reference-requester"},
               {DriverKind::kReferenceBitsClient, "reference-bits-client"}, {DriverKind::kSteps, "steps"})
VSSFAULT_NAMES(BackupType, {BackupType::kFull, "full"}, {BackupType::kIncremental, "incremental"},
               {BackupType::kDifferential, "differential"}, {BackupType::kLog, "log"}, {BackupType::kCopy, "copy"},
               {BackupType::kOther, "other"})
VSSFAULT_NAMES(RequesterOutcome, {RequesterOutcome::kSucceeded, "succeeded"},
               {RequesterOutcome::kSucceededWithVetoes, "succeeded-with-vetoes"},
               {RequesterOutcome::kGaveUp, "gave-up"}, {RequesterOutcome::kRetriesExhausted, "retries-exhausted"})
VSSFAULT_NAMES(Operation, {Operation::kBackup, "backup"}, {Operation::kRestore, "restore"})
VSSFAULT_NAMES(NotifyMode, {NotifyMode::kCallback, "callback"}, {NotifyMode::kPoll, "poll"})
VSSFAULT_NAMES(OnError, {OnError::kCancel, "cancel"}, {OnError::kComplete, "complete"},
               {OnError::kResume, "resume"})

VSSFAULT_NAMES(WriterState, {WriterState::kUnknown, "VSS_WS_UNKNOWN"}, {WriterState::kStable, "VSS_WS_STABLE"},
               {WriterState::kWaitingForFreeze, "VSS_WS_WAITING_FOR_FREEZE"},
               {WriterState::kWaitingForThaw, "VSS_WS_WAITING_FOR_THAW"},
               {WriterState::kWaitingForPostSnapshot, "VSS_WS_WAITING_FOR_POST_SNAPSHOT"},
               {WriterState::kWaitingForBackupComplete, "VSS_WS_WAITING_FOR_BACKUP_COMPLETE"},
               {WriterState::kFailedAtIdentify, "VSS_WS_FAILED_AT_IDENTIFY"},
               {WriterState::kFailedAtPrepareBackup, "VSS_WS_FAILED_AT_PREPARE_BACKUP"},
               {WriterState::kFailedAtPrepareSnapshot, "VSS_WS_FAILED_AT_PREPARE_SNAPSHOT"},
               {WriterState::kFailedAtFreeze, "VSS_WS_FAILED_AT_FREEZE"},
               {WriterState::kFailedAtThaw, "VSS_WS_FAILED_AT_THAW"},
               {WriterState::kFailedAtPostSnapshot, "VSS_WS_FAILED_AT_POST_SNAPSHOT"},
               {WriterState::kFailedAtBackupComplete, "VSS_WS_FAILED_AT_BACKUP_COMPLETE"},
               {WriterState::kFailedAtPreRestore, "VSS_WS_FAILED_AT_PRE_RESTORE"},
               {WriterState::kFailedAtPostRestore, "VSS_WS_FAILED_AT_POST_RESTORE"},
               {WriterState::kFailedAtBackupShutdown, "VSS_WS_FAILED_AT_BACKUPSHUTDOWN"})

VSSFAULT_NAMES(JobState, {JobState::kQueued, "BG_JOB_STATE_QUEUED"},
               {JobState::kConnecting, "BG_JOB_STATE_CONNECTING"},
               {JobState::kTransferring, "BG_JOB_STATE_TRANSFERRING"},
               {JobState::kSuspended, "BG_JOB_STATE_SUSPENDED"}, {JobState::kError, "BG_JOB_STATE_ERROR"},
               {JobState::kTransientError, "BG_JOB_STATE_TRANSIENT_ERROR"},
               {JobState::kTransferred, "BG_JOB_STATE_TRANSFERRED"},
               {JobState::kAcknowledged, "BG_JOB_STATE_ACKNOWLEDGED"},
               {JobState::kCancelled, "BG_JOB_STATE_CANCELLED"})

VSSFAULT_NAMES(NotifyFlag, {kNotifyJobTransferred, "BG_NOTIFY_JOB_TRANSFERRED"},
               {kNotifyJobError, "BG_NOTIFY_JOB_ERROR"}, {kNotifyDisable, "BG_NOTIFY_DISABLE"},
               {kNotifyJobModification, "BG_NOTIFY_JOB_MODIFICATION"},
               {kNotifyFileTransferred, "BG_NOTIFY_FILE_TRANSFERRED"},
               {kNotifyFileRangesTransferred, "BG_NOTIFY_FILE_RANGES_TRANSFERRED"})

VSSFAULT_NAMES(FreezePhase, {FreezePhase::kBeforeFreeze, "before_freeze"},
               {FreezePhase::kWhileFrozen, "while_frozen"}, {FreezePhase::kAfterThaw, "after_thaw"})
VSSFAULT_NAMES(SnapshotPresence, {SnapshotPresence::kPresent, "present"}, {SnapshotPresence::kAbsent, "absent"})
VSSFAULT_NAMES(UploadReplyDiagnosis, {UploadReplyDiagnosis::kNotUploadReply, "not-upload-reply"},
               {UploadReplyDiagnosis::kNoErrorInformation, "no-error-information"},
               {UploadReplyDiagnosis::kServerApplicationFailed, "server-application-failed"},
               {UploadReplyDiagnosis::kUploadFailed, "upload-failed"}, {UploadReplyDiagnosis::kReplyFailed, "reply-failed"},
               {UploadReplyDiagnosis::kOtherContext, "other-context"})

#undef VSSFAULT_NAMES

}  // namespace vssfault::scenario
