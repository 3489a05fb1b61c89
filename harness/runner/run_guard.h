#pragma once
// Stopping a runaway run. The guard is consulted before every event of the queue (EventQueue::set_guard)
// and, through vss::Hooks, at the start of every requester call; once a limit is passed it trips for good:
// every later event is dropped unrun and every later requester call throws RunawayStop. Nothing is thrown
// from inside an event, so the model's own exception containment never sees it, and model objects
// destroyed while a RunawayStop unwinds can still drain the queue (their events are dropped).
#include <string>

#include "vssfault/kernel/clock.h"
#include "vssfault/kernel/event_queue.h"
#include "vssfault/kernel/trace.h"
#include "vssfault/runner/run.h"
#include "vssfault/vss/hooks.h"

namespace vssfault::runner::detail {

/// Thrown out of a requester call once the guard has tripped; never derived from std::exception, so no
/// `catch (const std::exception&)` on the way mistakes it for a model error.
struct RunawayStop {};

class RunGuard {
 public:
  /// Installs itself as the queue's guard; the guard must outlive every use of the queue.
  RunGuard(EventQueue& queue, VirtualClock& clock, const Trace& trace, Limits limits);
  RunGuard(const RunGuard&) = delete;
  RunGuard& operator=(const RunGuard&) = delete;

  bool tripped() const { return tripped_; }
  /// Why it tripped: "runaway: ..." naming the limit, its flag and where the run was.
  const std::string& reason() const { return reason_; }
  /// Checks the limits between events (the clock can move without events: RunFor, advance steps).
  /// Returns false once tripped.
  bool check();

 private:
  bool allow(Instant at, const std::string& label);
  /// The reason when a count limit is passed, else "".
  std::string counts_exceeded(std::string_view where) const;
  void trip(std::string reason);

  EventQueue& queue_;
  VirtualClock& clock_;
  const Trace& trace_;
  Limits limits_;
  bool tripped_ = false;
  std::string reason_;
};

/// vss::Hooks that only enforce the guard: a requester call after the guard tripped throws RunawayStop,
/// which ends a requester stuck in retries.
class GuardHooks : public vss::Hooks {
 public:
  explicit GuardHooks(RunGuard& guard) : guard_(guard) {}
  /// After the guard's check, every hook is forwarded to `next` (the scenario's VSS-internal faults).
  void set_next(vss::Hooks* next) { next_ = next; }
  std::optional<HResult> OnRequesterCall(int requester, std::string_view method) override;
  std::optional<HResult> OnWriterStatus(int requester, const vss::Writer& writer) override;
  std::optional<HResult> OnAsyncComplete(int requester, std::string_view method, HResult result) override;

 private:
  RunGuard& guard_;
  vss::Hooks* next_ = nullptr;
};

}  // namespace vssfault::runner::detail
