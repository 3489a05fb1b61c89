#include "vssfault/properties/world.h"

#include <ostream>
#include <sstream>

namespace vssfault::properties {

std::string GeneratedWorld::writer_name(std::size_t i) { return "W" + std::to_string(i); }
std::string GeneratedWorld::provider_name(std::size_t i) { return "P" + std::to_string(i); }
std::string GeneratedWorld::provider_volume(std::size_t p, std::size_t j) {
  return "P" + std::to_string(p) + "V" + std::to_string(j) + ":\\";
}
std::string GeneratedWorld::system_volume(std::size_t j) { return "S" + std::to_string(j) + ":\\"; }
std::string GeneratedWorld::job_name(std::size_t i) { return "J" + std::to_string(i); }

std::vector<std::string> GeneratedWorld::volumes() const {
  std::vector<std::string> out;
  for (std::size_t p = 0; p < providers.size(); ++p)
    for (std::size_t j = 0; j < providers[p].volumes.size(); ++j) out.push_back(provider_volume(p, j));
  for (std::size_t j = 0; j < system_volumes.size(); ++j) out.push_back(system_volume(j));
  return out;
}

mocks::VssFaultPlan GeneratedWorld::vss_plan() const {
  mocks::VssFaultPlan plan;
  for (std::size_t i = 0; i < writers.size(); ++i)
    for (std::size_t k = 0; k < writers[i].faults.size(); ++k) {
      const WriterFaultSpec& f = writers[i].faults[k];
      plan.writers.push_back({writer_name(i), f.event, f.when, f.action,
                              "gen:writer[" + std::to_string(i) + "].fault[" + std::to_string(k) + "]"});
    }
  for (std::size_t i = 0; i < providers.size(); ++i)
    for (std::size_t k = 0; k < providers[i].faults.size(); ++k) {
      const ProviderFaultSpec& f = providers[i].faults[k];
      plan.providers.push_back({provider_name(i), f.method, f.when, f.action,
                                "gen:provider[" + std::to_string(i) + "].fault[" + std::to_string(k) + "]"});
    }
  for (std::size_t k = 0; k < hooks.size(); ++k) {
    const HookFaultSpec& h = hooks[k];
    const std::string target = h.point == mocks::VssPoint::kWriterStatus
                                   ? writer_name(static_cast<std::size_t>(h.writer))
                                   : h.method;
    plan.vss.push_back({h.point, target, h.when, h.code, "gen:hook[" + std::to_string(k) + "]"});
  }
  return plan;
}

std::vector<bits::TransportFault> GeneratedWorld::bits_plan() const {
  std::vector<bits::TransportFault> out;
  for (std::size_t i = 0; i < jobs.size(); ++i)
    for (std::size_t k = 0; k < jobs[i].faults.size(); ++k) {
      bits::TransportFault f = jobs[i].faults[k];
      f.job = job_name(i);
      f.origin = "gen:job[" + std::to_string(i) + "].fault[" + std::to_string(k) + "]";
      out.push_back(std::move(f));
    }
  return out;
}

bool GeneratedWorld::has_delays() const {
  for (const auto& w : writers)
    for (const auto& f : w.faults)
      if (f.action.delay > Duration()) return true;
  for (const auto& p : providers) {
    for (const auto& f : p.faults)
      if (f.action.delay > Duration()) return true;
    for (const auto& v : p.volumes)
      if (v.flush > Duration()) return true;
  }
  for (const auto& v : system_volumes)
    if (v.flush > Duration()) return true;
  return false;
}

namespace {

std::string_view action_kind(ClientAction::Kind k) {
  switch (k) {
    case ClientAction::Kind::kSuspend: return "Suspend";
    case ClientAction::Kind::kResume: return "Resume";
    case ClientAction::Kind::kCancel: return "Cancel";
    case ClientAction::Kind::kComplete: return "Complete";
    case ClientAction::Kind::kAddFile: return "AddFile";
  }
  return "?";
}

void volume(std::ostream& os, const std::string& name, const VolumeSpec& v) {
  os << "    - " << name;
  if (v.flush > Duration()) os << " flush=" << v.flush;
  if (!v.system_supports) os << " system_provider=no";
  os << "\n";
}

}  // namespace

std::string describe(const GeneratedWorld& w) {
  std::ostringstream os;
  os << "seed: " << w.seed << "\n";
  if (!w.writers.empty() || !w.providers.empty() || !w.system_volumes.empty()) {
    os << "requester: component_mode=" << (w.component_mode ? "yes" : "no")
       << " accept_vetoes=" << (w.accept_vetoes ? "yes" : "no") << "\n";
  }
  for (std::size_t i = 0; i < w.writers.size(); ++i) {
    const WriterSpec& s = w.writers[i];
    os << "writer " << GeneratedWorld::writer_name(i) << ": level=" << vss::application_level_name(s.level)
       << " freeze_timeout=" << Duration::ms(s.freeze_timeout_ms) << " components=" << s.components << "\n";
    for (const auto& f : s.faults)
      os << "    fault " << vss::writer_handler_name(f.event) << " " << f.when.to_string() << ": "
         << f.action.describe() << "\n";
  }
  for (std::size_t i = 0; i < w.providers.size(); ++i) {
    const ProviderSpec& p = w.providers[i];
    os << "provider " << GeneratedWorld::provider_name(i) << ": " << vss::provider_type_name(p.type) << "\n";
    for (std::size_t j = 0; j < p.volumes.size(); ++j) volume(os, GeneratedWorld::provider_volume(i, j), p.volumes[j]);
    for (const auto& f : p.faults)
      os << "    fault " << vss::provider_method_name(f.method) << " " << f.when.to_string() << ": "
         << f.action.describe() << "\n";
  }
  if (!w.system_volumes.empty()) {
    os << "system provider volumes:\n";
    for (std::size_t j = 0; j < w.system_volumes.size(); ++j)
      volume(os, GeneratedWorld::system_volume(j), w.system_volumes[j]);
  }
  for (const auto& h : w.hooks) {
    os << "hook " << mocks::vss_point_name(h.point) << " "
       << (h.point == mocks::VssPoint::kWriterStatus ? GeneratedWorld::writer_name(static_cast<std::size_t>(h.writer))
                                                      : h.method)
       << " " << h.when.to_string() << ": " << h.code.name() << "\n";
  }
  for (std::size_t i = 0; i < w.jobs.size(); ++i) {
    const JobSpec& j = w.jobs[i];
    os << "job " << GeneratedWorld::job_name(i) << ": " << bits::to_string(j.type) << " files=" << j.files
       << " size=" << j.file_size << " no_progress_timeout=" << j.no_progress_timeout_s
       << "s min_retry_delay=" << j.min_retry_delay_s << "s callback=" << (j.callback ? "yes" : "no") << "\n";
    for (const auto& f : j.faults) {
      os << "    fault " << bits::to_string(f.action) << " at " << bits::to_string(f.point) << " "
         << f.when.to_string();
      if (f.code != HResult{}) os << " code=" << f.code.name();
      if (f.context != bits::ErrorContext::kNone) os << " context=" << bits::to_string(f.context);
      if (f.nature != bits::Nature::kDocumented) os << " nature=" << bits::to_string(f.nature);
      if (f.bytes != 0) os << " bytes=" << f.bytes;
      if (f.duration > Duration()) os << " duration=" << f.duration;
      os << "\n";
    }
    for (const auto& a : j.actions) os << "    at +" << a.at << ": " << action_kind(a.kind) << "\n";
  }
  return os.str();
}

void showValue(const GeneratedWorld& world, std::ostream& os) { os << "\n" << describe(world); }
std::ostream& operator<<(std::ostream& os, const GeneratedWorld& world) { return os << describe(world); }

}  // namespace vssfault::properties
