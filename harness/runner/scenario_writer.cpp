#include "scenario_writer.h"

#include <optional>

#include "vssfault/vss/system.h"

namespace vssfault::runner::detail {
namespace {

/// The plan index of a firing's entry ("writer[2]" → 2), or nullopt for another list.
std::optional<std::size_t> writer_entry(const std::string& entry) {
  constexpr std::string_view kPrefix = "writer[";
  if (entry.compare(0, kPrefix.size(), kPrefix) != 0 || entry.back() != ']') return std::nullopt;
  std::size_t value = 0;
  for (std::size_t i = kPrefix.size(); i + 1 < entry.size(); ++i) {
    if (entry[i] < '0' || entry[i] > '9') return std::nullopt;
    value = value * 10 + static_cast<std::size_t>(entry[i] - '0');
  }
  return value;
}

}  // namespace

ScenarioWriter::ScenarioWriter(vss::System& system, const mocks::FaultInjector* faults, bool log_failures)
    : ::testing::NiceMock<mocks::MockWriter>(system), faults_(faults), log_failures_(log_failures) {}

bool ScenarioWriter::Handle(vss::WriterEvent event, const std::function<bool()>& handler) {
  const std::size_t before = faults_ != nullptr ? faults_->firings().size() : 0;
  const bool result = handler();
  if (!log_failures_ || faults_ == nullptr) return result;
  const std::string site = mocks::writer_site(name(), event);
  const auto& firings = faults_->firings();
  for (std::size_t i = before; i < firings.size(); ++i) {
    if (firings[i].site != site) continue;
    const auto index = writer_entry(firings[i].entry);
    if (!index || *index >= faults_->plan().writers.size()) continue;
    const mocks::WriterAction& a = faults_->plan().writers[*index].action;
    std::optional<HResult> code;
    std::string message;
    // The handler pages: "always write an event-log entry" on an error. A code that is not a failure
    // (SetWriterFailureEx(S_OK, …), a component set to S_OK) is nothing to log.
    if (a.failure && a.failure->code.failed()) {
      code = a.failure->code;
      message = a.failure->message;
    } else {
      for (const auto& c : a.components) {
        if (!c.code.failed()) continue;
        code = c.code;
        message = c.message;
        break;
      }
    }
    if (!code) continue;
    if (message.empty()) message = name() + ": " + std::string(vss::writer_event_name(event)) + " failed";
    system().event_log().Write(name(), std::string(vss::writer_event_name(event)), *code, std::move(message),
                               vss::EventLevel::kError, system().volumes_frozen());
  }
  return result;
}

bool ScenarioWriter::OnIdentify(vss::CreateWriterMetadata* m) {
  return Handle(vss::WriterEvent::kIdentify, [&] { return MockWriter::OnIdentify(m); });
}
bool ScenarioWriter::OnPrepareBackup(vss::WriterComponents* c) {
  return Handle(vss::WriterEvent::kPrepareForBackup, [&] { return MockWriter::OnPrepareBackup(c); });
}
bool ScenarioWriter::OnPrepareSnapshot() {
  return Handle(vss::WriterEvent::kPrepareForSnapshot, [&] { return MockWriter::OnPrepareSnapshot(); });
}
bool ScenarioWriter::OnFreeze() {
  return Handle(vss::WriterEvent::kFreeze, [&] { return MockWriter::OnFreeze(); });
}
bool ScenarioWriter::OnThaw() {
  return Handle(vss::WriterEvent::kThaw, [&] { return MockWriter::OnThaw(); });
}
bool ScenarioWriter::OnPostSnapshot(vss::WriterComponents* c) {
  return Handle(vss::WriterEvent::kPostSnapshot, [&] { return MockWriter::OnPostSnapshot(c); });
}
bool ScenarioWriter::OnAbort() {
  return Handle(vss::WriterEvent::kAbort, [&] { return MockWriter::OnAbort(); });
}
bool ScenarioWriter::OnBackupComplete(vss::WriterComponents* c) {
  return Handle(vss::WriterEvent::kBackupComplete, [&] { return MockWriter::OnBackupComplete(c); });
}
bool ScenarioWriter::OnBackupShutdown(vss::VssId id) {
  return Handle(vss::WriterEvent::kBackupShutdown, [&] { return MockWriter::OnBackupShutdown(id); });
}
bool ScenarioWriter::OnPreRestore(vss::WriterComponents* c) {
  return Handle(vss::WriterEvent::kPreRestore, [&] { return MockWriter::OnPreRestore(c); });
}
bool ScenarioWriter::OnPostRestore(vss::WriterComponents* c) {
  return Handle(vss::WriterEvent::kPostRestore, [&] { return MockWriter::OnPostRestore(c); });
}

}  // namespace vssfault::runner::detail
