#pragma once
/// What drives the model: the reference requester, the reference BITS client, or an explicit list of
/// API calls and clock advances.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vssfault/codes/hresult.h"
#include "vssfault/kernel/duration.h"
#include "vssfault/scenario/calls.h"
#include "vssfault/scenario/mark.h"
#include "vssfault/scenario/vocabulary.h"

namespace vssfault::scenario {

/// The reference requester's policy: the backup sequence of §3.1, retried on the codes D21 names.
struct RequesterPolicy {
  Located<Operation> operation{Operation::kBackup, {}};
  Located<std::uint64_t> retries{3, {}};                       ///< D21: up to three times
  Located<Duration> retry_delay{Duration::minutes(10), {}};    ///< D21: wait ten minutes
  Located<bool> component_mode{true, {}};                      ///< SetBackupState(bSelectComponents)
  Located<BackupType> backup_type{BackupType::kFull, {}};      ///< SetBackupState(backupType)
  Located<bool> accept_vetoes{false, {}};                      ///< [WEV]: go on without the vetoing writers
  Located<bool> abort_on_failure{true, {}};                    ///< false: skip AbortBackup (a misuse) [ABRT]
  Located<Duration> in_progress_delay{Duration::seconds(60), {}};  ///< wait after SNAPSHOT_SET_IN_PROGRESS [SSS]
  Located<std::uint64_t> max_in_progress_waits{10, {}};
  /// Volumes added to the snapshot set (GUID_NULL provider: VSS chooses); default every volume.
  std::vector<Located<std::string>> volumes;
  friend bool operator==(const RequesterPolicy&, const RequesterPolicy&) = default;
};

struct BitsClientPolicy {
  Located<NotifyMode> notify{NotifyMode::kCallback, {}};
  Located<Duration> poll_interval{Duration::seconds(5), {}};  ///< poll mode: GetState period
  Located<OnError> on_error{OnError::kCancel, {}};
  Located<std::uint64_t> max_resumes{3, {}};  ///< on_error resume: resumes before giving up and cancelling
  friend bool operator==(const BitsClientPolicy&, const BitsClientPolicy&) = default;
};

/// The name of the requester object a requester call step uses when it names none.
inline constexpr std::string_view kDefaultRequester = "main";

struct StepArg {
  std::string name;
  Located<ArgValue> value;
  friend bool operator==(const StepArg&, const StepArg&) = default;
};

/// One step: an API call (with every argument filled in, in the table's order) or a clock advance.
struct Step {
  enum class Kind : std::uint8_t { kCall, kAdvance };
  Mark mark;
  Kind kind = Kind::kCall;
  Located<std::string> call;  ///< kCall: a name from all_calls()
  /// kCall of a requester call: the requester object it is made on (one IVssBackupComponents per
  /// name, made at the first call naming it); default kDefaultRequester. Empty for other steps.
  Located<std::string> requester;
  std::vector<StepArg> args;  ///< kCall
  /// kCall: the HRESULT the call (or its async operation) must give; nullopt means `expect: any`.
  /// Default S_OK.
  Located<std::optional<HResult>> expect{HResult{0}, {}};
  Located<Duration> advance;  ///< kAdvance
  friend bool operator==(const Step&, const Step&) = default;
};

struct Driver {
  Mark mark;
  /// Default: reference-bits-client when the world has BITS jobs and no writers, else
  /// reference-requester.
  Located<DriverKind> kind{DriverKind::kReferenceRequester, {}};
  RequesterPolicy requester;    ///< kind reference-requester
  BitsClientPolicy bits_client; ///< kind reference-bits-client
  std::vector<Step> steps;      ///< kind steps
  friend bool operator==(const Driver&, const Driver&) = default;
};

}  // namespace vssfault::scenario
