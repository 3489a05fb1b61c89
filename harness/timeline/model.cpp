// The small queries on a built timeline: names, lane lookup and which events a renderer shows.
#include "vssfault/timeline/timeline.h"

namespace vssfault::timeline {

bool is_marker(EventKind kind) {
  return kind == EventKind::kFault || kind == EventKind::kFailure || kind == EventKind::kEventLog ||
         kind == EventKind::kViolation;
}

std::string_view event_kind_name(EventKind kind) {
  switch (kind) {
    case EventKind::kCall: return "call";
    case EventKind::kReturn: return "return";
    case EventKind::kState: return "state";
    case EventKind::kFault: return "fault";
    case EventKind::kFailure: return "failure";
    case EventKind::kEventLog: return "eventlog";
    case EventKind::kViolation: return "violation";
  }
  return "state";
}

std::string_view interval_kind_name(IntervalKind kind) {
  switch (kind) {
    case IntervalKind::kFreeze: return "freeze";
    case IntervalKind::kHold: return "hold";
    case IntervalKind::kCall: return "call";
    case IntervalKind::kState: return "state";
  }
  return "call";
}

std::size_t find_lane(const Timeline& t, std::string_view actor) {
  for (std::size_t i = 0; i < t.lanes.size(); ++i)
    if (t.lanes[i].actor == actor) return i;
  return t.lanes.size();
}

std::vector<std::size_t> visible_events(const Timeline& t, std::size_t limit) {
  std::vector<std::size_t> out;
  if (t.events.size() <= limit) {
    for (std::size_t i = 0; i < t.events.size(); ++i) out.push_back(i);
    return out;
  }
  // Records that open or close a freeze or hold window stay, so the shaded windows keep their ends.
  std::vector<bool> boundary(t.records, false);
  for (const auto& iv : t.intervals) {
    if (iv.kind != IntervalKind::kFreeze && iv.kind != IntervalKind::kHold) continue;
    if (iv.first < boundary.size()) boundary[iv.first] = true;
    if (iv.last < boundary.size()) boundary[iv.last] = true;
  }
  for (std::size_t i = 0; i < t.events.size() && out.size() < limit; ++i) {
    const Event& e = t.events[i];
    if (is_marker(e.kind) || (e.record < boundary.size() && boundary[e.record])) out.push_back(i);
  }
  return out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace vssfault::timeline
