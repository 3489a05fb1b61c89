#include "vssfault/mocks/mock_writer.h"

namespace vssfault::mocks {

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

void InstallIdealDefaults(MockWriter& w) {
  ON_CALL(w, OnIdentify(_)).WillByDefault([&w](vss::CreateWriterMetadata* m) { return w.IdealIdentify(m); });
  ON_CALL(w, OnPrepareBackup(_)).WillByDefault(::testing::Return(true));
  ON_CALL(w, OnPrepareSnapshot()).WillByDefault(::testing::Return(true));
  ON_CALL(w, OnFreeze()).WillByDefault(::testing::Return(true));
  ON_CALL(w, OnThaw()).WillByDefault(::testing::Return(true));
  ON_CALL(w, OnPostSnapshot(_)).WillByDefault(::testing::Return(true));
  ON_CALL(w, OnAbort()).WillByDefault(::testing::Return(true));
  ON_CALL(w, OnBackupComplete(_)).WillByDefault(::testing::Return(true));
  ON_CALL(w, OnBackupShutdown(_)).WillByDefault(::testing::Return(true));
  ON_CALL(w, OnPreRestore(_)).WillByDefault(::testing::Return(true));
  ON_CALL(w, OnPostRestore(_)).WillByDefault(::testing::Return(true));
}

}  // namespace vssfault::mocks
