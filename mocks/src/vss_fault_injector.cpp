#include "vssfault/mocks/vss_fault_injector.h"

#include <utility>

namespace vssfault::mocks {

using ::testing::_;

FaultInjector::FaultInjector(vss::System& system, const Rng& rng, VssFaultPlan plan)
    : system_(system), plan_(std::move(plan)) {
  std::map<std::string, int> seen;
  auto add = [&](std::string entry, std::string site, HitSelector when, std::string origin) {
    const int n = ++seen[site];
    Rng site_rng = rng.split(n == 1 ? site : site + "#" + std::to_string(n));
    slots_.push_back(Slot{std::move(entry), std::move(site), site_rng, when, std::move(origin), false});
  };
  for (std::size_t i = 0; i < plan_.writers.size(); ++i) {
    const WriterFault& f = plan_.writers[i];
    add("writer[" + std::to_string(i) + "]", writer_site(f.writer, f.event), f.when, f.origin);
  }
  for (std::size_t i = 0; i < plan_.providers.size(); ++i) {
    const ProviderFault& f = plan_.providers[i];
    add("provider[" + std::to_string(i) + "]", provider_site(f.provider, f.method), f.when, f.origin);
  }
  for (std::size_t i = 0; i < plan_.vss.size(); ++i) {
    const VssFault& f = plan_.vss[i];
    add("vss[" + std::to_string(i) + "]", vss_site(f.point, f.target), f.when, f.origin);
  }
}

long FaultInjector::Hit(const std::string& site) {
  Counter& c = counters_[site];
  const std::uint64_t hit = ++c.hits;
  long chosen = -1;
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    Slot& s = slots_[i];
    // Every entry of the site evaluates every hit, so a probabilistic entry's draws do not depend on
    // whether an earlier entry fired.
    if (s.site == site && s.when.fires(hit, s.rng) && chosen < 0) chosen = static_cast<long>(i);
  }
  if (chosen >= 0) ++c.fired;
  return chosen;
}

void FaultInjector::Record(long slot, std::string actor, const std::string& action) {
  const Slot& s = slots_[static_cast<std::size_t>(slot)];
  const std::uint64_t hit = counters_[s.site].hits;
  const Instant now = system_.clock().now();
  TraceRecord r{now, std::move(actor), "fault", {}};
  r.fields.push_back({"injected", "true"});
  r.fields.push_back({"site", s.site});
  r.fields.push_back({"hit", std::to_string(hit)});
  r.fields.push_back({"entry", s.entry});
  if (!s.origin.empty()) r.fields.push_back({"origin", s.origin});
  r.fields.push_back({"action", action});
  system_.trace().add(std::move(r));
  firings_.push_back(Firing{now, s.site, hit, s.entry, s.origin});
}

std::uint64_t FaultInjector::hits(std::string_view site) const {
  auto it = counters_.find(site);
  return it == counters_.end() ? 0 : it->second.hits;
}

std::uint64_t FaultInjector::fired(std::string_view site) const {
  auto it = counters_.find(site);
  return it == counters_.end() ? 0 : it->second.fired;
}

std::vector<std::string> FaultInjector::unattached() const {
  std::vector<std::string> out;
  for (const auto& s : slots_) {
    if (!s.attached) out.push_back(s.entry);
  }
  return out;
}

std::optional<HResult> FaultInjector::RunVss(const std::string& site, std::string actor) {
  const long s = Hit(site);
  if (s < 0) return std::nullopt;
  const VssFault& f = plan_.vss[static_cast<std::size_t>(s) - plan_.writers.size() - plan_.providers.size()];
  Record(s, std::move(actor), "return=" + f.code.name());
  return f.code;
}

void FaultInjector::Attach(MockHooks& hooks) {
  const std::size_t first = plan_.writers.size() + plan_.providers.size();
  for (std::size_t i = first; i < slots_.size(); ++i) slots_[i].attached = true;
  auto actor = [](int requester) { return "requester:" + std::to_string(requester); };
  ON_CALL(hooks, OnRequesterCall(_, _)).WillByDefault([this, actor](int requester, std::string_view method) {
    return RunVss(vss_site(VssPoint::kRequesterCall, method), actor(requester));
  });
  ON_CALL(hooks, OnWriterStatus(_, _)).WillByDefault([this](int, const vss::Writer& writer) {
    return RunVss(vss_site(VssPoint::kWriterStatus, writer.name()), writer.actor());
  });
  ON_CALL(hooks, OnAsyncComplete(_, _, _))
      .WillByDefault([this, actor](int requester, std::string_view method, HResult) {
        return RunVss(vss_site(VssPoint::kAsyncResult, method), actor(requester));
      });
}

}  // namespace vssfault::mocks
