// FaultInjector: the writer and provider halves (the hooks half is in vss_fault_injector.cpp).
#include <set>
#include <utility>

#include "vssfault/mocks/vss_fault_injector.h"

namespace vssfault::mocks {
namespace {

using ::testing::_;

/// The selected component a component failure names, or nullptr (not selected / no components).
vss::WriterComponent* find_component(vss::WriterComponents* components, const ComponentFailureCall& c) {
  if (components == nullptr) return nullptr;
  if (!c.logical_path.empty()) return components->Find(c.logical_path, c.component);
  unsigned count = 0;
  if (components->GetComponentCount(&count) != hr::S_OK) return nullptr;
  for (unsigned i = 0; i < count; ++i) {
    vss::WriterComponent* item = nullptr;
    if (components->GetComponent(i, &item) == hr::S_OK && item != nullptr &&
        item->GetComponentName() == c.component) {
      return item;
    }
  }
  return nullptr;
}

}  // namespace

bool FaultInjector::RunWriter(MockWriter& w, const std::string& site, vss::WriterComponents* components,
                              const std::function<bool()>& ideal) {
  const long s = Hit(site);
  if (s < 0) return ideal();
  const WriterAction& a = plan_.writers[static_cast<std::size_t>(s)].action;
  Record(s, w.actor(), a.describe());
  if (a.delay > Duration()) w.Work(a.delay);
  if (a.failure) {
    const WriterFailureCall& f = *a.failure;
    if (f.api == FailureApi::kSetWriterFailure) {
      w.SetWriterFailure(f.code);
    } else {
      w.SetWriterFailureEx(f.code, f.application, f.message);
    }
  }
  bool any_component = false;
  for (const auto& c : a.components) {
    vss::WriterComponent* target = find_component(components, c);
    if (target == nullptr) {
      system_.trace().add(system_.clock().now(), w.actor(), "fault-lapsed",
                          {{"site", site}, {"component", c.component}, {"reason", "component not selected"}});
      continue;
    }
    target->SetFailure(c.code, c.application, c.message);
    any_component = true;
  }
  // [SF]: "In addition to calling this method, use SetWriterFailureEx to report that a partial writer
  // failure has occurred."
  if (any_component && !a.failure && a.partial_failure_ex) {
    w.SetWriterFailureEx(hr::VSS_E_WRITERERROR_PARTIAL_FAILURE);
  }
  if (a.throws) {
    const Slot& slot = slots_[static_cast<std::size_t>(s)];
    throw InjectedFault("injected fault " + slot.entry + " at " + site +
                        (slot.origin.empty() ? std::string() : " (" + slot.origin + ")"));
  }
  return a.returns;
}

void FaultInjector::Attach(MockWriter& w, std::string_view name) {
  const std::string n = name.empty() ? w.name() : std::string(name);
  std::set<vss::WriterEvent> events;
  for (std::size_t i = 0; i < plan_.writers.size(); ++i) {
    if (plan_.writers[i].writer != n) continue;
    slots_[i].attached = true;
    events.insert(plan_.writers[i].event);
  }
  for (const vss::WriterEvent e : events) {
    const std::string site = writer_site(n, e);
    auto plain = [this, &w, site]() { return RunWriter(w, site, nullptr, [] { return true; }); };
    auto with = [this, &w, site](vss::WriterComponents* c) { return RunWriter(w, site, c, [] { return true; }); };
    switch (e) {
      case vss::WriterEvent::kIdentify:
        ON_CALL(w, OnIdentify(_)).WillByDefault([this, &w, site](vss::CreateWriterMetadata* m) {
          return RunWriter(w, site, nullptr, [&w, m] { return w.IdealIdentify(m); });
        });
        break;
      case vss::WriterEvent::kPrepareForBackup: ON_CALL(w, OnPrepareBackup(_)).WillByDefault(with); break;
      case vss::WriterEvent::kPrepareForSnapshot: ON_CALL(w, OnPrepareSnapshot()).WillByDefault(plain); break;
      case vss::WriterEvent::kFreeze: ON_CALL(w, OnFreeze()).WillByDefault(plain); break;
      case vss::WriterEvent::kThaw: ON_CALL(w, OnThaw()).WillByDefault(plain); break;
      case vss::WriterEvent::kPostSnapshot: ON_CALL(w, OnPostSnapshot(_)).WillByDefault(with); break;
      case vss::WriterEvent::kBackupComplete: ON_CALL(w, OnBackupComplete(_)).WillByDefault(with); break;
      case vss::WriterEvent::kBackupShutdown:
        ON_CALL(w, OnBackupShutdown(_)).WillByDefault([plain](vss::VssId) { return plain(); });
        break;
      case vss::WriterEvent::kPreRestore: ON_CALL(w, OnPreRestore(_)).WillByDefault(with); break;
      case vss::WriterEvent::kPostRestore: ON_CALL(w, OnPostRestore(_)).WillByDefault(with); break;
      case vss::WriterEvent::kAbort: ON_CALL(w, OnAbort()).WillByDefault(plain); break;
    }
  }
}

HResult FaultInjector::RunProvider(MockProvider& p, const std::string& site, vss::ProviderMethod method,
                                   const std::function<HResult()>& ideal) {
  const long s = Hit(site);
  if (s < 0) return ideal();
  const ProviderAction& a = plan_.providers[static_cast<std::size_t>(s) - plan_.writers.size()].action;
  Record(s, "provider:" + p.info().name, a.describe());
  if (a.delay > Duration()) p.host().Work(a.delay);
  if (a.log) {
    p.host().LogEvent(vss::EventLevel::kError, a.log_code.value_or(a.code.value_or(HResult{})), a.log_message,
                      std::string(vss::provider_method_name(method)));
  }
  if (a.throws) {
    const Slot& slot = slots_[static_cast<std::size_t>(s)];
    throw InjectedFault("injected fault " + slot.entry + " at " + site +
                        (slot.origin.empty() ? std::string() : " (" + slot.origin + ")"));
  }
  // The ideal behaviour fills the out-parameters; a scripted code then replaces its result.
  const HResult result = ideal();
  return a.code ? *a.code : result;
}

void FaultInjector::Attach(MockProvider& p, std::string_view name) {
  using M = vss::ProviderMethod;
  const std::string n = name.empty() ? p.info().name : std::string(name);
  std::set<M> methods;
  for (std::size_t i = 0; i < plan_.providers.size(); ++i) {
    if (plan_.providers[i].provider != n) continue;
    slots_[plan_.writers.size() + i].attached = true;
    methods.insert(plan_.providers[i].method);
  }
  auto ok = [] { return hr::S_OK; };
  for (const M m : methods) {
    const std::string site = provider_site(n, m);
    auto run = [this, &p, site, m, ok](auto&&...) { return RunProvider(p, site, m, ok); };
    switch (m) {
      case M::kOnLoad: ON_CALL(p, OnLoad()).WillByDefault(run); break;
      case M::kOnUnload: ON_CALL(p, OnUnload(_)).WillByDefault(run); break;
      case M::kIsVolumeSupported:
        ON_CALL(p, IsVolumeSupported(_, _)).WillByDefault([this, &p, site, m](std::string_view v, bool* b) {
          return RunProvider(p, site, m, [&p, v, b] { return p.IdealIsVolumeSupported(v, b); });
        });
        break;
      case M::kAreLunsSupported:
        ON_CALL(p, AreLunsSupported(_, _, _))
            .WillByDefault([this, &p, site, m](std::int32_t, const std::vector<std::string>& luns, bool* b) {
              return RunProvider(p, site, m, [&p, &luns, b] { return p.IdealAreLunsSupported(luns, b); });
            });
        break;
      case M::kBeginPrepareSnapshot:
        ON_CALL(p, BeginPrepareSnapshot(_, _, _, _)).WillByDefault(run);
        ON_CALL(p, BeginPrepareSnapshotLuns(_, _, _, _)).WillByDefault(run);
        break;
      case M::kEndPrepareSnapshots: ON_CALL(p, EndPrepareSnapshots(_)).WillByDefault(run); break;
      case M::kPreCommitSnapshots: ON_CALL(p, PreCommitSnapshots(_)).WillByDefault(run); break;
      case M::kCommitSnapshots: ON_CALL(p, CommitSnapshots(_)).WillByDefault(run); break;
      case M::kPostCommitSnapshots: ON_CALL(p, PostCommitSnapshots(_, _)).WillByDefault(run); break;
      case M::kPreFinalCommitSnapshots: ON_CALL(p, PreFinalCommitSnapshots(_)).WillByDefault(run); break;
      case M::kPostFinalCommitSnapshots: ON_CALL(p, PostFinalCommitSnapshots(_)).WillByDefault(run); break;
      case M::kAbortSnapshots: ON_CALL(p, AbortSnapshots(_)).WillByDefault(run); break;
      case M::kGetTargetLuns:
        ON_CALL(p, GetTargetLuns(_, _))
            .WillByDefault([this, &p, site, m](const std::vector<std::string>& src, std::vector<std::string>* dst) {
              return RunProvider(p, site, m, [&src, dst] {
                if (dst == nullptr) return hr::E_INVALIDARG;
                *dst = src;
                return hr::S_OK;
              });
            });
        break;
    }
  }
}

}  // namespace vssfault::mocks
