#pragma once
/// The BITS fault plan: plain data the scenario loader builds and the fault injector
/// (mocks/…/bits_fault_injector.h) executes against a transport. One TransportFault says where (job and
/// point), when (which hits, via HitSelector), what (action, code, context, nature) and how much (bytes
/// before it fires, duration of a stall or of a network outage).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vssfault/bits/types.h"
#include "vssfault/codes/hresult.h"
#include "vssfault/kernel/duration.h"
#include "vssfault/kernel/hit_selector.h"

namespace vssfault::bits {

/// Where in a transfer a fault is checked. Hits are numbered per fault: connect counts each connect
/// call; transfer and reply-transfer count each attempt at a file (or at the reply), i.e. its first step
/// within an attempt; server-reply counts each call to the server application.
enum class FaultPoint : std::uint8_t { kDefault, kConnect, kTransfer, kServerReply, kReplyTransfer };

enum class FaultAction : std::uint8_t {
  kFailConnect,               ///< the connection fails (default BG_E_CONNECT_FAILURE, GENERAL_TRANSPORT)
  kFailAfterBytes,            ///< the transfer fails after `bytes` bytes (default BG_E_TIMEOUT, REMOTE_FILE)
  kStall,                     ///< after `bytes` bytes no byte moves for `duration`, then the transfer goes on
  kHttpStatus,                ///< the server answers with an HTTP error 0x8019xxxx (default 500, REMOTE_FILE)
  kLocalFileError,            ///< a local-file error (default BG_E_LOCAL_FILE_CHANGED, LOCAL_FILE)
  kNetworkDisconnect,         ///< the machine's network goes down for `duration` (0: until set_network_up)
  kServerApplicationFailure,  ///< the upload-reply server application fails (default HTTP 500, REMOTE_APPLICATION)
};

/// Whether the resulting error is retried. kDocumented takes the documented classification of the code
/// (classify_transient in error_classification.h).
enum class Nature : std::uint8_t { kDocumented, kTransient, kFatal };

struct TransportFault {
  std::string job;                        ///< job display name; empty matches every job
  FaultPoint point = FaultPoint::kDefault;///< kDefault: the action's natural point (action_defaults)
  HitSelector when = HitSelector::every();
  FaultAction action = FaultAction::kFailConnect;
  HResult code{};                         ///< S_OK: the action's default code
  ErrorContext context = ErrorContext::kNone;  ///< kNone: the action's default context
  Nature nature = Nature::kDocumented;
  std::uint64_t bytes = 0;                ///< transfer points: bytes that move before the fault fires
  Duration duration{};                    ///< kStall: stall length; kNetworkDisconnect: outage length
  std::string origin;                     ///< where the plan said so, e.g. "plan.yaml:12:5" (for reports)
};

/// The natural point, code and context of an action.
struct ActionDefaults {
  FaultPoint point;
  HResult code;
  ErrorContext context;
};
ActionDefaults action_defaults(FaultAction action);
/// The fault with every default filled in (point, code, context); nature stays as given.
TransportFault resolved(TransportFault fault);
/// The site name the fault's hits and random draws are keyed by: "bits.job.<job or *>.<point>".
std::string site_name(const TransportFault& fault);

std::string_view to_string(FaultPoint p);
std::string_view to_string(FaultAction a);
std::string_view to_string(Nature n);
std::optional<FaultPoint> parse_fault_point(std::string_view text);
std::optional<FaultAction> parse_fault_action(std::string_view text);
std::optional<Nature> parse_nature(std::string_view text);

}  // namespace vssfault::bits
