#include "vssfault/bits/service.h"

namespace vssfault::bits {

Service::Service(VirtualClock& clock, EventQueue& queue, Trace& trace, const Rng& rng, Transport& transport,
                 ServiceSettings settings)
    : clock_(clock),
      queue_(queue),
      trace_(trace),
      id_rng_(rng.split("bits.service.job-ids")),
      transport_(transport),
      settings_(settings),
      checker_(trace),
      alive_(std::make_shared<Service*>(this)) {}

Service::~Service() = default;

HResult Service::CreateJob(std::string_view display_name, JobType type, JobId* id, Job** job) {
  if (id == nullptr || job == nullptr) return hr::E_INVALIDARG;
  if (static_cast<std::uint8_t>(type) > static_cast<std::uint8_t>(JobType::kUploadReply)) return hr::E_INVALIDARG;
  const JobId new_id{id_rng_.next_u64(), id_rng_.next_u64()};
  jobs_.push_back(std::unique_ptr<Job>(new Job(*this, new_id, std::string(display_name), type)));
  Job& j = *jobs_.back();
  j.trace("create", {{"type", to_string(type)}, {"id", new_id.to_string()}, {"state", to_string(j.state())}});
  *id = new_id;
  *job = &j;
  return hr::S_OK;
}

HResult Service::GetJob(const JobId& id, Job** job) {
  if (job == nullptr) return hr::E_INVALIDARG;
  for (const auto& j : jobs_) {
    if (j->id() == id && !is_final(j->state())) {
      *job = j.get();
      return hr::S_OK;
    }
  }
  *job = nullptr;
  return hr::BG_E_NOT_FOUND;
}

std::vector<Job*> Service::EnumJobs() const {
  std::vector<Job*> out;
  for (const auto& j : jobs_) {
    if (!is_final(j->state())) out.push_back(j.get());
  }
  return out;
}

std::vector<Job*> Service::all_jobs() const {
  std::vector<Job*> out;
  for (const auto& j : jobs_) out.push_back(j.get());
  return out;
}

Job* Service::find_job(std::string_view display_name) const {
  for (const auto& j : jobs_) {
    if (j->name() == display_name) return j.get();
  }
  return nullptr;
}

void Service::set_network_up(bool up) {
  if (up == network_up_) return;
  network_up_ = up;
  ++network_epoch_;
  trace_.add(clock_.now(), "bits", "network", {{"up", up ? "true" : "false"}});
  for (const auto& j : jobs_) {
    if (up) {
      j->network_came_up();
    } else {
      j->network_went_down("network-down");
    }
  }
}

void Service::network_disconnected_by_transport(Duration down_for) {
  set_network_up(false);
  if (down_for <= Duration()) return;
  const std::uint64_t epoch = network_epoch_;
  std::weak_ptr<Service*> weak = alive_;
  queue_.schedule_after(down_for, "bits network-up", [weak, epoch] {
    auto self = weak.lock();
    if (self && (*self)->network_epoch_ == epoch) (*self)->set_network_up(true);
  });
}

void Service::client_restarted() {
  trace_.add(clock_.now(), "bits", "client-restarted");
  for (const auto& j : jobs_) j->client_restarted();
}

}  // namespace vssfault::bits
