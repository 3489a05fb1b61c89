#pragma once
/// FaultInjector: carries out a VssFaultPlan through the mocks. Attach() gives each faulted handler of a
/// MockWriter, each faulted method of a MockProvider and each MockHooks method a default action
/// (ON_CALL(...).WillByDefault) that counts a hit at the call's site, asks the plan entries for that site
/// whether the hit fires, and either acts (the codes then really come from the mocked component) or
/// behaves ideally. An EXPECT_CALL with its own action in the test takes precedence, as in gmock.
///
/// Hits are counted per site (every call reaching the site is one hit, whether or not a fault fires);
/// each plan entry evaluates its HitSelector on that hit number, probabilistic entries drawing from
/// rng.split(site) (the n-th entry of a site from "<site>#n"), so faults elsewhere never change whether
/// this one fires. When several entries fire on one hit, the first in plan order acts. Each firing is a
/// trace record `<actor> fault injected=true site=… hit=… entry=… origin=… action=…` at the time it
/// fires, and is listed in firings().
///
/// Lifetime: the injector must outlive every attached mock's use (the actions refer to it and to them).
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "vssfault/kernel/duration.h"
#include "vssfault/kernel/rng.h"
#include "vssfault/mocks/mock_hooks.h"
#include "vssfault/mocks/mock_provider.h"
#include "vssfault/mocks/mock_writer.h"
#include "vssfault/mocks/vss_fault_plan.h"
#include "vssfault/vss/system.h"

namespace vssfault::mocks {

/// The exception a `throws` fault raises, marked as injected (its text names the entry and origin).
class InjectedFault : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One fault that fired.
struct Firing {
  Instant time;
  std::string site;
  std::uint64_t hit = 0;
  std::string entry;   ///< "writer[0]", "provider[2]", "vss[1]": the plan list and index
  std::string origin;
};

class FaultInjector {
 public:
  /// `system` supplies the clock and the trace; `rng` is the run's generator (only split, never drawn).
  FaultInjector(vss::System& system, const Rng& rng, VssFaultPlan plan);
  FaultInjector(const FaultInjector&) = delete;
  FaultInjector& operator=(const FaultInjector&) = delete;

  /// Installs the plan's faults for writer `name` (default: writer.name(), so call after Initialize).
  void Attach(MockWriter& writer, std::string_view name = {});
  /// Installs the plan's faults for provider `name` (default: provider.info().name).
  void Attach(MockProvider& provider, std::string_view name = {});
  /// Installs every VSS-internal fault; the hooks must be installed with System::SetHooks.
  void Attach(MockHooks& hooks);

  const VssFaultPlan& plan() const { return plan_; }
  /// Hits counted at `site` so far (0 for a site never reached).
  std::uint64_t hits(std::string_view site) const;
  /// Firings at `site` so far.
  std::uint64_t fired(std::string_view site) const;
  const std::vector<Firing>& firings() const { return firings_; }
  /// Plan entries ("writer[1]", …) whose writer or provider has not been attached: a scenario naming a
  /// component the world does not have.
  std::vector<std::string> unattached() const;

 private:
  struct Slot {
    std::string entry;
    std::string site;
    Rng rng;
    HitSelector when;
    std::string origin;
    bool attached = false;
  };
  struct Counter {
    std::uint64_t hits = 0;
    std::uint64_t fired = 0;
  };

  /// Counts a hit at `site` and returns the index (into slots_) of the entry that acts, or -1.
  long Hit(const std::string& site);
  void Record(long slot, std::string actor, const std::string& action);
  /// The handler body for `site`: acts when a fault fires, else runs `ideal`.
  bool RunWriter(MockWriter& w, const std::string& site, vss::WriterComponents* components,
                 const std::function<bool()>& ideal);
  /// The method body for `site`: acts when a fault fires, else returns `ideal()`.
  HResult RunProvider(MockProvider& p, const std::string& site, vss::ProviderMethod method,
                      const std::function<HResult()>& ideal);
  std::optional<HResult> RunVss(const std::string& site, std::string actor);

  vss::System& system_;
  VssFaultPlan plan_;
  std::vector<Slot> slots_;  ///< writers, then providers, then vss entries, in plan order
  std::map<std::string, Counter, std::less<>> counters_;
  std::vector<Firing> firings_;
};

}  // namespace vssfault::mocks
