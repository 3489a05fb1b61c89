#include "vssfault/mocks/mock_hooks.h"

namespace vssfault::mocks {

using ::testing::_;
using ::testing::Return;

MockHooks::MockHooks() { InstallIdealDefaults(*this); }

void InstallIdealDefaults(MockHooks& h) {
  ON_CALL(h, OnRequesterCall(_, _)).WillByDefault(Return(std::optional<HResult>()));
  ON_CALL(h, OnWriterStatus(_, _)).WillByDefault(Return(std::optional<HResult>()));
  ON_CALL(h, OnAsyncComplete(_, _, _)).WillByDefault(Return(std::optional<HResult>()));
}

}  // namespace vssfault::mocks
