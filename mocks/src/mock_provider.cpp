#include "vssfault/mocks/mock_provider.h"

#include <utility>

#include "quiet_on_call.h"

namespace vssfault::mocks {
namespace detail {
VSSFAULT_QUIET_ON_CALL_SIGNATURE(HResult(std::string_view, bool*));
VSSFAULT_QUIET_ON_CALL_SIGNATURE(HResult(std::int32_t, const std::vector<std::string>&, bool*));
VSSFAULT_QUIET_ON_CALL_SIGNATURE(HResult(const std::vector<std::string>&, std::vector<std::string>*));
}  // namespace detail

using ::testing::_;
using ::testing::Return;

namespace {
// The ideal defaults of the methods with out-parameters. Every other method's ideal result is S_OK, which
// is also what GoogleMock returns without an ON_CALL (HResult() is S_OK), so a new mock needs only these
// three ON_CALLs: each ON_CALL costs two std::ostringstream constructions in GoogleMock's location logging,
// and installing all fourteen was a sixth of a clean backup's run time (bench/, docs/semantics.md
// "## Performance"). The three are added with QuietOnCall, ON_CALL without that logging (quiet_on_call.h).
void InstallOutParameterDefaults(MockProvider& p) {
  using detail::QuietOnCall;
  QuietOnCall(p.gmock_IsVolumeSupported(_, _), __FILE__, __LINE__)
      .WillByDefault([&p](std::string_view volume, bool* supported) {
        return p.IdealIsVolumeSupported(volume, supported);
      });
  QuietOnCall(p.gmock_AreLunsSupported(_, _, _), __FILE__, __LINE__)
      .WillByDefault([&p](std::int32_t, const std::vector<std::string>& luns, bool* supported) {
        return p.IdealAreLunsSupported(luns, supported);
      });
  QuietOnCall(p.gmock_GetTargetLuns(_, _), __FILE__, __LINE__)
      .WillByDefault([](const std::vector<std::string>& source, std::vector<std::string>* destination) {
        if (destination == nullptr) return hr::E_INVALIDARG;
        *destination = source;
        return hr::S_OK;
      });
}
// Registers the other methods with GoogleMock's registry of mock objects, as their ON_CALLs did, without
// the ON_CALLs: `p.gmock_M(matchers)` is the spec builder ON_CALL(p, M(matchers)) expands to, and it
// registers the method's owner. GoogleMock unregisters every method when the mock is destroyed by scanning
// the registry for its owner; an unregistered method scans all live mocks, which made destroying a
// thousand providers quadratic.
void RegisterRemainingMethods(MockProvider& p) {
  p.gmock_OnLoad();
  p.gmock_OnUnload(_);
  p.gmock_BeginPrepareSnapshot(_, _, _, _);
  p.gmock_BeginPrepareSnapshotLuns(_, _, _, _);
  p.gmock_EndPrepareSnapshots(_);
  p.gmock_PreCommitSnapshots(_);
  p.gmock_CommitSnapshots(_);
  p.gmock_PostCommitSnapshots(_, _);
  p.gmock_PreFinalCommitSnapshots(_);
  p.gmock_PostFinalCommitSnapshots(_);
  p.gmock_AbortSnapshots(_);
}
}  // namespace

MockProvider::MockProvider(vss::ProviderInfo info, std::set<std::string> volumes)
    : vss::Provider(std::move(info)), volumes_(std::move(volumes)) {
  InstallOutParameterDefaults(*this);
  RegisterRemainingMethods(*this);
}

vss::ProviderInfo MockProvider::Software(std::string name) {
  return vss::ProviderInfo{vss::VssId::named(name), name, vss::ProviderType::kSoftware};
}

bool MockProvider::Supports(std::string_view volume) const {
  return volumes_.empty() || volumes_.count(std::string(volume)) != 0;
}

HResult MockProvider::IdealIsVolumeSupported(std::string_view volume, bool* supported) const {
  if (supported == nullptr) return hr::E_INVALIDARG;
  *supported = Supports(volume);
  return hr::S_OK;
}

HResult MockProvider::IdealAreLunsSupported(const std::vector<std::string>& luns, bool* supported) const {
  if (supported == nullptr) return hr::E_INVALIDARG;
  bool all = !luns.empty();
  for (const auto& lun : luns) all = all && Supports(lun);
  *supported = all;  // all-or-nothing per volume [ALS]
  return hr::S_OK;
}

void InstallIdealDefaults(MockProvider& p) {
  // Every method, so that earlier ON_CALLs are shadowed (the constructor needs only the out-parameter ones).
  ON_CALL(p, OnLoad()).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, OnUnload(_)).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, BeginPrepareSnapshot(_, _, _, _)).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, BeginPrepareSnapshotLuns(_, _, _, _)).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, EndPrepareSnapshots(_)).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, PreCommitSnapshots(_)).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, CommitSnapshots(_)).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, PostCommitSnapshots(_, _)).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, PreFinalCommitSnapshots(_)).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, PostFinalCommitSnapshots(_)).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, AbortSnapshots(_)).WillByDefault(Return(hr::S_OK));
  InstallOutParameterDefaults(p);
}

}  // namespace vssfault::mocks
