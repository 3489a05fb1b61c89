#include "writer_events.h"

namespace vssfault::vss::detail {

namespace {
using S = WriterState;
constexpr WriterEventRow kRows[] = {
    {WriterEvent::kIdentify, std::nullopt, std::nullopt, false, false},
    {WriterEvent::kPrepareForBackup, S::kStable, S::kFailedAtPrepareBackup, true, false},
    {WriterEvent::kPrepareForSnapshot, S::kWaitingForFreeze, S::kFailedAtPrepareSnapshot, true, false},
    {WriterEvent::kFreeze, S::kWaitingForThaw, S::kFailedAtFreeze, false, true},
    {WriterEvent::kThaw, S::kWaitingForPostSnapshot, S::kFailedAtThaw, false, true},
    {WriterEvent::kPostSnapshot, S::kWaitingForBackupComplete, S::kFailedAtPostSnapshot, true, false},
    {WriterEvent::kBackupComplete, S::kStable, S::kFailedAtBackupComplete, true, false},
    {WriterEvent::kBackupShutdown, std::nullopt, S::kFailedAtBackupShutdown, false, false},
    {WriterEvent::kPreRestore, S::kStable, S::kFailedAtPreRestore, true, false},
    {WriterEvent::kPostRestore, S::kStable, S::kFailedAtPostRestore, true, false},
    {WriterEvent::kAbort, std::nullopt, std::nullopt, false, false},
};
}  // namespace

const WriterEventRow& writer_event_row(WriterEvent e) {
  for (const auto& r : kRows)
    if (r.event == e) return r;
  return kRows[0];
}

}  // namespace vssfault::vss::detail
