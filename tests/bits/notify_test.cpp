// Notifications (spec §6.6): JobTransferred / JobError / JobModification delivery, repetition until S_OK,
// the flags, late registration, and containment of a callback that throws.
#include <gtest/gtest.h>

#include <stdexcept>

#include "bits_world.h"

namespace vssfault::bits::testing {
namespace {

// [CBJT] JobTransferred is called when all files have transferred; S_OK ends it.
TEST(NotifyTest, JobTransferredCalledOnceOnTransferred) {
  World w;
  Job* job = w.download("t");
  auto cb = std::make_shared<RecordingCallback>(w.clock);
  job->SetNotifyInterface(cb);
  job->Resume();
  w.run_for(Duration::hours(1));
  EXPECT_EQ(cb->times_of("JobTransferred"), std::vector<Instant>{Duration::seconds(3)});
  EXPECT_TRUE(cb->times_of("JobError").empty());
}

// [CBJE] "Transient errors do not generate JobError calls"; JobError comes on entering ERROR.
TEST(NotifyTest, JobErrorOnlyForError) {
  World w({fault("te", FaultAction::kFailConnect, HitSelector::first(2)),
           http_fault("err", 404, FaultPoint::kConnect)});
  Job* te = w.download("te");
  Job* err = w.download("err");
  auto cb_te = std::make_shared<RecordingCallback>(w.clock);
  auto cb_err = std::make_shared<RecordingCallback>(w.clock);
  te->SetNotifyInterface(cb_te);
  err->SetNotifyInterface(cb_err);
  te->SetMinimumRetryDelay(5);
  te->Resume();
  err->Resume();
  w.run_for(Duration::hours(1));
  EXPECT_EQ(te->state(), JobState::kTransferred);
  EXPECT_TRUE(cb_te->times_of("JobError").empty());
  EXPECT_EQ(cb_err->times_of("JobError"), std::vector<Instant>{Duration()});
}

// [CBJE] "Otherwise, BITS continues to call this method until S_OK is returned" — every
// callback_retry_interval (DECISION: 60 s).
TEST(NotifyTest, JobErrorRepeatedUntilS_OK) {
  World w({http_fault("rep", 404, FaultPoint::kConnect)});
  Job* job = w.download("rep");
  auto cb = std::make_shared<RecordingCallback>(w.clock);
  cb->error_script = {hr::E_FAIL, hr::S_FALSE};  // S_FALSE is not S_OK
  job->SetNotifyInterface(cb);
  job->Resume();
  w.run_for(Duration::hours(1));
  EXPECT_EQ(cb->times_of("JobError"),
            (std::vector<Instant>{Duration(), Duration::seconds(60), Duration::seconds(120)}));
}

// [CBJT] The same for JobTransferred; the interval is a setting.
TEST(NotifyTest, JobTransferredRepeatedAtTheConfiguredInterval) {
  ServiceSettings s;
  s.callback_retry_interval = Duration::seconds(10);
  World w({}, s);
  Job* job = w.download("rep");
  auto cb = std::make_shared<RecordingCallback>(w.clock);
  cb->transferred_script = {hr::E_FAIL};
  job->SetNotifyInterface(cb);
  job->Resume();
  w.run_for(Duration::hours(1));
  EXPECT_EQ(cb->times_of("JobTransferred"), (std::vector<Instant>{Duration::seconds(3), Duration::seconds(13)}));
}

// The repetition stops once the job has left the state (here: the callback cancels, then fails).
TEST(NotifyTest, RepetitionStopsWhenTheJobLeavesTheState) {
  World w({http_fault("c", 404, FaultPoint::kConnect)});
  Job* job = w.download("c");
  auto cb = std::make_shared<RecordingCallback>(w.clock);
  cb->error_script = {hr::E_FAIL};
  cb->on_error = [](Job& j) { j.Cancel(); };
  job->SetNotifyInterface(cb);
  job->Resume();
  w.run_for(Duration::hours(1));
  EXPECT_EQ(cb->times_of("JobError").size(), 1u);
  EXPECT_EQ(job->state(), JobState::kCancelled);
}

// [SNF] BG_NOTIFY_DISABLE: "BITS ignores the other flags"; without BG_NOTIFY_JOB_ERROR no JobError.
TEST(NotifyTest, FlagsGateTheCalls) {
  World w({http_fault("e1", 404, FaultPoint::kConnect), http_fault("e2", 404, FaultPoint::kConnect)});
  Job* disabled = w.download("e1");
  Job* transferred_only = w.download("e2");
  auto cb1 = std::make_shared<RecordingCallback>(w.clock);
  auto cb2 = std::make_shared<RecordingCallback>(w.clock);
  disabled->SetNotifyInterface(cb1);
  disabled->SetNotifyFlags(notify::kDisable | notify::kJobError | notify::kJobModification);
  transferred_only->SetNotifyInterface(cb2);
  transferred_only->SetNotifyFlags(notify::kJobTransferred);
  disabled->Resume();
  transferred_only->Resume();
  w.run_for(Duration::hours(1));
  EXPECT_TRUE(cb1->calls.empty());
  EXPECT_TRUE(cb2->calls.empty());
}

// [SNI] "BITS will call your callback even if the event for which you registered already occurred."
TEST(NotifyTest, LateRegistrationStillDeliversThePendingEvent) {
  World w({http_fault("late", 404, FaultPoint::kConnect)});
  Job* job = w.download("late");
  job->Resume();
  w.run_for(Duration::hours(1));
  ASSERT_EQ(job->state(), JobState::kError);
  auto cb = std::make_shared<RecordingCallback>(w.clock);
  job->SetNotifyInterface(cb);
  w.run_for(Duration::seconds(1));
  EXPECT_EQ(cb->times_of("JobError"), std::vector<Instant>{Duration::hours(1)});
}

// [SNI] "BITS does not persist the notify interface": after the client restarts it is gone.
TEST(NotifyTest, ClientRestartDropsTheInterface) {
  World w;
  Job* job = w.download("r");
  auto cb = std::make_shared<RecordingCallback>(w.clock);
  job->SetNotifyInterface(cb);
  w.service.client_restarted();
  std::shared_ptr<Callback> got = cb;
  EXPECT_EQ(job->GetNotifyInterface(&got), hr::S_OK);
  EXPECT_EQ(got, nullptr);
  job->Resume();
  w.run_for(Duration::days(1));
  EXPECT_TRUE(cb->calls.empty());
}

// [CBJM] "The service generates this event when bytes are transferred, files have been added to the job,
// properties have been modified, or the state of the job has changed" — "BITS does not generate a modify
// event when the state of the job changes to BG_JOB_STATE_ERROR or BG_JOB_STATE_TRANSFERRED".
TEST(NotifyTest, JobModificationForChangesButNotForEnteringError) {
  World w({fault("m", FaultAction::kFailConnect)});
  Job* job = w.download("m");
  auto cb = std::make_shared<RecordingCallback>(w.clock);
  job->SetNotifyInterface(cb);
  job->SetNotifyFlags(notify::kJobModification | notify::kJobError);
  job->SetMinimumRetryDelay(1000);
  job->SetNoProgressTimeout(500);  // TRANSIENT_ERROR at 100 s, ERROR 500 s later, nothing in between
  w.run_for(Duration::seconds(100));
  cb->calls.clear();
  job->Resume();
  w.run_for(Duration::hours(1));
  ASSERT_EQ(job->state(), JobState::kError);
  const auto mods = cb->times_of("JobModification");
  ASSERT_FALSE(mods.empty());
  for (Instant t : mods) EXPECT_EQ(t, Duration::seconds(100));  // Resume, QUEUED, CONNECTING, TRANSIENT_ERROR
  EXPECT_EQ(cb->times_of("JobError"), std::vector<Instant>{Duration::seconds(600)});
}

// [CBJM] Progress generates modification events: one per transfer step of the 2 MiB file.
TEST(NotifyTest, JobModificationForProgress) {
  World w;
  Job* job = w.download("p");
  auto cb = std::make_shared<RecordingCallback>(w.clock);
  job->SetNotifyInterface(cb);
  job->SetNotifyFlags(notify::kJobModification);
  w.run_for(Duration::hours(1));
  cb->calls.clear();
  const Instant t0 = w.clock.now();
  job->Resume();
  w.run_for(Duration::hours(1));
  // +0 s: Resume and QUEUED (one event), CONNECTING; +1 s: TRANSFERRING; +2 s and +3 s: progress.
  EXPECT_EQ(cb->times_of("JobModification"),
            (std::vector<Instant>{t0, t0, t0 + Duration::seconds(1), t0 + Duration::seconds(2),
                                  t0 + Duration::seconds(3)}));
  EXPECT_TRUE(cb->times_of("JobTransferred").empty());  // flag not set
}

// A callback that throws is contained: it counts as a failure return (so it is called again) and is
// recorded as a violation of rule bits.callback-threw.
class ThrowingCallback : public Callback {
 public:
  int calls = 0;
  HResult JobTransferred(Job& /*job*/) override {
    if (++calls < 3) throw std::runtime_error("boom");
    return hr::S_OK;
  }
  HResult JobError(Job& /*job*/, const Error& /*error*/) override { return hr::S_OK; }
  HResult JobModification(Job& /*job*/, std::uint32_t /*reserved*/) override { return hr::S_OK; }
};

TEST(NotifyTest, ThrowingCallbackIsContainedRetriedAndRecorded) {
  World w;
  Job* job = w.download("throw");
  auto cb = std::make_shared<ThrowingCallback>();
  job->SetNotifyInterface(cb);
  job->Resume();
  w.run_for(Duration::hours(1));
  EXPECT_EQ(cb->calls, 3);
  const auto v = w.service.checker().violations_of("bits.callback-threw");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].source, "[CBJE]");
  EXPECT_NE(v[0].detail.find("boom"), std::string::npos);
  EXPECT_EQ(w.records(job, "callback-threw").size(), 2u);
}

// [CBJE] "limit the number of times you return a value other than S_OK to a few times": the fourth
// failure (DECISION: more than 3) is a recorded violation, once.
TEST(NotifyTest, RepeatedCallbackFailureIsAViolation) {
  World w({http_fault("f", 404, FaultPoint::kConnect)});
  Job* job = w.download("f");
  auto cb = std::make_shared<RecordingCallback>(w.clock);
  cb->error_script = {hr::E_FAIL, hr::E_FAIL, hr::E_FAIL, hr::E_FAIL, hr::E_FAIL};
  job->SetNotifyInterface(cb);
  job->Resume();
  w.run_for(Duration::hours(1));
  EXPECT_EQ(cb->times_of("JobError").size(), 6u);
  const auto v = w.service.checker().violations_of("bits.callback-repeated-failure");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].time, Duration::seconds(180));
}

// A callback may call Complete on the job it is given [CBJT remarks].
TEST(NotifyTest, CallbackMayCompleteTheJob) {
  World w;
  Job* job = w.download("cc");
  auto cb = std::make_shared<RecordingCallback>(w.clock);
  cb->on_transferred = [](Job& j) { EXPECT_EQ(j.Complete(), hr::S_OK); };
  job->SetNotifyInterface(cb);
  job->Resume();
  w.run_for(Duration::days(1));
  EXPECT_EQ(job->state(), JobState::kAcknowledged);
  EXPECT_TRUE(w.service.checker().violations().empty());
}

}  // namespace
}  // namespace vssfault::bits::testing
