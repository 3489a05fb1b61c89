#pragma once
/// The world a scenario runs in: volumes, writers with their components, providers, BITS jobs, and the
/// timer and misuse settings of the model. Every field is filled in by the loader (defaults included).
#include <cstdint>
#include <string>
#include <vector>

#include "vssfault/kernel/duration.h"
#include "vssfault/scenario/mark.h"
#include "vssfault/scenario/vocabulary.h"

namespace vssfault::scenario {

/// A writer component and the volumes its files live on.
struct Component {
  Mark mark;
  Located<std::string> name;
  std::vector<Located<std::string>> volumes;  ///< names from Scenario::volumes; default none
  friend bool operator==(const Component&, const Component&) = default;
};

struct Writer {
  Mark mark;
  Located<std::string> name;
  Located<WriterLevel> level{WriterLevel::kFrontEnd, {}};        ///< default front-end [INIT]
  Located<Duration> freeze_timeout{Duration::seconds(60), {}};   ///< dwTimeoutFreeze, default 60 s [INIT]
  Located<std::string> instance_name;                            ///< default "" (no instance name) [INIT]
  std::vector<Component> components;
  friend bool operator==(const Writer&, const Writer&) = default;
};

struct Provider {
  Mark mark;
  Located<std::string> name;
  Located<ProviderKind> kind{ProviderKind::kSoftware, {}};
  std::vector<Located<std::string>> volumes;  ///< the volumes it supports; default: every volume
  friend bool operator==(const Provider&, const Provider&) = default;
};

struct JobFile {
  Mark mark;
  Located<std::string> remote;
  Located<std::string> local;
  Located<std::uint64_t> size;  ///< bytes
  friend bool operator==(const JobFile&, const JobFile&) = default;
};

struct Job {
  Mark mark;
  Located<std::string> name;
  Located<JobType> type{JobType::kDownload, {}};
  std::vector<JobFile> files;
  Located<Duration> no_progress_timeout{Duration::days(14), {}};     ///< [NPT] 1,209,600 s
  Located<Duration> minimum_retry_delay{Duration::minutes(10), {}};  ///< [MRD] 600 s
  /// BG_NOTIFY_* bits; default JOB_TRANSFERRED | JOB_ERROR [WT:656-666].
  Located<std::uint32_t> notify_flags{kNotifyJobTransferred | kNotifyJobError, {}};
  Located<std::uint64_t> transfer_rate{1'048'576, {}};  ///< bytes per virtual second; default 1 MiB/s
  friend bool operator==(const Job&, const Job&) = default;
};

/// Event-log behaviour of the reference writers and providers.
struct EventLogSettings {
  Mark mark;
  /// Reference writers write an Application-log entry when a fault makes them fail (the handler
  /// pages: "always write an event-log entry").
  Located<bool> writers_log_failures{true, {}};
  /// Reference providers log when they fail; VSS_E_PROVIDER_VETO must be logged [S4].
  Located<bool> providers_log_failures{true, {}};
  friend bool operator==(const EventLogSettings&, const EventLogSettings&) = default;
};

/// How long flushing one volume takes at flush-and-hold (vss::VolumeOptions::flush_duration); longer
/// than `flush_timeout` fails the set with VSS_E_FLUSH_WRITES_TIMEOUT (D8).
struct VolumeFlush {
  Mark mark;
  Located<std::string> volume;
  Located<Duration> duration;
  friend bool operator==(const VolumeFlush&, const VolumeFlush&) = default;
};

struct Settings {
  Mark mark;
  Located<Duration> flush_timeout{Duration::seconds(10), {}};     ///< D8
  Located<Duration> hold_timeout{Duration::seconds(10), {}};      ///< D8, [SCCP] [KB975688]
  Located<Duration> response_timeout{Duration::seconds(60), {}};  ///< D15
  Located<MisuseMode> misuse{MisuseMode::kStrict, {}};            ///< D10
  /// Per-volume flush durations, in file order; a volume not listed flushes at once (0 s).
  std::vector<VolumeFlush> flush_durations;
  EventLogSettings event_log;
  friend bool operator==(const Settings&, const Settings&) = default;
};

}  // namespace vssfault::scenario
