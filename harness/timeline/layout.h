#pragma once
// Private to the timeline layer: where the HTML page puts each shown event (one column per event,
// wider for markers so their code name fits, a gap wherever the virtual time moves on).
#include <cstddef>
#include <string>
#include <vector>

#include "vssfault/timeline/timeline.h"

namespace vssfault::timeline::detail {

inline constexpr int kLabelWidth = 200;
inline constexpr int kLaneHeight = 46;
inline constexpr int kAxisHeight = 40;
inline constexpr int kPlainWidth = 8;
inline constexpr int kCharWidth = 7;  // 11px monospace is 6.6px a character: width is n * 13 / 2
inline constexpr int kMaxMarkerWidth = 320;
inline constexpr int kTimeGap = 8;
/// Past this many shown markers, a marker repeating the lane, kind and code of one already labelled
/// kRepeatsLabelled times gets a narrow column without its label (the tooltip, data-code and the marker
/// table still carry the code): a 14-day BITS run retrying every hour would otherwise be a page
/// hundreds of thousands of pixels wide.
inline constexpr std::size_t kMarkersBeforeCompacting = 200;
inline constexpr int kRepeatsLabelled = 3;
inline constexpr int kRepeatWidth = 18;

struct Column {
  std::size_t event = 0;  ///< index into Timeline::events
  int x = 0;
  int width = 0;
  bool time_changed = false;  ///< first column at a new virtual instant (a tick is drawn at x)
  bool time_label = false;    ///< the tick is labelled (labels never overlap)
  bool labelled = false;      ///< a marker that prints its code name beside it
};

struct Layout {
  std::vector<Column> columns;
  int width = 0;
  int height = 0;
  /// x where the first column showing a record >= `record` begins, or -1 when none does.
  int x_from(std::size_t record, const Timeline& t) const;
  /// x where the last column showing a record <= `record` ends, or -1 when none does.
  int x_to(std::size_t record, const Timeline& t) const;
};

/// The text a marker prints beside it: its code name, or its label when it has none.
std::string marker_text(const Event& e);
Layout lay_out(const Timeline& t, const std::vector<std::size_t>& shown);
inline int lane_y(std::size_t lane) { return kAxisHeight + static_cast<int>(lane) * kLaneHeight; }

}  // namespace vssfault::timeline::detail
