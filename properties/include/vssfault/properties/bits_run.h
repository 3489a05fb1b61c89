#pragma once
/// Running the BITS half of a GeneratedWorld: a bits::Service on an IdealTransport behind the
/// BitsFaultInjector, one job per JobSpec (files added, timers set, a recording callback when asked,
/// Resume at time 0), the client actions at their times, and the event queue run one event at a time
/// up to a horizon, sampling every job after every event (state, GetError, progress) without counting
/// as client activity or polling.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vssfault/bits/checker.h"
#include "vssfault/bits/types.h"
#include "vssfault/kernel/trace.h"
#include "vssfault/properties/world.h"

namespace vssfault::properties {

struct BitsSample {
  Instant time;
  std::size_t job = 0;
  std::size_t trace_begin = 0;  ///< trace size before the event this sample follows
  std::size_t trace_end = 0;    ///< trace size after it
  bits::JobState state = bits::JobState::kSuspended;
  HResult get_error;            ///< Job::GetError's result
  HResult error_code;           ///< the error object's code when GetError succeeded
  bits::JobProgress progress;
  bits::ReplyProgress reply;
};

struct BitsCall {
  Instant time;
  std::size_t job = 0;
  ClientAction::Kind kind = ClientAction::Kind::kResume;
  bits::JobState before = bits::JobState::kSuspended;
  bits::JobState after = bits::JobState::kSuspended;
  HResult result;
  std::size_t trace_index = 0;  ///< trace size before the call
};

struct CallbackCall {
  Instant time;
  std::size_t job = 0;
  std::string method;  ///< "JobError", "JobTransferred"
  bits::JobState state = bits::JobState::kSuspended;  ///< the job's state when called
  HResult code;        ///< JobError: the error object's code
  std::size_t trace_index = 0;
};

struct StateChange {
  std::size_t index = 0;  ///< trace index
  Instant time;
  bits::JobState from = bits::JobState::kSuspended;
  bits::JobState to = bits::JobState::kSuspended;
  std::string cause;
};

struct BitsObservation {
  Instant horizon;
  std::vector<std::string> setup_problems;  ///< a job the world could not create as specified
  std::vector<BitsSample> samples;          ///< recorded when a job's sample differs from its previous one
  std::vector<BitsCall> calls;
  std::vector<CallbackCall> callbacks;
  std::vector<std::vector<StateChange>> changes;  ///< per job, from the trace's `state` records
  std::vector<bits::Violation> violations;
  std::vector<TraceRecord> trace;
  std::uint64_t trace_hash = 0;
};

struct BitsRunOptions {
  std::uint32_t broken = 0;  ///< bits::broken flags (test-only)
  /// How long to run; default: the longest NoProgressTimeout + 3 × MinimumRetryDelay + 1 h, at most 2 days.
  std::optional<Duration> horizon;
};

BitsObservation RunBits(const GeneratedWorld& world, const BitsRunOptions& options = {});

}  // namespace vssfault::properties
