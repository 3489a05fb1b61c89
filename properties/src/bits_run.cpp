#include "vssfault/properties/bits_run.h"

#include <algorithm>
#include <memory>

#include "vssfault/bits/callback.h"
#include "vssfault/bits/ideal_transport.h"
#include "vssfault/bits/job.h"
#include "vssfault/bits/service.h"
#include "vssfault/kernel/clock.h"
#include "vssfault/kernel/event_queue.h"
#include "vssfault/kernel/rng.h"
#include "vssfault/mocks/bits_fault_injector.h"

namespace vssfault::properties {
namespace {

/// Records every notification with the job's state at the time; always answers S_OK.
class Recorder : public bits::Callback {
 public:
  Recorder(BitsObservation& obs, const VirtualClock& clock, const Trace& trace, std::size_t job)
      : obs_(obs), clock_(clock), trace_(trace), job_(job) {}
  HResult JobTransferred(bits::Job& job) override { return Note("JobTransferred", job, HResult{}); }
  HResult JobError(bits::Job& job, const bits::Error& error) override { return Note("JobError", job, error.code()); }
  HResult JobModification(bits::Job&, std::uint32_t) override { return hr::S_OK; }

 private:
  HResult Note(std::string method, const bits::Job& job, HResult code) {
    obs_.callbacks.push_back({clock_.now(), job_, std::move(method), job.state(), code, trace_.size()});
    return hr::S_OK;
  }
  BitsObservation& obs_;
  const VirtualClock& clock_;
  const Trace& trace_;
  std::size_t job_;
};

bool same(const BitsSample& a, const BitsSample& b) {
  return a.state == b.state && a.get_error == b.get_error && a.error_code == b.error_code &&
         a.progress == b.progress && a.reply == b.reply;
}

Duration default_horizon(const GeneratedWorld& w) {
  Duration h = Duration::hours(4);
  for (const JobSpec& j : w.jobs) {
    h = std::max(h, Duration::seconds(static_cast<std::int64_t>(j.no_progress_timeout_s) +
                                      3 * static_cast<std::int64_t>(std::max<std::uint32_t>(j.min_retry_delay_s, 5))) +
                        Duration::hours(1));
    for (const ClientAction& a : j.actions) h = std::max(h, a.at + Duration::hours(1));
  }
  return std::min(h, Duration::days(2));
}

}  // namespace

BitsObservation RunBits(const GeneratedWorld& world, const BitsRunOptions& options) {
  BitsObservation obs;
  obs.horizon = options.horizon.value_or(default_horizon(world));
  VirtualClock clock;
  EventQueue queue(clock);
  Trace trace;
  Rng rng(world.seed);
  bits::IdealTransportConfig tc;
  tc.bytes_per_second = 1024 * 1024;
  tc.connect_time = Duration::seconds(1);
  for (std::size_t i = 0; i < world.jobs.size(); ++i) {
    const JobSpec& j = world.jobs[i];
    const std::string name = GeneratedWorld::job_name(i);
    for (int f = 0; f < j.files; ++f) {
      tc.file_sizes["http://server/" + name + "/" + std::to_string(f)] = j.file_size;
      tc.file_sizes["C:\\up\\" + name + "\\" + std::to_string(f)] = j.file_size;
    }
  }
  bits::IdealTransport ideal(tc);
  mocks::BitsFaultInjector injector(ideal, world.bits_plan(), rng, trace, clock);
  bits::ServiceSettings settings;
  settings.broken = options.broken;
  bits::Service service(clock, queue, trace, rng, injector, settings);

  std::vector<bits::Job*> jobs;
  for (std::size_t i = 0; i < world.jobs.size(); ++i) {
    const JobSpec& spec = world.jobs[i];
    const std::string name = GeneratedWorld::job_name(i);
    bits::JobId id;
    bits::Job* job = nullptr;
    if (service.CreateJob(name, spec.type, &id, &job) != hr::S_OK || job == nullptr) {
      obs.setup_problems.push_back("CreateJob " + name + " failed");
      jobs.push_back(nullptr);
      continue;
    }
    for (int f = 0; f < spec.files; ++f) {
      const std::string n = std::to_string(f);
      const HResult r = bits::is_upload(spec.type) ? job->AddFile("http://server/" + name + "/" + n, "C:\\up\\" + name + "\\" + n)
                                                    : job->AddFile("http://server/" + name + "/" + n, "C:\\dl\\" + name + "\\" + n);
      if (r != hr::S_OK) obs.setup_problems.push_back("AddFile " + name + " returned " + r.name());
    }
    job->SetNoProgressTimeout(spec.no_progress_timeout_s);
    job->SetMinimumRetryDelay(spec.min_retry_delay_s);
    if (spec.callback) job->SetNotifyInterface(std::make_shared<Recorder>(obs, clock, trace, i));
    jobs.push_back(job);
  }
  for (bits::Job* job : jobs)
    if (job) job->Resume();

  int extra = 0;
  for (std::size_t i = 0; i < world.jobs.size(); ++i) {
    if (!jobs[i]) continue;
    for (const ClientAction& a : world.jobs[i].actions) {
      queue.schedule_at(a.at, "client", [&obs, &trace, &clock, &extra, job = jobs[i], i, a] {
        BitsCall call{clock.now(), i, a.kind, job->state(), job->state(), HResult{}, trace.size()};
        switch (a.kind) {
          case ClientAction::Kind::kSuspend: call.result = job->Suspend(); break;
          case ClientAction::Kind::kResume: call.result = job->Resume(); break;
          case ClientAction::Kind::kCancel: call.result = job->Cancel(); break;
          case ClientAction::Kind::kComplete: call.result = job->Complete(); break;
          case ClientAction::Kind::kAddFile: {
            const std::string n = "extra" + std::to_string(++extra);
            call.result = job->AddFile("http://server/" + job->name() + "/" + n, "C:\\dl\\" + job->name() + "\\" + n);
            break;
          }
        }
        call.after = job->state();
        obs.calls.push_back(call);
      });
    }
  }

  std::vector<std::optional<BitsSample>> last(jobs.size());
  auto sample = [&](std::size_t begin) {
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      if (!jobs[i]) continue;
      BitsSample s;
      s.time = clock.now();
      s.job = i;
      s.trace_begin = begin;
      s.trace_end = trace.size();
      s.state = jobs[i]->state();
      std::shared_ptr<const bits::Error> error;
      s.get_error = jobs[i]->GetError(&error);
      if (error) s.error_code = error->code();
      jobs[i]->GetProgress(&s.progress);
      if (jobs[i]->type() == bits::JobType::kUploadReply) jobs[i]->GetReplyProgress(&s.reply);
      if (last[i] && same(*last[i], s)) continue;
      last[i] = s;
      obs.samples.push_back(s);
    }
  };
  sample(0);
  while (!queue.empty() && queue.next_time() <= obs.horizon) {
    const std::size_t begin = trace.size();
    queue.run_next();
    sample(begin);
  }

  obs.changes.resize(jobs.size());
  const auto& records = trace.records();
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (!jobs[i]) continue;
    for (std::size_t k = 0; k < records.size(); ++k) {
      const TraceRecord& r = records[k];
      if (r.actor != jobs[i]->actor() || r.event != "state") continue;
      StateChange c;
      c.index = k;
      c.time = r.time;
      c.from = bits::parse_job_state(r.field("from")).value_or(bits::JobState::kSuspended);
      c.to = bits::parse_job_state(r.field("to")).value_or(bits::JobState::kSuspended);
      c.cause = std::string(r.field("cause"));
      obs.changes[i].push_back(std::move(c));
    }
  }
  obs.violations = service.checker().violations();
  obs.trace = records;
  obs.trace_hash = trace.hash();
  return obs;
}

}  // namespace vssfault::properties
