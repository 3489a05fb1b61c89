// The Writer base class (CVssWriter / CVssWriterEx2 shape), its metadata and component views.
#include "vssfault/vss/writer.h"

#include "engine.h"
#include "requester.h"
#include "vssfault/vss/system.h"

namespace vssfault::vss {

HResult CreateWriterMetadata::AddComponent(ComponentType ct, std::string_view path, std::string_view name) {
  if (name.empty()) return hr::E_INVALIDARG;
  for (const auto& c : components_)
    if (c.logical_path == path && c.name == name) return hr::VSS_E_OBJECT_ALREADY_EXISTS;
  components_.push_back({ct, std::string(path), std::string(name)});
  return hr::S_OK;
}

std::string WriterComponent::GetLogicalPath() const { return record_->logical_path; }
std::string WriterComponent::GetComponentName() const { return record_->name; }

HResult WriterComponent::SetFailure(HResult hr, HResult hrApplication, std::string_view message,
                                    std::uint32_t reserved) {
  return writer_->system().engine().ReportWriterFailure(*writer_, detail::Engine::FailureApi::kComponentSetFailure,
                                                        false, hr, hrApplication, message, record_, reserved);
}

HResult WriterComponents::GetComponentCount(unsigned* count) const {
  if (!count) return hr::E_INVALIDARG;
  *count = static_cast<unsigned>(items_.size());
  return hr::S_OK;
}

HResult WriterComponents::GetComponent(unsigned i, WriterComponent** component) {
  if (!component) return hr::E_INVALIDARG;
  if (i >= items_.size()) return hr::VSS_E_OBJECT_NOT_FOUND;
  *component = &items_[i];
  return hr::S_OK;
}

WriterComponent* WriterComponents::Find(std::string_view path, std::string_view name) {
  for (auto& c : items_)
    if (c.GetLogicalPath() == path && c.GetComponentName() == name) return &c;
  return nullptr;
}

Writer::Writer(System& system) : system_(&system) {}

Writer::~Writer() {
  if (subscribed_) system_->engine().Unsubscribe(*this);
}

std::string Writer::actor() const { return "writer:" + name_; }

HResult Writer::Initialize(VssId writerId, std::string_view name, UsageType ut, SourceType st, ApplicationLevel level,
                           std::uint32_t timeoutFreeze, std::string_view instanceName) {
  auto& e = system_->engine();
  if (initialized_ || writerId.is_null() || name.empty()) {
    e.Record("writer:" + std::string(name), "Initialize", {{"result", "E_INVALIDARG"}});
    return hr::E_INVALIDARG;
  }
  writer_id_ = writerId;
  name_ = std::string(name);
  instance_name_ = std::string(instanceName);
  usage_ = ut;
  source_ = st;
  level_ = level;
  timeout_freeze_ = Duration::ms(timeoutFreeze);
  initialized_ = true;
  const HResult result = e.config.writer_infrastructure_active ? hr::S_OK : hr::S_FALSE;
  e.Record(actor(), "Initialize",
           {{"id", writerId.to_string()}, {"level", application_level_name(level)},
            {"timeout_freeze", timeout_freeze_.to_string()}, {"result", result.name()}});
  return result;
}

HResult Writer::Subscribe(std::uint32_t flags) { return system_->engine().Subscribe(*this, flags); }
HResult Writer::Unsubscribe() { return system_->engine().Unsubscribe(*this); }

bool Writer::OnIdentify(CreateWriterMetadata*) { return true; }
bool Writer::OnPrepareBackup(WriterComponents*) { return true; }
bool Writer::OnPostSnapshot(WriterComponents*) { return true; }
bool Writer::OnBackupComplete(WriterComponents*) { return true; }
bool Writer::OnBackupShutdown(VssId) { return true; }
bool Writer::OnPreRestore(WriterComponents*) { return true; }
bool Writer::OnPostRestore(WriterComponents*) { return true; }

HResult Writer::SetWriterFailure(HResult hr) {
  return system_->engine().ReportWriterFailure(*this, detail::Engine::FailureApi::kSetWriterFailure, false, hr,
                                               HResult{}, {}, nullptr, 0);
}

HResult Writer::SetWriterFailureEx(HResult hrWriter, HResult hrApplication, std::string_view message) {
  return system_->engine().ReportWriterFailure(*this, detail::Engine::FailureApi::kSetWriterFailureEx, false,
                                               hrWriter, hrApplication, message, nullptr, 0);
}

HResult Writer::Worker::SetWriterFailure(HResult hr) {
  return writer_->system().engine().ReportWriterFailure(*writer_, detail::Engine::FailureApi::kSetWriterFailure,
                                                        true, hr, HResult{}, {}, nullptr, 0);
}

HResult Writer::Worker::SetWriterFailureEx(HResult hrWriter, HResult hrApplication, std::string_view message) {
  return writer_->system().engine().ReportWriterFailure(
      *writer_, detail::Engine::FailureApi::kSetWriterFailureEx, true, hrWriter, hrApplication, message, nullptr, 0);
}

VssId Writer::GetCurrentSnapshotSetId() {
  auto& e = system_->engine();
  if (!in_handler_) return VssId::null();
  if (current_event_ == WriterEvent::kBackupShutdown) {
    e.conformance.Report(rules::kWriterSnapshotSetIdInShutdown, actor(),
                         "GetCurrentSnapshotSetId called from OnBackupShutdown");
    return VssId::null();
  }
  switch (current_event_) {
    case WriterEvent::kPrepareForSnapshot:
    case WriterEvent::kFreeze:
    case WriterEvent::kThaw:
    case WriterEvent::kPostSnapshot:
    case WriterEvent::kAbort:
      break;
    default:
      return VssId::null();
  }
  const Requester* r = e.RequesterById(current_session_);
  return r ? r->set_id : VssId::null();
}

bool Writer::AreComponentsSelected() const {
  const Requester* r = system_->engine().RequesterById(current_session_);
  return in_handler_ && r && r->select_components;
}

BackupType Writer::GetBackupType() const {
  const Requester* r = system_->engine().RequesterById(current_session_);
  return in_handler_ && r ? r->backup_type : BackupType::kUndefined;
}

void Writer::Work(Duration d) {
  auto& e = system_->engine();
  e.Record(actor(), "work", {{"duration", d.to_string()}});
  e.RunFor(d);
}

}  // namespace vssfault::vss
