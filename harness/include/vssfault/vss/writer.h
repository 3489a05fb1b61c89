#pragma once
/// The writer base class, shaped like CVssWriter / CVssWriterEx2 (there is no CVssWriter in the mingw-w64
/// headers, so defaults come from [INIT], D1). Users subclass it and override the handlers; the pure
/// virtual ones are those CVssWriter has pure: OnPrepareSnapshot, OnFreeze, OnThaw, OnAbort [ONPS][ONFR]
/// [ONTH][ONAB]. The System drives the handlers from its event queue in virtual time.
///
/// Threading model: a handler runs "on the handler's thread". Work(d) lets virtual time pass inside a
/// handler (timers such as the freeze window fire during it, at their exact time). worker() stands for
/// another thread: failure reporting through it is refused, as is any from OnIdentify or outside a
/// handler (D10; see Config::strict_writer_failure).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vssfault/codes/hresult.h"
#include "vssfault/kernel/duration.h"
#include "vssfault/vss/backup_components.h"
#include "vssfault/vss/types.h"

namespace vssfault::vss {

class System;
class Writer;
namespace detail {
class Engine;
struct ComponentRecord;
}  // namespace detail

/// IVssCreateWriterMetadata, the part the model uses: OnIdentify declares the writer's components.
class CreateWriterMetadata {
 public:
  /// Declares a component. Empty name → E_INVALIDARG; the same (path, name) twice →
  /// VSS_E_OBJECT_ALREADY_EXISTS.
  HResult AddComponent(ComponentType ct, std::string_view wszLogicalPath, std::string_view wszComponentName);
  const std::vector<WriterMetadata::ComponentInfo>& components() const { return components_; }

 private:
  std::vector<WriterMetadata::ComponentInfo> components_;
};

/// IVssComponent / IVssComponentEx2 as the writer sees it inside a handler.
class WriterComponent {
 public:
  WriterComponent(Writer& writer, detail::ComponentRecord& record) : writer_(&writer), record_(&record) {}
  std::string GetLogicalPath() const;
  std::string GetComponentName() const;
  /// IVssComponentEx2::SetFailure [SF]: hr ∈ {S_OK and the five VSS_E_WRITERERROR codes} (not
  /// PARTIAL_FAILURE); dwReserved must be 0. Not from OnIdentify, not off the handler's thread (D10).
  HResult SetFailure(HResult hr, HResult hrApplication = HResult{}, std::string_view wszApplicationMessage = {},
                     std::uint32_t dwReserved = 0);

 private:
  Writer* writer_;
  detail::ComponentRecord* record_;
};

/// IVssWriterComponents: the components of this writer selected for the operation. Handlers receive NULL
/// instead when AreComponentsSelected() is false [ONPB][ONPOST][ONBC][ONPOSTR].
class WriterComponents {
 public:
  HResult GetComponentCount(unsigned* pcComponents) const;
  HResult GetComponent(unsigned iComponent, WriterComponent** ppComponent);
  /// The component with this logical path and name, or nullptr.
  WriterComponent* Find(std::string_view logicalPath, std::string_view name);

 private:
  friend class detail::Engine;
  std::vector<WriterComponent> items_;
};

/// The last reported status of a writer (what GetWriterStatusEx returns for it), kept until its next
/// backup event (D18).
struct WriterStatus {
  WriterState state = WriterState::kStable;
  HResult failure;       ///< hrFailureWriter
  HResult application;   ///< hrApplication
  std::string message;   ///< wszApplicationMessage
};

class Writer {
 public:
  /// The writer lives on `system`, which must outlive it.
  explicit Writer(System& system);
  /// Unsubscribes; a session that still lists the writer then reports it as not responding.
  virtual ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  /// CVssWriter::Initialize [INIT]: S_OK; S_FALSE when the writer infrastructure is inactive
  /// (Config::writer_infrastructure_active); E_INVALIDARG for a GUID_NULL id, an empty name, or a second
  /// Initialize. dwTimeoutFreeze is the Freeze→Thaw window in ms.
  HResult Initialize(VssId writerId, std::string_view wszWriterName, UsageType ut, SourceType st,
                     ApplicationLevel nLevel = ApplicationLevel::kFrontEnd,
                     std::uint32_t dwTimeoutFreeze = 60000, std::string_view wszWriterInstanceName = {});
  /// CVssWriter::Subscribe [SUB]: S_OK; VSS_E_WRITER_ALREADY_SUBSCRIBED on a second call;
  /// VSS_E_UNEXPECTED before Initialize.
  HResult Subscribe(std::uint32_t dwEventFlags = subscribe::kDefault);
  /// S_OK; VSS_E_UNEXPECTED when not subscribed.
  HResult Unsubscribe();

  // --- event handlers: return true unless a fatal error occurs [ONPB…ONPOSTR] ---
  virtual bool OnIdentify(CreateWriterMetadata* pMetadata);
  virtual bool OnPrepareBackup(WriterComponents* pComponents);
  virtual bool OnPrepareSnapshot() = 0;
  virtual bool OnFreeze() = 0;
  virtual bool OnThaw() = 0;
  virtual bool OnPostSnapshot(WriterComponents* pComponents);
  virtual bool OnAbort() = 0;
  virtual bool OnBackupComplete(WriterComponents* pComponents);
  virtual bool OnBackupShutdown(VssId SnapshotSetId);
  virtual bool OnPreRestore(WriterComponents* pComponents);
  virtual bool OnPostRestore(WriterComponents* pComponents);

  // --- observers ---
  System& system() const { return *system_; }
  const std::string& name() const { return name_; }
  const std::string& instance_name() const { return instance_name_; }
  VssId writer_id() const { return writer_id_; }
  /// Assigned by Subscribe (a fresh instance id per subscription).
  VssId instance_id() const { return instance_id_; }
  ApplicationLevel level() const { return level_; }
  UsageType usage() const { return usage_; }
  SourceType source() const { return source_; }
  Duration timeout_freeze() const { return timeout_freeze_; }
  bool initialized() const { return initialized_; }
  bool subscribed() const { return subscribed_; }
  std::uint32_t event_flags() const { return event_flags_; }
  const WriterStatus& status() const { return status_; }
  /// The handler running now, if any.
  bool in_handler() const { return in_handler_; }
  WriterEvent current_event() const { return current_event_; }
  /// Trace actor, "writer:<name>".
  std::string actor() const;

  /// Another thread of the writer's process: failure reporting through it is always refused
  /// ("must do so in the same thread that called the event handler" [S3][S2]).
  class Worker {
   public:
    explicit Worker(Writer& w) : writer_(&w) {}
    HResult SetWriterFailure(HResult hr);
    HResult SetWriterFailureEx(HResult hrWriter, HResult hrApplication = HResult{},
                               std::string_view wszApplicationMessage = {});

   private:
    Writer* writer_;
  };

 protected:
  /// [S3]: hr ∈ {INCONSISTENTSNAPSHOT, NONRETRYABLE, OUTOFRESOURCES, RETRYABLE, TIMEOUT}.
  HResult SetWriterFailure(HResult hr);
  /// [S2]: hrWriter ∈ {S_OK, the five above, PARTIAL_FAILURE}; hrApplication and message optional.
  HResult SetWriterFailureEx(HResult hrWriter, HResult hrApplication = HResult{},
                             std::string_view wszApplicationMessage = {});
  /// The set being created; GUID_NULL outside PrepareForSnapshot…PostSnapshot/Abort. Calling it from
  /// OnBackupShutdown is a violation [BSD].
  VssId GetCurrentSnapshotSetId();
  /// Whether the requester selected components (SetBackupState's bSelectComponents) [ONPB].
  bool AreComponentsSelected() const;
  BackupType GetBackupType() const;
  /// Lets `d` of virtual time pass inside the current handler (runs the event queue up to now + d).
  void Work(Duration d);
  /// The writer's worker thread (see Worker).
  Worker& worker() { return worker_; }

 private:
  friend class detail::Engine;
  friend class WriterComponent;
  System* system_;
  Worker worker_{*this};
  bool initialized_ = false;
  bool subscribed_ = false;
  std::uint32_t event_flags_ = 0;
  VssId writer_id_;
  VssId instance_id_;
  std::string name_;
  std::string instance_name_;
  UsageType usage_ = UsageType::kUndefined;
  SourceType source_ = SourceType::kUndefined;
  ApplicationLevel level_ = ApplicationLevel::kFrontEnd;
  Duration timeout_freeze_ = Duration::ms(60000);
  WriterStatus status_;
  bool in_handler_ = false;
  WriterEvent current_event_ = WriterEvent::kIdentify;
  int current_session_ = 0;  ///< requester id whose event is being handled (0: none)
  struct PendingFailure {
    bool set = false;
    HResult hr;
    HResult application;
    std::string message;
  } pending_;  ///< what SetWriterFailure(Ex) recorded during the running handler
};

}  // namespace vssfault::vss
