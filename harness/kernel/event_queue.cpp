#include "vssfault/kernel/event_queue.h"

namespace vssfault {

EventQueue::Id EventQueue::schedule_at(Instant at, std::string label, Action action) {
  if (at < clock_.now()) at = clock_.now();
  const Id id = next_seq_++;
  const Key key{at, id};
  events_.emplace(key, Event{id, std::move(label), std::move(action)});
  index_.emplace(id, key);
  return id;
}

bool EventQueue::cancel(Id id) {
  auto it = index_.find(id);
  if (it == index_.end()) return false;
  events_.erase(it->second);
  index_.erase(it);
  return true;
}

const std::string& EventQueue::next_label() const {
  static const std::string kEmpty;
  return events_.empty() ? kEmpty : events_.begin()->second.label;
}

bool EventQueue::run_next() {
  if (events_.empty()) return false;
  auto it = events_.begin();
  if (guard_ && !guard_(it->first.first, it->second.label)) {
    index_.erase(it->second.id);
    events_.erase(it);
    return true;
  }
  clock_.advance_to(it->first.first);
  Action action = std::move(it->second.action);
  index_.erase(it->second.id);
  events_.erase(it);
  ++executed_;
  if (action) action();
  return true;
}

std::size_t EventQueue::run_until(Instant t) {
  std::size_t n = 0;
  while (!events_.empty() && events_.begin()->first.first <= t) {
    run_next();
    ++n;
  }
  clock_.advance_to(t);
  return n;
}

std::size_t EventQueue::run_all(std::size_t max_events) {
  std::size_t n = 0;
  while (n < max_events && run_next()) ++n;
  return n;
}

}  // namespace vssfault
