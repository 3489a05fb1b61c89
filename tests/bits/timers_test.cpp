// Timers and counters of spec §6.2/§6.3: MinimumRetryDelay, NoProgressTimeout, ErrorCount, network
// outages and JobInactivityTimeout, all on the virtual clock.
#include <gtest/gtest.h>

#include "bits_world.h"

namespace vssfault::bits::testing {
namespace {

constexpr std::int64_t kFourteenDays = 1'209'600;

// [NPT][S5][CBJE][MRD] Transient errors forever: retried every 600 s; ERROR exactly at first transient
// error + NoProgressTimeout (1,209,600 s); JobError called once; the retry that would fall on the
// deadline is not made. Runs 2,016 attempts of virtual time in milliseconds of real time.
TEST(NoProgressTimeoutTest, FourteenDaysOfTransientErrorsEndInErrorExactlyOnTime) {
  World w({fault("stuck", FaultAction::kFailConnect)});
  Job* job = w.download("stuck");
  auto cb = std::make_shared<RecordingCallback>(w.clock);
  ASSERT_EQ(job->SetNotifyInterface(cb), hr::S_OK);
  w.run_for(Duration::seconds(100));
  ASSERT_EQ(job->Resume(), hr::S_OK);
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransientError));
  const Instant first_error = w.clock.now();
  EXPECT_EQ(first_error, Duration::seconds(100));
  w.queue.run_until(first_error + Duration::seconds(kFourteenDays) - Duration::ms(1));
  EXPECT_EQ(job->state(), JobState::kTransientError);
  w.queue.run_all();
  EXPECT_EQ(job->state(), JobState::kCancelled);  // finally JobInactivityTimeout, 90 days after entering ERROR
  EXPECT_EQ(w.entries(job, JobState::kError), std::vector<Instant>{first_error + Duration::seconds(kFourteenDays)});
  EXPECT_EQ(cb->times_of("JobError"), std::vector<Instant>{first_error + Duration::seconds(kFourteenDays)});
  const auto retries = w.records(job, "state", "cause", "retry");
  ASSERT_EQ(retries.size(), 2015u);  // at +600 s, …, +1,209,000 s; none at the deadline
  EXPECT_EQ(retries.back().time, first_error + Duration::seconds(kFourteenDays - 600));
  // [GEC] the first failure was in CONNECTING (not a retry): each of the 2015 failed retries counts.
  EXPECT_EQ(job->error_count(), 2015u);
}

// [MRD] Retries come MinimumRetryDelay (default 600 s) after each transient error.
TEST(RetryTest, RetriesFollowAtMinimumRetryDelaySteps) {
  World w({fault("r", FaultAction::kFailConnect, HitSelector::first(3))});
  Job* job = w.download("r");
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransferred, Duration::hours(2)));
  const auto retries = w.records(job, "state", "cause", "retry");
  ASSERT_EQ(retries.size(), 3u);
  EXPECT_EQ(retries[0].time, Duration::seconds(600));
  EXPECT_EQ(retries[1].time, Duration::seconds(1200));
  EXPECT_EQ(retries[2].time, Duration::seconds(1800));
  EXPECT_EQ(w.entries(job, JobState::kTransferred), std::vector<Instant>{Duration::seconds(1803)});
}

// [MRD] A delay below 5 s is raised to 5 s, and the retry uses it.
TEST(RetryTest, DelayBelowFiveSecondsRetriesAfterFive) {
  World w({fault("fast", FaultAction::kFailConnect, HitSelector::nth(1))});
  Job* job = w.download("fast");
  job->SetMinimumRetryDelay(0);
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransferred));
  const auto retries = w.records(job, "state", "cause", "retry");
  ASSERT_EQ(retries.size(), 1u);
  EXPECT_EQ(retries[0].time, Duration::seconds(5));
}

// [NPT] "NoProgressTimeout = 0 … prevent[s] retries and … force[s] the job into BG_JOB_STATE_ERROR for
// all errors".
TEST(NoProgressTimeoutTest, ZeroMakesEveryErrorFatal) {
  World w({fault("zero", FaultAction::kFailConnect, HitSelector::nth(1))});
  Job* job = w.download("zero");
  job->SetNoProgressTimeout(0);
  job->Resume();
  w.run_for(Duration::hours(1));
  EXPECT_EQ(job->state(), JobState::kError);
  EXPECT_TRUE(w.entries(job, JobState::kTransientError).empty());
  EXPECT_EQ(w.records(job, "state", "cause", "no-progress-timeout-zero").size(), 1u);
}

// [MRD] "If MinimumRetryDelay > NoProgressTimeout, BITS will not retry … and moves the job to ERROR".
TEST(NoProgressTimeoutTest, RetryDelayAboveTimeoutMeansNoRetry) {
  World w({fault("late", FaultAction::kFailConnect)});
  Job* job = w.download("late");
  job->SetMinimumRetryDelay(1000);
  job->SetNoProgressTimeout(500);
  job->Resume();
  w.run_for(Duration::hours(1));
  EXPECT_EQ(job->state(), JobState::kError);
  EXPECT_TRUE(w.records(job, "state", "cause", "retry").empty());
  EXPECT_EQ(w.entries(job, JobState::kError), std::vector<Instant>{Duration::seconds(500)});
}

// [NPT] "The timer … resets on progress": failures that each follow some progress never add up to
// the timeout, and the job finishes.
TEST(NoProgressTimeoutTest, ProgressResetsTheTimer) {
  TransportFault f = fault("flaky", FaultAction::kFailAfterBytes);
  f.bytes = 512 * 1024;
  World w({f});
  Job* job = w.download("flaky");
  job->SetMinimumRetryDelay(5);
  job->SetNoProgressTimeout(10);
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransferred, Duration::hours(1)));
  const auto errors = w.entries(job, JobState::kTransientError);
  ASSERT_EQ(errors.size(), 3u);  // 0.5, 1.0, 1.5 MiB; the fourth attempt reaches the end
  EXPECT_GT(w.clock.now() - errors.front(), Duration::seconds(10));
  EXPECT_TRUE(w.entries(job, JobState::kError).empty());
}

// [GEC] ErrorCount rises when the job moves from TRANSFERRING to TRANSIENT_ERROR or ERROR, and on each
// failed retry; it is never reset.
TEST(ErrorCountTest, TransferringFailuresAndFailedRetriesCountAndNeverReset) {
  TransportFault mid = fault("count", FaultAction::kFailAfterBytes, HitSelector::nth(1));
  mid.bytes = 1000;
  TransportFault retry = fault("count", FaultAction::kFailConnect, HitSelector::nth(2));
  World w({mid, retry});
  Job* job = w.download("count");
  job->SetMinimumRetryDelay(5);
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransientError));
  std::uint32_t n = 99;
  job->GetErrorCount(&n);
  EXPECT_EQ(n, 1u);  // TRANSFERRING → TRANSIENT_ERROR
  w.run_for(Duration::seconds(5));
  ASSERT_EQ(job->state(), JobState::kTransientError);
  job->GetErrorCount(&n);
  EXPECT_EQ(n, 2u);  // the retry failed in CONNECTING
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransferred));
  job->GetErrorCount(&n);
  EXPECT_EQ(n, 2u);  // success does not reset it
}

// [GEC] Read literally, the count rises for failures out of TRANSFERRING and for failed retries only: a
// first attempt that fails while CONNECTING (not a retry) does not count (DECISION, docs/semantics.md).
TEST(ErrorCountTest, FirstAttemptFailingInConnectingDoesNotCount) {
  World w({fault("first", FaultAction::kFailConnect, HitSelector::nth(1)),
           http_fault("fatal", 404, FaultPoint::kConnect)});
  Job* first = w.download("first");
  Job* fatal = w.download("fatal");
  first->Resume();
  fatal->Resume();
  w.run_for(Duration::seconds(1));
  ASSERT_EQ(first->state(), JobState::kTransientError);
  ASSERT_EQ(fatal->state(), JobState::kError);
  EXPECT_EQ(first->error_count(), 0u);
  EXPECT_EQ(fatal->error_count(), 0u);
}

// [GEC] A fatal error while TRANSFERRING counts too.
TEST(ErrorCountTest, TransferringToErrorCounts) {
  World w({http_fault("fatal", 404, FaultPoint::kTransfer)});
  Job* job = w.download("fatal");
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kError));
  EXPECT_EQ(job->error_count(), 1u);
}

// [GEC] "BITS does not increase the count when network disconnects occur"; [JS][MRD] BITS does not
// retry a disconnect by timer: the job waits for the network.
TEST(NetworkTest, DisconnectWaitsForTheNetworkWithoutCountingOrRetrying) {
  World w;
  Job* job = w.download("net");
  job->Resume();
  w.run_for(Duration::seconds(2));
  ASSERT_EQ(job->state(), JobState::kTransferring);
  w.service.set_network_up(false);
  EXPECT_EQ(job->state(), JobState::kTransientError);
  std::shared_ptr<const Error> error;
  ASSERT_EQ(job->GetError(&error), hr::S_OK);
  EXPECT_EQ(error->code(), hr::BG_E_NETWORK_DISCONNECTED);
  w.run_for(Duration::hours(2));
  EXPECT_EQ(job->state(), JobState::kTransientError);
  EXPECT_TRUE(w.records(job, "state", "cause", "retry").empty());
  w.service.set_network_up(true);
  EXPECT_EQ(job->state(), JobState::kQueued);
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransferred));
  EXPECT_EQ(job->error_count(), 0u);
}

// [RV] A disconnect the transport reports takes the machine's network down; with a duration in the
// plan it comes back by itself and every waiting job goes on.
TEST(NetworkTest, InjectedDisconnectEndsAfterItsDuration) {
  TransportFault f = fault("drop", FaultAction::kNetworkDisconnect, HitSelector::nth(1));
  f.bytes = kMiB;
  f.duration = Duration::seconds(120);
  World w({f});
  Job* drop = w.download("drop");
  Job* other = w.download("other");
  drop->Resume();
  other->Resume();
  ASSERT_TRUE(w.run_until_state(drop, JobState::kTransientError));
  const Instant down = w.clock.now();
  EXPECT_FALSE(w.service.network_up());
  EXPECT_EQ(other->state(), JobState::kTransientError);
  w.queue.run_until(down + Duration::seconds(120));
  EXPECT_TRUE(w.service.network_up());
  w.run_for(Duration::days(1));
  EXPECT_EQ(drop->state(), JobState::kTransferred);
  EXPECT_EQ(other->state(), JobState::kTransferred);
  EXPECT_EQ(drop->error_count(), 0u);
  EXPECT_EQ(w.records(drop, "state", "cause", "network-up").front().time, down + Duration::seconds(120));
}

// [RV] A job resumed while the network is down goes to TRANSIENT_ERROR with BG_E_NETWORK_DISCONNECTED.
TEST(NetworkTest, ResumeWhileDisconnectedWaits) {
  World w;
  w.service.set_network_up(false);
  Job* job = w.download("offline");
  job->Resume();
  w.run_for(Duration::minutes(30));
  EXPECT_EQ(job->state(), JobState::kTransientError);
  EXPECT_EQ(job->attempts(), 0u);
  w.service.set_network_up(true);
  EXPECT_TRUE(w.run_until_state(job, JobState::kTransferred));
}

// [GP] "If there is no activity against the job for this period [default 90 days] … BITS cancels the
// job. Transfer progress or property changes reset the timer."
TEST(InactivityTest, UntouchedJobIsCancelledAfterNinetyDays) {
  World w;
  Job* idle = w.download("idle");
  Job* touched = w.download("touched");
  w.queue.run_until(Duration::days(50));
  ASSERT_EQ(touched->SetMinimumRetryDelay(60), hr::S_OK);
  w.queue.run_until(Duration::days(90) - Duration::ms(1));
  EXPECT_EQ(idle->state(), JobState::kSuspended);
  w.queue.run_until(Duration::days(90));
  EXPECT_EQ(idle->state(), JobState::kCancelled);
  EXPECT_EQ(w.records(idle, "state", "cause", "job-inactivity-timeout").size(), 1u);
  EXPECT_EQ(touched->state(), JobState::kSuspended);
  w.queue.run_until(Duration::days(140));
  EXPECT_EQ(touched->state(), JobState::kCancelled);
  EXPECT_EQ(w.entries(touched, JobState::kCancelled), std::vector<Instant>{Duration::days(140)});
}

// [S5] "If the job remains in an error state for 90 days … the service removes the job"; the period is
// configurable (Group Policy).
TEST(InactivityTest, JobInErrorIsRemovedAfterTheConfiguredPeriod) {
  ServiceSettings s;
  s.job_inactivity_timeout = Duration::days(7);
  // Three transient connect failures (retries are not client activity), then a fatal one at 1,800 s.
  World w({fault("e", FaultAction::kFailConnect, HitSelector::first(3)),
           http_fault("e", 404, FaultPoint::kConnect, HitSelector::nth(4))},
          s);
  Job* job = w.download("e");
  w.run_for(Duration::days(2));
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kError));
  const Instant error_at = w.clock.now();
  EXPECT_EQ(error_at, Duration::days(2) + Duration::seconds(1800));
  w.queue.run_all();
  EXPECT_EQ(w.entries(job, JobState::kCancelled), std::vector<Instant>{error_at + Duration::days(7)});
}

}  // namespace
}  // namespace vssfault::bits::testing
