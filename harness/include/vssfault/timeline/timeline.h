#pragma once
/// Timelines: a run's trace seen as lanes over virtual time. One lane per party (requester, VSS, each
/// writer, each provider, each BITS job), the freeze and hold windows and the calls as intervals, and
/// every record as an event on its lane, the ones that matter (injected faults, failures, event-log
/// entries, conformance violations) marked with their code names. Two renderers: a self-contained HTML
/// page (inline CSS, SVG and script, nothing fetched) and a Mermaid sequence diagram.
///
/// Most of a run happens at one virtual instant (a whole snapshot set at +0s), so the horizontal axis is
/// the order of the records, one column per record, with the virtual time printed wherever it changes.
/// Everything here is a pure function of the trace: the same trace gives byte-identical output.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "vssfault/kernel/duration.h"
#include "vssfault/kernel/trace.h"

namespace vssfault::timeline {

/// What a lane stands for; lanes are ordered by kind, then by first appearance in the trace.
enum class LaneKind : std::uint8_t { kRequester, kVss, kWriter, kProvider, kBitsJob, kBits, kOther };

struct Lane {
  std::string actor;  ///< the trace actor: "requester:1", "vss", "writer:SqlWriter", "bits:Job"
  std::string name;   ///< what the page prints: "requester 1", "VSS", "SqlWriter", "Job"
  LaneKind kind = LaneKind::kOther;
};

/// What an event is. Faults, failures, event-log entries and violations are the markers.
enum class EventKind : std::uint8_t {
  kCall,      ///< a call made by the lane's party, or a handler / provider method beginning
  kReturn,    ///< a handler / provider method returning (successfully)
  kState,     ///< a state change or a plain note (BITS job state, volumes frozen, dispatch...)
  kFault,     ///< an injected fault (event "fault")
  kFailure,   ///< a failing HRESULT (result/code/status), a handler returning false, an expired window
  kEventLog,  ///< an event-log entry, placed on its source's lane
  kViolation, ///< a conformance violation (event "violation")
};

/// True for the kinds the page highlights (fault, failure, event log, violation).
bool is_marker(EventKind kind);
/// "call", "return", "state", "fault", "failure", "eventlog", "violation".
std::string_view event_kind_name(EventKind kind);

/// One trace record placed on a lane.
struct Event {
  std::size_t record = 0;  ///< index in the trace
  std::size_t lane = 0;    ///< index in Timeline::lanes
  Instant time;
  EventKind kind = EventKind::kState;
  std::string label;  ///< short text: "OnFreeze", "DoSnapshotSet: VSS_E_BAD_STATE", "QUEUED -> CONNECTING"
  std::string code;   ///< code name for faults, failures and event-log entries; the rule id of a violation;
                      ///< "" when the record names none
  std::string text;   ///< the record's canonical text
  /// A message between two parties, for the sequence diagram: requester -> VSS for a requester call,
  /// VSS -> writer for a handler beginning, writer -> VSS for it returning. Both equal `lane` when the
  /// event is not a message.
  std::size_t from = 0;
  std::size_t to = 0;
  bool reply = false;  ///< the message answers an earlier one (a handler or provider method returning)
};

/// What an interval is.
enum class IntervalKind : std::uint8_t {
  kFreeze,  ///< a writer's freeze window: its Freeze event until its Thaw, its Abort or the window expiring
  kHold,    ///< writes held on the volumes: VSS "volumes-frozen" until "volumes-released" (flush and hold)
  kCall,    ///< a writer handler or provider method: phase=begin until phase=end
  kState,   ///< a BITS job in one state, from the transition into it until the next
};
/// "freeze", "hold", "call", "state".
std::string_view interval_kind_name(IntervalKind kind);

struct Interval {
  std::size_t lane = 0;
  IntervalKind kind = IntervalKind::kCall;
  std::size_t first = 0;  ///< record that opens it
  std::size_t last = 0;   ///< record that closes it (the last record of the trace when still open)
  Instant begin;
  Instant end;
  std::string label;      ///< "freeze window", "hold window", "OnFreeze", "TRANSIENT_ERROR"
  std::string closed_by;  ///< "OnThaw", "OnAbort", "freeze-window-expired", "release", "end of trace"
  bool open = false;      ///< never closed before the trace ended
};

/// What the page prints in its header; not derived from the trace.
struct RunInfo {
  std::string title;     ///< the scenario's name
  std::string file;      ///< the scenario file
  std::string outcome;   ///< "passed", "failed", "error"
  std::uint64_t seed = 0;
  std::string reproduce; ///< the command that reruns the case
};

struct Timeline {
  RunInfo info;
  std::size_t records = 0;       ///< trace length
  std::uint64_t trace_hash = 0;  ///< the trace's hash
  Instant end;                   ///< time of the last record
  std::vector<Lane> lanes;
  std::vector<Event> events;       ///< one per record, in trace order (eventlog records on their source's lane)
  std::vector<Interval> intervals; ///< ordered by opening record, then kind
};

/// Builds the model. Never fails: an unknown actor gets a kOther lane, an unknown event a kState event.
Timeline build_timeline(const Trace& trace, RunInfo info);

/// Index of the lane for `actor`, or lanes.size() when there is none.
std::size_t find_lane(const Timeline& t, std::string_view actor);

/// The events a renderer shows when it can show at most `limit`: every event when they fit, else the
/// markers and the events opening or closing a freeze or hold window (every event of the others is
/// omitted); if those alone do not fit, the first `limit` of them. Indexes into Timeline::events.
std::vector<std::size_t> visible_events(const Timeline& t, std::size_t limit);

struct RenderOptions {
  std::size_t max_events = 6000;  ///< see visible_events; the page says how many were left out
};

/// The HTML page: one file, inline CSS and SVG, an inline script that adds the marker index, filters
/// and details (the SVG is complete without it). Every text from the trace is HTML-escaped.
std::string render_html(const Timeline& t, const RenderOptions& options = {});

/// A Mermaid `sequenceDiagram`: participants per lane, calls as messages, markers as notes, freeze and
/// hold windows as `rect` blocks (as notes when they do not nest). Mermaid renders at most ~50,000
/// characters by default, hence the smaller default limit.
std::string render_mermaid(const Timeline& t, const RenderOptions& options = {.max_events = 400});

/// `&`, `<`, `>`, `"` and `'` as character references.
std::string html_escape(std::string_view text);

}  // namespace vssfault::timeline
