#pragma once
/// The VSS fault plan as plain data: which writer handler, provider method or VSS-internal point
/// misbehaves, on which hits of its site, and how. The scenario runner builds it from a scenario's
/// `faults:` section (filling `origin` with the scenario position "file:line:col"); tests build it in
/// code. A FaultInjector (vss_fault_injector.h) carries it out through the mocks.
///
/// Sites — the stable names hits are counted under and probabilistic faults draw from
/// (Rng::split(site)):
///   vss.writer.<writer>.<handler>      e.g. vss.writer.SqlWriter.OnFreeze
///   vss.provider.<provider>.<method>   e.g. vss.provider.Ideal.CommitSnapshots
///   vss.requester.<method>             a BackupComponents method (of any requester object)
///   vss.status.<writer>                GatherWriterStatus collecting that writer's status
///   vss.async.<method>                 an asynchronous operation completing
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vssfault/codes/hresult.h"
#include "vssfault/kernel/duration.h"
#include "vssfault/kernel/hit_selector.h"
#include "vssfault/vss/event_log.h"
#include "vssfault/vss/provider.h"
#include "vssfault/vss/types.h"

namespace vssfault::mocks {

/// Which writer API reports the writer-level failure [S3] [S2].
enum class FailureApi : std::uint8_t { kSetWriterFailure, kSetWriterFailureEx };

/// CVssWriter::SetWriterFailure(code) or CVssWriterEx2::SetWriterFailureEx(code, application, message).
struct WriterFailureCall {
  FailureApi api = FailureApi::kSetWriterFailure;
  HResult code;          ///< hr / hrWriter; any value (an undocumented one provokes D10)
  HResult application;   ///< hrApplication (Ex only)
  std::string message;   ///< wszApplicationMessage (Ex only)
};

/// IVssComponentEx2::SetFailure on one of the writer's selected components [SF].
struct ComponentFailureCall {
  std::string logical_path;  ///< "" = the first selected component called `component`, whatever its path
  std::string component;
  HResult code;
  HResult application;
  std::string message;
};

/// What a faulted writer handler does on a hit that fires. The effects run in this order: `delay` of
/// virtual time passes inside the handler (Writer::Work; the freeze window can expire meanwhile); the
/// writer failure is reported; SetFailure is called for each component failure — followed, when
/// `partial_failure_ex` is set and no writer failure was given, by
/// SetWriterFailureEx(VSS_E_WRITERERROR_PARTIAL_FAILURE), which [SF] requires besides SetFailure; then
/// the handler throws an InjectedFault or returns `returns` (false = fatal veto, true with a failure =
/// non-fatal failure, D9). Component failures need a handler that receives the writer's components
/// (OnPrepareBackup, OnPostSnapshot, OnBackupComplete, OnPreRestore, OnPostRestore).
struct WriterAction {
  Duration delay{};
  std::optional<WriterFailureCall> failure;
  std::vector<ComponentFailureCall> components;
  bool partial_failure_ex = true;
  bool throws = false;
  bool returns = true;

  /// Fatal veto with no failure code.
  static WriterAction ReturnFalse();
  /// SetWriterFailure(code), then return `returns`.
  static WriterAction Failure(HResult code, bool returns);
  /// SetWriterFailureEx(code, application, message), then return `returns`.
  static WriterAction FailureEx(HResult code, HResult application, std::string message, bool returns);
  /// SetFailure on component `component` + SetWriterFailureEx(PARTIAL_FAILURE), then return true.
  static WriterAction ComponentFailure(std::string component, HResult code, HResult application = HResult{},
                                       std::string message = {});
  /// Take `d` of virtual time, then return `returns`.
  static WriterAction TakeTime(Duration d, bool returns = true);
  /// Throw (handlers must never throw; VSS treats it as returning false).
  static WriterAction Throw();

  /// One-line text for traces: "delay=61s SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE) return=false".
  std::string describe() const;
};

struct WriterFault {
  std::string writer;   ///< the writer's name (Writer::name())
  vss::WriterEvent event = vss::WriterEvent::kFreeze;
  HitSelector when;     ///< default: every hit
  WriterAction action;
  std::string origin;   ///< where the plan entry came from ("file:line:col"); free text
};

/// What a faulted provider method does on a hit that fires: `delay` passes inside the call
/// (ProviderHost::Work), the provider writes an Application-log entry when `log` is set (with
/// `log_code`, or `code` when that is unset), then it throws or returns `code` — or, without a code, its
/// ideal result. `code` may be any value: VSS translates one outside the method's documented list [S4].
struct ProviderAction {
  Duration delay{};
  std::optional<HResult> code;
  bool log = false;
  std::optional<HResult> log_code;
  std::string log_message = "injected provider fault";
  bool throws = false;

  static ProviderAction Return(HResult code);
  /// Take `d` of virtual time, then behave ideally.
  static ProviderAction TakeTime(Duration d);
  /// Write an event-log entry (during CommitSnapshots: logging while frozen), then behave ideally.
  static ProviderAction LogEvent(HResult code, std::string message = "injected provider fault");
  static ProviderAction Throw();

  std::string describe() const;
};

struct ProviderFault {
  std::string provider;  ///< the provider's name (ProviderInfo::name)
  vss::ProviderMethod method = vss::ProviderMethod::kCommitSnapshots;
  HitSelector when;
  ProviderAction action;
  std::string origin;
};

/// The VSS-internal fault points of vss::Hooks.
enum class VssPoint : std::uint8_t {
  kRequesterCall,  ///< a BackupComponents method returns `code` at once, with no effect
  kWriterStatus,   ///< a writer's status reads `code` (e.g. VSS_E_WRITER_STATUS_NOT_AVAILABLE [GWST])
  kAsyncResult,    ///< an asynchronous operation completes with `code` instead of its own result
};
std::string_view vss_point_name(VssPoint p);

struct VssFault {
  VssPoint point = VssPoint::kRequesterCall;
  /// kRequesterCall, kAsyncResult: the method ("DoSnapshotSet"); kWriterStatus: the writer's name.
  std::string target;
  HitSelector when;
  HResult code;
  std::string origin;
};

struct VssFaultPlan {
  std::vector<WriterFault> writers;
  std::vector<ProviderFault> providers;
  std::vector<VssFault> vss;
  bool empty() const { return writers.empty() && providers.empty() && vss.empty(); }
};

std::string writer_site(std::string_view writer, vss::WriterEvent event);
std::string provider_site(std::string_view provider, vss::ProviderMethod method);
std::string vss_site(VssPoint point, std::string_view target);

/// Problems that make a plan entry impossible to carry out (one message per problem, naming the entry
/// and its origin), e.g. a component failure in a handler that receives no components. Empty = valid.
/// Documented-code misuse is not a problem: the model judges it (D10, [S4]).
std::vector<std::string> validate(const VssFaultPlan& plan);

}  // namespace vssfault::mocks
