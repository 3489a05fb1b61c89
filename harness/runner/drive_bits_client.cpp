// The reference BITS client as a scenario driver: one client per job, in the order the jobs are
// declared, all started at time 0; then the queue runs until nothing is left to do.
#include <memory>

#include "convert.h"
#include "drivers.h"
#include "vssfault/bits/reference_client.h"

namespace vssfault::runner::detail {

DriverResult drive_reference_bits_client(World& w) {
  const scenario::BitsClientPolicy& p = w.scn.driver.bits_client;
  bits::ClientOptions options;
  options.mode = to_bits(p.notify.value);
  options.poll_interval = p.poll_interval.value;
  options.on_error = to_bits(p.on_error.value);
  // No repair: "resume" resumes the job as it is, and the fault plan's hits decide whether it fails again.
  options.max_resumes = static_cast<std::uint32_t>(std::min<std::uint64_t>(p.max_resumes.value, UINT32_MAX));

  DriverResult out;
  std::vector<std::unique_ptr<bits::ReferenceClient>> clients;
  for (const auto& j : w.scn.jobs) {
    bits::Job* job = w.find_job(j.name.value);
    if (job == nullptr) continue;
    clients.push_back(std::make_unique<bits::ReferenceClient>(*w.service, *job, options));
    clients.back()->start();
  }
  run_until_idle(w);
  if (!clients.empty()) {
    out.result = clients.back()->final_result();
    out.result_from = "the reference BITS client's last call on job " + w.scn.jobs.back().name.value;
  }
  return out;
}

}  // namespace vssfault::runner::detail
