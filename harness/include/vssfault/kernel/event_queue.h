#pragma once
/// Discrete-event queue over virtual time. Events run in (time, sequence number) order: two events at
/// the same instant run in the order they were scheduled. Running an event advances the clock to its time.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>

#include "vssfault/kernel/clock.h"

namespace vssfault {

class EventQueue {
 public:
  using Id = std::uint64_t;
  using Action = std::function<void()>;

  explicit EventQueue(VirtualClock& clock) : clock_(clock) {}

  /// Schedules `action` at absolute time `at` (a past time means "now"); returns an id for cancel().
  Id schedule_at(Instant at, std::string label, Action action);
  Id schedule_after(Duration delay, std::string label, Action action) {
    return schedule_at(clock_.now() + delay, std::move(label), std::move(action));
  }
  /// Removes a pending event; returns false if it already ran or was cancelled.
  bool cancel(Id id);
  bool pending(Id id) const { return index_.count(id) != 0; }

  bool empty() const { return events_.empty(); }
  std::size_t size() const { return events_.size(); }
  /// Time of the next event; only meaningful when !empty().
  Instant next_time() const { return events_.begin()->first.first; }
  /// Label of the next event ("" when empty).
  const std::string& next_label() const;

  /// Runs the earliest event (advancing the clock); false when the queue is empty.
  bool run_next();
  /// Runs every event with time <= t, then advances the clock to t. Returns the number run.
  std::size_t run_until(Instant t);
  /// Runs events until the queue is empty or `max_events` have run. Returns the number run.
  std::size_t run_all(std::size_t max_events = SIZE_MAX);

  std::uint64_t executed() const { return executed_; }
  VirtualClock& clock() { return clock_; }

  /// Consulted before each event runs, with the event's time and label. Returning false drops the event
  /// unrun (removed, not counted, the clock not moved). Lets a runner stop a runaway run (an event storm,
  /// endless retries) without throwing through the code the events belong to. Empty: every event runs.
  using Guard = std::function<bool(Instant at, const std::string& label)>;
  void set_guard(Guard guard) { guard_ = std::move(guard); }

 private:
  struct Event {
    Id id;
    std::string label;
    Action action;
  };
  using Key = std::pair<Instant, std::uint64_t>;
  VirtualClock& clock_;
  std::map<Key, Event> events_;
  std::map<Id, Key> index_;
  std::uint64_t next_seq_ = 0;
  std::uint64_t executed_ = 0;
  Guard guard_;
};

}  // namespace vssfault
