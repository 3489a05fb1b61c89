#pragma once
/// The requester API: BackupComponents is shaped like IVssBackupComponents (same method names, HResult
/// returns, out-parameters as pointers where Windows has them; a NULL out-parameter returns E_INVALIDARG).
/// System::CreateVssBackupComponents makes the model's implementation; the interface is abstract so a
/// requester under test can be given a mock.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vssfault/codes/hresult.h"
#include "vssfault/vss/async.h"
#include "vssfault/vss/types.h"

namespace vssfault::vss {

/// What GetWriterMetadata returns about one writer (the subset of IVssExamineWriterMetadata the model has).
struct WriterMetadata {
  VssId instance_id;
  VssId writer_id;
  std::string name;
  std::string instance_name;
  UsageType usage = UsageType::kUndefined;
  SourceType source = SourceType::kUndefined;
  ApplicationLevel level = ApplicationLevel::kFrontEnd;
  struct ComponentInfo {
    ComponentType type = ComponentType::kUndefined;
    std::string logical_path;
    std::string name;
  };
  std::vector<ComponentInfo> components;
};

/// IVssComponentEx2 as a requester sees it: the per-component failure a writer reported with
/// IVssComponentEx2::SetFailure [S1][SF].
class Component {
 public:
  virtual ~Component() = default;
  virtual std::string GetLogicalPath() const = 0;
  virtual std::string GetComponentName() const = 0;
  virtual VssId GetWriterId() const = 0;
  /// [S1]: all four out-parameters are required (NULL → E_INVALIDARG). S_OK with *phr one of S_OK, the
  /// five writer codes, VSS_E_WRITER_NOT_RESPONDING or VSS_E_WRITER_STATUS_NOT_AVAILABLE. VSS_E_BAD_STATE
  /// when the object is not initialized, during a restore, or before PrepareForBackup has completed.
  virtual HResult GetFailure(HResult* phr, HResult* phrApplication, std::string* pbstrApplicationMessage,
                             std::uint32_t* pdwReserved) = 0;
};

/// IVssBackupComponents (+ Ex3's GetWriterStatusEx). One instance is good for one backup or one restore
/// [OBI]. Calls out of sequence return VSS_E_BAD_STATE (§3.2, §7.1); AbortBackup is ignored (S_OK) when
/// nothing is under way [AB].
class BackupComponents {
 public:
  virtual ~BackupComponents() = default;

  // --- backup initialization [IFB][SCTX][SBS] ---
  virtual HResult InitializeForBackup(std::string_view bstrXml = {}) = 0;
  /// Once, after InitializeForBackup and before GatherWriterMetadata / StartSnapshotSet. Valid values are
  /// the VSS_CTX_* contexts of types.h except ctx::kAll (E_INVALIDARG otherwise).
  virtual HResult SetContext(std::int32_t lContext) = 0;
  /// Anywhere between InitializeForBackup and PrepareForBackup (D2).
  virtual HResult SetBackupState(bool bSelectComponents, bool bBackupBootableSystemState,
                                 BackupType backupType, bool bPartialFileSupport = false) = 0;

  // --- discovery [GWM][OBD] ---
  /// Once per object; Identify event. ppAsync NULL → E_INVALIDARG.
  virtual HResult GatherWriterMetadata(std::shared_ptr<Async>* ppAsync) = 0;
  /// Writers whose OnIdentify failed are absent [OBI][DWS].
  virtual HResult GetWriterMetadataCount(unsigned* pcWriters) = 0;
  virtual HResult GetWriterMetadata(unsigned iWriter, VssId* pidInstance, WriterMetadata* pMetadata) = 0;
  /// Before StartSnapshotSet [SCD]; the writer instance and component must exist
  /// (VSS_E_OBJECT_NOT_FOUND), twice → VSS_E_OBJECT_ALREADY_EXISTS. Writer-less contexts → BAD_STATE (D3).
  virtual HResult AddComponent(VssId instanceId, VssId writerId, ComponentType ct,
                               std::string_view wszLogicalPath, std::string_view wszComponentName) = 0;

  // --- snapshot set [SSS][ATS][PFB][DSS] ---
  /// Takes the machine-wide creation lock; another requester holding it → VSS_E_SNAPSHOT_SET_IN_PROGRESS.
  virtual HResult StartSnapshotSet(VssId* pSnapshotSetId) = 0;
  /// providerId GUID_NULL = let VSS choose (hardware, else software, else system) [ATS][SCCP].
  virtual HResult AddToSnapshotSet(std::string_view pwszVolumeName, VssId providerId,
                                   VssId* pidSnapshot) = 0;
  virtual HResult PrepareForBackup(std::shared_ptr<Async>* ppAsync) = 0;
  virtual HResult DoSnapshotSet(std::shared_ptr<Async>* ppAsync) = 0;

  // --- status [GWS][GWSC][GWST][GWSX][FWS] ---
  virtual HResult GatherWriterStatus(std::shared_ptr<Async>* ppAsync) = 0;
  virtual HResult GetWriterStatusCount(unsigned* pcWriters) = 0;
  virtual HResult GetWriterStatus(unsigned iWriter, VssId* pidInstance, VssId* pidWriter,
                                  std::string* pbstrWriter, WriterState* pnStatus,
                                  HResult* phResultFailure) = 0;
  /// phrApplication and pbstrApplicationMessage may be NULL [GWSX].
  virtual HResult GetWriterStatusEx(unsigned iWriter, VssId* pidInstance, VssId* pidWriter,
                                    std::string* pbstrWriter, WriterState* pnStatus,
                                    HResult* phrFailureWriter, HResult* phrApplication = nullptr,
                                    std::string* pbstrApplicationMessage = nullptr) = 0;
  virtual HResult FreeWriterStatus() = 0;

  // --- completion [BC][AB][OBT] ---
  virtual HResult SetBackupSucceeded(VssId instanceId, VssId writerId, ComponentType ct,
                                     std::string_view wszLogicalPath, std::string_view wszComponentName,
                                     bool bSucceeded) = 0;
  virtual HResult BackupComplete(std::shared_ptr<Async>* ppAsync) = 0;
  virtual HResult AbortBackup() = 0;
  /// Ends the object: BackupShutdown to the writers that took part (D19), non-persistent snapshots of
  /// the set deleted, creation lock released. Idempotent; the destructor calls it.
  virtual HResult Release() = 0;

  // --- restore [ORI][OPR][ORC][PRE][POSTR] ---
  virtual HResult InitializeForRestore(std::string_view bstrXml) = 0;
  /// Selecting a component of a writer that is not running → VSS_E_OBJECT_NOT_FOUND [OPR].
  virtual HResult SetSelectedForRestore(VssId writerId, ComponentType ct, std::string_view wszLogicalPath,
                                        std::string_view wszComponentName, bool bSelectedForRestore) = 0;
  virtual HResult PreRestore(std::shared_ptr<Async>* ppAsync) = 0;
  virtual HResult PostRestore(std::shared_ptr<Async>* ppAsync) = 0;

  // --- components (IVssWriterComponentsExt → IVssComponentEx2) ---
  /// The component added with AddComponent / SetSelectedForRestore. ppComponent NULL → E_INVALIDARG;
  /// unknown → VSS_E_OBJECT_NOT_FOUND. The pointer lives as long as this object.
  virtual HResult GetComponent(VssId writerId, std::string_view wszLogicalPath,
                               std::string_view wszComponentName, Component** ppComponent) = 0;

  // --- model extras ---
  /// 1-based creation number on its System: the trace actor is "requester:<id>".
  virtual int id() const = 0;
};

}  // namespace vssfault::vss
