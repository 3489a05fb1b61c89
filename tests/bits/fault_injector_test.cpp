// The transport seam (spec §6 item 6): a GoogleMock transport driven through the fault injector, and the
// injector's selectors, actions and documented defaults.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

#include "bits_world.h"
#include "vssfault/bits/error_classification.h"
#include "vssfault/mocks/bits_mock_transport.h"

namespace vssfault::bits::testing {
namespace {

using ::testing::_;
using ::testing::AllOf;
using ::testing::Field;
using ::testing::Return;
using ::testing::StrictMock;
using ::testing::Throw;

/// A machine whose transport is a StrictMock behind the injector.
class MockWorld {
 public:
  explicit MockWorld(std::vector<TransportFault> plan)
      : injector(mock, std::move(plan), rng), service(clock, queue, trace, rng, injector) {}
  VirtualClock clock;
  EventQueue queue{clock};
  Trace trace;
  Rng rng{1};
  StrictMock<mocks::MockBitsTransport> mock;
  mocks::BitsFaultInjector injector;
  Service service;

  Job* download(const std::string& name) {
    JobId id;
    Job* job = nullptr;
    service.CreateJob(name, JobType::kDownload, &id, &job);
    job->AddFile("http://server/" + name, "C:\\dl\\" + name);
    return job;
  }
  void run_hour() { queue.run_until(clock.now() + Duration::hours(1)); }
};

StepResult step(std::uint64_t bytes, std::uint64_t total) {
  return StepResult{bytes, total, Duration::seconds(1), std::nullopt};
}
ConnectResult connected() { return ConnectResult{Duration::seconds(1), std::nullopt}; }

TransferSite connect_site(const std::string& job) {
  TransferSite s;
  s.job_name = job;
  s.attempt = 1;
  return s;
}

// A connect fault on the first attempt never reaches the mock; the retry's connect does.
TEST(FaultInjectorTest, ConnectFaultInterceptsTheFirstAttemptOnly) {
  MockWorld w({fault("m", FaultAction::kFailConnect, HitSelector::nth(1))});
  Job* job = w.download("m");
  EXPECT_CALL(w.mock, connect(Field(&TransferSite::attempt, 2u))).WillOnce(Return(connected()));
  EXPECT_CALL(w.mock, transfer(AllOf(Field(&TransferSite::attempt, 2u), Field(&TransferSite::first_step, true)), _))
      .WillOnce(Return(step(500, 500)));
  job->SetMinimumRetryDelay(5);
  job->Resume();
  w.run_hour();
  EXPECT_EQ(job->state(), JobState::kTransferred);
  EXPECT_EQ(w.injector.hits(0), 2u);
  EXPECT_EQ(w.injector.fired(0), 1u);
}

// "fail after N bytes": the transfer stops exactly at N bytes, mid-step, with the step's time scaled;
// the error is marked as injected, with the plan position.
TEST(FaultInjectorTest, FailAfterBytesStopsAtTheByte) {
  TransportFault f = fault("m", FaultAction::kFailAfterBytes, HitSelector::nth(1));
  f.bytes = 2500;
  f.nature = Nature::kFatal;
  f.origin = "plan.yaml:3:5";
  MockWorld w({f});
  Job* job = w.download("m");
  EXPECT_CALL(w.mock, connect(_)).WillOnce(Return(connected()));
  EXPECT_CALL(w.mock, transfer(_, Duration::seconds(1))).Times(3).WillRepeatedly(Return(step(1000, 10'000)));
  job->Resume();
  w.run_hour();
  ASSERT_EQ(job->state(), JobState::kError);
  JobProgress p;
  job->GetProgress(&p);
  EXPECT_EQ(p.bytes_transferred, 2500u);
  EXPECT_EQ(p.bytes_total, 10'000u);
  // 1 s connect, two full steps, half a step.
  const auto errors = w.trace.records();
  EXPECT_EQ(std::find_if(errors.begin(), errors.end(), [](const TraceRecord& r) { return r.event == "error"; })->time,
            Duration::ms(3500));
  std::shared_ptr<const Error> e;
  ASSERT_EQ(job->GetError(&e), hr::S_OK);
  EXPECT_EQ(e->code(), hr::BG_E_TIMEOUT);
  EXPECT_EQ(e->context(), ErrorContext::kRemoteFile);
  EXPECT_EQ(e->injected(), "fault[0] fail-after-bytes nth 1 hit 1 at plan.yaml:3:5");
}

// "stall (no progress for D)": after the allowed bytes one step moves nothing for D, then it goes on.
TEST(FaultInjectorTest, StallHoldsProgressForItsDuration) {
  TransportFault f = fault("m", FaultAction::kStall, HitSelector::nth(1));
  f.bytes = 1000;
  f.duration = Duration::minutes(5);
  MockWorld w({f});
  Job* job = w.download("m");
  EXPECT_CALL(w.mock, connect(_)).WillOnce(Return(connected()));
  EXPECT_CALL(w.mock, transfer(_, _)).Times(2).WillRepeatedly(Return(step(1000, 2000)));
  job->Resume();
  const Instant stall_end = Duration::seconds(2) + Duration::minutes(5);
  w.queue.run_until(stall_end - Duration::ms(1));
  JobProgress p;
  job->GetProgress(&p);
  EXPECT_EQ(p.bytes_transferred, 1000u);
  EXPECT_EQ(job->state(), JobState::kTransferring);
  w.run_hour();
  EXPECT_EQ(job->state(), JobState::kTransferred);
  EXPECT_EQ(w.trace.records().back().time, stall_end + Duration::seconds(1));
}

// "first n": the first n hits fire, the rest pass through.
TEST(FaultInjectorTest, FirstNFiresOnTheFirstHitsOnly) {
  MockWorld w({fault("m", FaultAction::kFailConnect, HitSelector::first(2))});
  Job* job = w.download("m");
  EXPECT_CALL(w.mock, connect(Field(&TransferSite::attempt, 3u))).WillOnce(Return(connected()));
  EXPECT_CALL(w.mock, transfer(_, _)).WillOnce(Return(step(10, 10)));
  job->SetMinimumRetryDelay(5);
  job->Resume();
  w.run_hour();
  EXPECT_EQ(job->state(), JobState::kTransferred);
  EXPECT_EQ(w.injector.fired(0), 2u);
}

// A transport that throws (misbehaving user code) is contained: a transient E_FAIL, recorded.
TEST(FaultInjectorTest, ThrowingTransportBecomesATransientError) {
  MockWorld w({});
  Job* job = w.download("m");
  EXPECT_CALL(w.mock, connect(_)).WillOnce(Throw(std::runtime_error("socket gone"))).WillOnce(Return(connected()));
  EXPECT_CALL(w.mock, transfer(_, _)).WillOnce(Return(step(10, 10)));
  job->SetMinimumRetryDelay(5);
  job->Resume();
  w.queue.run_until(Duration::seconds(1));
  ASSERT_EQ(job->state(), JobState::kTransientError);
  std::shared_ptr<const Error> e;
  ASSERT_EQ(job->GetError(&e), hr::S_OK);
  EXPECT_EQ(e->code(), hr::E_FAIL);
  EXPECT_EQ(e->context(), ErrorContext::kGeneralTransport);
  EXPECT_TRUE(e->injected().empty()) << "a throwing transport is user code, not the fault plan";
  const auto threw = w.trace.records();
  EXPECT_TRUE(std::any_of(threw.begin(), threw.end(), [](const TraceRecord& r) {
    return r.event == "transport-threw" && r.field("point") == "connect" && r.field("what") == "socket gone";
  }));
  w.run_hour();
  EXPECT_EQ(job->state(), JobState::kTransferred);
}

// Probabilistic faults draw from Rng::split(site): the same seed gives the same hits, and a fault at
// another site does not change them.
TEST(FaultInjectorTest, ProbabilityIsSeededPerSite) {
  IdealTransport ideal;
  auto pattern = [&](std::uint64_t seed, bool with_other) {
    std::vector<TransportFault> plan{fault("a", FaultAction::kFailConnect, HitSelector::probability(0.5))};
    if (with_other) plan.insert(plan.begin(), fault("b", FaultAction::kFailConnect, HitSelector::probability(0.5)));
    mocks::BitsFaultInjector inj(ideal, plan, Rng(seed));
    std::string bits;
    for (int i = 0; i < 64; ++i) {
      inj.connect(connect_site("b"));
      bits += inj.connect(connect_site("a")).error ? '1' : '0';
    }
    return bits;
  };
  const std::string p = pattern(42, false);
  EXPECT_EQ(p, pattern(42, false));
  EXPECT_EQ(p, pattern(42, true));
  EXPECT_NE(p, pattern(43, false));
  const auto ones = std::count(p.begin(), p.end(), '1');
  EXPECT_GT(ones, 16);
  EXPECT_LT(ones, 48);
}

// Defaults per action and the documented nature: HTTP 404 is fatal, 503 transient [HSAE]; a plan may
// override the nature.
TEST(FaultInjectorTest, HttpStatusNatureDefaultsAndOverride) {
  TransportFault forced = http_fault("forced", 404, FaultPoint::kConnect);
  forced.nature = Nature::kTransient;
  World w({http_fault("nf", 404, FaultPoint::kConnect), http_fault("busy", 503, FaultPoint::kConnect), forced});
  Job* nf = w.download("nf");
  Job* busy = w.download("busy");
  Job* f = w.download("forced");
  for (Job* j : {nf, busy, f}) j->Resume();
  w.run_for(Duration::seconds(10));
  EXPECT_EQ(nf->state(), JobState::kError);
  EXPECT_EQ(busy->state(), JobState::kTransientError);
  EXPECT_EQ(f->state(), JobState::kTransientError);
}

// A local-file fault with E_ACCESSDENIED (LOCAL_FILE context) is fatal, as [JS] describes.
TEST(FaultInjectorTest, LocalAccessDeniedIsFatal) {
  TransportFault f = fault("acl", FaultAction::kLocalFileError);
  f.code = hr::E_ACCESSDENIED;
  World w({f});
  Job* job = w.download("acl");
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kError));
  std::shared_ptr<const Error> e;
  job->GetError(&e);
  EXPECT_EQ(e->code(), hr::E_ACCESSDENIED);
  EXPECT_EQ(e->context(), ErrorContext::kLocalFile);
}

// The plan is data: defaults, site names and the names scenario files use.
TEST(FaultPlanTest, DefaultsSitesAndNames) {
  const TransportFault app = resolved(fault("J1", FaultAction::kServerApplicationFailure));
  EXPECT_EQ(app.point, FaultPoint::kServerReply);
  EXPECT_EQ(app.code, hr::BG_E_HTTP_ERROR_500);
  EXPECT_EQ(app.context, ErrorContext::kRemoteApplication);
  EXPECT_EQ(site_name(fault("J1", FaultAction::kFailConnect)), "bits.job.J1.connect");
  EXPECT_EQ(site_name(fault("", FaultAction::kStall)), "bits.job.*.transfer");
  for (auto a : {FaultAction::kFailConnect, FaultAction::kFailAfterBytes, FaultAction::kStall, FaultAction::kHttpStatus,
                 FaultAction::kLocalFileError, FaultAction::kNetworkDisconnect,
                 FaultAction::kServerApplicationFailure}) {
    EXPECT_EQ(parse_fault_action(to_string(a)), a);
  }
  EXPECT_EQ(parse_fault_point("reply-transfer"), FaultPoint::kReplyTransfer);
  EXPECT_EQ(parse_nature("FATAL"), Nature::kFatal);
  EXPECT_EQ(parse_job_state("BG_JOB_STATE_TRANSIENT_ERROR"), JobState::kTransientError);
  EXPECT_EQ(parse_error_context("remote_application"), ErrorContext::kRemoteApplication);
  EXPECT_EQ(parse_job_type("UPLOAD_REPLY"), JobType::kUploadReply);
  EXPECT_EQ(parse_fault_action("explode"), std::nullopt);
}

// Injected means marked: each firing (and only a firing) is a `fault injected=true …` trace record on
// the job's actor, with its site, hit number, plan entry and origin.
TEST(FaultPlanTest, FiringsAreTraced) {
  TransportFault connect = fault("traced", FaultAction::kFailConnect, HitSelector::nth(2));
  connect.origin = "s.yaml:7:3";
  World w({fault("traced", FaultAction::kLocalFileError, HitSelector::nth(1)), connect});
  Job* job = w.download("traced");
  job->Resume();  // attempt 1: connect hit 1 does not fire; the transfer's local-file fault does (fatal)
  ASSERT_TRUE(w.run_until_state(job, JobState::kError));
  ASSERT_EQ(w.records(job, "fault").size(), 1u);
  job->Resume();  // attempt 2: connect hit 2 fires
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransientError));
  const auto fired = w.records(job, "fault");
  ASSERT_EQ(fired.size(), 2u);
  EXPECT_EQ(fired[0].field("entry"), "fault[0]");
  EXPECT_EQ(fired[0].field("site"), "bits.job.traced.transfer");
  EXPECT_EQ(fired[1].field("injected"), "true");
  EXPECT_EQ(fired[1].field("site"), "bits.job.traced.connect");
  EXPECT_EQ(fired[1].field("hit"), "2");
  EXPECT_EQ(fired[1].field("entry"), "fault[1]");
  EXPECT_EQ(fired[1].field("origin"), "s.yaml:7:3");
  EXPECT_EQ(fired[1].field("action"), "fail-connect");
  EXPECT_EQ(w.records(job, "error").back().field("injected"), "fault[1] fail-connect nth 2 hit 2 at s.yaml:7:3");
}

// clear() is the "fix": later attempts reach the transport.
TEST(FaultPlanTest, ClearRemovesEveryFault) {
  World w({fault("fix", FaultAction::kFailConnect)});
  Job* job = w.download("fix");
  job->SetMinimumRetryDelay(5);
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransientError));
  w.injector.clear();
  EXPECT_TRUE(w.run_until_state(job, JobState::kTransferred));
}

}  // namespace
}  // namespace vssfault::bits::testing
