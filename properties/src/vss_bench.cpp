#include "vssfault/properties/vss_bench.h"

#include <set>

namespace vssfault::properties {
namespace {

vss::Config config_with(std::uint32_t broken) {
  vss::Config c;
  c.broken = broken;
  return c;
}

}  // namespace

VssBench::VssBench(const GeneratedWorld& world, std::uint32_t broken, std::optional<std::uint64_t> dispatch_seed)
    : world_(world),
      rng_(world.seed),
      dispatch_rng_(dispatch_seed.value_or(world.seed)),
      system_(clock_, queue_, trace_, dispatch_rng_, config_with(broken)) {
  // Volumes: each provider's, then the system-only ones.
  for (std::size_t p = 0; p < world_.providers.size(); ++p)
    for (std::size_t j = 0; j < world_.providers[p].volumes.size(); ++j) {
      const VolumeSpec& v = world_.providers[p].volumes[j];
      vss::VolumeOptions options;
      options.flush_duration = v.flush;
      options.system_provider_supports = v.system_supports;
      system_.AddVolume(GeneratedWorld::provider_volume(p, j), options);
      volume_providers_.emplace_back(GeneratedWorld::provider_volume(p, j), provider_id(p));
    }
  for (std::size_t j = 0; j < world_.system_volumes.size(); ++j) {
    vss::VolumeOptions options;
    options.flush_duration = world_.system_volumes[j].flush;
    options.system_provider_supports = world_.system_volumes[j].system_supports;
    system_.AddVolume(GeneratedWorld::system_volume(j), options);
    volume_providers_.emplace_back(GeneratedWorld::system_volume(j), vss::System::SystemProviderId());
  }

  mocks::VssFaultPlan plan = world_.vss_plan();
  // A hook naming a writer the (shrunk) world no longer has targets nobody.
  std::erase_if(plan.vss, [&](const mocks::VssFault& f) {
    return f.point == mocks::VssPoint::kWriterStatus && f.target.size() > 1 &&
           std::stoul(f.target.substr(1)) >= world_.writers.size();
  });
  injector_ = std::make_unique<mocks::FaultInjector>(system_, rng_, std::move(plan));
  system_.SetHooks(&hooks_);
  injector_->Attach(hooks_);

  for (std::size_t i = 0; i < world_.writers.size(); ++i) {
    const WriterSpec& spec = world_.writers[i];
    auto w = std::make_unique<::testing::NiceMock<mocks::MockWriter>>(system_);
    const std::string name = GeneratedWorld::writer_name(i);
    for (int c = 0; c < spec.components; ++c) w->DeclareComponent(name, "c" + std::to_string(c));
    w->Start(name, spec.level, spec.freeze_timeout_ms);
    injector_->Attach(*w);
    writers_.push_back(std::move(w));
  }
  for (std::size_t p = 0; p < world_.providers.size(); ++p) {
    const ProviderSpec& spec = world_.providers[p];
    // An empty set means "every volume" to the mock; a provider without volumes supports a name no
    // volume has.
    std::set<std::string> supported{"<none>"};
    if (!spec.volumes.empty()) supported.clear();
    for (std::size_t j = 0; j < spec.volumes.size(); ++j) supported.insert(GeneratedWorld::provider_volume(p, j));
    auto provider = std::make_shared<::testing::NiceMock<mocks::MockProvider>>(
        vss::ProviderInfo{provider_id(p), GeneratedWorld::provider_name(p), spec.type}, supported);
    injector_->Attach(*provider);
    providers_.push_back(provider);
    register_results_.push_back(system_.RegisterProvider(provider));
  }
}

VssBench::~VssBench() {
  Unregister();
  system_.SetHooks(nullptr);
}

vss::VssId VssBench::provider_id(std::size_t i) const {
  return vss::VssId::named("provider/" + GeneratedWorld::provider_name(i));
}

const std::vector<HResult>& VssBench::Unregister() {
  if (unregistered_) return unregister_results_;
  unregistered_ = true;
  for (std::size_t p = 0; p < providers_.size(); ++p)
    unregister_results_.push_back(register_results_[p] == hr::S_OK ? system_.UnregisterProvider(provider_id(p))
                                                                    : HResult{});
  return unregister_results_;
}

}  // namespace vssfault::properties
