#include "convert.h"

#include <array>
#include <stdexcept>
#include <utility>

namespace vssfault::runner::detail {
namespace {

[[noreturn]] void no_match(std::string_view what, std::string_view name) {
  throw std::logic_error("runner: no model value for " + std::string(what) + " '" + std::string(name) + "'");
}

/// The entry of `table` whose first member is `key`.
template <class K, class V, std::size_t N>
V lookup(const std::array<std::pair<K, V>, N>& table, K key, std::string_view what, std::string_view name) {
  for (const auto& [k, v] : table) {
    if (k == key) return v;
  }
  no_match(what, name);
}

}  // namespace

vss::WriterEvent to_vss(scenario::WriterEvent e) {
  const std::string_view name = scenario::to_name(e);
  for (int i = 0; i <= static_cast<int>(vss::WriterEvent::kAbort); ++i) {
    const auto v = static_cast<vss::WriterEvent>(i);
    if (vss::writer_event_name(v) == name) return v;
  }
  no_match("writer event", name);
}

vss::ProviderMethod to_vss(scenario::ProviderMethod m) {
  const std::string_view name = scenario::to_name(m);
  for (int i = 0; i <= static_cast<int>(vss::ProviderMethod::kGetTargetLuns); ++i) {
    const auto v = static_cast<vss::ProviderMethod>(i);
    if (vss::provider_method_name(v) == name) return v;
  }
  no_match("provider method", name);
}

vss::ApplicationLevel to_vss(scenario::WriterLevel l) {
  static constexpr std::array<std::pair<scenario::WriterLevel, vss::ApplicationLevel>, 3> kTable{{
      {scenario::WriterLevel::kFrontEnd, vss::ApplicationLevel::kFrontEnd},
      {scenario::WriterLevel::kBackEnd, vss::ApplicationLevel::kBackEnd},
      {scenario::WriterLevel::kSystem, vss::ApplicationLevel::kSystem},
  }};
  return lookup(kTable, l, "writer level", scenario::to_name(l));
}

vss::ProviderType to_vss(scenario::ProviderKind k) {
  static constexpr std::array<std::pair<scenario::ProviderKind, vss::ProviderType>, 3> kTable{{
      {scenario::ProviderKind::kSoftware, vss::ProviderType::kSoftware},
      {scenario::ProviderKind::kHardware, vss::ProviderType::kHardware},
      {scenario::ProviderKind::kSystem, vss::ProviderType::kSystem},
  }};
  return lookup(kTable, k, "provider kind", scenario::to_name(k));
}

vss::BackupType to_vss(scenario::BackupType t) { return backup_type(std::string(scenario::to_name(t))); }

vss::BackupType backup_type(const std::string& choice) {
  static const std::array<std::pair<std::string_view, vss::BackupType>, 6> kTable{{
      {"full", vss::BackupType::kFull},
      {"incremental", vss::BackupType::kIncremental},
      {"differential", vss::BackupType::kDifferential},
      {"log", vss::BackupType::kLog},
      {"copy", vss::BackupType::kCopy},
      {"other", vss::BackupType::kOther},
  }};
  return lookup(kTable, std::string_view(choice), "backup type", choice);
}

std::int32_t snapshot_context(const std::string& choice) {
  static const std::array<std::pair<std::string_view, std::int32_t>, 6> kTable{{
      {"backup", vss::ctx::kBackup},
      {"file-share-backup", vss::ctx::kFileShareBackup},
      {"nas-rollback", vss::ctx::kNasRollback},
      {"app-rollback", vss::ctx::kAppRollback},
      {"client-accessible", vss::ctx::kClientAccessible},
      {"client-accessible-writers", vss::ctx::kClientAccessibleWriters},
  }};
  return lookup(kTable, std::string_view(choice), "snapshot context", choice);
}

bits::JobType to_bits(scenario::JobType t) {
  static constexpr std::array<std::pair<scenario::JobType, bits::JobType>, 3> kTable{{
      {scenario::JobType::kDownload, bits::JobType::kDownload},
      {scenario::JobType::kUpload, bits::JobType::kUpload},
      {scenario::JobType::kUploadReply, bits::JobType::kUploadReply},
  }};
  return lookup(kTable, t, "job type", scenario::to_name(t));
}

bits::ErrorContext to_bits(scenario::ErrorContext c) {
  const std::string_view name = scenario::to_name(c);
  if (auto v = bits::parse_error_context(name)) return *v;
  no_match("error context", name);
}

bits::WatchMode to_bits(scenario::NotifyMode m) {
  static constexpr std::array<std::pair<scenario::NotifyMode, bits::WatchMode>, 2> kTable{{
      {scenario::NotifyMode::kCallback, bits::WatchMode::kCallback},
      {scenario::NotifyMode::kPoll, bits::WatchMode::kPoll},
  }};
  return lookup(kTable, m, "notify mode", scenario::to_name(m));
}

bits::ErrorPolicy to_bits(scenario::OnError e) {
  static constexpr std::array<std::pair<scenario::OnError, bits::ErrorPolicy>, 3> kTable{{
      {scenario::OnError::kCancel, bits::ErrorPolicy::kCancel},
      {scenario::OnError::kComplete, bits::ErrorPolicy::kComplete},
      {scenario::OnError::kResume, bits::ErrorPolicy::kFixAndResume},
  }};
  return lookup(kTable, e, "error policy", scenario::to_name(e));
}

std::uint32_t notify_mask(std::uint32_t scenario_mask) {
  static constexpr std::array<std::pair<std::uint32_t, std::uint32_t>, 6> kTable{{
      {scenario::kNotifyJobTransferred, bits::notify::kJobTransferred},
      {scenario::kNotifyJobError, bits::notify::kJobError},
      {scenario::kNotifyDisable, bits::notify::kDisable},
      {scenario::kNotifyJobModification, bits::notify::kJobModification},
      {scenario::kNotifyFileTransferred, bits::notify::kFileTransferred},
      {scenario::kNotifyFileRangesTransferred, bits::notify::kFileRangesTransferred},
  }};
  std::uint32_t out = 0;
  for (const auto& [from, to] : kTable) {
    if (scenario_mask & from) out |= to;
  }
  return out;
}

std::string job_state_name(bits::JobState s) { return "BG_JOB_STATE_" + std::string(bits::to_string(s)); }

std::string error_context_name(bits::ErrorContext c) {
  return "BG_ERROR_CONTEXT_" + std::string(bits::to_string(c));
}

}  // namespace vssfault::runner::detail
