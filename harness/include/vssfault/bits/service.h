#pragma once
/// The BITS service of one simulated machine: owns its jobs and runs them on the shared deterministic
/// kernel (clock, event queue, trace, rng), so a VSS model and BITS can share one scenario.
///
/// State machine (spec §6.2): a new job is SUSPENDED. Resume → QUEUED; after queue_delay the scheduler
/// connects (CONNECTING, transport.connect); then TRANSFERRING, where the transport moves bytes one
/// transfer_step at a time, files strictly in order; after time_slice the job goes back to QUEUED and
/// reconnects; when every file (and, for upload-reply, the server reply) is done: TRANSFERRED.
/// A transport error goes to TRANSIENT_ERROR (retried after MinimumRetryDelay) or, when fatal, when
/// NoProgressTimeout is 0, or when the no-progress timer (started by the first transient error, stopped
/// by progress) has run out, to ERROR. A network disconnect goes to TRANSIENT_ERROR without a retry timer
/// and resumes when the network comes back. JobInactivityTimeout cancels a job nobody touches. Every
/// state change is a trace record `bits:<job> state from=… to=… cause=…`.
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "vssfault/bits/checker.h"
#include "vssfault/bits/job.h"
#include "vssfault/bits/settings.h"
#include "vssfault/bits/transport.h"
#include "vssfault/kernel/clock.h"
#include "vssfault/kernel/event_queue.h"
#include "vssfault/kernel/rng.h"
#include "vssfault/kernel/trace.h"

namespace vssfault::bits {

class Service {
 public:
  /// The kernel objects and the transport must outlive the service. `rng` is only split (site
  /// "bits.service.job-ids"), never drawn from, so the caller's sequence is unchanged.
  Service(VirtualClock& clock, EventQueue& queue, Trace& trace, const Rng& rng, Transport& transport,
          ServiceSettings settings = {});
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  /// IBackgroundCopyManager::CreateJob: a new SUSPENDED job [JS][LC]. E_INVALIDARG for a null out-param.
  HResult CreateJob(std::string_view display_name, JobType type, JobId* id, Job** job);
  /// IBackgroundCopyManager::GetJob: BG_E_NOT_FOUND for an unknown id or a job in a final state [LC].
  HResult GetJob(const JobId& id, Job** job);
  /// The jobs not in a final state, in creation order (EnumJobs [LC]).
  std::vector<Job*> EnumJobs() const;
  /// Every job ever created, final ones included, in creation order (model inspection).
  std::vector<Job*> all_jobs() const;
  /// The first job with this display name, or nullptr (model inspection).
  Job* find_job(std::string_view display_name) const;

  /// Network control: down moves every QUEUED/CONNECTING/TRANSFERRING job to TRANSIENT_ERROR with
  /// BG_E_NETWORK_DISCONNECTED (no ErrorCount, no retry timer [GEC][JS][MRD]); up requeues them.
  void set_network_up(bool up);
  bool network_up() const { return network_up_; }
  /// The client process exits and restarts: error objects are no longer available [S5] and notify
  /// interfaces are dropped ("BITS does not persist the notify interface" [SNI]).
  void client_restarted();

  void set_local_files(LocalFiles files) { local_files_ = std::move(files); }
  const LocalFiles& local_files() const { return local_files_; }
  const ServiceSettings& settings() const { return settings_; }
  Checker& checker() { return checker_; }
  const Checker& checker() const { return checker_; }

  VirtualClock& clock() { return clock_; }
  EventQueue& queue() { return queue_; }
  Trace& trace() { return trace_; }
  Transport& transport() { return transport_; }

 private:
  friend class Job;
  void network_disconnected_by_transport(Duration down_for);

  VirtualClock& clock_;
  EventQueue& queue_;
  Trace& trace_;
  Rng id_rng_;
  Transport& transport_;
  ServiceSettings settings_;
  LocalFiles local_files_;
  Checker checker_;
  std::vector<std::unique_ptr<Job>> jobs_;
  bool network_up_ = true;
  std::uint64_t network_epoch_ = 0;
  std::shared_ptr<Service*> alive_;
};

}  // namespace vssfault::bits
