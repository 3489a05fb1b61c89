#include "step_calls.h"

#include <algorithm>
#include <stdexcept>

#include "convert.h"

namespace vssfault::runner::detail {
namespace {

using BC = vss::BackupComponents;

const scenario::ArgValue& arg(const scenario::Step& s, std::string_view name) {
  for (const auto& a : s.args) {
    if (a.name == name) return a.value.value;
  }
  throw std::logic_error("step " + s.call.value + " at " + s.mark.to_string() + " has no argument '" +
                         std::string(name) + "'");
}
template <class T>
const T& get(const scenario::Step& s, std::string_view name) {
  return std::get<T>(arg(s, name));
}
const std::string& text(const scenario::Step& s, std::string_view name) { return get<std::string>(s, name); }

std::uint32_t seconds(Duration d) {
  return static_cast<std::uint32_t>(std::clamp<std::int64_t>(d.count_ms() / 1000, 0, UINT32_MAX));
}

vss::VssId writer_id(const scenario::Step& s) { return vss::VssId::named(text(s, "writer")); }
vss::VssId instance_id(StepRun& r, const scenario::Step& s) {
  const vss::Writer* w = r.w.system->FindWriter(text(s, "writer"));
  return w != nullptr ? w->instance_id() : vss::VssId::null();
}

bits::Job& job(StepRun& r, const scenario::Step& s) {
  bits::Job* j = r.w.find_job(text(s, "job"));
  if (j == nullptr) throw std::logic_error("step " + s.call.value + ": no job '" + text(s, "job") + "'");
  return *j;
}

StepFn requester_call(HResult (*fn)(StepRun&, BC&, const scenario::Step&)) {
  return [fn](StepRun& r, const scenario::Step& s) {
    r.current = &r.object(s);
    return fn(r, *r.current->bc, s);
  };
}
StepFn async_call(HResult (BC::*method)(std::shared_ptr<vss::Async>*)) {
  return [method](StepRun& r, const scenario::Step& s) {
    r.current = &r.object(s);
    return run_async(*r.current->bc, method);
  };
}
StepFn job_call(HResult (*fn)(StepRun&, bits::Job&, const scenario::Step&)) {
  return [fn](StepRun& r, const scenario::Step& s) { return fn(r, job(r, s), s); };
}

std::map<std::string_view, StepFn> build() {
  std::map<std::string_view, StepFn> t;
  t["InitializeForBackup"] = requester_call([](StepRun&, BC& bc, const scenario::Step&) {
    return bc.InitializeForBackup();
  });
  t["InitializeForRestore"] = requester_call([](StepRun& r, BC& bc, const scenario::Step&) {
    // The model does not parse the Backup Components Document; any non-empty text stands for it.
    const HResult result = bc.InitializeForRestore("<BACKUP_COMPONENTS/>");
    if (result == hr::S_OK) r.current->restore = true;
    return result;
  });
  t["SetContext"] = requester_call([](StepRun&, BC& bc, const scenario::Step& s) {
    return bc.SetContext(snapshot_context(text(s, "context")));
  });
  t["SetBackupState"] = requester_call([](StepRun&, BC& bc, const scenario::Step& s) {
    return bc.SetBackupState(get<bool>(s, "select_components"), get<bool>(s, "bootable_system_state"),
                             backup_type(text(s, "backup_type")), get<bool>(s, "partial_file_support"));
  });
  t["GatherWriterMetadata"] = async_call(&BC::GatherWriterMetadata);
  t["AddComponent"] = requester_call([](StepRun& r, BC& bc, const scenario::Step& s) {
    if (r.current->restore) {
      return bc.SetSelectedForRestore(writer_id(s), vss::ComponentType::kFileGroup, "", text(s, "component"), true);
    }
    return bc.AddComponent(instance_id(r, s), writer_id(s), vss::ComponentType::kFileGroup, "",
                           text(s, "component"));
  });
  t["StartSnapshotSet"] = requester_call([](StepRun&, BC& bc, const scenario::Step&) {
    vss::VssId set;
    return bc.StartSnapshotSet(&set);
  });
  t["AddToSnapshotSet"] = requester_call([](StepRun&, BC& bc, const scenario::Step& s) {
    const std::string& provider = text(s, "provider");
    vss::VssId snapshot;
    return bc.AddToSnapshotSet(text(s, "volume"), provider.empty() ? vss::VssId::null() : vss::VssId::named(provider),
                               &snapshot);
  });
  t["PrepareForBackup"] = async_call(&BC::PrepareForBackup);
  t["DoSnapshotSet"] = async_call(&BC::DoSnapshotSet);
  t["GatherWriterStatus"] = async_call(&BC::GatherWriterStatus);
  t["GetFailure"] = requester_call([](StepRun&, BC& bc, const scenario::Step& s) {
    vss::Component* component = nullptr;
    const HResult found = bc.GetComponent(writer_id(s), "", text(s, "component"), &component);
    if (found != hr::S_OK || component == nullptr) return found;
    // [S1]: every out-parameter is required; `null_argument` passes NULL for one of them.
    const std::string& null = text(s, "null_argument");
    HResult failure;
    HResult application;
    std::string message;
    std::uint32_t reserved = 0;
    return component->GetFailure(null == "phr" ? nullptr : &failure, null == "phrApplication" ? nullptr : &application,
                                 null == "pbstrApplicationMessage" ? nullptr : &message,
                                 null == "pdwReserved" ? nullptr : &reserved);
  });
  t["SetBackupSucceeded"] = requester_call([](StepRun& r, BC& bc, const scenario::Step& s) {
    return bc.SetBackupSucceeded(instance_id(r, s), writer_id(s), vss::ComponentType::kFileGroup, "",
                                 text(s, "component"), get<bool>(s, "succeeded"));
  });
  t["BackupComplete"] = async_call(&BC::BackupComplete);
  t["AbortBackup"] = requester_call([](StepRun&, BC& bc, const scenario::Step&) { return bc.AbortBackup(); });
  t["PreRestore"] = async_call(&BC::PreRestore);
  t["PostRestore"] = async_call(&BC::PostRestore);
  t["Release"] = requester_call([](StepRun& r, BC& bc, const scenario::Step&) {
    // What GetFailure says is gone with the object: read it first.
    if (!r.current->released && r.current == r.first()) read_component_failures(r.w, bc, r.out);
    r.current->released = true;
    return bc.Release();
  });
  t["UnregisterProvider"] = [](StepRun& r, const scenario::Step& s) {
    return r.w.system->UnregisterProvider(vss::VssId::named(text(s, "provider")));
  };

  t["Resume"] = job_call([](StepRun&, bits::Job& j, const scenario::Step&) { return j.Resume(); });
  t["Suspend"] = job_call([](StepRun&, bits::Job& j, const scenario::Step&) { return j.Suspend(); });
  t["Cancel"] = job_call([](StepRun&, bits::Job& j, const scenario::Step&) { return j.Cancel(); });
  t["Complete"] = job_call([](StepRun&, bits::Job& j, const scenario::Step&) { return j.Complete(); });
  t["GetState"] = job_call([](StepRun&, bits::Job& j, const scenario::Step&) {
    bits::JobState state;
    return j.GetState(&state);
  });
  t["GetError"] = job_call([](StepRun&, bits::Job& j, const scenario::Step&) {
    std::shared_ptr<const bits::Error> error;
    return j.GetError(&error);
  });
  t["GetErrorCount"] = job_call([](StepRun&, bits::Job& j, const scenario::Step&) {
    std::uint32_t count = 0;
    return j.GetErrorCount(&count);
  });
  t["GetReplyProgress"] = job_call([](StepRun&, bits::Job& j, const scenario::Step&) {
    bits::ReplyProgress progress;
    return j.GetReplyProgress(&progress);
  });
  t["SetNoProgressTimeout"] = job_call([](StepRun&, bits::Job& j, const scenario::Step& s) {
    return j.SetNoProgressTimeout(seconds(get<Duration>(s, "timeout")));
  });
  t["SetMinimumRetryDelay"] = job_call([](StepRun&, bits::Job& j, const scenario::Step& s) {
    return j.SetMinimumRetryDelay(seconds(get<Duration>(s, "delay")));
  });
  t["SetNotifyFlags"] = job_call([](StepRun&, bits::Job& j, const scenario::Step& s) {
    std::uint32_t mask = 0;
    for (const auto& name : get<std::vector<std::string>>(s, "flags")) {
      const auto flag = scenario::from_name<scenario::NotifyFlag>(name);
      if (!flag) throw std::logic_error("step SetNotifyFlags: unknown flag '" + name + "'");
      mask |= *flag;
    }
    return j.SetNotifyFlags(notify_mask(mask));
  });
  t["AddFile"] = job_call([](StepRun& r, bits::Job& j, const scenario::Step& s) {
    // The transport must know the file's size before BITS asks for its bytes.
    const bool upload = j.type() != bits::JobType::kDownload;
    r.w.transport->config().file_sizes[upload ? text(s, "local") : text(s, "remote")] = get<std::uint64_t>(s, "size");
    return j.AddFile(text(s, "remote"), text(s, "local"));
  });
  t["SetReplyFileName"] = job_call([](StepRun&, bits::Job& j, const scenario::Step& s) {
    return j.SetReplyFileName(text(s, "file"));
  });
  return t;
}

}  // namespace

RequesterObject& StepRun::object(const scenario::Step& s) {
  const std::string& name = s.requester.value;
  auto it = requesters.find(name);
  if (it == requesters.end()) {
    // Each object is its own requester application (retry guidance is tracked per client [S1][DSS]).
    const std::string client = name == scenario::kDefaultRequester ? "scenario-steps" : "scenario-steps:" + name;
    it = requesters.emplace(name, RequesterObject{w.system->CreateVssBackupComponents(client), false, false}).first;
    created.push_back(name);
  }
  return it->second;
}

const RequesterObject* StepRun::first() const {
  return created.empty() ? nullptr : &requesters.find(created.front())->second;
}

const std::map<std::string_view, StepFn>& step_table() {
  static const std::map<std::string_view, StepFn> kTable = build();
  return kTable;
}

}  // namespace vssfault::runner::detail
