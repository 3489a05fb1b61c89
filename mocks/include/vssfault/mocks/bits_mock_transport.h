#pragma once
/// A GoogleMock BITS transport: script connect, transfer steps and the upload-reply server reply per
/// test, alone or behind the fault injector (bits_fault_injector.h).
#include <gmock/gmock.h>

#include "vssfault/bits/transport.h"

namespace vssfault::mocks {

class MockBitsTransport : public bits::Transport {
 public:
  MOCK_METHOD(bits::ConnectResult, connect, (const bits::TransferSite& site), (override));
  MOCK_METHOD(bits::StepResult, transfer, (const bits::TransferSite& site, Duration budget), (override));
  MOCK_METHOD(bits::ReplyResult, server_reply, (const bits::TransferSite& site), (override));
};

}  // namespace vssfault::mocks
