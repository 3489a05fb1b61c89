// The transitions of spec §6.2 on the virtual clock: activation, time slices, file order, final states.
#include <gtest/gtest.h>

#include "bits_world.h"

namespace vssfault::bits::testing {
namespace {

std::vector<std::string> state_path(const World& w, const Job* job) {
  std::vector<std::string> out;
  for (const auto& r : w.records(job, "state")) out.push_back(std::string(r.field("to")));
  return out;
}

// [JS][LC] SUSPENDED --Resume--> QUEUED --scheduler--> CONNECTING --connected--> TRANSFERRING
// --all files done--> TRANSFERRED, on the virtual clock: 1 s to connect, 2 MiB at 1 MiB/s.
TEST(StateMachineTest, ResumedJobRunsQueuedConnectingTransferringTransferred) {
  World w;
  Job* job = w.download("dl");
  ASSERT_EQ(job->Resume(), hr::S_OK);
  EXPECT_EQ(job->state(), JobState::kQueued);
  w.run_for(Duration::days(1));
  EXPECT_EQ(job->state(), JobState::kTransferred);
  EXPECT_EQ(state_path(w, job), (std::vector<std::string>{"QUEUED", "CONNECTING", "TRANSFERRING", "TRANSFERRED"}));
  EXPECT_EQ(w.entries(job, JobState::kTransferring), std::vector<Instant>{Duration::seconds(1)});
  EXPECT_EQ(w.entries(job, JobState::kTransferred), std::vector<Instant>{Duration::seconds(3)});
  JobProgress p;
  job->GetProgress(&p);
  EXPECT_EQ(p, (JobProgress{2 * kMiB, 2 * kMiB, 1, 1}));
}

// [LC][JS] "TRANSFERRING → time slice ends → QUEUED", then the job connects again and goes on from
// where it was (no byte is transferred twice).
TEST(StateMachineTest, TimeSliceEndRequeuesTheJob) {
  ServiceSettings s;
  s.time_slice = Duration::seconds(10);
  IdealTransportConfig t = test_transport();
  t.default_file_size = 25 * kMiB;
  World w({}, s, t);
  Job* job = w.download("long");
  job->Resume();
  w.run_for(Duration::days(1));
  EXPECT_EQ(job->state(), JobState::kTransferred);
  const auto requeues = w.records(job, "state", "cause", "time-slice-end");
  ASSERT_EQ(requeues.size(), 2u);  // 10 MiB, 10 MiB, 5 MiB
  EXPECT_EQ(requeues[0].time, Duration::seconds(11));
  EXPECT_EQ(requeues[1].time, Duration::seconds(22));
  EXPECT_EQ(job->attempts(), 3u);
  EXPECT_EQ(w.entries(job, JobState::kTransferred), std::vector<Instant>{Duration::seconds(28)});
}

// The ideal transport's rate can differ per job (the scenario format's per-job transfer_rate).
TEST(StateMachineTest, PerJobRateSetsTheTransferTime) {
  IdealTransportConfig t = test_transport();
  t.job_bytes_per_second["slow"] = 512 * 1024;
  World w({}, {}, t);
  Job* slow = w.download("slow");
  Job* fast = w.download("fast");
  slow->Resume();
  fast->Resume();
  w.run_for(Duration::hours(1));
  EXPECT_EQ(w.entries(slow, JobState::kTransferred), std::vector<Instant>{Duration::seconds(5)});
  EXPECT_EQ(w.entries(fast, JobState::kTransferred), std::vector<Instant>{Duration::seconds(3)});
}

// [LC][AF] Files are processed sequentially, first in first out.
TEST(StateMachineTest, FilesAreTransferredInOrder) {
  World w;
  Job* job = w.download("fifo", 3);
  job->Resume();
  w.run_for(Duration::days(1));
  const auto done = w.records(job, "file-transferred");
  ASSERT_EQ(done.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(done[i].field("index"), std::to_string(i));
    EXPECT_EQ(done[i].time, Duration::seconds(1 + 2 * static_cast<std::int64_t>(i + 1)));
  }
}

// [HE][LC] "An error in one file holds the whole job in error"; no later file is processed.
TEST(StateMachineTest, ErrorInOneFileHoldsTheJob) {
  TransportFault f = http_fault("hold", 404, FaultPoint::kTransfer, HitSelector::nth(2));  // second file
  f.bytes = 1000;
  World w({f});
  Job* job = w.download("hold", 3);
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kError));
  w.run_for(Duration::days(1));
  std::vector<FileInfo> files;
  job->EnumFiles(&files);
  EXPECT_TRUE(files[0].progress.completed);
  EXPECT_EQ(files[1].progress.bytes_transferred, 1000u);
  EXPECT_FALSE(files[1].progress.completed);
  EXPECT_EQ(files[2].progress.bytes_transferred, 0u);
  std::shared_ptr<const Error> error;
  ASSERT_EQ(job->GetError(&error), hr::S_OK);
  std::optional<FileInfo> file;
  ASSERT_EQ(error->GetFile(&file), hr::S_OK);
  EXPECT_EQ(file->remote_name, "http://server/hold/1");
}

// [LC][JSU] Suspend stops the transfer; Resume goes on from the bytes already transferred.
TEST(StateMachineTest, SuspendStopsAndResumeContinues) {
  World w;
  Job* job = w.download("pause");
  job->Resume();
  w.run_for(Duration::seconds(2));  // connected at 1 s, 1 MiB by 2 s
  ASSERT_EQ(job->Suspend(), hr::S_OK);
  EXPECT_EQ(job->state(), JobState::kSuspended);
  w.run_for(Duration::hours(1));
  JobProgress p;
  job->GetProgress(&p);
  EXPECT_EQ(p.bytes_transferred, kMiB);
  EXPECT_EQ(job->state(), JobState::kSuspended);
  ASSERT_EQ(job->Resume(), hr::S_OK);
  const Instant resumed = w.clock.now();
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransferred));
  EXPECT_EQ(w.clock.now() - resumed, Duration::seconds(2));  // 1 s connect + the remaining 1 MiB
}

// [LC] "TRANSFERRED | AddFile + Resume → QUEUED" ("not a common practice").
TEST(StateMachineTest, AddFileAndResumeRestartsATransferredJob) {
  World w;
  Job* job = w.download("more");
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransferred));
  ASSERT_EQ(job->AddFile("http://server/more/1", "C:\\dl\\more\\1"), hr::S_OK);
  EXPECT_EQ(job->state(), JobState::kTransferred);
  EXPECT_EQ(job->Resume(), hr::S_OK);
  EXPECT_EQ(job->state(), JobState::kQueued);
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransferred));
  JobProgress p;
  job->GetProgress(&p);
  EXPECT_EQ(p.files_transferred, 2u);
}

// D13: Resume in TRANSFERRED with no new file returns BG_E_EMPTY and changes nothing.
TEST(StateMachineTest, ResumeOfTransferredJobWithoutNewFilesIsEmpty) {
  World w;
  Job* job = w.download("same");
  job->Resume();
  ASSERT_TRUE(w.run_until_state(job, JobState::kTransferred));
  EXPECT_EQ(job->Resume(), hr::BG_E_EMPTY);
  EXPECT_EQ(job->state(), JobState::kTransferred);
}

// [LC][JCO] Upload: TRANSFERRED means the server has the file.
TEST(StateMachineTest, UploadJobReachesTransferred) {
  World w;
  Job* job = w.upload("up");
  job->Resume();
  w.run_for(Duration::days(1));
  EXPECT_EQ(job->state(), JobState::kTransferred);
  JobProgress p;
  job->GetProgress(&p);
  EXPECT_EQ(p, (JobProgress{2 * kMiB, 2 * kMiB, 1, 1}));
  EXPECT_EQ(job->Complete(), hr::S_OK);
}

// Every state change is a trace record of actor "bits:<job name>" with from/to; actors have no spaces.
TEST(StateMachineTest, EveryStateChangeIsTraced) {
  World w;
  Job* job = w.download("my job");
  EXPECT_EQ(job->actor(), "bits:my_job");
  job->Resume();
  w.run_for(Duration::days(1));
  job->Complete();
  const auto states = w.records(job, "state");
  ASSERT_EQ(states.size(), 5u);
  std::string prev = "SUSPENDED";
  for (const auto& r : states) {
    EXPECT_EQ(r.field("from"), prev);
    prev = std::string(r.field("to"));
  }
  EXPECT_EQ(prev, "ACKNOWLEDGED");
}

// The same seed and plan give a byte-identical trace.
TEST(StateMachineTest, RunsAreDeterministic) {
  auto run = [] {
    TransportFault f = fault("", FaultAction::kFailAfterBytes, HitSelector::probability(0.5));
    f.bytes = 300'000;
    auto w = std::make_unique<World>(std::vector<TransportFault>{f});
    Job* a = w->download("a", 2);
    Job* b = w->download("b", 1);
    a->SetMinimumRetryDelay(5);
    b->SetMinimumRetryDelay(5);
    a->Resume();
    b->Resume();
    w->run_for(Duration::days(1));
    return std::make_pair(w->trace.hash(), w->trace.size());
  };
  const auto first = run();
  EXPECT_EQ(first, run());
  EXPECT_GT(first.second, 20u);
}

}  // namespace
}  // namespace vssfault::bits::testing
