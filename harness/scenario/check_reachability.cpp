// Faults that can never fire: a site the driver never reaches (an event after the point where the
// scenario has ended the backup, a BITS fault under the reference requester...), or a hit number beyond
// the hits the driver can produce (the reference requester makes at most 1 + retries attempts).
#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "messages.h"
#include "sections.h"

namespace vssfault::scenario::detail {
namespace {

constexpr std::uint64_t kUnbounded = 0;

std::uint64_t saturating_mul(std::uint64_t a, std::uint64_t b) {
  if (a != 0 && b > UINT64_MAX / a) return UINT64_MAX;
  return a * b;
}

/// How often a site can be reached: `at_most` hits (kUnbounded: no limit known), or never, with the
/// message saying why.
struct Reach {
  bool never = false;
  std::string why_never;
  Mark never_at;
  std::uint64_t at_most = kUnbounded;
  std::string bound_by;  ///< "the steps", "the reference requester's at most 4 attempts (1 + retries 3)"
};

Reach never(std::string why, Mark at) { return {true, std::move(why), std::move(at), 0, {}}; }

bool is_restore_event(WriterEvent e) { return e == WriterEvent::kPreRestore || e == WriterEvent::kPostRestore; }
bool in_both_operations(WriterEvent e) { return e == WriterEvent::kIdentify || e == WriterEvent::kBackupShutdown; }
bool is_set_method(ProviderMethod m) {  // called once per DoSnapshotSet on the providers of the set
  return m != ProviderMethod::kOnLoad && m != ProviderMethod::kOnUnload && m != ProviderMethod::kBeginPrepareSnapshot;
}

std::string quoted(std::string_view kind, std::string_view name) { return std::string(kind) + " '" + msg::excerpt(name) + "'"; }

const std::string* text_arg(const Step& step, std::string_view name) {
  for (const auto& a : step.args) {
    if (a.name == name) return std::get_if<std::string>(&a.value.value);
  }
  return nullptr;
}

/// The calls the steps make while they still have effect: a requester object's calls end at its
/// Release, and its backup events at its AbortBackup (an IVssBackupComponents is good for one backup
/// [OBI] [ABRT]). Each requester object (the step's `requester`) has its own life.
std::vector<const Step*> live_calls(const Scenario& s) {
  struct Life {
    bool aborted = false;
    bool released = false;
  };
  std::vector<const Step*> out;
  std::unordered_map<std::string_view, Life> lives;
  for (const auto& step : s.driver.steps) {
    if (step.kind != Step::Kind::kCall) continue;
    const std::string& call = step.call.value;
    const CallSpec* spec = find_call(call);
    if (spec == nullptr || spec->target != CallTarget::kRequester) {
      out.push_back(&step);
      continue;
    }
    Life& life = lives[step.requester.value];
    if (life.released) continue;
    if (call == "Release") {
      life.released = true;
      out.push_back(&step);
      continue;
    }
    if (life.aborted && call != "AbortBackup") continue;
    if (call == "AbortBackup") life.aborted = true;
    out.push_back(&step);
  }
  return out;
}

/// What every fault's check needs from the world and the steps, computed once (and per provider on
/// first use), so checking F faults against S steps and V volumes costs F + S + V, not their product.
class Facts {
 public:
  explicit Facts(const Scenario& s) : s(s), calls(live_calls(s)) {
    std::unordered_set<std::string_view> requesters;
    for (const Step* st : calls) {
      ++call_counts_[st->call.value];
      if (!st->requester.value.empty()) requesters.insert(st->requester.value);
      if (st->call.value != "UnregisterProvider") continue;
      if (const std::string* p = text_arg(*st, "provider")) ++unregisters_[*p];
    }
    requester_objects = requesters.size();
    for (const auto& p : s.providers) providers_.emplace(p.name.value, &p);
    for (const auto& v : s.driver.requester.volumes) requester_volumes_.insert(v.value);
    for (const auto& st : s.driver.steps) {
      const CallSpec* spec = st.kind == Step::Kind::kCall ? find_call(st.call.value) : nullptr;
      any_requester_call = any_requester_call || (spec != nullptr && spec->target != CallTarget::kBitsJob);
      if (st.kind != Step::Kind::kCall || st.call.value != "Resume") continue;
      if (const std::string* job = text_arg(st, "job")) resumed_jobs_.insert(*job);
    }
  }

  const Scenario& s;
  const std::vector<const Step*> calls;
  /// Whether a step makes a requester call or a call on the VSS service.
  bool any_requester_call = false;
  /// Requester objects the live calls use (each is released once: BackupShutdown).
  std::uint64_t requester_objects = 0;

  /// Live calls named `name`.
  std::uint64_t count(std::string_view name) const {
    const auto it = call_counts_.find(name);
    return it == call_counts_.end() ? 0 : it->second;
  }
  const Provider* find_provider(std::string_view name) const {
    const auto it = providers_.find(name);
    return it == providers_.end() ? nullptr : it->second;
  }
  bool resumed(std::string_view job) const { return resumed_jobs_.count(job) != 0; }
  /// Live UnregisterProvider calls naming `provider`.
  std::uint64_t unregisters(std::string_view provider) const {
    const auto it = unregisters_.find(provider);
    return it == unregisters_.end() ? 0 : it->second;
  }
  /// The provider's volumes that the reference requester adds to the set (with repeats, as listed).
  std::uint64_t shared_with_requester(const Provider& p) const {
    auto it = shared_.find(&p);
    if (it == shared_.end()) {
      std::uint64_t n = 0;
      for (const auto& v : p.volumes) n += requester_volumes_.count(v.value);
      it = shared_.emplace(&p, n).first;
    }
    return it->second;
  }
  /// For the steps driver: AddToSnapshotSet calls that can put `p` in the set, and DoSnapshotSet calls
  /// after the first of them.
  std::pair<std::uint64_t, std::uint64_t> adds_and_sets(const Provider& p) const {
    auto it = adds_sets_.find(&p);
    if (it == adds_sets_.end()) {
      std::unordered_set<std::string_view> volumes;
      for (const auto& v : p.volumes) volumes.insert(v.value);
      std::uint64_t adds = 0, sets = 0;
      for (const Step* st : calls) {
        if (st->call.value == "AddToSnapshotSet") {
          const std::string* vol = text_arg(*st, "volume");
          const std::string* prov = text_arg(*st, "provider");
          const bool supported = vol != nullptr && volumes.count(*vol) != 0;
          if (supported && (prov == nullptr || prov->empty() || *prov == p.name.value)) ++adds;
        } else if (st->call.value == "DoSnapshotSet" && adds > 0) {
          ++sets;
        }
      }
      it = adds_sets_.emplace(&p, std::make_pair(adds, sets)).first;
    }
    return it->second;
  }

 private:
  std::unordered_map<std::string_view, std::uint64_t> call_counts_;
  std::unordered_map<std::string_view, const Provider*> providers_;
  std::unordered_set<std::string_view> requester_volumes_;
  std::unordered_set<std::string_view> resumed_jobs_;
  std::unordered_map<std::string_view, std::uint64_t> unregisters_;
  mutable std::unordered_map<const Provider*, std::uint64_t> shared_;
  mutable std::unordered_map<const Provider*, std::pair<std::uint64_t, std::uint64_t>> adds_sets_;
};

// --- reference requester -------------------------------------------------------------------------

Reach requester_writer(const Facts& facts, const WriterFault& w) {
  const Scenario& s = facts.s;
  const RequesterPolicy& r = s.driver.requester;
  const WriterEvent e = w.event.value;
  const std::string_view event = to_name(e);
  if (r.operation.value == Operation::kBackup && is_restore_event(e)) {
    return never(msg::never_fires_operation("backup", event), w.event.mark);
  }
  if (r.operation.value == Operation::kRestore && !is_restore_event(e) && !in_both_operations(e)) {
    return never(msg::never_fires_operation("restore", event), w.event.mark);
  }
  // Abort can come twice an attempt: from the freeze window and from the requester's AbortBackup.
  return {false, {}, {}, e == WriterEvent::kAbort ? 2u : 1u, {}};
}

Reach requester_provider(const Facts& facts, const ProviderFault& p) {
  const Scenario& s = facts.s;
  // The reference requester never unregisters a provider: OnUnload comes only from an UnregisterProvider
  // step.
  if (p.method.value == ProviderMethod::kOnUnload) return never(msg::never_fires_unload(), p.method.mark);
  // OnLoad comes when the world registers the provider, whatever volumes it supports.
  if (p.method.value == ProviderMethod::kOnLoad) return {};
  const Provider* provider = facts.find_provider(p.provider.value);
  if (provider != nullptr && provider->volumes.empty()) {
    return never(msg::never_fires_no_volumes(provider->name.value), p.provider.mark);
  }
  // The provider can only take part for volumes the requester adds to the set.
  std::uint64_t shared = 0;
  if (provider != nullptr) {
    shared = facts.shared_with_requester(*provider);
    if (shared == 0) return never(msg::never_fires_volumes_not_added(provider->name.value), p.provider.mark);
  }
  const ProviderMethod m = p.method.value;
  if (s.driver.requester.operation.value == Operation::kRestore && m != ProviderMethod::kOnLoad &&
      m != ProviderMethod::kOnUnload) {
    return never(msg::never_fires_operation("restore", to_name(m)), p.method.mark);
  }
  // BeginPrepareSnapshot comes once for each of its volumes in the set (D16), the others once a set.
  const std::uint64_t per_attempt = m == ProviderMethod::kBeginPrepareSnapshot && provider != nullptr ? shared : 1u;
  return {false, {}, {}, per_attempt, {}};
}

// --- steps ------------------------------------------------------------------------------------------

Reach steps_writer(const Facts& facts, const WriterFault& w) {
  const auto count = [&](std::string_view call) { return facts.count(call); };
  const std::string target = quoted("writer", w.writer.value);
  const std::string_view event = to_name(w.event.value);
  std::uint64_t n = 0;
  std::string_view via;
  switch (w.event.value) {
    case WriterEvent::kIdentify: n = count("GatherWriterMetadata"), via = "GatherWriterMetadata"; break;
    case WriterEvent::kPrepareForBackup: n = count("PrepareForBackup"), via = "PrepareForBackup"; break;
    case WriterEvent::kPrepareForSnapshot:
    case WriterEvent::kFreeze:
    case WriterEvent::kThaw:
    case WriterEvent::kPostSnapshot: n = count("DoSnapshotSet"), via = "DoSnapshotSet"; break;
    case WriterEvent::kAbort:
      n = count("AbortBackup") + count("DoSnapshotSet"), via = "AbortBackup or DoSnapshotSet";
      break;
    case WriterEvent::kBackupComplete: n = count("BackupComplete"), via = "BackupComplete"; break;
    // BackupShutdown comes when the requester object is released, by Release or at the end of the run.
    case WriterEvent::kBackupShutdown: n = std::max<std::uint64_t>(facts.requester_objects, 1), via = "Release"; break;
    case WriterEvent::kPreRestore: n = count("PreRestore"), via = "PreRestore"; break;
    case WriterEvent::kPostRestore: n = count("PostRestore"), via = "PostRestore"; break;
  }
  if (n == 0) return never(msg::never_fires_no_call(target, event, via, true), w.event.mark);
  return {false, {}, {}, n, "the steps"};
}

Reach steps_provider(const Facts& facts, const ProviderFault& p) {
  const Provider* provider = facts.find_provider(p.provider.value);
  if (provider == nullptr) return {};
  if (p.method.value == ProviderMethod::kOnUnload) {  // only an UnregisterProvider step unloads a provider
    const std::uint64_t n = facts.unregisters(provider->name.value);
    if (n == 0) {
      return never(msg::never_fires_no_call(quoted("provider", provider->name.value), "OnUnload",
                                            "UnregisterProvider naming it", false),
                   p.method.mark);
    }
    return {false, {}, {}, n, "the steps"};
  }
  // OnLoad comes when the world registers the provider, whatever volumes it supports [PRL].
  if (p.method.value == ProviderMethod::kOnLoad) return {};
  if (provider->volumes.empty()) return never(msg::never_fires_no_volumes(provider->name.value), p.provider.mark);
  // Calls that can put this provider in the set: AddToSnapshotSet of one of its volumes, naming it or
  // leaving the choice to VSS.
  const auto [adds, sets] = facts.adds_and_sets(*provider);
  const std::string target = quoted("provider", provider->name.value);
  const ProviderMethod m = p.method.value;
  const std::string_view method = to_name(m);
  if (!is_set_method(m)) {
    if (adds == 0) return never(msg::never_fires_no_call(target, method, "AddToSnapshotSet for one of its volumes", true), p.method.mark);
    return {false, {}, {}, adds, "the steps"};  // BeginPrepareSnapshot
  }
  if (sets == 0) {
    return never(msg::never_fires_no_call(target, method, "DoSnapshotSet after AddToSnapshotSet for one of its volumes", true),
                 p.method.mark);
  }
  return {false, {}, {}, sets, "the steps"};
}

Reach steps_bits(const Facts& facts, const BitsFault& b) {
  if (facts.resumed(b.job.value)) return {};  // retries are automatic: no bound
  return never(msg::never_fires_no_call(quoted("job", b.job.value), to_name(b.point.value), "Resume", false),
               b.point.mark);
}

// A VSS-internal failure of a requester call: hit k is the k-th such call the steps make.
Reach steps_vss_call(const Facts& facts, const VssCallFault& v) {
  if (find_vss_call(v.method.value) == nullptr) return {};  // an unknown method: already reported
  std::uint64_t n = 0;
  for (const Step* step : facts.calls) {
    if (step->call.value == v.method.value) ++n;
  }
  if (n == 0) return never(msg::never_fires_no_call("VSS", "a failure of " + v.method.value, v.method.value, false), v.method.mark);
  return {false, {}, {}, n, "the steps"};
}

// --- dispatch -----------------------------------------------------------------------------------------

Reach reach(const Facts& facts, const Fault& f) {
  const Scenario& s = facts.s;
  const bool vss = !std::holds_alternative<BitsFault>(f.target);
  const DriverKind kind = s.driver.kind.value;
  const Mark site_mark = std::visit([](const auto& t) -> Mark {
    using T = std::decay_t<decltype(t)>;
    if constexpr (std::is_same_v<T, WriterFault>) return t.event.mark;
    else if constexpr (std::is_same_v<T, ProviderFault>) return t.method.mark;
    else if constexpr (std::is_same_v<T, VssCallFault>) return t.method.mark;
    else return t.point.mark;
  }, f.target);
  if (kind == DriverKind::kReferenceBitsClient && vss) {
    return never(msg::never_fires_wrong_driver("reference-bits-client", true), site_mark);
  }
  if (kind == DriverKind::kReferenceRequester && !vss) {
    return never(msg::never_fires_wrong_driver("reference-requester", false), site_mark);
  }
  if (kind == DriverKind::kReferenceBitsClient) return {};
  if (kind == DriverKind::kReferenceRequester) {
    // The reference requester calls GetFailure only for the components of a failing writer: no bound known.
    if (std::holds_alternative<VssCallFault>(f.target)) return {};
    Reach r = std::holds_alternative<WriterFault>(f.target) ? requester_writer(facts, std::get<WriterFault>(f.target))
                                                              : requester_provider(facts, std::get<ProviderFault>(f.target));
    if (r.never || r.at_most == kUnbounded) return r;
    const std::uint64_t retries = s.driver.requester.retries.value;
    const std::uint64_t attempts = retries == UINT64_MAX ? UINT64_MAX : retries + 1;
    r.at_most = saturating_mul(r.at_most, attempts);
    r.bound_by = "the reference requester's at most " + std::to_string(attempts) + " attempts (1 + retries " +
                 std::to_string(retries) + ")";
    return r;
  }
  if (vss && !facts.any_requester_call) return never(msg::never_fires_no_requester(), site_mark);
  if (const auto* w = std::get_if<WriterFault>(&f.target)) return steps_writer(facts, *w);
  if (const auto* p = std::get_if<ProviderFault>(&f.target)) return steps_provider(facts, *p);
  if (const auto* v = std::get_if<VssCallFault>(&f.target)) return steps_vss_call(facts, *v);
  return steps_bits(facts, std::get<BitsFault>(f.target));
}

std::string site_name(const Fault& f) {
  if (const auto* w = std::get_if<WriterFault>(&f.target)) return std::string(to_name(w->event.value));
  if (const auto* p = std::get_if<ProviderFault>(&f.target)) return std::string(to_name(p->method.value));
  if (const auto* v = std::get_if<VssCallFault>(&f.target)) return v->method.value;
  return std::string(to_name(std::get<BitsFault>(f.target).point.value));
}

}  // namespace

void check_reachability(Context& ctx, const Scenario& s) {
  const Facts facts(s);
  for (const auto& f : s.faults) {
    const Reach r = reach(facts, f);
    if (r.never) {
      ctx.error(r.never_at, r.why_never);
      continue;
    }
    const std::uint64_t first = f.hit.value.first_firing_hit();
    if (r.at_most != kUnbounded && first > r.at_most) {
      ctx.error(f.hit.mark, msg::never_fires_hit(first, site_name(f), r.at_most, r.bound_by));
    }
  }
}

}  // namespace vssfault::scenario::detail
