// The Mermaid sequence diagram. Participants L0, L1... (one per lane, aliased to its name); calls and
// returns as messages (a failing one with a cross, `-x` / `--x`), every other event as a note over its
// lane, markers in capitals with their code names; each change of virtual time as a note over all lanes.
// Freeze windows (merged across writers while they overlap) and hold windows as `rect` blocks when they
// nest, as begin/end notes when they do not.
#include <algorithm>
#include <string>
#include <vector>

#include "vssfault/timeline/timeline.h"

namespace vssfault::timeline {
namespace {

/// Text safe after a Mermaid `:`: ';' and '#' are syntax, '<' '>' would be HTML. Mermaid's entity
/// codes (#59; #35; #60; #62;) print them.
std::string text(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case ';': out += "#59;"; break;
      case '#': out += "#35;"; break;
      case '<': out += "#60;"; break;
      case '>': out += "#62;"; break;
      case '\n': case '\r': case '\t': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string alias(std::size_t lane) { return "L" + std::to_string(lane); }

struct Region {
  IntervalKind kind;
  std::size_t first, last;
  std::string label;
  bool open = false;  // not closed before the trace ended
};

/// Freeze windows merged while they overlap (a rect spans every participant anyway), then hold windows.
std::vector<Region> regions(const Timeline& t) {
  std::vector<Region> out;
  for (const auto& iv : t.intervals) {
    if (iv.kind != IntervalKind::kFreeze) continue;
    const std::string writer = t.lanes[iv.lane].name;
    if (!out.empty() && iv.first <= out.back().last) {
      out.back().last = std::max(out.back().last, iv.last);
      out.back().label += ", " + writer;
      out.back().open = out.back().open || iv.open;
    } else {
      out.push_back(Region{IntervalKind::kFreeze, iv.first, iv.last, "freeze window: " + writer, iv.open});
    }
  }
  for (const auto& iv : t.intervals) {
    if (iv.kind == IntervalKind::kHold)
      out.push_back(Region{IntervalKind::kHold, iv.first, iv.last, "hold window: writes held", iv.open});
  }
  std::stable_sort(out.begin(), out.end(), [](const Region& a, const Region& b) {
    return a.first != b.first ? a.first < b.first : a.last > b.last;  // outer first
  });
  return out;
}

class Diagram {
 public:
  Diagram(const Timeline& t, const RenderOptions& o) : t_(t), shown_(visible_events(t, o.max_events)), regions_(regions(t)) {}

  std::string render() {
    out_ = "sequenceDiagram\n";
    const RunInfo& i = t_.info;
    out_ += "  %% vssfault timeline: " + text(i.title) + " (" + text(i.file) + "), outcome " + text(i.outcome) +
            ", seed " + std::to_string(i.seed) + ", trace " + Trace::hash_hex(t_.trace_hash) + ", " +
            std::to_string(t_.records) + " records\n";
    for (std::size_t l = 0; l < t_.lanes.size(); ++l)
      out_ += "  participant " + alias(l) + " as " + text(t_.lanes[l].name) + "\n";
    if (shown_.size() < t_.events.size()) {
      note_all(std::to_string(t_.events.size() - shown_.size()) + " plain records left out (vssfault run --trace lists them)");
    }
    bool first = true;
    Instant previous{};
    for (std::size_t index : shown_) {
      const Event& e = t_.events[index];
      close_before(e.record);
      if (first || e.time != previous) note_all("+" + e.time.to_string());
      first = false;
      previous = e.time;
      open_at(e.record);
      event(e);
    }
    close_before(t_.records + 1);
    return std::move(out_);
  }

 private:
  const Timeline& t_;
  std::vector<std::size_t> shown_;
  std::vector<Region> regions_;
  std::size_t next_region_ = 0;
  std::vector<const Region*> rects_;  // open rect blocks, innermost last
  std::vector<const Region*> notes_;  // regions drawn as notes, waiting for their end note
  std::string out_;

  std::string indent() const { return std::string(2 + 2 * rects_.size(), ' '); }
  void note_all(const std::string& s) {
    if (t_.lanes.empty()) return;
    const std::string over = t_.lanes.size() == 1 ? alias(0) : alias(0) + "," + alias(t_.lanes.size() - 1);
    out_ += indent() + "Note over " + over + ": " + text(s) + "\n";
  }
  static std::string ending(const Region& r) { return r.open ? " (still open at the end)" : " ends"; }

  /// Closes the rects and ends the note regions whose last record is before `record`.
  void close_before(std::size_t record) {
    while (!rects_.empty() && rects_.back()->last < record) {
      rects_.pop_back();
      out_ += indent() + "end\n";
    }
    for (auto it = notes_.begin(); it != notes_.end();) {
      if ((*it)->last < record) {
        note_all((*it)->label + ending(**it));
        it = notes_.erase(it);
      } else {
        ++it;
      }
    }
  }

  void open_at(std::size_t record) {
    while (next_region_ < regions_.size() && regions_[next_region_].first <= record) {
      const Region& r = regions_[next_region_++];
      if (rects_.empty() || r.last <= rects_.back()->last) {
        out_ += indent() + (r.kind == IntervalKind::kFreeze ? "rect rgba(59, 130, 246, 0.15)\n"
                                                            : "rect rgba(249, 115, 22, 0.18)\n");
        rects_.push_back(&r);
        note_all(r.label);
      } else {
        note_all(r.label + " begins");
        notes_.push_back(&r);
      }
    }
  }

  void event(const Event& e) {
    std::string label = e.label;
    switch (e.kind) {
      case EventKind::kFault: label = "FAULT " + (e.code.empty() ? e.label : e.code + " (" + e.label + ")"); break;
      case EventKind::kFailure:
        if (!e.code.empty() && e.label.find(e.code) == std::string::npos) label = e.label + " " + e.code;
        label = "FAILED " + label;
        break;
      case EventKind::kEventLog: label = "EVENT LOG " + e.code + " (" + e.label + ")"; break;
      case EventKind::kViolation: {
        const std::size_t at = e.text.find(" violation ");
        label = "VIOLATION " + (at == std::string::npos ? e.label : e.text.substr(at + 11));
        break;
      }
      default: break;
    }
    if (e.from != e.to) {
      std::string arrow = e.reply ? "-->>" : "->>";
      if (e.kind == EventKind::kFailure) arrow = e.reply ? "--x" : "-x";
      out_ += indent() + alias(e.from) + arrow + alias(e.to) + ": " + text(label) + "\n";
      return;
    }
    out_ += indent() + "Note over " + alias(e.lane) + ": " + text(label) + "\n";
  }
};

}  // namespace

std::string render_mermaid(const Timeline& t, const RenderOptions& options) { return Diagram(t, options).render(); }

}  // namespace vssfault::timeline
