#pragma once
/// MockHooks: the VSS-internal fault points (vss::Hooks) as a GoogleMock. Install it with
/// System::SetHooks(&hooks). The default of every method is "no fault" (std::nullopt), so a
/// NiceMock<MockHooks> changes nothing until a test (or the FaultInjector) gives it an action.
#include <optional>
#include <string_view>

#include <gmock/gmock.h>

#include "vssfault/codes/hresult.h"
#include "vssfault/vss/hooks.h"
#include "vssfault/vss/writer.h"

namespace vssfault::mocks {

class MockHooks : public vss::Hooks {
 public:
  MockHooks();

  MOCK_METHOD(std::optional<HResult>, OnRequesterCall, (int requester, std::string_view method), (override));
  MOCK_METHOD(std::optional<HResult>, OnWriterStatus, (int requester, const vss::Writer& writer), (override));
  MOCK_METHOD(std::optional<HResult>, OnAsyncComplete, (int requester, std::string_view method, HResult result),
              (override));
};

/// (Re)installs the "no fault" defaults.
void InstallIdealDefaults(MockHooks& hooks);

}  // namespace vssfault::mocks
