#pragma once
// The VSS service of one System: registries, the creation lock, the frozen-volumes interval, handler and
// provider invocation (with containment of misbehaving user code), asynchronous operations on the event
// queue, and retry tracking. Private to the vss layer.
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "id_index.h"
#include "vssfault/vss/system.h"

namespace vssfault::vss {
class Requester;
}

namespace vssfault::vss::detail {

/// A component taking part in a requester session (added for backup or selected for restore).
struct ComponentRecord {
  VssId writer_id;
  VssId instance_id;
  ComponentType type = ComponentType::kUndefined;
  std::string logical_path;
  std::string name;
  bool selected = true;
  std::optional<bool> backup_succeeded;
  bool has_failure = false;
  HResult failure;
  HResult application;
  std::string message;

  static ComponentRecord Make(VssId writer, VssId instance, ComponentType type, std::string_view path,
                              std::string_view name) {
    ComponentRecord c;
    c.writer_id = writer;
    c.instance_id = instance;
    c.type = type;
    c.logical_path = std::string(path);
    c.name = std::string(name);
    return c;
  }
};

/// One writer as a requester session sees it (from its Identify on).
struct SessionWriter {
  VssId instance_id;
  std::string name;
  WriterMetadata metadata;
  bool selected = false;         ///< takes part in the backup / restore events
  bool got_prepare_backup = false;
  bool got_prepare_snapshot = false;
  bool got_freeze = false;
  bool got_thaw = false;
  bool got_post_snapshot = false;
  bool aborted = false;          ///< has been sent (or is owed) an Abort event
  bool abort_pending = false;    ///< Abort owed; delivered when the writer's running handler returns
  bool excluded = false;         ///< receives no further events of the session (fatal failure, timeout)
  bool failed = false;           ///< a failure was recorded this session: later successes keep FAILED_AT_X
  bool not_responding = false;
  bool timed_out = false;        ///< its freeze window expired
  EventQueue::Id freeze_timer = 0;
  bool freeze_timer_armed = false;
};

/// An asynchronous operation: a queue of steps run one per event-queue event, in virtual time.
struct Operation {
  int requester = 0;
  std::string method;
  std::deque<std::pair<std::string, std::function<void()>>> steps;
  Duration next_delay{};           ///< delay before the next step (flush time, …); reset after use
  bool settled = false;            ///< all steps ran: Wait may return
  std::optional<HResult> result;   ///< S_OK, VSS_S_ASYNC_CANCELLED or the error, once known
  bool cancel_requested = false;
  bool cancel_handled = false;
  int in_step = 0;                 ///< > 0 while one of its steps runs (Wait from inside cannot finish)
  std::function<void()> on_cancel; ///< how the operation winds down when cancelled (default: drop steps)
  std::vector<std::function<void()>> on_settled;
};

/// The snapshot set being created (one machine-wide [S4]).
struct CreationSet {
  VssId id;
  int requester = 0;
  std::int32_t context = ctx::kBackup;
  struct Member {
    VssId snapshot_id;
    std::string volume;
    VssId provider_id;
  };
  std::vector<Member> members;
  NameIndex member_index;              ///< `members` by volume
  std::vector<VssId> providers;        ///< distinct, in order of first use
  std::set<VssId> end_prepared;        ///< providers EndPrepareSnapshots was called on
  std::set<VssId> vetoed;              ///< providers that returned VSS_E_PROVIDER_VETO
  std::set<VssId> logged;              ///< providers that wrote to the event log during this set
  bool fixed = false;                  ///< DoSnapshotSet called: no more volumes [SCCP]
  bool hold_expired = false;
  EventQueue::Id hold_timer = 0;
  bool hold_timer_armed = false;
  bool failing = false;                ///< the abort path has started
};

/// Outcome of one handler call.
struct HandlerOutcome {
  bool result = false;
  bool threw = false;
  bool failure_set = false;     ///< SetWriterFailure(Ex) recorded a code during the call
  HResult failure;
  HResult application;
  std::string message;
  bool not_responding = false;  ///< the response timeout (D15) expired while it ran
  bool timed_out = false;       ///< the freeze window expired while it ran
};

class Engine {
 public:
  Engine(System& system, VirtualClock& clock, EventQueue& queue, Trace& trace, Rng& rng, Config config);
  ~Engine();

  System& system;
  VirtualClock& clock;
  EventQueue& queue;
  Trace& trace;
  Config config;
  EventLog event_log;
  Conformance conformance;
  Hooks* hooks = nullptr;
  Rng dispatch_rng;
  /// Whether a test-only broken variant (Config::broken, vss::broken) is on.
  bool Broken(std::uint32_t flag) const { return (config.broken & flag) != 0; }

  // --- volumes ---
  struct Volume {
    std::string name;
    VolumeOptions options;
  };
  std::map<std::string, Volume, std::less<>> volumes;
  std::vector<std::string> LunsOf(const std::string& volume) const;

  // --- providers ---
  struct ProviderEntry;
  std::vector<std::unique_ptr<ProviderEntry>> providers;  // registration order
  ProviderEntry* FindProvider(VssId id) const;
  mutable IdIndex provider_index;  ///< FindProvider's index into `providers`
  /// The registered providers of one kind, in registration order. Cached, and rebuilt when `providers`
  /// has changed: the GUID_NULL selection asks for them once per volume, and walking every provider's
  /// info for each volume was quadratic in memory traffic. Like `providers`, the list is not to be
  /// iterated across a registration.
  const std::vector<ProviderEntry*>& ProvidersOfKind(ProviderType kind) const;
  mutable std::vector<const ProviderEntry*> kinds_built_from;        ///< `providers` when last built
  mutable std::map<ProviderType, std::vector<ProviderEntry*>> kinds;
  HResult Register(std::shared_ptr<Provider> provider);
  HResult Unregister(VssId id);
  /// Calls a provider method with containment, tracing, code validation and translation [S4].
  HResult CallProvider(Provider& p, ProviderMethod m, const std::function<HResult()>& call,
                       bool force_unload = false);
  /// The provider whose method is running (for LogEvent's defaults), or nullptr.
  Provider* current_provider = nullptr;
  ProviderMethod current_method = ProviderMethod::kOnLoad;
  void ProviderLog(Provider& p, EventLevel level, HResult code, std::string message, std::string method);

  // --- writers ---
  std::vector<Writer*> writers;  // subscription order
  Writer* FindWriter(VssId instance_id) const;
  mutable IdIndex writer_index;  ///< FindWriter's index into `writers`
  std::uint64_t instance_counter = 0;
  HResult Subscribe(Writer& w, std::uint32_t flags);
  HResult Unsubscribe(Writer& w);
  /// Runs one handler of `w` for requester session `session`, with the D15 response timer when `ev`
  /// has one, exception containment and the writer's handler context set.
  HandlerOutcome InvokeHandler(Writer& w, int session, SessionWriter* sw, WriterEvent ev,
                               const std::function<bool()>& call);
  /// SetWriterFailure(Ex) / SetFailure entry points: validation per D10 and [S3][S2][SF].
  enum class FailureApi { kSetWriterFailure, kSetWriterFailureEx, kComponentSetFailure };
  HResult ReportWriterFailure(Writer& w, FailureApi api, bool off_thread, HResult hr, HResult app,
                              std::string_view message, ComponentRecord* component, std::uint32_t reserved);
  /// Writer-side session lookups for GetCurrentSnapshotSetId / AreComponentsSelected.
  Requester* RequesterById(int id) const;

  /// Access to the writer's private bookkeeping for the dispatch code (Engine is the writer's friend).
  static WriterStatus& status_of(Writer& w) { return w.status_; }
  static void add_component(WriterComponents& c, Writer& w, ComponentRecord& rec) { c.items_.emplace_back(w, rec); }

  // --- requesters ---
  int requester_counter = 0;
  std::map<int, Requester*> requesters;  // live objects by id

  // --- the creation lock and the set being created [S4] ---
  std::optional<CreationSet> creating;
  std::uint64_t set_counter = 0;
  bool frozen = false;
  /// Ends the creation in progress (releases the lock) after checking the veto-logging rule.
  void EndCreation(std::string_view why);
  void SetFrozen(bool on, std::string_view why);

  // --- snapshots ---
  std::vector<SnapshotInfo> snapshots;
  void DeleteSnapshotsOf(VssId set_id, bool keep_persistent, std::string_view why);

  // --- operations ---
  void Start(const std::shared_ptr<Operation>& op);
  void Advance(const std::shared_ptr<Operation>& op);
  /// Records the final result (unless cancelled) and settles after the remaining steps.
  void Finish(Operation& op, HResult result);

  // --- dispatch order ---
  /// A seeded permutation of `items` (Fisher–Yates on dispatch_rng).
  template <class T>
  void Shuffle(std::vector<T>& items) {
    Rng& rng = Broken(broken::kGlobalDispatchRng) ? ProcessWideRng() : dispatch_rng;
    for (std::size_t i = items.size(); i > 1; --i) {
      const std::size_t j = static_cast<std::size_t>(rng.below(i));
      std::swap(items[i - 1], items[j]);
    }
  }

  // --- retry guidance, per client application [S1][S2][DSS] (D21) ---
  struct ClientRetry {
    bool pending = false;   ///< a guided failure was reported and not yet followed by a new attempt
    int pending_from = 0;   ///< requester id the failure was reported to
    Instant failure_time;
    HResult code;
    int retries = 0;        ///< retries so far in the current chain of failures
  };
  std::map<std::string, ClientRetry> clients;
  /// A code returned to requester `r` of `client`; records it when its guidance is "ten minutes, three
  /// times".
  void NoteReported(int requester, const std::string& client, HResult code);
  /// A new snapshot attempt by requester `r`: checks the retry rules.
  void NoteAttempt(int requester, const std::string& client);
  /// A requester object of `client` ended after a clean success: the failure chain ends.
  void NoteSuccess(const std::string& client);

  // --- tracing helpers ---
  void Record(std::string actor, std::string event,
             std::initializer_list<std::pair<std::string_view, std::string_view>> fields = {});
  void RunFor(Duration d);
  /// One generator for the whole process (broken::kGlobalDispatchRng only).
  static Rng& ProcessWideRng();

  std::shared_ptr<Provider> system_provider;
};

struct Engine::ProviderEntry {
  std::shared_ptr<Provider> provider;
  std::unique_ptr<ProviderHost> host;
  std::string actor;
};

}  // namespace vssfault::vss::detail
