#include "vssfault/properties/vss_run.h"

#include <memory>

#include "vssfault/properties/vss_bench.h"

namespace vssfault::properties {

const StatusRow* StatusRead::row(const std::string& writer) const {
  for (const auto& r : rows)
    if (r.writer == writer) return &r;
  return nullptr;
}

const ComponentRead* StatusRead::component(const std::string& writer, const std::string& name) const {
  for (const auto& c : components)
    if (c.writer == writer && c.component == name) return &c;
  return nullptr;
}

const CallResult* VssObservation::call(const std::string& method, const std::string& detail) const {
  for (const auto& c : calls)
    if (c.method == method && (detail.empty() || c.detail == detail)) return &c;
  return nullptr;
}

std::vector<const CallResult*> VssObservation::calls_of(const std::string& method) const {
  std::vector<const CallResult*> out;
  for (const auto& c : calls)
    if (c.method == method) out.push_back(&c);
  return out;
}

const StatusRead* VssObservation::status_after(const std::string& operation) const {
  for (const auto& s : statuses)
    if (s.after == operation) return &s;
  return nullptr;
}

namespace {

using BC = vss::BackupComponents;
using AsyncMethod = HResult (BC::*)(std::shared_ptr<vss::Async>*);

struct Added {
  vss::VssId instance;
  vss::VssId writer_id;
  std::string writer;
  vss::WriterMetadata::ComponentInfo info;
};

// The hand-driven attempt (VssDriver::kSingle).
class SingleAttempt {
 public:
  SingleAttempt(VssBench& bench, const VssRunOptions& options, VssObservation& obs)
      : bench_(bench), options_(options), obs_(obs) {}

  void Run() {
    bc_ = bench_.system().CreateVssBackupComponents("single-attempt");
    Sequence();
    Call("Release", bc_->Release());
    bc_.reset();
  }

 private:
  HResult Call(std::string method, HResult hr, std::string detail = {}) {
    obs_.calls.push_back({bc_->id(), std::move(method), std::move(detail), hr, bench_.system().clock().now()});
    return hr;
  }

  // Starts an operation, waits for it, returns its QueryStatus result (S_OK when it finished).
  HResult Async(const std::string& name, AsyncMethod method) {
    std::shared_ptr<vss::Async> async;
    const HResult started = Call(name, ((*bc_).*method)(&async));
    if (started.failed() || !async) return started.failed() ? started : hr::E_UNEXPECTED;
    async->Wait();
    HResult status;
    async->QueryStatus(&status, nullptr);
    if (status == hr::VSS_S_ASYNC_FINISHED) status = hr::S_OK;
    return Call(name + ".async", status);
  }

  void ReadStatus(const std::string& after) {
    StatusRead read;
    read.after = after;
    read.trace_index = bench_.trace().size();
    if (Async("GatherWriterStatus", &BC::GatherWriterStatus) == hr::S_OK) {
      unsigned count = 0;
      if (bc_->GetWriterStatusCount(&count).succeeded()) {
        for (unsigned i = 0; i < count; ++i) {
          StatusRow row;
          vss::VssId instance, writer_id;
          if (bc_->GetWriterStatusEx(i, &instance, &writer_id, &row.writer, &row.state, &row.failure,
                                     &row.application, &row.message)
                  .succeeded())
            read.rows.push_back(std::move(row));
        }
      }
      bc_->FreeWriterStatus();
    }
    for (const Added& a : added_) {
      ComponentRead c;
      c.writer = a.writer;
      c.component = a.info.name;
      vss::Component* component = nullptr;
      c.get_failure = bc_->GetComponent(a.writer_id, a.info.logical_path, a.info.name, &component);
      if (c.get_failure.succeeded() && component) {
        std::uint32_t reserved = 0;
        c.get_failure = component->GetFailure(&c.failure, &c.application, &c.message, &reserved);
      }
      read.components.push_back(std::move(c));
    }
    obs_.statuses.push_back(std::move(read));
  }

  void Sequence() {
    const GeneratedWorld& w = bench_.world();
    if (Call("InitializeForBackup", bc_->InitializeForBackup()).failed()) return;
    if (Call("SetBackupState", bc_->SetBackupState(w.component_mode, false, vss::BackupType::kFull)).failed()) return;
    if (Async("GatherWriterMetadata", &BC::GatherWriterMetadata) != hr::S_OK) return;
    ReadStatus("GatherWriterMetadata");
    unsigned count = 0;
    if (Call("GetWriterMetadataCount", bc_->GetWriterMetadataCount(&count)).failed()) return;
    for (unsigned i = 0; i < count && w.component_mode; ++i) {
      vss::VssId instance;
      vss::WriterMetadata md;
      if (bc_->GetWriterMetadata(i, &instance, &md).failed()) continue;
      for (const auto& c : md.components) {
        if (Call("AddComponent", bc_->AddComponent(md.instance_id, md.writer_id, c.type, c.logical_path, c.name),
                 md.name + "\\" + c.name) == hr::S_OK)
          added_.push_back({md.instance_id, md.writer_id, md.name, c});
      }
    }
    vss::VssId set;
    if (Call("StartSnapshotSet", bc_->StartSnapshotSet(&set)).failed()) return;
    obs_.set_id = set;
    for (const auto& [volume, provider] : bench_.volume_providers()) {
      vss::VssId snapshot;
      Call("AddToSnapshotSet",
           bc_->AddToSnapshotSet(volume, options_.explicit_providers ? provider : vss::VssId::null(), &snapshot), volume);
    }
    if (Async("PrepareForBackup", &BC::PrepareForBackup) != hr::S_OK) {
      Call("AbortBackup", bc_->AbortBackup());
      return;
    }
    ReadStatus("PrepareForBackup");
    obs_.dss_result = Async("DoSnapshotSet", &BC::DoSnapshotSet);
    obs_.snapshots_after_dss = bench_.system().snapshots();
    if (obs_.calls.back().method != "DoSnapshotSet.async") obs_.dss_result.reset();  // refused at once
    ReadStatus("DoSnapshotSet");
    if (!obs_.dss_result || *obs_.dss_result != hr::S_OK) {
      Call("AbortBackup", bc_->AbortBackup());
      return;
    }
    for (const Added& a : added_)
      Call("SetBackupSucceeded",
           bc_->SetBackupSucceeded(a.instance, a.writer_id, a.info.type, a.info.logical_path, a.info.name, true),
           a.writer + "\\" + a.info.name);
    if (Async("BackupComplete", &BC::BackupComplete) != hr::S_OK) return;
    ReadStatus("BackupComplete");
  }

  VssBench& bench_;
  const VssRunOptions& options_;
  VssObservation& obs_;
  std::shared_ptr<BC> bc_;
  std::vector<Added> added_;
};

}  // namespace

VssObservation RunVss(const GeneratedWorld& world, const VssRunOptions& options) {
  VssObservation obs;
  {
    VssBench bench(world, options.breakage.vss, options.dispatch_seed);
    obs.register_results = bench.register_results();
    if (options.driver == VssDriver::kSingle) {
      SingleAttempt(bench, options, obs).Run();
    } else {
      requester::Policy policy;
      policy.component_mode = world.component_mode;
      policy.accept_vetoes = world.accept_vetoes;
      if (options.breakage.retry_delay) policy.retry_delay = *options.breakage.retry_delay;
      if (options.breakage.max_retries) policy.max_retries = *options.breakage.max_retries;
      policy.broken = options.breakage.requester;
      obs.backup = requester::ReferenceRequester(bench.system(), policy).Backup({world.volumes(), {}});
    }
    obs.unregister_results = bench.Unregister();
    vss::System& sys = bench.system();
    obs.snapshots_at_end = sys.snapshots();
    obs.event_log = sys.event_log().entries();
    obs.violations = sys.conformance().violations();
    obs.firings = bench.injector().firings();
    obs.trace = bench.trace().records();
    obs.trace_hash = bench.trace().hash();
    obs.end = sys.clock().now();
  }
  return obs;
}

}  // namespace vssfault::properties
