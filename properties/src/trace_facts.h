#pragma once
// Facts read back from a VSS trace: handler calls per writer and session, provider calls, snapshot-set
// creations, event-log writes. The trace is the model's record of what happened; the oracles compare it
// with what the requester saw and with the documented rules.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vssfault/codes/hresult.h"
#include "vssfault/kernel/trace.h"
#include "vssfault/vss/provider.h"
#include "vssfault/vss/types.h"

namespace vssfault::properties::facts {

inline constexpr std::size_t kNone = static_cast<std::size_t>(-1);

/// A code as HResult::name() wrote it (catalog name or 0x value); nullopt for "-" or "threw".
std::optional<HResult> code_of(std::string_view text);
std::optional<vss::WriterEvent> event_of_handler(std::string_view handler);
std::optional<vss::ProviderMethod> method_of(std::string_view name);
/// Freeze order rank: FRONT_END (and UNKNOWN, AUTO) 0, BACK_END 1, SYSTEM and SYSTEM_RM 2 [VAL].
int freeze_rank(vss::ApplicationLevel level);
/// VSS_WS_FAILED_AT_<event> [VWS] (D5).
std::optional<vss::WriterState> failed_state(vss::WriterEvent e);

struct HandlerCall {
  std::size_t begin = 0;  ///< trace index of the begin record
  std::size_t end = kNone;
  Instant time;
  int requester = 0;
  std::string writer;     ///< "W0"
  vss::WriterEvent event = vss::WriterEvent::kIdentify;
  bool result = true;
  bool threw = false;
  std::optional<HResult> failure;  ///< a failure code the handler reported and VSS accepted
  bool not_responding = false;     ///< the response timeout (D15) expired while it ran
  /// Failed in the sense of §7.2: returned false, threw, or reported a failing code.
  bool failed() const { return !result || threw || (failure && failure->failed()); }
};
std::vector<HandlerCall> handler_calls(const std::vector<TraceRecord>& trace);

struct ProviderCall {
  std::size_t begin = 0;
  std::size_t end = kNone;
  Instant time;
  std::string provider;  ///< "P0" (or the system provider's name)
  vss::ProviderMethod method = vss::ProviderMethod::kOnLoad;
  bool threw = false;
  HResult raw;           ///< what the provider returned (E_UNEXPECTED when it threw)
};
std::vector<ProviderCall> provider_calls(const std::vector<TraceRecord>& trace);

/// One snapshot-set creation: StartSnapshotSet's success to creation-ended.
struct Creation {
  std::string set;          ///< the set id as traced
  int requester = 0;
  std::size_t start = 0;
  std::size_t dss = kNone;  ///< the DoSnapshotSet call record
  std::size_t end = kNone;  ///< the creation-ended record
  bool created = false;
  bool failed = false;
  std::string failed_code;
  std::size_t failed_at = kNone;          ///< the snapshot-set-failed record
  std::size_t hold_expired_at = kNone;    ///< the hold-window-expired record
};
std::vector<Creation> creations(const std::vector<TraceRecord>& trace);

/// Index of the first record at or after `from` with this actor and event (kNone if none).
std::size_t find(const std::vector<TraceRecord>& trace, std::string_view actor, std::string_view event,
                 std::size_t from = 0);

}  // namespace vssfault::properties::facts
