#pragma once
/// Shadow copy providers: an interface shaped like IVssProviderCreateSnapshotSet +
/// IVssProviderNotifications + IVssSoftwareSnapshotProvider / IVssHardwareSnapshotProvider's
/// BeginPrepareSnapshot [H:vsprov.h]. VSS calls them in the order of semantics.md §5.2 (D16, D17). Every
/// return is checked against that method's valid codes (S4 table ∪ the method's page); anything else is
/// logged and becomes VSS_E_UNEXPECTED_PROVIDER_ERROR, except from AbortSnapshots and OnUnload [S4] (D20).
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vssfault/codes/hresult.h"
#include "vssfault/kernel/duration.h"
#include "vssfault/vss/event_log.h"
#include "vssfault/vss/types.h"

namespace vssfault::vss {

struct ProviderInfo {
  VssId id;
  std::string name;
  ProviderType type = ProviderType::kSoftware;
};

/// The provider methods VSS calls, for traces, code tables and fault sites.
enum class ProviderMethod : std::uint8_t {
  kOnLoad,
  kOnUnload,
  kIsVolumeSupported,
  kAreLunsSupported,
  kBeginPrepareSnapshot,
  kEndPrepareSnapshots,
  kPreCommitSnapshots,
  kCommitSnapshots,
  kPostCommitSnapshots,
  kPreFinalCommitSnapshots,
  kPostFinalCommitSnapshots,
  kAbortSnapshots,
  kGetTargetLuns,
};
std::string_view provider_method_name(ProviderMethod m);
/// Whether `code` is a documented return of `method`: the valid provider return values of [S4] (catalog
/// role kRoleProviderReturn) plus that method's own documented codes (§5.4); for OnUnload exactly S_OK,
/// or S_FALSE when bForceUnload is FALSE [OU].
bool provider_code_valid(ProviderMethod method, HResult code, bool force_unload = false);
/// Whether VSS translates an unexpected code of `method` (false for AbortSnapshots and OnUnload [S4]).
bool provider_code_translated(ProviderMethod method);

/// What VSS offers a provider: the Application event log and the passing of virtual time.
class ProviderHost {
 public:
  virtual ~ProviderHost() = default;
  /// Writes an Application event log entry with this provider as source, naming `method` (the method
  /// being executed when empty). Logging while the set's volumes are frozen is a violation [S4].
  virtual void LogEvent(EventLevel level, HResult code, std::string message, std::string method = {}) = 0;
  /// Lets `d` of virtual time pass inside the current call (runs the event queue up to now + d).
  virtual void Work(Duration d) = 0;
  virtual Instant Now() const = 0;
};

class Provider {
 public:
  explicit Provider(ProviderInfo info) : info_(std::move(info)) {}
  virtual ~Provider() = default;
  Provider(const Provider&) = delete;
  Provider& operator=(const Provider&) = delete;

  const ProviderInfo& info() const { return info_; }
  /// Set by System::RegisterProvider; calling host() before registration is a programming error.
  ProviderHost& host() const { return *host_; }
  void attach(ProviderHost* host) { host_ = host; }

  // --- IVssProviderNotifications [OL][OU] ---
  virtual HResult OnLoad() { return HResult{}; }
  /// S_OK, or S_FALSE ("should not be unloaded") only when bForceUnload is false [OU].
  virtual HResult OnUnload(bool bForceUnload) { (void)bForceUnload; return HResult{}; }

  // --- volume support [ATS][ALS][SCCP] ---
  /// Software and system providers: whether this provider can shadow-copy `volume`.
  virtual HResult IsVolumeSupported(std::string_view pwszVolumeName, bool* pbSupportedByThisProvider) = 0;
  /// Hardware providers: all-or-nothing support for the LUNs of one volume [ALS].
  virtual HResult AreLunsSupported(std::int32_t lContext, const std::vector<std::string>& luns,
                                   bool* pbIsSupported) {
    (void)lContext; (void)luns;
    if (pbIsSupported) *pbIsSupported = false;
    return HResult{};
  }

  // --- preparation, called from AddToSnapshotSet (D16) ---
  /// IVssSoftwareSnapshotProvider::BeginPrepareSnapshot (software and system providers) [SWBPS].
  virtual HResult BeginPrepareSnapshot(VssId snapshotSetId, VssId snapshotId, std::string_view pwszVolumeName,
                                       std::int32_t lNewContext) = 0;
  /// IVssHardwareSnapshotProvider::BeginPrepareSnapshot (hardware providers) [HWBPS].
  virtual HResult BeginPrepareSnapshotLuns(VssId snapshotSetId, VssId snapshotId, std::int32_t lContext,
                                           const std::vector<std::string>& luns) {
    (void)snapshotSetId; (void)snapshotId; (void)lContext; (void)luns;
    return HResult{};
  }

  // --- IVssProviderCreateSnapshotSet [EPS][PCS][CS][POCS][PFCS][POFCS][AS] ---
  virtual HResult EndPrepareSnapshots(VssId snapshotSetId) = 0;
  virtual HResult PreCommitSnapshots(VssId snapshotSetId) = 0;
  /// Inside the hold window: should finish in under a second, must not log [CS][SCCP].
  virtual HResult CommitSnapshots(VssId snapshotSetId) = 0;
  virtual HResult PostCommitSnapshots(VssId snapshotSetId, std::int32_t lSnapshotsCount) = 0;
  virtual HResult PreFinalCommitSnapshots(VssId snapshotSetId) = 0;
  virtual HResult PostFinalCommitSnapshots(VssId snapshotSetId) = 0;
  virtual HResult AbortSnapshots(VssId snapshotSetId) = 0;

  /// Hardware providers, after PostFinalCommitSnapshots [GTL]: the target LUNs for the source LUNs.
  virtual HResult GetTargetLuns(const std::vector<std::string>& sourceLuns,
                                std::vector<std::string>* destinationLuns) {
    if (destinationLuns) *destinationLuns = sourceLuns;
    return HResult{};
  }

 private:
  ProviderInfo info_;
  ProviderHost* host_ = nullptr;
};

/// A provider that does everything right instantly: every method returns S_OK. It supports the volumes
/// given (all volumes when the set is empty; for a hardware provider the set names LUNs, and a volume's
/// LUNs default to the volume's own name). Subclass it and override one method to script a fault.
class IdealProvider : public Provider {
 public:
  explicit IdealProvider(ProviderInfo info, std::set<std::string> volumes = {})
      : Provider(std::move(info)), volumes_(std::move(volumes)) {}

  HResult IsVolumeSupported(std::string_view pwszVolumeName, bool* pbSupportedByThisProvider) override;
  HResult AreLunsSupported(std::int32_t lContext, const std::vector<std::string>& luns,
                           bool* pbIsSupported) override;
  HResult BeginPrepareSnapshot(VssId, VssId, std::string_view, std::int32_t) override { return HResult{}; }
  HResult EndPrepareSnapshots(VssId) override { return HResult{}; }
  HResult PreCommitSnapshots(VssId) override { return HResult{}; }
  HResult CommitSnapshots(VssId) override { return HResult{}; }
  HResult PostCommitSnapshots(VssId, std::int32_t) override { return HResult{}; }
  HResult PreFinalCommitSnapshots(VssId) override { return HResult{}; }
  HResult PostFinalCommitSnapshots(VssId) override { return HResult{}; }
  HResult AbortSnapshots(VssId) override { return HResult{}; }

  const std::set<std::string>& volumes() const { return volumes_; }

 private:
  std::set<std::string> volumes_;
};

}  // namespace vssfault::vss
