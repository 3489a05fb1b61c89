#include "layout.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <tuple>

namespace vssfault::timeline::detail {

std::string marker_text(const Event& e) { return e.code.empty() ? e.label : e.code; }

Layout lay_out(const Timeline& t, const std::vector<std::size_t>& shown) {
  Layout l;
  int x = 8;
  int label_end = 0;
  bool first = true;
  Instant previous{};
  std::size_t markers = 0;
  for (std::size_t index : shown) markers += is_marker(t.events[index].kind) ? 1 : 0;
  std::map<std::tuple<std::size_t, EventKind, std::string>, int> labelled;
  for (std::size_t index : shown) {
    const Event& e = t.events[index];
    Column c;
    c.event = index;
    c.time_changed = first || e.time != previous;
    if (c.time_changed && !first) x += kTimeGap;
    c.x = x;
    if (c.time_changed) {
      const int label_width = kCharWidth * static_cast<int>(e.time.to_string().size() + 2);
      if (x >= label_end) {
        c.time_label = true;
        label_end = x + label_width;
      }
    }
    if (is_marker(e.kind)) {
      int& times = labelled[{e.lane, e.kind, marker_text(e)}];
      c.labelled = markers <= kMarkersBeforeCompacting || times < kRepeatsLabelled;
      if (c.labelled) ++times;
      c.width = c.labelled ? std::clamp(22 + static_cast<int>(marker_text(e).size()) * 13 / 2, 24, kMaxMarkerWidth)
                           : kRepeatWidth;
    } else {
      c.width = kPlainWidth;
    }
    x += c.width;
    previous = e.time;
    first = false;
    l.columns.push_back(c);
  }
  l.width = x + 16;
  l.height = kAxisHeight + static_cast<int>(t.lanes.size()) * kLaneHeight + 8;
  return l;
}

// Columns are in record order, so both are binary searches.
int Layout::x_from(std::size_t record, const Timeline& t) const {
  const auto it = std::partition_point(columns.begin(), columns.end(),
                                       [&](const Column& c) { return t.events[c.event].record < record; });
  return it == columns.end() ? -1 : it->x;
}

int Layout::x_to(std::size_t record, const Timeline& t) const {
  const auto it = std::partition_point(columns.begin(), columns.end(),
                                       [&](const Column& c) { return t.events[c.event].record <= record; });
  return it == columns.begin() ? -1 : std::prev(it)->x + std::prev(it)->width;
}

}  // namespace vssfault::timeline::detail
