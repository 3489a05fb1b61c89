#pragma once
/// RapidCheck generators of worlds and fault plans, in domain terms (reusable by `vssfault explore`).
///
/// Codes are drawn from the documented sets (the code catalog's roles, and the provider table of
/// provider_code_valid) and from everything else: other catalog codes and arbitrary 32-bit HRESULTs.
/// Delays cluster around the documented windows (freeze 59 s / 61 s around dwTimeoutFreeze, hold 9 s /
/// 11 s around the 10 s hold window, flush 9 s / 11 s around the 10 s flush window, 59 s / 61 s around
/// the 60 s response timeout).
///
/// Shrinking works in domain terms: containers drop a writer, provider, volume, fault, job or client
/// action; a hit selector shrinks towards "first hit only" and lower counts; a delay shrinks towards 0
/// (halving); a code shrinks towards a simpler one (an arbitrary value first to E_FAIL / S_FALSE, then
/// to the documented codes in table order).
#include <cstdint>
#include <vector>

#include <rapidcheck.h>

#include "vssfault/codes/catalog.h"
#include "vssfault/properties/world.h"

namespace vssfault::properties {

/// What a VSS world may contain. Every property narrows it to the worlds it speaks about.
struct VssGenOptions {
  int min_writers = 1;
  int max_writers = 8;
  int max_providers = 4;        ///< 1..max_providers generated providers (plus the built-in system one)
  int max_volumes = 64;         ///< total over providers and system-only volumes (at least 1)
  int max_writer_faults = 2;    ///< per writer
  int max_provider_faults = 2;  ///< per provider
  int max_hooks = 1;            ///< VSS-internal faults (writer status, operation result)
  std::vector<vss::WriterEvent> writer_events;       ///< empty: every backup event
  std::vector<vss::ProviderMethod> provider_methods; ///< empty: every provider method
  bool delays = true;           ///< time-taking faults and slow flushes
  bool long_response_delays = true;  ///< delays reaching the 60 s response timeout (D15) outside Freeze
  bool writer_misuse = true;    ///< undocumented writer codes, failures reported from OnIdentify
  bool throws = true;           ///< handlers and provider methods that throw
  bool provider_logs = true;    ///< provider faults that write to the event log
  int log_percent = 33;         ///< … how often a provider fault logs
  int code_percent = 60;        ///< how often a provider fault returns a code (else: delay / log / throw only)
  bool frozen_logs = true;      ///< … including from CommitSnapshots (logging while frozen [S4])
  bool unexpected_codes = true; ///< provider codes outside the valid table
};

struct BitsGenOptions {
  int max_jobs = 3;
  int max_faults = 3;    ///< per job
  int max_actions = 4;   ///< client actions per job
  bool disconnects = true;
  bool fatal = true;     ///< fatal natures and fatal codes; false forces every fault transient
  bool stalls = true;
};

namespace gen {

/// Codes for a writer-failure API: `role` is kRoleWriterFailure, kRoleWriterFailureEx or
/// kRoleComponentFailure. With `misuse`, also other catalog codes and arbitrary values.
rc::Gen<HResult> writerCode(std::uint32_t role, bool misuse);
/// Codes a provider method may return: the valid ones for `method` and, with `unexpected`, the [S4]
/// examples (S_FALSE, E_FAIL, E_UNEXPECTED, E_ABORT), other catalog codes and arbitrary values.
rc::Gen<HResult> providerCode(vss::ProviderMethod method, bool unexpected);
/// Codes a BITS error object may carry (role bits-job-error), HTTP statuses and arbitrary failures.
rc::Gen<HResult> bitsCode();
/// The valid provider codes of `method` that fail (catalog order).
std::vector<HResult> valid_provider_failures(vss::ProviderMethod method);
/// The catalog codes carrying every bit of `role`, in table order.
std::vector<HResult> codes_with_role(std::uint32_t role);

rc::Gen<HitSelector> hits();
/// A delay around `window` (window - 1 s, window, window + 1 s) or anywhere in [0, 2 × window].
rc::Gen<Duration> delayAround(Duration window);
/// Shrinks of a delay: 0, then values halving the distance to 0.
rc::Seq<Duration> shorter(Duration d);

rc::Gen<WriterFaultSpec> writerFault(const VssGenOptions& o, std::uint32_t freeze_timeout_ms, int components);
rc::Gen<WriterSpec> writer(const VssGenOptions& o);
rc::Gen<ProviderFaultSpec> providerFault(const VssGenOptions& o);
rc::Gen<VolumeSpec> volume(const VssGenOptions& o);
rc::Gen<ProviderSpec> provider(const VssGenOptions& o);
rc::Gen<HookFaultSpec> hook(int writers);
/// A VSS world (no BITS jobs).
rc::Gen<GeneratedWorld> vssWorld(const VssGenOptions& o = {});

rc::Gen<bits::TransportFault> transportFault(const BitsGenOptions& o, bits::JobType type);
rc::Gen<ClientAction> clientAction();
rc::Gen<JobSpec> job(const BitsGenOptions& o);
/// A BITS world (no VSS components): 1..max_jobs jobs of every type.
rc::Gen<GeneratedWorld> bitsWorld(const BitsGenOptions& o = {});

/// Both halves in one world.
rc::Gen<GeneratedWorld> world(const VssGenOptions& v = {}, const BitsGenOptions& b = {});

}  // namespace gen
}  // namespace vssfault::properties
