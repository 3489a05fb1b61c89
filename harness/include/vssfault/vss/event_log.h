#pragma once
/// The Application event log of the simulated machine: providers must log their faults here [S4][ELOG],
/// and VSS writes an entry naming provider and method when it translates an unexpected provider code [S4].
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "vssfault/codes/hresult.h"
#include "vssfault/kernel/clock.h"
#include "vssfault/kernel/trace.h"

namespace vssfault::vss {

enum class EventLevel : std::uint8_t { kInformation, kWarning, kError };
std::string_view event_level_name(EventLevel level);

/// One entry of the Application log.
struct EventLogEntry {
  Instant time;
  std::string source;   ///< "VSS" for the service's own entries, else the provider's (or writer's) name
  std::string method;   ///< the provider method the entry concerns ("CommitSnapshots"); may be empty
  HResult code;         ///< the HRESULT the entry reports (S_OK for informational entries)
  std::string message;
  EventLevel level = EventLevel::kError;
  bool while_frozen = false;  ///< written while the set's volumes were frozen (see System::volumes_frozen)
};

class EventLog {
 public:
  EventLog(VirtualClock& clock, Trace& trace) : clock_(clock), trace_(trace) {}
  virtual ~EventLog() = default;

  /// Appends an entry stamped with the current virtual time and traces it (actor "eventlog").
  /// `while_frozen` is filled in by the caller that knows the freeze state (the System).
  virtual const EventLogEntry& Write(std::string source, std::string method, HResult code,
                                     std::string message, EventLevel level, bool while_frozen = false);

  const std::vector<EventLogEntry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }
  /// Entries whose source is `source`, in order.
  std::vector<EventLogEntry> from(std::string_view source) const;
  /// Number of entries matching `pred`.
  std::size_t count_if(const std::function<bool(const EventLogEntry&)>& pred) const;
  void clear() { entries_.clear(); }

 private:
  VirtualClock& clock_;
  Trace& trace_;
  std::vector<EventLogEntry> entries_;
};

}  // namespace vssfault::vss
