// The reference client's policies [S5][HE][CBJE][JCO] and the conformance checks a client can fail:
// bits.complete-unfinished-upload [JCO][CBJE] and bits.poll-final-state [LC].
#include <gtest/gtest.h>

#include "bits_world.h"
#include "vssfault/bits/reference_client.h"

namespace vssfault::bits::testing {
namespace {

ClientOptions poll_every(Duration d, ErrorPolicy policy = ErrorPolicy::kCancel) {
  ClientOptions o;
  o.mode = WatchMode::kPoll;
  o.poll_interval = d;
  o.on_error = policy;
  return o;
}

// [S5][JGS][JCO] Polling: GetState at an interval, Complete on TRANSFERRED, stop polling after.
TEST(ReferenceClientTest, PollingClientCompletesAndStops) {
  World w;
  Job* job = w.download("poll", 2);
  ReferenceClient client(w.service, *job, poll_every(Duration::seconds(2)));
  ASSERT_EQ(client.start(), hr::S_OK);
  w.run_for(Duration::days(1));
  EXPECT_EQ(client.outcome(), ClientOutcome::kCompleted);
  EXPECT_EQ(client.final_result(), hr::S_OK);
  EXPECT_EQ(job->state(), JobState::kAcknowledged);
  EXPECT_EQ(client.polls(), 3u);  // 2 s, 4 s, 6 s (TRANSFERRED at 5 s)
  EXPECT_TRUE(w.service.checker().violations().empty());
}

// [S5][CBJE] Callback: SetNotifyInterface + SetNotifyFlags(JOB_TRANSFERRED | JOB_ERROR), no polling.
TEST(ReferenceClientTest, CallbackClientCompletesWithoutPolling) {
  World w;
  Job* job = w.download("cb");
  ClientOptions o;
  o.mode = WatchMode::kCallback;
  ReferenceClient client(w.service, *job, o);
  ASSERT_EQ(client.start(), hr::S_OK);
  w.run_for(Duration::days(1));
  EXPECT_EQ(client.outcome(), ClientOutcome::kCompleted);
  EXPECT_EQ(client.polls(), 0u);
  EXPECT_EQ(w.entries(job, JobState::kAcknowledged), std::vector<Instant>{Duration::seconds(3)});
  EXPECT_TRUE(w.service.checker().violations().empty());
}

// [S5] "To cancel the job, call the IBackgroundCopyJob::Cancel method" — after reading the error.
TEST(ReferenceClientTest, CancelPolicyReadsTheErrorThenCancels) {
  World w({http_fault("c", 404, FaultPoint::kConnect)});
  Job* job = w.download("c");
  ClientOptions o;
  o.mode = WatchMode::kCallback;
  o.on_error = ErrorPolicy::kCancel;
  ReferenceClient client(w.service, *job, o);
  client.start();
  w.run_for(Duration::days(1));
  EXPECT_EQ(client.outcome(), ClientOutcome::kCancelled);
  EXPECT_EQ(job->state(), JobState::kCancelled);
  ASSERT_EQ(client.errors().size(), 1u);
  EXPECT_EQ(client.errors()[0].code, hr::BG_E_HTTP_ERROR_404);
  EXPECT_EQ(client.errors()[0].context, ErrorContext::kRemoteFile);
  EXPECT_EQ(client.errors()[0].protocol, std::optional<std::string>("http"));
  EXPECT_FALSE(client.errors()[0].description.empty());
}

// [S5] "To save those files that transferred successfully before the error occurred, call Complete":
// a download keeps its finished file and Complete returns BG_S_PARTIAL_COMPLETE.
TEST(ReferenceClientTest, CompletePolicySavesTheFinishedFiles) {
  World w({http_fault("p", 404, FaultPoint::kTransfer, HitSelector::nth(2))});
  Job* job = w.download("p", 2);
  ReferenceClient client(w.service, *job, poll_every(Duration::seconds(30), ErrorPolicy::kComplete));
  client.start();
  w.run_for(Duration::days(1));
  EXPECT_EQ(client.outcome(), ClientOutcome::kPartial);
  EXPECT_EQ(client.final_result(), hr::BG_S_PARTIAL_COMPLETE);
  EXPECT_EQ(job->state(), JobState::kAcknowledged);
}

// [CBJE] "This option does not apply to upload jobs; you cannot complete a portion of an upload job":
// the reference client cancels an upload in ERROR instead, and breaks no rule.
TEST(ReferenceClientTest, CompletePolicyCancelsAnUploadInError) {
  World w({http_fault("u", 403, FaultPoint::kTransfer)});
  Job* job = w.upload("u");
  ReferenceClient client(w.service, *job, poll_every(Duration::seconds(30), ErrorPolicy::kComplete));
  client.start();
  w.run_for(Duration::days(1));
  EXPECT_EQ(client.outcome(), ClientOutcome::kCancelled);
  EXPECT_TRUE(w.service.checker().violations().empty());
}

// [S5] "To finish processing the job, fix the problem, and then call Resume."
TEST(ReferenceClientTest, FixAndResumePolicyFinishesTheJob) {
  World w({http_fault("fix", 404, FaultPoint::kConnect)});
  Job* job = w.download("fix");
  ClientOptions o = poll_every(Duration::seconds(30), ErrorPolicy::kFixAndResume);
  o.fix = [&](Job&, const ErrorReport& report) {
    EXPECT_EQ(report.code, hr::BG_E_HTTP_ERROR_404);
    w.injector.clear();  // the URL is fixed on the server
  };
  ReferenceClient client(w.service, *job, o);
  client.start();
  w.run_for(Duration::days(1));
  EXPECT_EQ(client.outcome(), ClientOutcome::kCompleted);
  EXPECT_EQ(client.resumes(), 1u);
  EXPECT_EQ(client.errors().size(), 1u);
}

// A fix that does not fix: after max_resumes the client gives up and cancels.
TEST(ReferenceClientTest, FixAndResumeGivesUpAfterMaxResumes) {
  World w({http_fault("stuck", 404, FaultPoint::kConnect)});
  Job* job = w.download("stuck");
  ClientOptions o = poll_every(Duration::seconds(30), ErrorPolicy::kFixAndResume);
  o.max_resumes = 2;
  ReferenceClient client(w.service, *job, o);
  client.start();
  w.run_for(Duration::days(1));
  EXPECT_EQ(client.outcome(), ClientOutcome::kCancelled);
  EXPECT_EQ(client.resumes(), 2u);
  EXPECT_EQ(client.errors().size(), 3u);
}

// [GP][JCO] A job that the service cancels (JobInactivityTimeout) is lost to the client, which stops
// polling after one read of the final state.
TEST(ReferenceClientTest, ClientStopsWhenTheServiceCancelsTheJob) {
  ServiceSettings s;
  s.job_inactivity_timeout = Duration::hours(1);
  World w({fault("lost", FaultAction::kFailConnect)}, s);
  Job* job = w.download("lost");
  ReferenceClient client(w.service, *job, poll_every(Duration::minutes(5)));
  client.start();
  w.run_for(Duration::days(1));
  EXPECT_EQ(client.outcome(), ClientOutcome::kLost);
  EXPECT_EQ(job->state(), JobState::kCancelled);
  EXPECT_TRUE(w.service.checker().violations().empty());
}

// Violation [JCO][CBJE]: a client that calls Complete on an upload that is not TRANSFERRED.
TEST(ConformanceTest, CompleteOnUnfinishedUploadIsAViolation) {
  World w;
  Job* job = w.upload("early");
  job->Resume();
  w.run_for(Duration::seconds(2));
  ASSERT_EQ(job->state(), JobState::kTransferring);
  EXPECT_EQ(job->Complete(), hr::BG_E_INVALID_STATE);
  const auto& v = w.service.checker().violations();
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].rule, "bits.complete-unfinished-upload");
  EXPECT_EQ(v[0].source, "[JCO][CBJE]");
  EXPECT_EQ(v[0].actor, "bits:early");
  EXPECT_EQ(v[0].time, Duration::seconds(2));
  EXPECT_NE(v[0].detail.find("TRANSFERRING"), std::string::npos);
  const auto traced = w.records(job, "violation", "rule", "bits.complete-unfinished-upload");
  ASSERT_EQ(traced.size(), 1u);
  EXPECT_EQ(traced[0].field("source"), "[JCO][CBJE]");
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransferred));
  EXPECT_EQ(job->Complete(), hr::S_OK);  // once TRANSFERRED it is the right call
  EXPECT_EQ(w.service.checker().violations().size(), 1u);
}

// Violation [LC]: a client that keeps polling a job in a final state. One read is how a client learns
// the state is final; the second is the violation, recorded once.
TEST(ConformanceTest, PollingAFinalJobAgainIsAViolation) {
  World w;
  Job* job = w.download("poller");
  job->Cancel();
  JobState s{};
  job->GetState(&s);
  EXPECT_TRUE(w.service.checker().violations().empty());
  w.run_for(Duration::seconds(30));
  job->GetState(&s);
  EXPECT_EQ(w.service.checker().violations().size(), 1u);
  w.run_for(Duration::seconds(30));
  job->GetState(&s);
  const auto v = w.service.checker().violations_of("bits.poll-final-state");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].source, "[LC]");
  EXPECT_EQ(v[0].time, Duration::seconds(30));
}

}  // namespace
}  // namespace vssfault::bits::testing
