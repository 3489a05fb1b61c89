// The BITS job API driven by random call sequences (rc::state) against the §6.4 matrix, restated here
// from the specification (not read from the model's own table): for each state-changing method and each
// state, the HRESULT and the state afterwards; plus the GetError window (D12) and absorbing final states.
// Time passes only in RunFor, so every call is checked against the state the job is in when it is made.
#include <memory>
#include <optional>
#include <set>

#include <rapidcheck/state.h>

#include "vssfault/bits/ideal_transport.h"
#include "vssfault/bits/job.h"
#include "vssfault/bits/service.h"
#include "vssfault/mocks/bits_fault_injector.h"
#include "vssfault/properties/generators.h"
#include "vssfault/properties/properties.h"

namespace vssfault::properties {
namespace {

using bits::JobState;

struct Model {
  bits::JobType type = bits::JobType::kDownload;
  bool final = false;  ///< a Cancel or a download's Complete succeeded: the job must stay final
};

struct Sut {
  Sut(std::uint32_t broken, bits::JobType type, std::vector<bits::TransportFault> plan, std::uint64_t seed)
      : rng(seed), ideal(config()), injector(ideal, std::move(plan), rng, trace, clock),
        service(clock, queue, trace, rng, injector, settings(broken)) {
    bits::JobId id;
    service.CreateJob("J0", type, &id, &job);
    job->AddFile("http://server/first", bits::is_upload(type) ? "C:\\up\\first" : "C:\\dl\\first");
    job->SetMinimumRetryDelay(30);
    job->SetNoProgressTimeout(600);
  }
  static bits::IdealTransportConfig config() {
    bits::IdealTransportConfig c;
    c.default_file_size = 256 * 1024;
    return c;
  }
  static bits::ServiceSettings settings(std::uint32_t broken) {
    bits::ServiceSettings s;
    s.broken = broken;
    return s;
  }
  /// D12: an error state entered since the last TRANSFERRING or final state.
  bool error_window() const {
    bool open = false;
    for (const auto& r : trace.records()) {
      if (r.actor != job->actor() || r.event != "state") continue;
      const auto to = bits::parse_job_state(r.field("to"));
      if (to == JobState::kError || to == JobState::kTransientError) open = true;
      if (to == JobState::kTransferring || (to && bits::is_final(*to))) open = false;
    }
    return open;
  }
  std::size_t files() const {
    std::vector<bits::FileInfo> f;
    job->EnumFiles(&f);
    return f.size();
  }
  bool all_done() const {
    bits::JobProgress p;
    job->GetProgress(&p);
    return p.files_transferred == p.files_total;
  }

  VirtualClock clock;
  EventQueue queue{clock};
  Trace trace;
  Rng rng;
  bits::IdealTransport ideal;
  mocks::BitsFaultInjector injector;
  bits::Service service;
  bits::Job* job = nullptr;
  std::size_t files_at_transferred = 0;  ///< file count when the job last reached TRANSFERRED
  int added = 0;
  std::set<JobState> seen;  ///< states the commands found the job in (coverage)
};

using Cmd = rc::state::Command<Model, Sut>;

bool in(JobState s, std::initializer_list<JobState> set) {
  for (JobState x : set)
    if (x == s) return true;
  return false;
}

// What §6.4 says a call does in `pre`: the result and the state afterwards.
struct Expect {
  HResult hr;
  JobState after;
};

struct Suspend : Cmd {
  void run(const Model& m, Sut& sut) const override {
    const JobState pre = sut.job->state();
    sut.seen.insert(pre);
    RC_ASSERT(!m.final || bits::is_final(pre));
    const Expect e = bits::is_final(pre)               ? Expect{hr::BG_E_INVALID_STATE, pre}
                     : pre == JobState::kSuspended     ? Expect{hr::S_OK, pre}
                                                       : Expect{hr::S_OK, JobState::kSuspended};  // [JSU][LC]
    RC_ASSERT(sut.job->Suspend() == e.hr);
    RC_ASSERT(sut.job->state() == e.after);
  }
  void show(std::ostream& os) const override { os << "Suspend"; }
};

struct Resume : Cmd {
  void run(const Model& m, Sut& sut) const override {
    const JobState pre = sut.job->state();
    sut.seen.insert(pre);
    RC_ASSERT(!m.final || bits::is_final(pre));
    Expect e{hr::S_OK, pre};
    if (bits::is_final(pre)) e = {hr::BG_E_INVALID_STATE, pre};                       // [JR][LC]
    else if (pre == JobState::kSuspended) e = sut.files() == 0 ? Expect{hr::BG_E_EMPTY, pre}  // [WT:428,433]
                                                               : Expect{hr::S_OK, JobState::kQueued};
    else if (in(pre, {JobState::kError, JobState::kTransientError})) e = {hr::S_OK, JobState::kQueued};
    else if (pre == JobState::kTransferred)  // D13: only with files added since
      e = sut.files() > sut.files_at_transferred ? Expect{hr::S_OK, JobState::kQueued} : Expect{hr::BG_E_EMPTY, pre};
    RC_ASSERT(sut.job->Resume() == e.hr);
    RC_ASSERT(sut.job->state() == e.after);
  }
  void show(std::ostream& os) const override { os << "Resume"; }
};

struct Cancel : Cmd {
  void apply(Model& m) const override { m.final = true; }
  void run(const Model&, Sut& sut) const override {
    const JobState pre = sut.job->state();
    sut.seen.insert(pre);
    const Expect e = bits::is_final(pre) ? Expect{hr::BG_E_INVALID_STATE, pre} : Expect{hr::S_OK, JobState::kCancelled};
    RC_ASSERT(sut.job->Cancel() == e.hr);  // [JC][LC][WT:689-698]
    RC_ASSERT(sut.job->state() == e.after);
  }
  void show(std::ostream& os) const override { os << "Cancel"; }
};

struct Complete : Cmd {
  void apply(Model& m) const override {
    if (m.type == bits::JobType::kDownload) m.final = true;
  }
  void run(const Model& m, Sut& sut) const override {
    const JobState pre = sut.job->state();
    sut.seen.insert(pre);
    Expect e{hr::BG_E_INVALID_STATE, pre};
    if (!bits::is_final(pre)) {
      if (m.type == bits::JobType::kDownload)  // [JCO][LC]
        e = {sut.all_done() ? hr::S_OK : hr::BG_S_PARTIAL_COMPLETE, JobState::kAcknowledged};
      else if (pre == JobState::kTransferred)  // uploads: only once TRANSFERRED [JCO][CBJE]
        e = {hr::S_OK, JobState::kAcknowledged};
    }
    RC_ASSERT(sut.job->Complete() == e.hr);
    RC_ASSERT(sut.job->state() == e.after);
  }
  void show(std::ostream& os) const override { os << "Complete"; }
};

struct AddFile : Cmd {
  void run(const Model& m, Sut& sut) const override {
    const JobState pre = sut.job->state();
    sut.seen.insert(pre);
    const std::size_t before = sut.files();
    HResult want = hr::S_OK;
    if (bits::is_final(pre)) want = hr::BG_E_INVALID_STATE;
    else if (bits::is_upload(m.type) && before >= 1) want = hr::BG_E_TOO_MANY_FILES;  // [AF]
    const std::string n = std::to_string(++sut.added);
    const HResult got = bits::is_upload(m.type) ? sut.job->AddFile("http://server/up/" + n, "C:\\up\\" + n)
                                                : sut.job->AddFile("http://server/dl/" + n, "C:\\dl\\" + n);
    RC_ASSERT(got == want);
    RC_ASSERT(sut.job->state() == pre);
    RC_ASSERT(sut.files() == before + (want == hr::S_OK ? 1u : 0u));
  }
  void show(std::ostream& os) const override { os << "AddFile"; }
};

struct SetNoProgressTimeout : Cmd {
  std::uint32_t seconds = *rc::gen::element<std::uint32_t>(0, 60, 600, 3600);
  void run(const Model&, Sut& sut) const override {
    const JobState pre = sut.job->state();
    sut.seen.insert(pre);
    RC_ASSERT(sut.job->SetNoProgressTimeout(seconds) == (bits::is_final(pre) ? hr::BG_E_INVALID_STATE : hr::S_OK));
    RC_ASSERT(sut.job->state() == pre);  // [NPT]
  }
  void show(std::ostream& os) const override { os << "SetNoProgressTimeout(" << seconds << ")"; }
};

struct GetError : Cmd {
  void run(const Model&, Sut& sut) const override {
    std::shared_ptr<const bits::Error> error;
    const HResult r = sut.job->GetError(&error);
    RC_ASSERT(r == (sut.error_window() ? hr::S_OK : hr::BG_E_ERROR_INFORMATION_UNAVAILABLE));  // [S5] D12
    RC_ASSERT((error != nullptr) == (r == hr::S_OK));
  }
  void show(std::ostream& os) const override { os << "GetError"; }
};

struct RunFor : Cmd {
  Duration d = Duration::ms(*rc::gen::element<std::int64_t>(100, 1000, 2000, 10000, 60000, 600000, 3600000));
  void run(const Model&, Sut& sut) const override {
    const JobState pre = sut.job->state();
    sut.seen.insert(pre);
    const std::size_t from = sut.trace.size();
    sut.queue.run_until(sut.clock.now() + d);
    for (std::size_t i = from; i < sut.trace.size(); ++i) {
      const TraceRecord& r = sut.trace.records()[i];
      if (r.actor != sut.job->actor() || r.event != "state") continue;
      RC_ASSERT(!bits::is_final(pre));  // [LC]: a final state is never left
      if (r.field("to") == "TRANSFERRED") sut.files_at_transferred = sut.files();
    }
  }
  void show(std::ostream& os) const override { os << "RunFor(" << d << ")"; }
};

}  // namespace

namespace props {

void BitsJobStateMachine(const Breakage& b) {
  BitsGenOptions o;
  o.disconnects = false;
  o.max_faults = 2;
  const auto type = *rc::gen::element(bits::JobType::kDownload, bits::JobType::kUpload, bits::JobType::kUploadReply);
  auto faults = *rc::gen::container<std::vector<bits::TransportFault>>(
      *rc::gen::inRange<std::size_t>(0, 3), gen::transportFault(o, type));
  for (auto& f : faults) f.job = "J0";
  Sut sut(b.bits, type, faults, *rc::gen::arbitrary<std::uint64_t>());
  const auto calls = rc::state::gen::execOneOfWithArgs<Suspend, Resume, Cancel, Complete, AddFile,
                                                      SetNoProgressTimeout, GetError>();
  const auto time = rc::state::gen::execOneOfWithArgs<RunFor>();
  rc::state::check(Model{type, false}, sut, [&](const Model&) {
    using C = std::shared_ptr<const Cmd>;
    return rc::gen::weightedOneOf<C>({{3, calls()}, {2, time()}, {1, rc::gen::just<C>(std::make_shared<Resume>())}});
  });
  RC_CLASSIFY(sut.seen.size() >= 4, "4+ states");
  RC_CLASSIFY(sut.seen.count(JobState::kError) || sut.seen.count(JobState::kTransientError), "error state");
  RC_CLASSIFY(sut.seen.count(JobState::kTransferred), "transferred");
}

}  // namespace props
}  // namespace vssfault::properties
