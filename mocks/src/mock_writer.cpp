#include "vssfault/mocks/mock_writer.h"

#include "quiet_on_call.h"

namespace vssfault::mocks {
namespace detail {
VSSFAULT_QUIET_ON_CALL_SIGNATURE(bool());
VSSFAULT_QUIET_ON_CALL_SIGNATURE(bool(vss::CreateWriterMetadata*));
VSSFAULT_QUIET_ON_CALL_SIGNATURE(bool(vss::WriterComponents*));
VSSFAULT_QUIET_ON_CALL_SIGNATURE(bool(vss::VssId));
}  // namespace detail

using ::testing::_;

MockWriter::MockWriter(vss::System& system) : vss::Writer(system) { InstallIdealDefaults(*this); }

HResult MockWriter::Start(std::string_view name, vss::ApplicationLevel level, std::uint32_t timeout_freeze_ms) {
  const HResult init = Initialize(vss::VssId::named(name), name, vss::UsageType::kUserData,
                                  vss::SourceType::kTransactedDb, level, timeout_freeze_ms);
  if (init != hr::S_OK) return init;
  return Subscribe();
}

void MockWriter::DeclareComponent(std::string_view logical_path, std::string_view name,
                                  vss::ComponentType type) {
  declared_.push_back({type, std::string(logical_path), std::string(name)});
}

bool MockWriter::IdealIdentify(vss::CreateWriterMetadata* metadata) {
  if (metadata == nullptr) return true;
  for (const auto& c : declared_) metadata->AddComponent(c.type, c.logical_path, c.name);
  return true;
}

// Every handler needs an ON_CALL (GoogleMock's default bool is false, a veto), eleven per writer: they are
// added with QuietOnCall, ON_CALL without its info message (quiet_on_call.h), a fifth of a clean backup.
void InstallIdealDefaults(MockWriter& w) {
  using detail::QuietOnCall;
  const auto yes = ::testing::Return(true);
  QuietOnCall(w.gmock_OnIdentify(_), __FILE__, __LINE__).WillByDefault([&w](vss::CreateWriterMetadata* m) {
    return w.IdealIdentify(m);
  });
  QuietOnCall(w.gmock_OnPrepareBackup(_), __FILE__, __LINE__).WillByDefault(yes);
  QuietOnCall(w.gmock_OnPrepareSnapshot(), __FILE__, __LINE__).WillByDefault(yes);
  QuietOnCall(w.gmock_OnFreeze(), __FILE__, __LINE__).WillByDefault(yes);
  QuietOnCall(w.gmock_OnThaw(), __FILE__, __LINE__).WillByDefault(yes);
  QuietOnCall(w.gmock_OnPostSnapshot(_), __FILE__, __LINE__).WillByDefault(yes);
  QuietOnCall(w.gmock_OnAbort(), __FILE__, __LINE__).WillByDefault(yes);
  QuietOnCall(w.gmock_OnBackupComplete(_), __FILE__, __LINE__).WillByDefault(yes);
  QuietOnCall(w.gmock_OnBackupShutdown(_), __FILE__, __LINE__).WillByDefault(yes);
  QuietOnCall(w.gmock_OnPreRestore(_), __FILE__, __LINE__).WillByDefault(yes);
  QuietOnCall(w.gmock_OnPostRestore(_), __FILE__, __LINE__).WillByDefault(yes);
}

}  // namespace vssfault::mocks
