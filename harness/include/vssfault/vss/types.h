#pragma once
/// Value types of the VSS model: identifiers and the enums of vss.h / vswriter.h with their exact SDK
/// values (semantics.md §1.3–1.4, [H:vss.h], [H:vswriter.h]).
#include <compare>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace vssfault::vss {

/// A VSS_ID (GUID). Printed and parsed in registry form "{8-4-4-4-12}", upper-case hex.
struct VssId {
  std::uint64_t hi = 0;
  std::uint64_t lo = 0;

  constexpr auto operator<=>(const VssId&) const = default;
  /// GUID_NULL.
  static constexpr VssId null() { return {}; }
  constexpr bool is_null() const { return hi == 0 && lo == 0; }
  /// A stable id derived from a name (FNV-1a of the text), for tests and scenarios: the same name always
  /// gives the same id, different names practically never collide.
  static VssId named(std::string_view name);
  /// "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}".
  std::string to_string() const;
  /// Parses the registry form, braces optional, any case; nullopt when malformed.
  static std::optional<VssId> parse(std::string_view text);
};
std::ostream& operator<<(std::ostream& os, const VssId& id);

/// VSS_WRITER_STATE [H:vss.h:151-169], meanings [VWS].
enum class WriterState : std::int32_t {
  kUnknown = 0,
  kStable = 1,
  kWaitingForFreeze = 2,
  kWaitingForThaw = 3,
  kWaitingForPostSnapshot = 4,
  kWaitingForBackupComplete = 5,
  kFailedAtIdentify = 6,
  kFailedAtPrepareBackup = 7,
  kFailedAtPrepareSnapshot = 8,
  kFailedAtFreeze = 9,
  kFailedAtThaw = 10,
  kFailedAtPostSnapshot = 11,
  kFailedAtBackupComplete = 12,
  kFailedAtPreRestore = 13,
  kFailedAtPostRestore = 14,
  kFailedAtBackupShutdown = 15,
};
/// The SDK name, e.g. "VSS_WS_FAILED_AT_FREEZE".
std::string_view writer_state_name(WriterState s);
/// True for the VSS_WS_FAILED_AT_* states.
constexpr bool is_failed_state(WriterState s) {
  return static_cast<int>(s) >= 6 && static_cast<int>(s) <= 15;
}
/// GoogleTest printer: "VSS_WS_FAILED_AT_FREEZE (9)".
void PrintTo(WriterState s, std::ostream* os);
std::ostream& operator<<(std::ostream& os, WriterState s);

/// VSS_APPLICATION_LEVEL [H:vss.h:208-215]. Freeze goes FRONT_END, then BACK_END, then SYSTEM [VAL].
enum class ApplicationLevel : std::int32_t {
  kUnknown = 0,
  kSystem = 1,
  kBackEnd = 2,
  kFrontEnd = 3,
  kSystemRm = 4,
  kAuto = -1,
};
std::string_view application_level_name(ApplicationLevel l);

/// VSS_USAGE_TYPE [H:vswriter.h:122-128] (CVssWriter::Initialize's `ut`).
enum class UsageType : std::int32_t {
  kUndefined = 0,
  kBootableSystemState = 1,
  kSystemService = 2,
  kUserData = 3,
  kOther = 4,
};

/// VSS_SOURCE_TYPE [H:vswriter.h:129-134] (CVssWriter::Initialize's `st`).
enum class SourceType : std::int32_t {
  kUndefined = 0,
  kTransactedDb = 1,
  kNonTransactedDb = 2,
  kOther = 3,
};

/// VSS_BACKUP_TYPE [H:vss.h:172-180].
enum class BackupType : std::int32_t {
  kUndefined = 0,
  kFull = 1,
  kIncremental = 2,
  kDifferential = 3,
  kLog = 4,
  kCopy = 5,
  kOther = 6,
};

/// VSS_COMPONENT_TYPE [H:vswriter.h:152-156].
enum class ComponentType : std::int32_t { kUndefined = 0, kDatabase = 1, kFileGroup = 2 };

/// VSS_PROVIDER_TYPE [H:vss.h:199-205].
enum class ProviderType : std::int32_t {
  kUnknown = 0,
  kSystem = 1,
  kSoftware = 2,
  kHardware = 3,
  kFileShare = 4,
};
std::string_view provider_type_name(ProviderType t);

/// VSS_SNAPSHOT_CONTEXT values [H:vss.h:108-116] and the VSS_VOLSNAP_ATTR bits they are made of
/// [H:vss.h:85-105].
namespace ctx {
inline constexpr std::int32_t kAttrPersistent = 0x1;
inline constexpr std::int32_t kAttrNoAutoRecovery = 0x2;
inline constexpr std::int32_t kAttrClientAccessible = 0x4;
inline constexpr std::int32_t kAttrNoAutoRelease = 0x8;
inline constexpr std::int32_t kAttrNoWriters = 0x10;
inline constexpr std::int32_t kBackup = 0x0;
inline constexpr std::int32_t kFileShareBackup = 0x10;
inline constexpr std::int32_t kNasRollback = 0x19;
inline constexpr std::int32_t kAppRollback = 0x09;
inline constexpr std::int32_t kClientAccessible = 0x1D;
inline constexpr std::int32_t kClientAccessibleWriters = 0x0D;
inline constexpr std::int32_t kAll = static_cast<std::int32_t>(0xFFFFFFFFu);
}  // namespace ctx

/// VSS_SUBSCRIBE_MASK [H:vswriter.h:163-169]; Subscribe's default is BACKUP|RESTORE [SUB].
namespace subscribe {
inline constexpr std::uint32_t kPostSnapshot = 0x1;
inline constexpr std::uint32_t kBackupEvents = 0x2;
inline constexpr std::uint32_t kRestoreEvents = 0x4;
inline constexpr std::uint32_t kIoThrottling = 0x8;
inline constexpr std::uint32_t kAll = 0xFFFFFFFFu;
inline constexpr std::uint32_t kDefault = kBackupEvents | kRestoreEvents;
}  // namespace subscribe

/// The writer events of [WRT], in backup order, then restore, then the abort event.
enum class WriterEvent : std::uint8_t {
  kIdentify,
  kPrepareForBackup,
  kPrepareForSnapshot,
  kFreeze,
  kThaw,
  kPostSnapshot,
  kBackupComplete,
  kBackupShutdown,
  kPreRestore,
  kPostRestore,
  kAbort,
};
/// Event name as the docs write it ("PrepareForSnapshot", "Freeze", …).
std::string_view writer_event_name(WriterEvent e);
/// Handler name ("OnPrepareSnapshot", "OnFreeze", …).
std::string_view writer_handler_name(WriterEvent e);

/// INFINITE for IVssAsync::Wait [H:vss.h:431-447].
inline constexpr std::uint32_t kInfinite = 0xFFFFFFFFu;

}  // namespace vssfault::vss
