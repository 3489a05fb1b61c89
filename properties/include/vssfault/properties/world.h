#pragma once
/// A generated world as plain data: what the property generators produce, what the runners build models
/// from, and what a failing case prints. Faults live inside the component they belong to, so dropping a
/// writer, provider or job while shrinking drops its faults with it; names are assigned by position when
/// the world is built ("W0", "P1", "P1V0:\", "J2"), so a shrunk world stays consistent.
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "vssfault/bits/fault_plan.h"
#include "vssfault/bits/types.h"
#include "vssfault/kernel/duration.h"
#include "vssfault/kernel/hit_selector.h"
#include "vssfault/mocks/vss_fault_plan.h"
#include "vssfault/vss/provider.h"
#include "vssfault/vss/types.h"

namespace vssfault::properties {

struct WriterFaultSpec {
  vss::WriterEvent event = vss::WriterEvent::kFreeze;
  HitSelector when;
  mocks::WriterAction action;
};

struct WriterSpec {
  vss::ApplicationLevel level = vss::ApplicationLevel::kFrontEnd;
  std::uint32_t freeze_timeout_ms = 60000;  ///< dwTimeoutFreeze [INIT]
  int components = 1;                        ///< components "c0", "c1", … under logical path "W<i>"
  std::vector<WriterFaultSpec> faults;
};

struct VolumeSpec {
  Duration flush{};                ///< VolumeOptions::flush_duration (flush window: 10 s, D8)
  bool system_supports = true;     ///< whether the built-in system provider also takes it
};

struct ProviderFaultSpec {
  vss::ProviderMethod method = vss::ProviderMethod::kCommitSnapshots;
  HitSelector when;
  mocks::ProviderAction action;
};

struct ProviderSpec {
  vss::ProviderType type = vss::ProviderType::kSoftware;  ///< software or hardware
  std::vector<VolumeSpec> volumes;                         ///< the volumes it supports, "P<i>V<j>:\"
  std::vector<ProviderFaultSpec> faults;
};

/// A VSS-internal fault (vss::Hooks). `writer` indexes the world's writers for kWriterStatus; `method`
/// names the requester method or operation otherwise.
struct HookFaultSpec {
  mocks::VssPoint point = mocks::VssPoint::kWriterStatus;
  int writer = 0;
  std::string method;
  HitSelector when;
  HResult code;
};

/// Something the BITS client does to a job at a virtual time after the start.
struct ClientAction {
  enum class Kind : std::uint8_t { kSuspend, kResume, kCancel, kComplete, kAddFile };
  Duration at{};
  Kind kind = Kind::kResume;
};

struct JobSpec {
  bits::JobType type = bits::JobType::kDownload;
  int files = 1;                           ///< uploads hold exactly one [AF]
  std::uint64_t file_size = 64 * 1024;
  std::uint32_t no_progress_timeout_s = 3600;
  std::uint32_t min_retry_delay_s = 60;
  bool callback = true;                    ///< registers a recording IBackgroundCopyCallback
  std::vector<bits::TransportFault> faults;  ///< `job` is filled in with the job's name when built
  std::vector<ClientAction> actions;
};

struct GeneratedWorld {
  /// The run's seed: the model's Rng (dispatch order, probabilistic hits) is seeded from it.
  std::uint64_t seed = 1;
  std::vector<WriterSpec> writers;
  std::vector<ProviderSpec> providers;
  std::vector<VolumeSpec> system_volumes;  ///< volumes only the system provider supports, "S<j>:\"
  std::vector<HookFaultSpec> hooks;
  bool component_mode = true;              ///< SetBackupState(bSelectComponents)
  bool accept_vetoes = false;              ///< the reference requester's Policy::accept_vetoes [WEV]
  std::vector<JobSpec> jobs;

  // --- names and flattened views (what the runners build) ---
  static std::string writer_name(std::size_t i);
  static std::string provider_name(std::size_t i);
  static std::string provider_volume(std::size_t provider, std::size_t j);
  static std::string system_volume(std::size_t j);
  static std::string job_name(std::size_t i);
  /// Every volume name, providers' first (in order), then the system-only ones.
  std::vector<std::string> volumes() const;
  /// The fault plan the FaultInjector carries out (origins "gen:writer[i].fault[k]", …).
  mocks::VssFaultPlan vss_plan() const;
  /// The BITS transport faults, each bound to its job's name.
  std::vector<bits::TransportFault> bits_plan() const;
  /// Whether any writer or provider fault, or any volume flush, lets virtual time pass.
  bool has_delays() const;
};

/// A multi-line, YAML-like description (what a failing property prints as its counterexample).
std::string describe(const GeneratedWorld& world);
void showValue(const GeneratedWorld& world, std::ostream& os);
std::ostream& operator<<(std::ostream& os, const GeneratedWorld& world);

}  // namespace vssfault::properties
