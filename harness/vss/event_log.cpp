#include "vssfault/vss/event_log.h"

namespace vssfault::vss {

std::string_view event_level_name(EventLevel level) {
  switch (level) {
    case EventLevel::kInformation: return "information";
    case EventLevel::kWarning: return "warning";
    case EventLevel::kError: return "error";
  }
  return "?";
}

const EventLogEntry& EventLog::Write(std::string source, std::string method, HResult code, std::string message,
                                     EventLevel level, bool while_frozen) {
  entries_.push_back(EventLogEntry{clock_.now(), std::move(source), std::move(method), code, std::move(message),
                                   level, while_frozen});
  const EventLogEntry& e = entries_.back();
  trace_.add(e.time, "eventlog", "write",
             {{"source", e.source},
              {"method", e.method},
              {"code", code.name()},
              {"level", event_level_name(level)},
              {"frozen", while_frozen ? "true" : "false"},
              {"message", e.message}});
  return e;
}

std::vector<EventLogEntry> EventLog::from(std::string_view source) const {
  std::vector<EventLogEntry> out;
  for (const auto& e : entries_)
    if (e.source == source) out.push_back(e);
  return out;
}

std::size_t EventLog::count_if(const std::function<bool(const EventLogEntry&)>& pred) const {
  std::size_t n = 0;
  for (const auto& e : entries_)
    if (pred(e)) ++n;
  return n;
}

}  // namespace vssfault::vss
