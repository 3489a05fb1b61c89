#pragma once
/// The writer-event table (installed, not promised): for each event, the state a successful handler leaves
/// (§7.2, D5), the FAILED_AT state a failure leaves [VWS], whether the D15 response timeout applies,
/// whether a fatal failure (handler returns false) generates an Abort event [ONFR][ABRT][ONAB] (D9), and
/// whether the handler receives the selected components (IVssWriterComponents*), through which a writer
/// reports component failures [ONPB][ONPOST][ONBC][ONPRER][ONPOSTR][SF]. The coverage matrix reads it.
#include <optional>
#include <span>

#include "vssfault/vss/types.h"

namespace vssfault::vss::detail {

struct WriterEventRow {
  WriterEvent event;
  std::optional<WriterState> on_success;  ///< nullopt: state unchanged
  std::optional<WriterState> on_failure;  ///< nullopt: state unchanged (Identify: dropped from lists; Abort: D7)
  bool response_timer;                    ///< D15
  bool abort_on_fatal;                    ///< D9: Freeze and Thaw
  bool components;                        ///< the handler receives IVssWriterComponents*
};

const WriterEventRow& writer_event_row(WriterEvent e);
/// Every row, in WriterEvent order.
std::span<const WriterEventRow> writer_event_rows();

}  // namespace vssfault::vss::detail
