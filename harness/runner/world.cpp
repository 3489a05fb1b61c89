#include "world.h"

#include <algorithm>
#include <limits>
#include <set>
#include <stdexcept>

#include "convert.h"

namespace vssfault::runner::detail {
namespace {

std::uint32_t to_ms32(Duration d) {
  const std::int64_t ms = std::clamp<std::int64_t>(d.count_ms(), 0, std::numeric_limits<std::uint32_t>::max());
  return static_cast<std::uint32_t>(ms);
}

std::uint32_t to_seconds32(Duration d) {
  const std::int64_t s = std::clamp<std::int64_t>(d.count_ms() / 1000, 0, std::numeric_limits<std::uint32_t>::max());
  return static_cast<std::uint32_t>(s);
}

void require_ok(HResult r, const std::string& what) {
  if (r != hr::S_OK) throw std::runtime_error(what + " returned " + r.name() + "; the model refuses this world");
}

}  // namespace

bool needs_vss(const scenario::Scenario& s) {
  if (!s.volumes.empty() || !s.writers.empty()) return true;
  if (s.driver.kind.value == scenario::DriverKind::kReferenceRequester) return true;
  if (s.driver.kind.value != scenario::DriverKind::kSteps) return false;
  return std::any_of(s.driver.steps.begin(), s.driver.steps.end(), [](const scenario::Step& step) {
    if (step.kind != scenario::Step::Kind::kCall) return false;
    const scenario::CallSpec* spec = scenario::find_call(step.call.value);
    return spec != nullptr && spec->target != scenario::CallTarget::kBitsJob;
  });
}

World::World(const scenario::Scenario& s, std::uint64_t seed, const Limits& limits, const BrokenModel& broken_model)
    : scn(s), broken(broken_model), rng(seed), guard(queue, clock, trace, limits), plans(build_fault_plans(s)) {
  plan_problems = mocks::validate(plans.vss);
  if (needs_vss(s)) build_vss();
  if (!s.jobs.empty()) build_bits();
}

void World::build_vss() {
  const scenario::Settings& st = scn.settings;
  vss::Config config;
  config.flush_timeout = st.flush_timeout.value;
  config.hold_timeout = st.hold_timeout.value;
  config.response_timeout = st.response_timeout.value;
  config.strict_writer_failure = st.misuse.value == scenario::MisuseMode::kStrict;
  // Every provider of the scenario is a mock (the default `system` one included), so faults can reach it.
  config.register_system_provider = false;
  config.broken = broken.vss;  // test-only (RunOptions::broken)
  system = std::make_unique<vss::System>(clock, queue, trace, rng, config);
  system->SetHooks(&hooks);
  for (const auto& v : scn.volumes) {
    vss::VolumeOptions options;
    for (const auto& f : st.flush_durations) {
      if (f.volume.value == v.value) options.flush_duration = f.duration.value;
    }
    require_ok(system->AddVolume(v.value, std::move(options)), "AddVolume(" + v.value + ")");
  }

  vss_faults = std::make_unique<mocks::FaultInjector>(*system, rng, plans.vss);
  vss_hooks = std::make_unique<::testing::NiceMock<mocks::MockHooks>>();
  vss_faults->Attach(*vss_hooks);
  hooks.set_next(vss_hooks.get());
  for (const auto& p : scn.providers) {
    std::set<std::string> volumes;
    for (const auto& v : p.volumes) volumes.insert(v.value);
    // `volumes: []` is a provider that supports no volume (the format's reading, and the loader's
    // "can never fire" check); an empty set means "every volume" to the mock, so give it the one name
    // no volume has (names are non-empty).
    if (volumes.empty()) volumes.insert("");
    auto provider = std::make_shared<ScenarioProvider>(
        vss::ProviderInfo{vss::VssId::named(p.name.value), p.name.value, to_vss(p.kind.value)}, std::move(volumes));
    vss_faults->Attach(*provider);
    // A failing OnLoad leaves the provider unregistered: that is the model's answer, traced, not an error.
    (void)system->RegisterProvider(provider);
    providers.push_back(std::move(provider));
  }
  for (const auto& w : scn.writers) {
    auto writer = std::make_unique<ScenarioWriter>(*system, vss_faults.get(),
                                                   st.event_log.writers_log_failures.value);
    for (const auto& c : w.components) writer->DeclareComponent("", c.name.value, vss::ComponentType::kFileGroup);
    require_ok(writer->Initialize(vss::VssId::named(w.name.value), w.name.value, vss::UsageType::kUserData,
                                  vss::SourceType::kTransactedDb, to_vss(w.level.value),
                                  to_ms32(w.freeze_timeout.value), w.instance_name.value),
               "writer " + w.name.value + ": Initialize");
    vss_faults->Attach(*writer);
    require_ok(writer->Subscribe(), "writer " + w.name.value + ": Subscribe");
    writers.push_back(std::move(writer));
  }
  for (const auto& entry : vss_faults->unattached()) {
    plan_problems.push_back(entry + ": names a writer or provider this world does not have");
  }
}

void World::build_bits() {
  bits::IdealTransportConfig config;
  for (const auto& j : scn.jobs) {
    config.job_bytes_per_second[j.name.value] = j.transfer_rate.value;
    const bool upload = j.type.value != scenario::JobType::kDownload;
    for (const auto& f : j.files) config.file_sizes[upload ? f.local.value : f.remote.value] = f.size.value;
  }
  transport = std::make_unique<bits::IdealTransport>(std::move(config));
  bits_faults = std::make_unique<mocks::BitsFaultInjector>(*transport, plans.bits, rng, trace, clock);
  delayed = std::make_unique<DelayedFailures>(*bits_faults, plans.bits_failure_delays);
  bits::ServiceSettings settings;
  settings.broken = broken.bits;  // test-only (RunOptions::broken)
  service = std::make_unique<bits::Service>(clock, queue, trace, rng, *delayed, settings);
  for (const auto& j : scn.jobs) {
    const std::string who = "job " + j.name.value + ": ";
    bits::JobId id;
    bits::Job* job = nullptr;
    require_ok(service->CreateJob(j.name.value, to_bits(j.type.value), &id, &job), who + "CreateJob");
    for (const auto& f : j.files) {
      require_ok(job->AddFile(f.remote.value, f.local.value), who + "AddFile(" + f.remote.value + ")");
    }
    require_ok(job->SetNoProgressTimeout(to_seconds32(j.no_progress_timeout.value)), who + "SetNoProgressTimeout");
    require_ok(job->SetMinimumRetryDelay(to_seconds32(j.minimum_retry_delay.value)), who + "SetMinimumRetryDelay");
    require_ok(job->SetNotifyFlags(notify_mask(j.notify_flags.value)), who + "SetNotifyFlags");
  }
}

ScenarioWriter* World::find_writer(std::string_view name) const {
  for (const auto& w : writers) {
    if (w->name() == name) return w.get();
  }
  return nullptr;
}

bits::Job* World::find_job(std::string_view name) const {
  return service ? service->find_job(name) : nullptr;
}

}  // namespace vssfault::runner::detail
