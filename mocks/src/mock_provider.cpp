#include "vssfault/mocks/mock_provider.h"

#include <utility>

namespace vssfault::mocks {

using ::testing::_;
using ::testing::Return;

MockProvider::MockProvider(vss::ProviderInfo info, std::set<std::string> volumes)
    : vss::Provider(std::move(info)), volumes_(std::move(volumes)) {
  InstallIdealDefaults(*this);
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
  ON_CALL(p, OnLoad()).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, OnUnload(_)).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, IsVolumeSupported(_, _)).WillByDefault([&p](std::string_view volume, bool* supported) {
    return p.IdealIsVolumeSupported(volume, supported);
  });
  ON_CALL(p, AreLunsSupported(_, _, _))
      .WillByDefault([&p](std::int32_t, const std::vector<std::string>& luns, bool* supported) {
        return p.IdealAreLunsSupported(luns, supported);
      });
  ON_CALL(p, BeginPrepareSnapshot(_, _, _, _)).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, BeginPrepareSnapshotLuns(_, _, _, _)).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, EndPrepareSnapshots(_)).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, PreCommitSnapshots(_)).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, CommitSnapshots(_)).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, PostCommitSnapshots(_, _)).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, PreFinalCommitSnapshots(_)).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, PostFinalCommitSnapshots(_)).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, AbortSnapshots(_)).WillByDefault(Return(hr::S_OK));
  ON_CALL(p, GetTargetLuns(_, _))
      .WillByDefault([](const std::vector<std::string>& source, std::vector<std::string>* destination) {
        if (destination == nullptr) return hr::E_INVALIDARG;
        *destination = source;
        return hr::S_OK;
      });
}

}  // namespace vssfault::mocks
