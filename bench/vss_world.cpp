#include "vss_world.h"

#include <algorithm>
#include <functional>
#include <set>
#include <utility>

namespace vssfault::bench {

std::string writer_name(int i) { return "W" + std::to_string(i); }
std::string provider_name(int i) { return "P" + std::to_string(i); }
std::string volume_name(int i) { return "V" + std::to_string(i) + ":\\"; }

std::set<std::string> supported_by(int provider, const VssShape& shape) {
  std::set<std::string> supported;  // empty: every volume
  if (shape.providers_support_all) return supported;
  for (int v = provider; v < shape.volumes; v += shape.providers) supported.insert(volume_name(v));
  return supported;
}

namespace {
// A writer that never fails; OnIdentify declares one component, like the ideal MockWriter.
class PlainWriter : public vss::Writer {
 public:
  PlainWriter(vss::System& system, std::string component) : vss::Writer(system), component_(std::move(component)) {}
  bool OnIdentify(vss::CreateWriterMetadata* m) override {
    return m == nullptr || m->AddComponent(vss::ComponentType::kFileGroup, "db", component_).succeeded();
  }
  bool OnPrepareSnapshot() override { return true; }
  bool OnFreeze() override { return true; }
  bool OnThaw() override { return true; }
  bool OnAbort() override { return true; }

 private:
  std::string component_;
};

vss::Config config_for(const VssShape& shape) {
  vss::Config c;
  c.max_volumes_per_set = std::max<std::size_t>(c.max_volumes_per_set, static_cast<std::size_t>(shape.volumes));
  return c;
}
}  // namespace

VssWorld::VssWorld(VssShape shape, mocks::VssFaultPlan plan, std::uint64_t seed)
    : rng(seed), system(clock, queue, trace, rng, config_for(shape)) {
  for (int v = 0; v < shape.volumes; ++v) {
    system.AddVolume(volume_name(v));
    request.volumes.push_back(volume_name(v));
  }
  injector = std::make_unique<mocks::FaultInjector>(system, rng, std::move(plan));
  for (int i = 0; i < shape.writers; ++i) {
    auto w = std::make_unique<::testing::NiceMock<mocks::MockWriter>>(system);
    w->DeclareComponent("db", "c" + std::to_string(i));
    w->Start(writer_name(i));
    injector->Attach(*w);
    writers.push_back(std::move(w));
  }
  for (int p = 0; p < shape.providers; ++p) {
    auto provider = std::make_shared<::testing::NiceMock<mocks::MockProvider>>(
        mocks::MockProvider::Software(provider_name(p)), supported_by(p, shape));
    injector->Attach(*provider);
    system.RegisterProvider(provider);
    providers.push_back(std::move(provider));
  }
}

VssWorld::~VssWorld() {
  // Providers leave while the injector their actions refer to is alive; writers before the System.
  for (const auto& p : providers) system.UnregisterProvider(p->info().id);
  // GoogleMock unregisters a mock's methods by scanning its registry of live mocks in address order
  // (testing::Mock::UnregisterLocked), so destroying a thousand mocks in any other order is quadratic:
  // destroy writers and providers together, lowest address first.
  std::vector<std::pair<const void*, std::size_t>> order;  // index: writers first, then providers
  for (std::size_t i = 0; i < writers.size(); ++i) order.emplace_back(writers[i].get(), i);
  for (std::size_t i = 0; i < providers.size(); ++i) order.emplace_back(providers[i].get(), writers.size() + i);
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return std::less<>()(a.first, b.first); });
  for (const auto& [address, i] : order) {
    if (i < writers.size()) {
      writers[i].reset();
    } else {
      providers[i - writers.size()].reset();
    }
  }
}

requester::BackupResult VssWorld::Backup() {
  return requester::ReferenceRequester(system).Backup(request);
}

PlainVssWorld::PlainVssWorld(VssShape shape, std::uint64_t seed)
    : rng(seed), system(clock, queue, trace, rng, config_for(shape)) {
  for (int v = 0; v < shape.volumes; ++v) {
    system.AddVolume(volume_name(v));
    request.volumes.push_back(volume_name(v));
  }
  for (int i = 0; i < shape.writers; ++i) {
    auto w = std::make_unique<PlainWriter>(system, "c" + std::to_string(i));
    w->Initialize(vss::VssId::named(writer_name(i)), writer_name(i), vss::UsageType::kUserData,
                  vss::SourceType::kTransactedDb);
    w->Subscribe();
    writers.push_back(std::move(w));
  }
  for (int p = 0; p < shape.providers; ++p) {
    auto provider = std::make_shared<vss::IdealProvider>(mocks::MockProvider::Software(provider_name(p)),
                                                         supported_by(p, shape));
    system.RegisterProvider(provider);
    providers.push_back(std::move(provider));
  }
}

PlainVssWorld::~PlainVssWorld() {
  for (const auto& p : providers) system.UnregisterProvider(p->info().id);
  writers.clear();
}

requester::BackupResult PlainVssWorld::Backup() {
  return requester::ReferenceRequester(system).Backup(request);
}

mocks::VssFaultPlan retryable_freeze_plan() {
  mocks::VssFaultPlan plan;
  plan.writers.push_back({writer_name(0), vss::WriterEvent::kFreeze, HitSelector::every(),
                          mocks::WriterAction::Failure(hr::VSS_E_WRITERERROR_RETRYABLE, false), "bench:(b)"});
  return plan;
}

}  // namespace vssfault::bench
