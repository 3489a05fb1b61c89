// Building the timeline model from a trace: one pass over the records, each placed on a lane and
// classified; windows and calls opened and closed as their records go by. The record vocabulary is the
// one the models write (harness/vss, harness/bits, mocks/): see docs/timeline.md.
#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <tuple>

#include "vssfault/codes/catalog.h"
#include "vssfault/timeline/timeline.h"

namespace vssfault::timeline {
namespace {

constexpr std::size_t kFaultLookahead = 8;  // records after a fault searched for the failure it caused

LaneKind kind_of(std::string_view actor) {
  if (actor.starts_with("requester:")) return LaneKind::kRequester;
  if (actor == "vss") return LaneKind::kVss;
  if (actor.starts_with("writer:")) return LaneKind::kWriter;
  if (actor.starts_with("provider:")) return LaneKind::kProvider;
  if (actor.starts_with("bits:")) return LaneKind::kBitsJob;
  if (actor == "bits") return LaneKind::kBits;
  return LaneKind::kOther;
}

std::string name_of(std::string_view actor) {
  const auto after = [&](std::size_t n) { return std::string(actor.substr(n)); };
  switch (kind_of(actor)) {
    case LaneKind::kRequester: return "requester " + after(10);
    case LaneKind::kVss: return "VSS";
    case LaneKind::kWriter: return "writer " + after(7);
    case LaneKind::kProvider: return "provider " + after(9);
    case LaneKind::kBitsJob: return "BITS job " + after(5);
    case LaneKind::kBits: return "BITS service";
    case LaneKind::kOther: break;
  }
  return std::string(actor);
}

/// A failing HRESULT written as a name or a hex value.
bool failing(std::string_view value) {
  const auto code = parse_code(value);
  return code && code->failed();
}

/// The first catalog code name inside free text ("SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE) return=false").
std::string code_in(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto word = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; };
    if (!word(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && word(text[j])) ++j;
    const std::string_view token = text.substr(i, j - i);
    if (token.find('_') != std::string_view::npos && find_code(token) != nullptr) return std::string(token);
    i = j;
  }
  return {};
}

class Builder {
 public:
  explicit Builder(const Trace& trace) : trace_(trace) {}

  Timeline build(RunInfo info) {
    const auto& records = trace_.records();
    for (std::size_t i = 0; i < records.size(); ++i) add(i, records[i]);
    close_all();
    return finish(std::move(info));
  }

 private:
  const Trace& trace_;
  std::vector<std::string> actors_;  // lanes in order of first appearance
  std::map<std::string, std::size_t, std::less<>> index_;
  std::vector<Event> events_;         // lanes index actors_ until finish()
  std::vector<Interval> intervals_;
  std::map<std::pair<std::size_t, std::string>, std::vector<std::size_t>> open_calls_;
  std::map<std::size_t, std::size_t> open_freeze_;  // lane -> interval
  std::map<std::size_t, std::size_t> open_state_;   // lane -> interval
  std::optional<std::size_t> open_hold_;

  std::size_t lane(std::string_view actor) {
    auto it = index_.find(actor);
    if (it != index_.end()) return it->second;
    actors_.emplace_back(actor);
    index_.emplace(std::string(actor), actors_.size() - 1);
    return actors_.size() - 1;
  }
  std::size_t existing_or(std::string_view actor, std::string_view fallback) {
    return index_.count(actor) != 0 ? lane(actor) : lane(fallback);
  }

  void open(std::size_t lane, IntervalKind kind, std::size_t record, std::string label) {
    Interval iv;
    iv.lane = lane;
    iv.kind = kind;
    iv.first = iv.last = record;
    iv.begin = iv.end = trace_.records()[record].time;
    iv.label = std::move(label);
    intervals_.push_back(std::move(iv));
  }
  void close(std::size_t interval, std::size_t record, std::string closed_by) {
    Interval& iv = intervals_[interval];
    iv.last = record;
    iv.end = trace_.records()[record].time;
    iv.closed_by = std::move(closed_by);
  }
  void close_all() {
    if (trace_.size() == 0) return;
    const std::size_t last = trace_.size() - 1;
    auto end = [&](std::size_t iv) {
      close(iv, last, "end of trace");
      intervals_[iv].open = true;
    };
    for (auto& [key, stack] : open_calls_)
      for (std::size_t iv : stack) end(iv);
    for (const auto& [l, iv] : open_freeze_) end(iv);
    for (const auto& [l, iv] : open_state_) end(iv);
    if (open_hold_) end(*open_hold_);
  }

  void close_freeze(std::size_t lane, std::size_t record, std::string closed_by) {
    auto it = open_freeze_.find(lane);
    if (it == open_freeze_.end()) return;
    close(it->second, record, std::move(closed_by));
    open_freeze_.erase(it);
  }

  /// The code of the failure a fault without one caused: the next records of the same actor that say
  /// they were injected by this entry ("injected=fault[0] ...").
  std::string caused_code(std::size_t index, const TraceRecord& fault) const {
    const auto& records = trace_.records();
    const std::string prefix = std::string(fault.field("entry")) + " ";
    for (std::size_t j = index + 1; j < records.size() && j <= index + kFaultLookahead; ++j) {
      const TraceRecord& r = records[j];
      if (r.actor != fault.actor || !r.field("injected").starts_with(prefix)) continue;
      for (const char* key : {"code", "result"})
        if (failing(r.field(key))) return std::string(r.field(key));
    }
    return {};
  }

  void add(std::size_t index, const TraceRecord& r) {
    Event e;
    e.record = index;
    e.time = r.time;
    e.text = r.canonical();
    e.label = r.event;
    e.kind = EventKind::kState;
    e.lane = r.actor == "eventlog" ? 0 : lane(r.actor);
    const std::string_view phase = r.field("phase");
    const LaneKind kind = kind_of(r.actor);
    const bool party = kind == LaneKind::kWriter || kind == LaneKind::kProvider;

    if (r.actor == "eventlog") {
      const std::string source(r.field("source"));
      e.lane = existing_or("writer:" + source, index_.count("provider:" + source) ? "provider:" + source : "vss");
      e.kind = EventKind::kEventLog;
      e.code = r.field("code");
      e.label = "event log " + std::string(r.field("level")) + ": " + std::string(r.field("method"));
    } else if (r.event == "violation") {
      e.kind = EventKind::kViolation;
      e.code = r.field("rule");
      e.label = "violation " + e.code;
    } else if (r.event == "fault") {
      const bool injected = r.field("injected") == "true";
      e.kind = injected ? EventKind::kFault : EventKind::kFailure;
      e.code = r.field("code");
      if (e.code.empty()) e.code = code_in(r.field("action"));
      if (e.code.empty() && injected) e.code = caused_code(index, r);
      e.label = injected ? "fault " + std::string(r.field("action")) : "fault applied at " + std::string(r.field("site"));
    } else if (party && phase == "begin") {
      e.kind = EventKind::kCall;
      e.from = lane("vss");
      e.to = e.lane;
      open_calls_[{e.lane, r.event}].push_back(intervals_.size());
      open(e.lane, IntervalKind::kCall, index, r.event);
      if (kind == LaneKind::kWriter && r.event == "OnFreeze" && open_freeze_.count(e.lane) == 0) {
        open_freeze_[e.lane] = intervals_.size();
        open(e.lane, IntervalKind::kFreeze, index, "freeze window");
      } else if (kind == LaneKind::kWriter && (r.event == "OnThaw" || r.event == "OnAbort")) {
        close_freeze(e.lane, index, r.event);
      }
    } else if (party && phase == "end") {
      auto& stack = open_calls_[{e.lane, r.event}];
      if (!stack.empty()) {
        close(stack.back(), index, "end");
        stack.pop_back();
      }
      const std::string_view result = r.field("result");
      const std::string_view failure = r.field("failure");
      e.from = e.lane;
      e.to = lane("vss");
      e.reply = true;
      e.label = r.event + ": " + std::string(result);
      if (result == "false" || result == "threw" || failing(result)) {
        e.kind = EventKind::kFailure;
        e.code = failing(failure) ? failure : failing(result) ? result : "";
        if (failing(failure)) e.label += " " + std::string(failure);
      } else {
        e.kind = EventKind::kReturn;
      }
    } else if (r.actor == "vss" && (r.event == "writer-failed" || r.event == "freeze-window-expired")) {
      e.lane = lane("writer:" + std::string(r.field("writer")));
      e.kind = EventKind::kFailure;
      if (r.event == "writer-failed") {
        e.code = r.field("code");
        e.label = "failed at " + std::string(r.field("event")) + " (" + std::string(r.field("state")) + ")";
      } else {
        e.label = "freeze window expired after " + std::string(r.field("window"));
        close_freeze(e.lane, index, r.event);
      }
    } else if (r.actor == "vss" && r.event == "volumes-frozen") {
      if (!open_hold_) {
        open_hold_ = intervals_.size();
        open(e.lane, IntervalKind::kHold, index, "hold window");
      }
      e.label = "volumes frozen (" + std::string(r.field("why")) + ")";
    } else if (r.actor == "vss" && r.event == "volumes-released") {
      if (open_hold_) close(*open_hold_, index, std::string(r.field("why")));
      open_hold_.reset();
      e.label = "volumes released (" + std::string(r.field("why")) + ")";
    } else if (r.actor == "vss" && r.event == "hold-window-expired") {
      e.kind = EventKind::kFailure;
      e.label = "hold window expired after " + std::string(r.field("window"));
    } else if (kind == LaneKind::kWriter && r.event == "not-responding") {
      e.kind = EventKind::kFailure;
      e.code = r.field("code");
      e.label = "not responding to " + std::string(r.field("event"));
    } else if (kind == LaneKind::kBitsJob && (r.event == "state" || r.event == "create")) {
      const std::string to(r.field(r.event == "state" ? "to" : "state"));
      auto it = open_state_.find(e.lane);
      if (it != open_state_.end()) close(it->second, index, to);
      open_state_[e.lane] = intervals_.size();
      open(e.lane, IntervalKind::kState, index, to);
      e.label = r.event == "state" ? std::string(r.field("from")) + " -> " + to : "create " + to;
    } else {
      classify_generic(e, r, kind);
    }
    events_.push_back(std::move(e));
  }

  void classify_generic(Event& e, const TraceRecord& r, LaneKind kind) {
    for (const char* key : {"method", "event", "writer"})
      if (!r.field(key).empty()) e.label += " " + std::string(r.field(key));
    for (const char* key : {"result", "status", "code"}) {
      if (!failing(r.field(key))) continue;
      e.kind = EventKind::kFailure;
      e.code = r.field(key);
      e.label += ": " + e.code;
      break;
    }
    if (e.kind != EventKind::kFailure && !r.field("result").empty()) e.label += ": " + std::string(r.field("result"));
    if (kind == LaneKind::kRequester || (kind == LaneKind::kWriter && r.event.starts_with("Set"))) {
      if (e.kind != EventKind::kFailure) e.kind = EventKind::kCall;
      e.from = e.lane;
      e.to = lane("vss");
    }
  }

  Timeline finish(RunInfo info) {
    Timeline t;
    t.info = std::move(info);
    t.records = trace_.size();
    t.trace_hash = trace_.hash();
    if (!trace_.records().empty()) t.end = trace_.records().back().time;
    std::vector<std::size_t> order(actors_.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return kind_of(actors_[a]) < kind_of(actors_[b]); });
    std::vector<std::size_t> position(actors_.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
      position[order[i]] = i;
      t.lanes.push_back(Lane{actors_[order[i]], name_of(actors_[order[i]]), kind_of(actors_[order[i]])});
    }
    for (auto& e : events_) {
      // Events that are not messages got from = to = 0 by default: make them point at their own lane.
      const bool message = e.from != e.to;
      e.lane = position[e.lane];
      e.from = message ? position[e.from] : e.lane;
      e.to = message ? position[e.to] : e.lane;
    }
    for (auto& iv : intervals_) iv.lane = position[iv.lane];
    std::stable_sort(intervals_.begin(), intervals_.end(), [](const Interval& a, const Interval& b) {
      return std::tie(a.first, a.kind, a.lane) < std::tie(b.first, b.kind, b.lane);
    });
    t.events = std::move(events_);
    t.intervals = std::move(intervals_);
    return t;
  }
};

}  // namespace

Timeline build_timeline(const Trace& trace, RunInfo info) { return Builder(trace).build(std::move(info)); }

}  // namespace vssfault::timeline
