#pragma once
// The model's IVssBackupComponents: one requester session (backup or restore) on an Engine.
#include <deque>
#include <unordered_map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine.h"
#include "requester_table.h"

namespace vssfault::vss {

class Requester;

/// IVssComponentEx2 view of one ComponentRecord.
class ComponentView : public Component {
 public:
  ComponentView(Requester& owner, detail::ComponentRecord& record) : owner_(&owner), record_(&record) {}
  std::string GetLogicalPath() const override { return record_->logical_path; }
  std::string GetComponentName() const override { return record_->name; }
  VssId GetWriterId() const override { return record_->writer_id; }
  HResult GetFailure(HResult* phr, HResult* phrApplication, std::string* pbstrApplicationMessage,
                     std::uint32_t* pdwReserved) override;
  detail::ComponentRecord& record() { return *record_; }

 private:
  Requester* owner_;
  detail::ComponentRecord* record_;
};

class Requester : public BackupComponents {
 public:
  Requester(detail::Engine& engine, int id, std::string client);
  ~Requester() override;

  HResult InitializeForBackup(std::string_view bstrXml) override;
  HResult SetContext(std::int32_t lContext) override;
  HResult SetBackupState(bool bSelectComponents, bool bBackupBootableSystemState, BackupType backupType,
                         bool bPartialFileSupport) override;
  HResult GatherWriterMetadata(std::shared_ptr<Async>* ppAsync) override;
  HResult GetWriterMetadataCount(unsigned* pcWriters) override;
  HResult GetWriterMetadata(unsigned iWriter, VssId* pidInstance, WriterMetadata* pMetadata) override;
  HResult AddComponent(VssId instanceId, VssId writerId, ComponentType ct, std::string_view wszLogicalPath,
                       std::string_view wszComponentName) override;
  HResult StartSnapshotSet(VssId* pSnapshotSetId) override;
  HResult AddToSnapshotSet(std::string_view pwszVolumeName, VssId providerId, VssId* pidSnapshot) override;
  HResult PrepareForBackup(std::shared_ptr<Async>* ppAsync) override;
  HResult DoSnapshotSet(std::shared_ptr<Async>* ppAsync) override;
  HResult GatherWriterStatus(std::shared_ptr<Async>* ppAsync) override;
  HResult GetWriterStatusCount(unsigned* pcWriters) override;
  HResult GetWriterStatus(unsigned iWriter, VssId* pidInstance, VssId* pidWriter, std::string* pbstrWriter,
                          WriterState* pnStatus, HResult* phResultFailure) override;
  HResult GetWriterStatusEx(unsigned iWriter, VssId* pidInstance, VssId* pidWriter, std::string* pbstrWriter,
                            WriterState* pnStatus, HResult* phrFailureWriter, HResult* phrApplication,
                            std::string* pbstrApplicationMessage) override;
  HResult FreeWriterStatus() override;
  HResult SetBackupSucceeded(VssId instanceId, VssId writerId, ComponentType ct, std::string_view wszLogicalPath,
                             std::string_view wszComponentName, bool bSucceeded) override;
  HResult BackupComplete(std::shared_ptr<Async>* ppAsync) override;
  HResult AbortBackup() override;
  HResult Release() override;
  HResult InitializeForRestore(std::string_view bstrXml) override;
  HResult SetSelectedForRestore(VssId writerId, ComponentType ct, std::string_view wszLogicalPath,
                                std::string_view wszComponentName, bool bSelectedForRestore) override;
  HResult PreRestore(std::shared_ptr<Async>* ppAsync) override;
  HResult PostRestore(std::shared_ptr<Async>* ppAsync) override;
  HResult GetComponent(VssId writerId, std::string_view wszLogicalPath, std::string_view wszComponentName,
                       Component** ppComponent) override;
  int id() const override { return id_; }

  // --- session state, shared with the engine and the pipelines ---
  detail::Engine& engine;
  const std::string client;
  std::string actor() const { return "requester:" + std::to_string(id_); }

  Phase phase = Phase::kNew;
  std::int32_t context = ctx::kBackup;
  bool context_set = false;
  bool backup_state_set = false;
  bool select_components = false;
  BackupType backup_type = BackupType::kUndefined;
  bool metadata_started = false;
  bool metadata_done = false;
  bool prepare_started = false;
  bool prepare_done = false;
  bool prepare_failed = false;
  bool complete_done = false;
  bool prerestore_done = false;
  bool prerestore_started = false;
  bool postrestore_started = false;
  bool aborted = false;
  bool snapshot_succeeded = false;
  bool guided_failure_reported = false;
  VssId set_id;  ///< the set this object started (GUID_NULL before StartSnapshotSet)
  std::vector<detail::SessionWriter> writers;      ///< Identify-succeeded writers, metadata order
  std::deque<detail::ComponentRecord> components;  ///< stable addresses
  std::deque<ComponentView> component_views;
  struct StatusRow {
    VssId instance_id;
    VssId writer_id;
    std::string name;
    WriterStatus status;
  };
  std::optional<std::vector<StatusRow>> status;    ///< gathered writer status (until FreeWriterStatus)
  std::shared_ptr<detail::Operation> pending;      ///< the running asynchronous operation, if any

  detail::IdIndex session_writer_index;  ///< FindSessionWriter's index into `writers`
  /// The records of `components` by writer instance, in order, for the first `components_indexed`
  /// records (`components` only grows): see ComponentsOfInstance.
  std::unordered_map<VssId, std::vector<detail::ComponentRecord*>, detail::VssIdHash> components_by_instance;
  std::size_t components_indexed = 0;

  bool writerless() const { return (context & ctx::kAttrNoWriters) != 0; }
  bool restore() const { return phase == Phase::kRestore; }
  detail::SessionWriter* FindSessionWriter(VssId instance_id);
  /// Components of `sw`'s writer selected for the operation.
  std::vector<detail::ComponentRecord*> ComponentsOf(const detail::SessionWriter& sw);
  /// Every component record of writer instance `instance` (selected or not), in `components` order.
  const std::vector<detail::ComponentRecord*>& ComponentsOfInstance(VssId instance);
  bool pending_busy() const { return pending && !pending->settled; }

  /// Common entry checks: the Hooks fault point, the state × method table and the pending-operation
  /// rule. Returns a code to return at once, or nullopt to proceed.
  std::optional<HResult> Enter(Method m);
  /// Traces the call and returns `result`.
  HResult Done(Method m, HResult result,
               std::initializer_list<std::pair<std::string_view, std::string_view>> fields = {});
  /// Wraps an operation in an Async handle and starts it.
  HResult Launch(Method m, std::shared_ptr<detail::Operation> op, std::shared_ptr<Async>* ppAsync);
  void DeliverAbortEvents(std::string_view why);
  HResult StartPrepareForBackup(std::shared_ptr<Async>* ppAsync);
  void FinishRelease();

 private:
  int id_;
  bool released_ = false;
};

}  // namespace vssfault::vss
