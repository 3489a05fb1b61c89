#include "writer_events.h"

namespace vssfault::vss::detail {

namespace {
using S = WriterState;
constexpr WriterEventRow kRows[] = {
    {WriterEvent::kIdentify, std::nullopt, std::nullopt, false, false, false},
    {WriterEvent::kPrepareForBackup, S::kStable, S::kFailedAtPrepareBackup, true, false, true},
    {WriterEvent::kPrepareForSnapshot, S::kWaitingForFreeze, S::kFailedAtPrepareSnapshot, true, false, false},
    {WriterEvent::kFreeze, S::kWaitingForThaw, S::kFailedAtFreeze, false, true, false},
    {WriterEvent::kThaw, S::kWaitingForPostSnapshot, S::kFailedAtThaw, false, true, false},
    {WriterEvent::kPostSnapshot, S::kWaitingForBackupComplete, S::kFailedAtPostSnapshot, true, false, true},
    {WriterEvent::kBackupComplete, S::kStable, S::kFailedAtBackupComplete, true, false, true},
    {WriterEvent::kBackupShutdown, std::nullopt, S::kFailedAtBackupShutdown, false, false, false},
    {WriterEvent::kPreRestore, S::kStable, S::kFailedAtPreRestore, true, false, true},
    {WriterEvent::kPostRestore, S::kStable, S::kFailedAtPostRestore, true, false, true},
    {WriterEvent::kAbort, std::nullopt, std::nullopt, false, false, false},
};
}  // namespace

const WriterEventRow& writer_event_row(WriterEvent e) {
  for (const auto& r : kRows)
    if (r.event == e) return r;
  return kRows[0];
}

std::span<const WriterEventRow> writer_event_rows() { return kRows; }

}  // namespace vssfault::vss::detail
