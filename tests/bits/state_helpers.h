#pragma once
// Drives a fresh job of a given type into any of the nine BG_JOB_STATEs, each in its own world.
#include <memory>

#include "bits_world.h"

namespace vssfault::bits::testing {

/// A world tuned so every state can be observed: QUEUED lasts 5 s, CONNECTING 10 s, a "big" file takes
/// 100 s; job "te" fails its first connect (transient), job "err" gets HTTP 404 (fatal).
inline std::unique_ptr<World> state_world() {
  ServiceSettings s;
  s.queue_delay = Duration::seconds(5);
  IdealTransportConfig t = test_transport();
  t.connect_time = Duration::seconds(10);
  t.default_file_size = 1024;
  t.file_sizes["http://server/upload/big"] = 100 * kMiB;
  t.file_sizes["C:\\up\\big"] = 100 * kMiB;
  t.file_sizes["http://server/big/0"] = 100 * kMiB;
  std::vector<TransportFault> plan{fault("te", FaultAction::kFailConnect, HitSelector::nth(1)),
                                   http_fault("err", 404, FaultPoint::kConnect)};
  return std::make_unique<World>(plan, s, t);
}

/// A job of `type` in `state` inside `w` (nullptr if the state could not be reached).
inline Job* job_in_state(World& w, JobState state, JobType type) {
  auto make = [&](const std::string& name) {
    return type == JobType::kDownload ? w.download(name) : w.upload(name, type);
  };
  Job* job = nullptr;
  switch (state) {
    case JobState::kSuspended: return make("suspended");
    case JobState::kQueued:
      job = make("big");
      job->Resume();
      break;
    case JobState::kConnecting:
      job = make("big");
      job->Resume();
      w.run_for(Duration::seconds(6));
      break;
    case JobState::kTransferring:
      job = make("big");
      job->Resume();
      w.run_for(Duration::seconds(20));
      break;
    case JobState::kTransientError:
      job = make("te");
      job->Resume();
      w.run_until_state(job, state);
      break;
    case JobState::kError:
      job = make("err");
      job->Resume();
      w.run_until_state(job, state);
      break;
    case JobState::kTransferred:
    case JobState::kAcknowledged:
      job = make("small");
      job->Resume();
      w.run_until_state(job, JobState::kTransferred);
      if (state == JobState::kAcknowledged) job->Complete();
      break;
    case JobState::kCancelled:
      job = make("cancelled");
      job->Cancel();
      break;
  }
  return job != nullptr && job->state() == state ? job : nullptr;
}

inline std::string state_name(const ::testing::TestParamInfo<JobState>& info) {
  return std::string(to_string(info.param));
}

inline const std::vector<JobState>& all_states() {
  static const std::vector<JobState> states{
      JobState::kQueued,          JobState::kConnecting,  JobState::kTransferring,
      JobState::kSuspended,       JobState::kError,       JobState::kTransientError,
      JobState::kTransferred,     JobState::kAcknowledged, JobState::kCancelled};
  return states;
}

}  // namespace vssfault::bits::testing
