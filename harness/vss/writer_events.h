#pragma once
// The writer-event table: for each event, the state a successful handler leaves (§7.2, D5), the
// FAILED_AT state a failure leaves [VWS], whether the D15 response timeout applies and whether a fatal
// failure (handler returns false) generates an Abort event [ONFR][ABRT][ONAB] (D9).
#include <optional>

#include "vssfault/vss/types.h"

namespace vssfault::vss::detail {

struct WriterEventRow {
  WriterEvent event;
  std::optional<WriterState> on_success;  ///< nullopt: state unchanged
  std::optional<WriterState> on_failure;  ///< nullopt: state unchanged (Identify: dropped from lists; Abort: D7)
  bool response_timer;                    ///< D15
  bool abort_on_fatal;                    ///< D9: Freeze and Thaw
};

const WriterEventRow& writer_event_row(WriterEvent e);

}  // namespace vssfault::vss::detail
