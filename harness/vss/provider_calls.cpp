// Calling providers: registration and loading [PRL], the host a provider logs and works through, and
// every provider call's containment, tracing and return-code check / translation [S4] (D20).
#include "engine.h"

#include <algorithm>

namespace vssfault::vss::detail {

namespace {

class Host : public ProviderHost {
 public:
  Host(Engine& e, Provider& p) : engine_(e), provider_(p) {}
  void LogEvent(EventLevel level, HResult code, std::string message, std::string method) override {
    engine_.ProviderLog(provider_, level, code, std::move(message), std::move(method));
  }
  void Work(Duration d) override {
    engine_.Record("provider:" + provider_.info().name, "work", {{"duration", d.to_string()}});
    engine_.RunFor(d);
  }
  Instant Now() const override { return engine_.clock.now(); }

 private:
  Engine& engine_;
  Provider& provider_;
};

}  // namespace

Engine::ProviderEntry* Engine::FindProvider(VssId id) const {
  const std::size_t i = provider_index.find(
      providers, id, [](const std::unique_ptr<ProviderEntry>& e) { return e->provider->info().id; });
  return i == IdIndex::npos ? nullptr : providers[i].get();
}

const std::vector<Engine::ProviderEntry*>& Engine::ProvidersOfKind(ProviderType kind) const {
  const auto same = [](const std::unique_ptr<ProviderEntry>& e, const ProviderEntry* p) { return e.get() == p; };
  const bool current = kinds_built_from.size() == providers.size() &&
                       std::equal(providers.begin(), providers.end(), kinds_built_from.begin(), same);
  if (!current) {
    kinds.clear();
    kinds_built_from.clear();
    for (const auto& e : providers) {
      kinds[e->provider->info().type].push_back(e.get());
      kinds_built_from.push_back(e.get());
    }
  }
  return kinds[kind];
}

HResult Engine::Register(std::shared_ptr<Provider> provider) {
  if (!provider || provider->info().id.is_null()) return hr::E_INVALIDARG;
  const std::string actor = "provider:" + provider->info().name;
  if (FindProvider(provider->info().id)) {
    Record(actor, "RegisterProvider", {{"result", "VSS_E_PROVIDER_ALREADY_REGISTERED"}});
    return hr::VSS_E_PROVIDER_ALREADY_REGISTERED;
  }
  auto entry = std::make_unique<ProviderEntry>();
  entry->provider = provider;
  entry->host = std::make_unique<Host>(*this, *provider);
  entry->actor = actor;
  provider->attach(entry->host.get());
  Provider& p = *provider;
  const HResult loaded = CallProvider(p, ProviderMethod::kOnLoad, [&p] { return p.OnLoad(); });
  if (loaded.failed()) {
    Record(actor, "RegisterProvider", {{"result", loaded.name()}});
    return loaded;
  }
  providers.push_back(std::move(entry));
  Record(actor, "RegisterProvider",
         {{"id", p.info().id.to_string()}, {"type", provider_type_name(p.info().type)}, {"result", "S_OK"}});
  return hr::S_OK;
}

HResult Engine::Unregister(VssId id) {
  ProviderEntry* e = FindProvider(id);
  if (!e) return hr::VSS_E_PROVIDER_NOT_REGISTERED;
  if (creating) {
    for (VssId used : creating->providers)
      if (used == id) return hr::VSS_E_PROVIDER_IN_USE;
  }
  Provider& p = *e->provider;
  // [S4]/D20: never translated; an S_FALSE when forced is logged as a violation and ignored.
  CallProvider(p, ProviderMethod::kOnUnload, [&p] { return p.OnUnload(true); }, true);
  Record(e->actor, "UnregisterProvider", {{"result", "S_OK"}});
  for (auto it = providers.begin(); it != providers.end(); ++it) {
    if ((*it)->provider->info().id == id) {
      providers.erase(it);
      break;
    }
  }
  return hr::S_OK;
}

HResult Engine::CallProvider(Provider& p, ProviderMethod m, const std::function<HResult()>& call, bool force_unload) {
  const std::string actor = "provider:" + p.info().name;
  const std::string_view method = provider_method_name(m);
  Provider* saved_provider = current_provider;
  const ProviderMethod saved_method = current_method;
  current_provider = &p;
  current_method = m;
  Record(actor, std::string(method), {{"phase", "begin"}});
  HResult code;
  bool threw = false;
  try {
    code = call();
  } catch (...) {
    threw = true;
    code = hr::E_UNEXPECTED;
  }
  current_provider = saved_provider;
  current_method = saved_method;
  Record(actor, std::string(method), {{"phase", "end"}, {"result", threw ? "threw" : code.name()}});
  if (threw)
    conformance.Report(rules::kProviderThrew, actor, std::string(method) + " threw; treated as E_UNEXPECTED");

  if (m == ProviderMethod::kOnUnload && force_unload && code != hr::S_OK) {
    conformance.Report(rules::kProviderUnloadRefusedWhenForced, actor,
                       "OnUnload(TRUE) returned " + code.name() + "; unloaded anyway");
    // S_FALSE is a valid answer refused only because the unload is forced [OU]; any other code is also
    // an undocumented one, traced untranslated below (D20).
    if (code == hr::S_FALSE || threw) return code;
  }
  if (provider_code_valid(m, code, force_unload)) {
    if (code == hr::VSS_E_PROVIDER_VETO && creating) creating->vetoed.insert(p.info().id);
    return code;
  }
  if (!threw)
    conformance.Report(rules::kProviderUndocumentedCode, actor,
                       std::string(method) + " returned " + code.name() + ", not a valid provider return value");
  if (!provider_code_translated(m) || Broken(broken::kSkipTranslation)) {  // [S4]: AbortSnapshots, OnUnload
    Record("vss", "provider-code-not-translated", {{"provider", p.info().name}, {"method", method},
                                                    {"code", code.name()}});
    return code;
  }
  // [S4]: "VSS writes an event into the event log mentioning the provider and failed method and translates
  // the error to VSS_E_UNEXPECTED_PROVIDER_ERROR".
  event_log.Write("VSS", std::string(method), code,
                  "Provider " + p.info().name + " returned unexpected " + code.describe() + " from " +
                      std::string(method),
                  EventLevel::kError, frozen);
  Record("vss", "provider-code-translated", {{"provider", p.info().name}, {"method", method},
                                             {"code", code.name()}, {"to", "VSS_E_UNEXPECTED_PROVIDER_ERROR"}});
  return hr::VSS_E_UNEXPECTED_PROVIDER_ERROR;
}

void Engine::ProviderLog(Provider& p, EventLevel level, HResult code, std::string message, std::string method) {
  if (method.empty() && current_provider == &p) method = std::string(provider_method_name(current_method));
  const std::string actor = "provider:" + p.info().name;
  event_log.Write(p.info().name, method, code, std::move(message), level, frozen);
  if (creating) creating->logged.insert(p.info().id);
  if (frozen && !Broken(broken::kFrozenLogUnreported))
    conformance.Report(rules::kProviderLoggedWhileFrozen, actor,
                       "event log write" + (method.empty() ? std::string() : " in " + method) +
                           " while the set's volumes are frozen");
}

}  // namespace vssfault::vss::detail
