#pragma once
/// The fault plan: what goes wrong, where, and on which hits of the site.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "vssfault/codes/hresult.h"
#include "vssfault/kernel/duration.h"
#include "vssfault/kernel/hit_selector.h"
#include "vssfault/scenario/mark.h"
#include "vssfault/scenario/vocabulary.h"

namespace vssfault::scenario {

/// Which hits of a site fire: `{nth: k}`, `{first: n}`, `every`, `{probability: p}`. Default {nth: 1}.
struct HitSpec {
  HitSelector::Kind kind = HitSelector::Kind::kNth;
  std::uint64_t n = 1;  ///< kNth: the hit (1-based); kFirstN: how many
  double p = 1.0;       ///< kProbability
  HitSelector selector() const { return {kind, n, p}; }
  /// The first hit that can fire (nth: n; first, every, probability: 1).
  std::uint64_t first_firing_hit() const { return kind == HitSelector::Kind::kNth ? n : 1; }
  friend bool operator==(const HitSpec&, const HitSpec&) = default;
};

/// IVssComponentEx2::SetFailure made by the writer during the faulted handler [SF].
struct ComponentFailure {
  Mark mark;
  Located<std::string> component;
  Located<HResult> code;
  Located<HResult> application_code;  ///< default S_OK
  Located<std::string> message;       ///< default ""
  friend bool operator==(const ComponentFailure&, const ComponentFailure&) = default;
};

/// A writer handler misbehaving. Effects combine: the handler waits `delay`, calls SetWriterFailure(Ex)
/// when `code` is set, calls SetFailure for each component failure, then throws or returns `returns`.
struct WriterFault {
  Located<std::string> writer;
  Located<WriterEvent> event;
  std::optional<Located<HResult>> code;        ///< hr for SetWriterFailure / hrWriter for ...Ex
  Located<HResult> application_code;           ///< hrApplication; default S_OK
  Located<std::string> message;                ///< wszApplicationMessage; default ""
  /// Default: set_writer_failure_ex when application_code or message is given, else set_writer_failure.
  Located<FailureApi> api{FailureApi::kSetWriterFailure, {}};
  Located<bool> returns{true, {}};             ///< the handler's bool result; false is a fatal veto (D9)
  std::vector<ComponentFailure> component_failures;
  std::optional<Located<bool>> retryable;      ///< VSS Test Writer annotation, checked against `code`
  friend bool operator==(const WriterFault&, const WriterFault&) = default;
};

/// A provider method returning `code` (after `delay`).
struct ProviderFault {
  Located<std::string> provider;
  Located<ProviderMethod> method;
  std::optional<Located<HResult>> code;
  /// Set when `code` is deliberately outside the valid provider table [S4]: VSS logs and translates
  /// it to VSS_E_UNEXPECTED_PROVIDER_ERROR (not for AbortSnapshots and OnUnload, D20).
  Located<bool> unexpected{false, {}};
  /// The provider writes an Application-log entry in this call. Default: true exactly when `code` is
  /// VSS_E_PROVIDER_VETO, which the provider "must also" log [S4].
  Located<bool> log{false, {}};
  friend bool operator==(const ProviderFault&, const ProviderFault&) = default;
};

/// The BITS transport failing at a point of a job's transfer.
struct BitsFault {
  Located<std::string> job;
  Located<TransferPoint> point;
  std::optional<Located<HResult>> code;
  std::optional<Located<ErrorContext>> context;  ///< required with a code, absent without one
  Located<Severity> severity{Severity::kDocumented, {}};  ///< default: the code's documented nature
  /// transfer and reply-transfer: bytes of the file (or reply) that move in the failing attempt before
  /// the fault acts; default 0.
  Located<std::uint64_t> bytes{0, {}};
  friend bool operator==(const BitsFault&, const BitsFault&) = default;
};

/// A BackupComponents method failing inside VSS itself, before it does anything (vss::Hooks::
/// OnRequesterCall): what no writer or provider can make happen, e.g. GetFailure's E_OUTOFMEMORY [S1].
struct VssCallFault {
  Located<std::string> method;           ///< "GetFailure"
  std::optional<Located<HResult>> code;  ///< required; one of the method's documented failure codes
  friend bool operator==(const VssCallFault&, const VssCallFault&) = default;
};

/// The requester methods a VssCallFault may name, each with the failure codes its documentation lists
/// that only VSS itself produces.
struct VssCallSpec {
  std::string_view method;
  std::string_view api;     ///< "IVssComponentEx2::GetFailure"
  std::string_view source;  ///< the statement's tag: "S1"
  std::vector<HResult> codes;
};
const std::vector<VssCallSpec>& vss_call_specs();
const VssCallSpec* find_vss_call(std::string_view method);

struct Fault {
  Mark mark;
  Located<HitSpec> hit;
  Located<Duration> delay;                  ///< virtual time the call takes first; default 0ms
  Located<bool> throws{false, {}};          ///< writer faults only: the handler throws
  Located<bool> deliberate_misuse{false, {}};  ///< allow a code the documentation forbids here
  std::variant<WriterFault, ProviderFault, BitsFault, VssCallFault> target;
  friend bool operator==(const Fault&, const Fault&) = default;
};

}  // namespace vssfault::scenario
