#pragma once
/// MockProvider: a GoogleMock shadow copy provider on the VSS model. Every method VSS calls is a
/// MOCK_METHOD; register it with System::RegisterProvider like any provider, and VSS checks its returns
/// against the documented codes (translating unexpected ones to VSS_E_UNEXPECTED_PROVIDER_ERROR and
/// logging them [S4]) exactly as for a user's own provider.
///
/// A new mock behaves ideally, like vss::IdealProvider — every method returns S_OK at once, the provider
/// supports the volumes given (all when none are given), GetTargetLuns maps every LUN to itself. (The
/// constructor installs ON_CALLs only for the three methods with out-parameters: the others' S_OK is
/// GoogleMock's own default for HResult.) A NiceMock<MockProvider> is therefore an ideal provider and a
/// StrictMock<MockProvider> needs an EXPECT_CALL per call (whose default action is the ideal one).
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gmock/gmock.h>

#include "vssfault/codes/hresult.h"
#include "vssfault/kernel/duration.h"
#include "vssfault/vss/provider.h"

namespace vssfault::mocks {

class MockProvider : public vss::Provider {
 public:
  /// `volumes`: the volumes (or, for a hardware provider, the LUNs) it supports; empty = all.
  explicit MockProvider(vss::ProviderInfo info, std::set<std::string> volumes = {});
  /// A software provider called `name` with id VssId::named(name).
  static vss::ProviderInfo Software(std::string name);

  MOCK_METHOD(HResult, OnLoad, (), (override));
  MOCK_METHOD(HResult, OnUnload, (bool bForceUnload), (override));
  MOCK_METHOD(HResult, IsVolumeSupported, (std::string_view pwszVolumeName, bool* pbSupportedByThisProvider),
              (override));
  MOCK_METHOD(HResult, AreLunsSupported,
              (std::int32_t lContext, const std::vector<std::string>& luns, bool* pbIsSupported), (override));
  MOCK_METHOD(HResult, BeginPrepareSnapshot,
              (vss::VssId snapshotSetId, vss::VssId snapshotId, std::string_view pwszVolumeName,
               std::int32_t lNewContext),
              (override));
  MOCK_METHOD(HResult, BeginPrepareSnapshotLuns,
              (vss::VssId snapshotSetId, vss::VssId snapshotId, std::int32_t lContext,
               const std::vector<std::string>& luns),
              (override));
  MOCK_METHOD(HResult, EndPrepareSnapshots, (vss::VssId snapshotSetId), (override));
  MOCK_METHOD(HResult, PreCommitSnapshots, (vss::VssId snapshotSetId), (override));
  MOCK_METHOD(HResult, CommitSnapshots, (vss::VssId snapshotSetId), (override));
  MOCK_METHOD(HResult, PostCommitSnapshots, (vss::VssId snapshotSetId, std::int32_t lSnapshotsCount),
              (override));
  MOCK_METHOD(HResult, PreFinalCommitSnapshots, (vss::VssId snapshotSetId), (override));
  MOCK_METHOD(HResult, PostFinalCommitSnapshots, (vss::VssId snapshotSetId), (override));
  MOCK_METHOD(HResult, AbortSnapshots, (vss::VssId snapshotSetId), (override));
  MOCK_METHOD(HResult, GetTargetLuns,
              (const std::vector<std::string>& sourceLuns, std::vector<std::string>* destinationLuns),
              (override));

  const std::set<std::string>& volumes() const { return volumes_; }
  /// Whether the ideal provider supports `volume` (or a LUN): always when no volumes were given.
  bool Supports(std::string_view volume) const;

  /// The ideal result of `method` with its out-parameters filled in: what the default action does.
  /// Exposed so a fault action can fall back to it on hits that do not fire.
  HResult IdealIsVolumeSupported(std::string_view volume, bool* supported) const;
  HResult IdealAreLunsSupported(const std::vector<std::string>& luns, bool* supported) const;

 private:
  std::set<std::string> volumes_;
};

/// (Re)installs the ideal ON_CALL defaults on every method (see the class comment).
void InstallIdealDefaults(MockProvider& provider);

// --- ready-made provider actions (usable with any method signature) ---

/// Returns `code` (any value: a documented one, or an unexpected one VSS will translate [S4]).
inline auto ReturnCode(HResult code) {
  return [code](auto&&...) { return code; };
}
/// Writes an Application-log entry through the provider's host, then returns `code`. Logging from
/// CommitSnapshots (volumes frozen) is the provider.logged-while-frozen violation [S4][CS].
inline auto LogAndReturn(MockProvider& provider, HResult code, std::string message, std::string method = {}) {
  return [&provider, code, message = std::move(message), method = std::move(method)](auto&&...) {
    provider.host().LogEvent(vss::EventLevel::kError, code, message, method);
    return code;
  };
}
/// Lets `d` of virtual time pass inside the call (the hold window can expire during it), then returns
/// `code`.
inline auto WorkAndReturnCode(MockProvider& provider, Duration d, HResult code = HResult{}) {
  return [&provider, d, code](auto&&...) { provider.host().Work(d); return code; };
}

}  // namespace vssfault::mocks
