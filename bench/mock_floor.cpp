#include "mock_floor.h"

#include <stdexcept>
#include <string_view>
#include <utility>

#include <gmock/gmock.h>

#include "bits_world.h"
#include "vssfault/bits/ideal_transport.h"
#include "vssfault/kernel/clock.h"
#include "vssfault/kernel/event_queue.h"
#include "vssfault/mocks/bits_fault_injector.h"
#include "vssfault/mocks/bits_mock_transport.h"
#include "vssfault/mocks/mock_provider.h"
#include "vssfault/mocks/mock_writer.h"
#include "vssfault/vss/system.h"

namespace vssfault::bench {
namespace {

using ::testing::_;
using ::testing::Return;
using vss::VssId;
using vss::WriterEvent;

// What FaultInjector::Attach installs for a writer fault, minus the injector: an ON_CALL on the handler.
void install(mocks::MockWriter& w, WriterEvent e, bool returns) {
  switch (e) {
    case WriterEvent::kIdentify: ON_CALL(w, OnIdentify(_)).WillByDefault(Return(returns)); break;
    case WriterEvent::kPrepareForBackup: ON_CALL(w, OnPrepareBackup(_)).WillByDefault(Return(returns)); break;
    case WriterEvent::kPrepareForSnapshot: ON_CALL(w, OnPrepareSnapshot()).WillByDefault(Return(returns)); break;
    case WriterEvent::kFreeze: ON_CALL(w, OnFreeze()).WillByDefault(Return(returns)); break;
    case WriterEvent::kThaw: ON_CALL(w, OnThaw()).WillByDefault(Return(returns)); break;
    case WriterEvent::kPostSnapshot: ON_CALL(w, OnPostSnapshot(_)).WillByDefault(Return(returns)); break;
    case WriterEvent::kBackupComplete: ON_CALL(w, OnBackupComplete(_)).WillByDefault(Return(returns)); break;
    case WriterEvent::kBackupShutdown: ON_CALL(w, OnBackupShutdown(_)).WillByDefault(Return(returns)); break;
    case WriterEvent::kPreRestore: ON_CALL(w, OnPreRestore(_)).WillByDefault(Return(returns)); break;
    case WriterEvent::kPostRestore: ON_CALL(w, OnPostRestore(_)).WillByDefault(Return(returns)); break;
    case WriterEvent::kAbort: ON_CALL(w, OnAbort()).WillByDefault(Return(returns)); break;
  }
}

}  // namespace

std::vector<Call> mock_call_sequence(VssShape shape, const mocks::VssFaultPlan& plan) {
  VssWorld world(shape, plan);
  world.Backup();
  // ~VssWorld unregisters the providers (OnUnload) in this order; a second Unregister makes no call.
  for (const auto& p : world.providers) world.system.UnregisterProvider(p->info().id);
  std::vector<Call> out;
  for (Call& c : call_sequence(world.trace, true)) {
    if (c.target == Call::Target::kWriter || c.target == Call::Target::kProvider) out.push_back(std::move(c));
  }
  return out;
}

// MockWriter derives vss::Writer, which is constructed on a System; the replayed writers are never
// subscribed, so this one is only a parking place, built once outside the measured loop.
struct MockReplay::Parking {
  VirtualClock clock;
  EventQueue queue{clock};
  Trace trace;
  Rng rng{1};
  vss::System system{clock, queue, trace, rng};
};

MockReplay::MockReplay(std::vector<Call> calls, VssShape shape, const mocks::VssFaultPlan& plan)
    : calls_(std::move(calls)), shape_(shape), parking_(std::make_unique<Parking>()) {
  if (!plan.providers.empty() || !plan.vss.empty())
    throw std::runtime_error("mock floor: only writer faults are replayed");
  for (int i = 0; i < shape.writers; ++i) components_.push_back("c" + std::to_string(i));
  for (int p = 0; p < shape.providers; ++p) {
    provider_info_.push_back(mocks::MockProvider::Software(provider_name(p)));
    provider_volumes_.push_back(supported_by(p, shape));
  }
  for (const auto& f : plan.writers) {
    int writer = -1;
    for (int i = 0; i < shape.writers; ++i)
      if (writer_name(i) == f.writer) writer = i;
    if (writer < 0) throw std::runtime_error("mock floor: no writer " + f.writer);
    if (f.when.kind != HitSelector::Kind::kEvery || f.action.throws)
      throw std::runtime_error("mock floor: only faults firing on every hit without throwing are replayed");
    faults_.push_back({writer, f.event, f.action.returns});
  }
}

MockReplay::~MockReplay() = default;

std::size_t MockReplay::faulted() const {
  std::size_t n = 0;
  for (const Call& c : calls_) {
    if (c.target != Call::Target::kWriter) continue;
    for (const WriterFault& f : faults_)
      if (f.writer == c.index && c.name == vss::writer_handler_name(f.event)) ++n;
  }
  return n;
}

std::size_t MockReplay::Run() {
  using Writer = ::testing::NiceMock<mocks::MockWriter>;
  using Provider = ::testing::NiceMock<mocks::MockProvider>;
  // As VssWorld builds them: writers declaring db\c<i>, providers with their volumes, then the faults.
  std::vector<std::unique_ptr<Writer>> writers;
  for (int i = 0; i < shape_.writers; ++i) {
    auto w = std::make_unique<Writer>(parking_->system);
    w->DeclareComponent("db", components_[static_cast<std::size_t>(i)]);
    writers.push_back(std::move(w));
  }
  std::vector<std::shared_ptr<Provider>> providers;
  for (int p = 0; p < shape_.providers; ++p) {
    const auto i = static_cast<std::size_t>(p);
    providers.push_back(std::make_shared<Provider>(provider_info_[i], provider_volumes_[i]));
  }
  for (const WriterFault& f : faults_) install(*writers[static_cast<std::size_t>(f.writer)], f.event, f.returns);

  vss::WriterComponents components;
  const VssId set{1, 1};
  const std::string_view volume = "V0:\\";
  std::size_t ok = 0;
  for (const Call& c : calls_) {
    HResult r = hr::S_OK;
    bool b = true;
    if (c.target == Call::Target::kWriter) {
      vss::Writer& w = *writers[static_cast<std::size_t>(c.index)];
      b = call_writer(w, c.method, components, set);
    } else {
      vss::Provider& p = *providers[static_cast<std::size_t>(c.index)];
      r = call_provider(p, c.method, set, volume);
    }
    if (r.succeeded() && b) ++ok;
  }
  return ok;
}

std::vector<bits::TransferSite> bits_connect_sequence() {
  BitsWorld world;
  std::vector<bits::FileInfo> files;  // read before the run: the client cancels the job
  world.job->EnumFiles(&files);
  if (files.size() != 1) throw std::runtime_error("mock floor: the BITS job should have one file");
  world.Run();
  std::vector<bits::TransferSite> out;
  for (const auto& r : world.trace.records()) {
    const std::string_view actor = r.actor;
    if (!actor.starts_with("bits:") || r.event != "state") continue;
    if (r.field("to") == "TRANSFERRING")
      throw std::runtime_error("mock floor: the BITS job transfers; its transfer calls are not in the trace");
    if (r.field("to") != "CONNECTING") continue;
    // Job::start_attempt: a new attempt enters CONNECTING, then connects.
    bits::TransferSite s;
    s.job_name = std::string(actor.substr(5));
    s.job_type = bits::JobType::kDownload;
    s.attempt = out.size() + 1;
    s.file_index = 0;
    s.remote_name = files.front().remote_name;
    s.local_name = files.front().local_name;
    s.phase = bits::Phase::kDownload;
    s.first_step = true;
    out.push_back(std::move(s));
  }
  return out;
}

BitsConnectReplay::BitsConnectReplay(std::vector<bits::TransferSite> sites, std::vector<bits::TransportFault> plan)
    : sites_(std::move(sites)), plan_(std::move(plan)) {}

std::size_t BitsConnectReplay::Run() {
  bits::IdealTransport ideal;
  mocks::BitsFaultInjector injector(ideal, plan_, rng_);
  std::size_t failed = 0;
  for (const auto& s : sites_) {
    if (injector.connect(s).error) ++failed;
  }
  return failed;
}

GmockConnectReplay::GmockConnectReplay(std::vector<bits::TransferSite> sites) : sites_(std::move(sites)) {
  // The first failed connect (c)'s injector returns, carried by the GoogleMock action instead.
  bits::IdealTransport ideal;
  mocks::BitsFaultInjector injector(ideal, every_connect_fails(), Rng(1));
  if (!sites_.empty()) failed_ = injector.connect(sites_.front());
}

std::size_t GmockConnectReplay::Run() {
  ::testing::NiceMock<mocks::MockBitsTransport> transport;
  ON_CALL(transport, connect(_)).WillByDefault(Return(failed_));
  std::size_t failed = 0;
  for (const auto& s : sites_) {
    if (transport.connect(s).error) ++failed;
  }
  return failed;
}

}  // namespace vssfault::bench
