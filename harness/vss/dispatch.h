#pragma once
// Delivering writer events for one requester session: who is eligible, the seeded dispatch order (Freeze
// by level FE → BE → SYS [VAL]), the per-writer steps, the freeze window [INIT][ONFR], Abort delivery
// [ONAB][ABRT] and the status bookkeeping of §7.2 (D5–D7, D9, D18).
#include <string_view>

#include "engine.h"

namespace vssfault::vss {
class Requester;
}

namespace vssfault::vss::detail {

/// Pushes, at the front of `op`'s steps, one step per eligible writer for `ev`, in the seeded order
/// (traced as a `dispatch` record). Must be called from one of `op`'s steps.
void QueueEvent(Requester& r, Operation& op, WriterEvent ev);
/// Pushes one Abort step per writer owed an Abort after a failed snapshot-set creation [ABRT][ONAB].
void QueueAborts(Requester& r, Operation& op, std::string_view why);
/// Delivers `ev` to one session writer now (used by the steps, and synchronously by Release/AbortBackup).
void DeliverEvent(Requester& r, SessionWriter& sw, WriterEvent ev);
/// Sends an Abort to `sw` unless it already had one or has had PostSnapshot [ONAB]; deferred until the
/// writer's running handler returns when it is inside one.
void DeliverAbort(Requester& r, SessionWriter& sw, std::string_view why);
/// Whether `sw` may not get (another) Abort: it already had one, or it has had PostSnapshot [ONAB].
bool AbortForbidden(const Engine& e, const SessionWriter& sw);
/// Whether `sw` is owed an Abort when the backup is abandoned: it received `since` (PrepareForBackup
/// for AbortBackup, PrepareForSnapshot for a failed creation) and AbortForbidden is false.
bool OwedAbort(const Engine& e, const SessionWriter& sw, WriterEvent since);
/// Delivers synchronously, in seeded order, `ev` to every session writer `pick` accepts.
void DeliverToAll(Requester& r, WriterEvent ev, const std::function<bool(const SessionWriter&)>& pick,
                  std::string_view why);

}  // namespace vssfault::vss::detail
