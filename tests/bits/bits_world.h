#pragma once
// A simulated machine for BITS tests: the shared kernel, an ideal transport behind a fault injector, and
// the service, plus helpers to drive a job into a given state.
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "vssfault/bits/ideal_transport.h"
#include "vssfault/bits/service.h"
#include "vssfault/kernel/clock.h"
#include "vssfault/kernel/event_queue.h"
#include "vssfault/kernel/rng.h"
#include "vssfault/kernel/trace.h"
#include "vssfault/mocks/bits_fault_injector.h"

namespace vssfault::bits::testing {

inline constexpr std::uint64_t kMiB = 1024 * 1024;

/// Ideal transport defaults of the tests: 1 MiB/s, 1 s to connect, 2 MiB files, 1 s server time.
inline IdealTransportConfig test_transport() {
  IdealTransportConfig c;
  c.bytes_per_second = kMiB;
  c.connect_time = Duration::seconds(1);
  c.default_file_size = 2 * kMiB;
  return c;
}

class World {
 public:
  explicit World(std::vector<TransportFault> plan = {}, ServiceSettings settings = {},
                 IdealTransportConfig transport = test_transport(), std::uint64_t seed = 42)
      : rng(seed), ideal(std::move(transport)), injector(ideal, std::move(plan), rng, trace, clock),
        service(clock, queue, trace, rng, injector, settings) {}

  VirtualClock clock;
  EventQueue queue{clock};
  Trace trace;
  Rng rng;
  IdealTransport ideal;
  mocks::BitsFaultInjector injector;
  Service service;

  /// A new job (asserting CreateJob succeeded).
  Job* create(const std::string& name, JobType type = JobType::kDownload) {
    JobId id;
    Job* job = nullptr;
    if (service.CreateJob(name, type, &id, &job) != hr::S_OK) return nullptr;
    return job;
  }
  /// A download job with `files` files http://server/<name>/<i> → C:\dl\<name>\<i>.
  Job* download(const std::string& name, int files = 1) {
    Job* job = create(name, JobType::kDownload);
    for (int i = 0; i < files; ++i) {
      job->AddFile("http://server/" + name + "/" + std::to_string(i), "C:\\dl\\" + name + "\\" + std::to_string(i));
    }
    return job;
  }
  /// An upload (or upload-reply) job with its one file.
  Job* upload(const std::string& name, JobType type = JobType::kUpload) {
    Job* job = create(name, type);
    job->AddFile("http://server/upload/" + name, "C:\\up\\" + name);
    return job;
  }

  void run_for(Duration d) { queue.run_until(clock.now() + d); }
  /// Runs events until `job` is in `state` or `limit` of virtual time has passed; true if reached.
  bool run_until_state(const Job* job, JobState state, Duration limit = Duration::days(1)) {
    const Instant end = clock.now() + limit;
    while (job->state() != state) {
      if (queue.empty() || queue.next_time() > end) return false;
      queue.run_next();
    }
    return true;
  }
  /// Times at which `job` entered `state` (from the trace).
  std::vector<Instant> entries(const Job* job, JobState state) const {
    std::vector<Instant> out;
    for (const auto& r : trace.records()) {
      if (r.actor == job->actor() && r.event == "state" && r.field("to") == to_string(state)) out.push_back(r.time);
    }
    return out;
  }
  /// Records of `job` with event `event` (and, when given, field key == value).
  std::vector<TraceRecord> records(const Job* job, std::string_view event, std::string_view key = {},
                                   std::string_view value = {}) const {
    std::vector<TraceRecord> out;
    for (const auto& r : trace.records()) {
      if (r.actor != job->actor() || r.event != event) continue;
      if (!key.empty() && r.field(key) != value) continue;
      out.push_back(r);
    }
    return out;
  }
};

/// Fault helpers for plans.
inline TransportFault fault(std::string job, FaultAction action, HitSelector when = HitSelector::every()) {
  TransportFault f;
  f.job = std::move(job);
  f.action = action;
  f.when = when;
  return f;
}
inline TransportFault http_fault(std::string job, std::uint16_t status, FaultPoint point,
                                 HitSelector when = HitSelector::every()) {
  TransportFault f = fault(std::move(job), FaultAction::kHttpStatus, when);
  f.code = HResult{0x80190000u | status};
  f.point = point;
  return f;
}

/// A callback that records calls and answers from a script (S_OK once the script runs out).
class RecordingCallback : public Callback {
 public:
  std::vector<HResult> transferred_script;
  std::vector<HResult> error_script;
  std::vector<std::pair<std::string, Instant>> calls;
  const VirtualClock* clock = nullptr;
  std::function<void(Job&)> on_transferred;
  std::function<void(Job&)> on_error;

  explicit RecordingCallback(const VirtualClock& c) : clock(&c) {}
  HResult JobTransferred(Job& job) override {
    calls.emplace_back("JobTransferred", clock->now());
    if (on_transferred) on_transferred(job);
    return next(transferred_script, transferred_calls_++);
  }
  HResult JobError(Job& job, const Error& /*error*/) override {
    calls.emplace_back("JobError", clock->now());
    if (on_error) on_error(job);
    return next(error_script, error_calls_++);
  }
  HResult JobModification(Job& /*job*/, std::uint32_t /*reserved*/) override {
    calls.emplace_back("JobModification", clock->now());
    return hr::S_OK;
  }
  std::vector<Instant> times_of(const std::string& method) const {
    std::vector<Instant> out;
    for (const auto& [m, t] : calls) {
      if (m == method) out.push_back(t);
    }
    return out;
  }

 private:
  static HResult next(const std::vector<HResult>& script, std::size_t i) {
    return i < script.size() ? script[i] : hr::S_OK;
  }
  std::size_t transferred_calls_ = 0;
  std::size_t error_calls_ = 0;
};

}  // namespace vssfault::bits::testing
