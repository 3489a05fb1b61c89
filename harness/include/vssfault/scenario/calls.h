#pragma once
/// The API calls a `steps` driver can make, each with its arguments: the requester calls of
/// IVssBackupComponents (§3.1) and the IBackgroundCopyJob calls (§6.4). One table drives the loader,
/// `show`, the reachability check and the docs.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "vssfault/kernel/duration.h"

namespace vssfault::scenario {

enum class ArgType : std::uint8_t {
  kBool,
  kUInt,
  kString,
  kDuration,
  kVolume,      ///< a name from `volumes`
  kProvider,    ///< a provider name, or "" for GUID_NULL (VSS picks the provider [ATS])
  kWriter,      ///< a writer name
  kComponent,   ///< a component of the writer named by the call's `writer` argument
  kJob,         ///< a BITS job name
  kChoice,      ///< one of ArgSpec::choices
  kNotifyFlags, ///< a list of BG_NOTIFY_* names
};

/// A step argument's value: bool; unsigned integer; text (strings, names, choices); duration; or the
/// canonical names of a flag list.
using ArgValue = std::variant<bool, std::uint64_t, std::string, Duration, std::vector<std::string>>;

struct ArgSpec {
  std::string_view name;
  ArgType type;
  std::optional<ArgValue> default_value;  ///< nullopt: the argument is required
  std::vector<std::string_view> choices;  ///< kChoice only
};

/// What a call is made on: a requester object (IVssBackupComponents, or IVssComponentEx2 obtained from
/// it), the VSS service itself (IVssAdmin: registered providers), or a BITS job.
enum class CallTarget : std::uint8_t { kRequester, kVss, kBitsJob };

/// One API call and its arguments, in the order `show` prints them.
struct CallSpec {
  std::string_view name;
  CallTarget target;
  bool async;  ///< returns IVssAsync; the step waits for it and `expect` is the operation's result (D4)
  std::vector<ArgSpec> args;
};

/// Every call, requester calls first, in the canonical backup order.
std::span<const CallSpec> all_calls();
/// Exact name lookup.
const CallSpec* find_call(std::string_view name);

}  // namespace vssfault::scenario
