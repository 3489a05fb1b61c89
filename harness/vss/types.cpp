#include "vssfault/vss/types.h"

#include <array>
#include <ostream>

#include "vssfault/kernel/rng.h"

namespace vssfault::vss {

VssId VssId::named(std::string_view name) {
  VssId id{fnv1a64(name), fnv1a64(name, 0x84222325cbf29ce4ULL)};
  if (id.is_null()) id.lo = 1;
  return id;
}

// "{%08X-%04X-%04X-%04X-%04X%08X}" of hi and lo, formatted by hand: ids are in many trace records, and
// snprintf was 4% of a clean backup's run time.
std::string VssId::to_string() const {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out(38, '-');
  out.front() = '{';
  out.back() = '}';
  std::size_t pos = 1;
  for (int i = 0; i < 32; ++i) {
    if (i == 8 || i == 12 || i == 16 || i == 20) ++pos;  // the dashes
    const std::uint64_t word = i < 16 ? hi : lo;
    out[pos++] = kHex[(word >> (60 - 4 * (i % 16))) & 0xF];
  }
  return out;
}

std::optional<VssId> VssId::parse(std::string_view text) {
  if (text.size() == 38 && text.front() == '{' && text.back() == '}') text = text.substr(1, 36);
  if (text.size() != 36) return std::nullopt;
  std::uint64_t words[2] = {0, 0};
  int digits = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return std::nullopt;
      continue;
    }
    int v;
    if (c >= '0' && c <= '9') v = c - '0';
    else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
    else return std::nullopt;
    std::uint64_t& w = words[digits / 16];
    w = (w << 4) | static_cast<std::uint64_t>(v);
    ++digits;
  }
  return VssId{words[0], words[1]};
}

std::ostream& operator<<(std::ostream& os, const VssId& id) { return os << id.to_string(); }

namespace {
constexpr std::array<std::string_view, 16> kStateNames = {
    "VSS_WS_UNKNOWN",
    "VSS_WS_STABLE",
    "VSS_WS_WAITING_FOR_FREEZE",
    "VSS_WS_WAITING_FOR_THAW",
    "VSS_WS_WAITING_FOR_POST_SNAPSHOT",
    "VSS_WS_WAITING_FOR_BACKUP_COMPLETE",
    "VSS_WS_FAILED_AT_IDENTIFY",
    "VSS_WS_FAILED_AT_PREPARE_BACKUP",
    "VSS_WS_FAILED_AT_PREPARE_SNAPSHOT",
    "VSS_WS_FAILED_AT_FREEZE",
    "VSS_WS_FAILED_AT_THAW",
    "VSS_WS_FAILED_AT_POST_SNAPSHOT",
    "VSS_WS_FAILED_AT_BACKUP_COMPLETE",
    "VSS_WS_FAILED_AT_PRE_RESTORE",
    "VSS_WS_FAILED_AT_POST_RESTORE",
    "VSS_WS_FAILED_AT_BACKUPSHUTDOWN",
};

struct EventNames {
  std::string_view event;
  std::string_view handler;
};
// Indexed by WriterEvent.
constexpr std::array<EventNames, 11> kEventNames = {{
    {"Identify", "OnIdentify"},
    {"PrepareForBackup", "OnPrepareBackup"},
    {"PrepareForSnapshot", "OnPrepareSnapshot"},
    {"Freeze", "OnFreeze"},
    {"Thaw", "OnThaw"},
    {"PostSnapshot", "OnPostSnapshot"},
    {"BackupComplete", "OnBackupComplete"},
    {"BackupShutdown", "OnBackupShutdown"},
    {"PreRestore", "OnPreRestore"},
    {"PostRestore", "OnPostRestore"},
    {"Abort", "OnAbort"},
}};
}  // namespace

std::string_view writer_state_name(WriterState s) {
  const auto i = static_cast<std::size_t>(s);
  return i < kStateNames.size() ? kStateNames[i] : std::string_view("VSS_WS_COUNT");
}

void PrintTo(WriterState s, std::ostream* os) {
  *os << writer_state_name(s) << " (" << static_cast<int>(s) << ")";
}
std::ostream& operator<<(std::ostream& os, WriterState s) { return os << writer_state_name(s); }

std::string_view application_level_name(ApplicationLevel l) {
  switch (l) {
    case ApplicationLevel::kUnknown: return "VSS_APP_UNKNOWN";
    case ApplicationLevel::kSystem: return "VSS_APP_SYSTEM";
    case ApplicationLevel::kBackEnd: return "VSS_APP_BACK_END";
    case ApplicationLevel::kFrontEnd: return "VSS_APP_FRONT_END";
    case ApplicationLevel::kSystemRm: return "VSS_APP_SYSTEM_RM";
    case ApplicationLevel::kAuto: return "VSS_APP_AUTO";
  }
  return "VSS_APP_?";
}

std::string_view provider_type_name(ProviderType t) {
  switch (t) {
    case ProviderType::kUnknown: return "unknown";
    case ProviderType::kSystem: return "system";
    case ProviderType::kSoftware: return "software";
    case ProviderType::kHardware: return "hardware";
    case ProviderType::kFileShare: return "fileshare";
  }
  return "?";
}

std::string_view writer_event_name(WriterEvent e) { return kEventNames[static_cast<std::size_t>(e)].event; }
std::string_view writer_handler_name(WriterEvent e) { return kEventNames[static_cast<std::size_t>(e)].handler; }

}  // namespace vssfault::vss
