#include "run_guard.h"

#include <utility>

namespace vssfault::runner::detail {

RunGuard::RunGuard(EventQueue& queue, VirtualClock& clock, const Trace& trace, Limits limits)
    : queue_(queue), clock_(clock), trace_(trace), limits_(limits) {
  queue_.set_guard([this](Instant at, const std::string& label) { return allow(at, label); });
}

void RunGuard::trip(std::string reason) {
  tripped_ = true;
  reason_ = std::move(reason);
}

std::string RunGuard::counts_exceeded(std::string_view where) const {
  if (queue_.executed() >= limits_.max_events) {
    return "runaway: stopped after " + std::to_string(queue_.executed()) + " events (--max-events) at " +
           clock_.now().to_string() + " of virtual time" + std::string(where);
  }
  if (trace_.size() >= limits_.max_trace_records) {
    return "runaway: stopped after " + std::to_string(trace_.size()) + " trace records (--max-trace-records) at " +
           clock_.now().to_string() + " of virtual time" + std::string(where);
  }
  return {};
}

bool RunGuard::allow(Instant at, const std::string& label) {
  if (tripped_) return false;
  if (at > limits_.max_virtual_time) {
    trip("runaway: stopped at the virtual-time limit of " + limits_.max_virtual_time.to_string() +
         " (--max-virtual-time): the next event ('" + label + "') was due at " + at.to_string());
    return false;
  }
  std::string reason = counts_exceeded("; the next event was '" + label + "'");
  if (!reason.empty()) {
    trip(std::move(reason));
    return false;
  }
  return true;
}

bool RunGuard::check() {
  if (tripped_) return false;
  if (clock_.now() > limits_.max_virtual_time) {
    trip("runaway: stopped at the virtual-time limit of " + limits_.max_virtual_time.to_string() +
         " (--max-virtual-time): the clock had reached " + clock_.now().to_string());
    return false;
  }
  std::string reason = counts_exceeded("");
  if (!reason.empty()) {
    trip(std::move(reason));
    return false;
  }
  return true;
}

std::optional<HResult> GuardHooks::OnRequesterCall(int requester, std::string_view method) {
  if (!guard_.check()) throw RunawayStop{};
  return next_ ? next_->OnRequesterCall(requester, method) : std::nullopt;
}

std::optional<HResult> GuardHooks::OnWriterStatus(int requester, const vss::Writer& writer) {
  return next_ ? next_->OnWriterStatus(requester, writer) : std::nullopt;
}

std::optional<HResult> GuardHooks::OnAsyncComplete(int requester, std::string_view method, HResult result) {
  return next_ ? next_->OnAsyncComplete(requester, method, result) : std::nullopt;
}

}  // namespace vssfault::runner::detail
