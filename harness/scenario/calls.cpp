#include "vssfault/scenario/calls.h"

#include <vector>

namespace vssfault::scenario {
namespace {

ArgSpec required(std::string_view name, ArgType type) { return {name, type, std::nullopt, {}}; }
ArgSpec optional(std::string_view name, ArgType type, ArgValue value) { return {name, type, std::move(value), {}}; }
ArgSpec choice(std::string_view name, std::vector<std::string_view> choices) {
  ArgValue first{std::string(choices.front())};
  return {name, ArgType::kChoice, std::move(first), std::move(choices)};
}

CallSpec requester(std::string_view name, bool async, std::vector<ArgSpec> args = {}) {
  return {name, CallTarget::kRequester, async, std::move(args)};
}
CallSpec job(std::string_view name, std::vector<ArgSpec> args = {}) {
  args.insert(args.begin(), required("job", ArgType::kJob));
  return {name, CallTarget::kBitsJob, false, std::move(args)};
}

std::vector<CallSpec> build() {
  return {
      // IVssBackupComponents, in the order of §3.1 (restore calls after the backup ones).
      requester("InitializeForBackup", false),
      requester("InitializeForRestore", false),
      // VSS_CTX_* [H:vss.h:108-116]; backup is the default context [SCTX].
      requester("SetContext", false,
                {choice("context", {"backup", "file-share-backup", "nas-rollback", "app-rollback",
                                    "client-accessible", "client-accessible-writers"})}),
      requester("SetBackupState", false,
                {optional("select_components", ArgType::kBool, true),
                 optional("bootable_system_state", ArgType::kBool, false),
                 choice("backup_type", {"full", "incremental", "differential", "log", "copy", "other"}),
                 optional("partial_file_support", ArgType::kBool, false)}),
      requester("GatherWriterMetadata", true),
      requester("AddComponent", false,
                {required("writer", ArgType::kWriter), required("component", ArgType::kComponent)}),
      requester("StartSnapshotSet", false),
      requester("AddToSnapshotSet", false,
                {required("volume", ArgType::kVolume), optional("provider", ArgType::kProvider, std::string())}),
      requester("PrepareForBackup", true),
      requester("DoSnapshotSet", true),
      requester("GatherWriterStatus", true),
      // IVssComponentEx2::GetFailure [S1] on a component obtained with GetComponent; `null_argument`
      // passes NULL for one of the four out-parameters (E_INVALIDARG).
      requester("GetFailure", false,
                {required("writer", ArgType::kWriter), required("component", ArgType::kComponent),
                 choice("null_argument", {"none", "phr", "phrApplication", "pbstrApplicationMessage", "pdwReserved"})}),
      requester("SetBackupSucceeded", false,
                {required("writer", ArgType::kWriter), required("component", ArgType::kComponent),
                 optional("succeeded", ArgType::kBool, true)}),
      requester("BackupComplete", true),
      requester("AbortBackup", false),
      requester("PreRestore", true),
      requester("PostRestore", true),
      requester("Release", false),
      // The VSS service itself: unregistering a provider unloads it (OnUnload(TRUE), D20) [OU] [PRL].
      {"UnregisterProvider", CallTarget::kVss, false, {required("provider", ArgType::kProvider)}},
      // IBackgroundCopyJob (§6.4) on a job of the world.
      job("Resume"),
      job("Suspend"),
      job("Cancel"),
      job("Complete"),
      job("GetState"),
      job("GetError"),
      job("GetErrorCount"),
      job("GetReplyProgress"),
      job("SetNoProgressTimeout", {required("timeout", ArgType::kDuration)}),
      job("SetMinimumRetryDelay", {required("delay", ArgType::kDuration)}),
      job("SetNotifyFlags", {required("flags", ArgType::kNotifyFlags)}),
      job("AddFile", {required("remote", ArgType::kString), required("local", ArgType::kString),
                      required("size", ArgType::kUInt)}),
      job("SetReplyFileName", {required("file", ArgType::kString)}),
  };
}

}  // namespace

std::span<const CallSpec> all_calls() {
  static const std::vector<CallSpec> kCalls = build();
  return kCalls;
}

const CallSpec* find_call(std::string_view name) {
  for (const auto& c : all_calls()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

}  // namespace vssfault::scenario
