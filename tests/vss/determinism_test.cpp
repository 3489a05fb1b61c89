// Determinism: the same seed gives the same trace; the seed chooses the writer dispatch order, and an
// order-dependent outcome is visible in the trace.
#include "vss_fixture.h"

namespace vssfault::vss::test {
namespace {

struct Outcome {
  std::uint64_t hash;
  std::vector<std::string> freeze_orders;
  std::vector<std::string> timed_out;
};

// A machine with three writers and two providers, one writer slow in Freeze, one provider logging, one
// backup that succeeds and one that fails. Returns the trace hash and what the seed decided.
Outcome Scenario(std::uint64_t seed) {
  VirtualClock clock;
  EventQueue queue(clock);
  Trace trace;
  Rng rng(seed);
  System sys(clock, queue, trace, rng);
  EXPECT_EQ(sys.AddVolume("C:\\"), hr::S_OK);
  EXPECT_EQ(sys.AddVolume("D:\\"), hr::S_OK);
  auto p1 = std::make_shared<TestProvider>("P1", ProviderType::kSoftware, std::set<std::string>{"C:\\"});
  auto p2 = std::make_shared<TestProvider>("P2", ProviderType::kHardware, std::set<std::string>{"D:\\"});
  p2->actions[ProviderMethod::kPostCommitSnapshots] = [](TestProvider& p) {
    p.host().LogEvent(EventLevel::kInformation, hr::S_OK, "committed");
  };
  EXPECT_EQ(sys.RegisterProvider(p1), hr::S_OK);
  EXPECT_EQ(sys.RegisterProvider(p2), hr::S_OK);
  // Both front-end writers spend 31 s in OnFreeze: whichever is frozen first waits for the other and its
  // 60 s window expires; the second does not. Which one depends on the seed.
  TestWriter a(sys, "A"), b(sys, "B"), c(sys, "C", nullptr, ApplicationLevel::kBackEnd);
  for (TestWriter* w : {&a, &b})
    w->on(WriterEvent::kFreeze, [](TestWriter& self) { self.Work(Duration::seconds(31)); return true; });
  for (int round = 0; round < 2; ++round) {
    if (round == 1) p1->codes[ProviderMethod::kCommitSnapshots] = hr::E_FAIL;
    auto r = sys.CreateVssBackupComponents("client" + std::to_string(round));
    EXPECT_EQ(r->InitializeForBackup(), hr::S_OK);
    EXPECT_EQ(r->SetBackupState(false, false, BackupType::kFull), hr::S_OK);
    std::shared_ptr<Async> async;
    EXPECT_EQ(r->GatherWriterMetadata(&async), hr::S_OK);
    async->Wait();
    VssId set, snap;
    EXPECT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
    EXPECT_EQ(r->AddToSnapshotSet("C:\\", VssId::null(), &snap), hr::S_OK);
    EXPECT_EQ(r->AddToSnapshotSet("D:\\", VssId::null(), &snap), hr::S_OK);
    EXPECT_EQ(r->PrepareForBackup(&async), hr::S_OK);
    async->Wait();
    EXPECT_EQ(r->DoSnapshotSet(&async), hr::S_OK);
    async->Wait();
    EXPECT_EQ(r->AbortBackup(), hr::S_OK);
    EXPECT_EQ(r->Release(), hr::S_OK);
    sys.RunFor(Duration::minutes(15));
  }
  Outcome run{trace.hash(), {}, {}};
  for (const auto& rec : trace.records()) {
    if (rec.event == "dispatch" && rec.field("event") == "Freeze") run.freeze_orders.emplace_back(rec.field("order"));
    if (rec.event == "freeze-window-expired") run.timed_out.emplace_back(rec.field("writer"));
  }
  return run;
}

TEST(Determinism, SameSeedGivesTheSameTrace) {
  const Outcome first = Scenario(42);
  const Outcome second = Scenario(42);
  EXPECT_EQ(first.hash, second.hash);
  EXPECT_EQ(first.freeze_orders, second.freeze_orders);
}

TEST(Determinism, DifferentSeedsGiveDifferentDispatchOrders) {
  std::set<std::string> orders;
  std::set<std::uint64_t> hashes;
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    const Outcome run = Scenario(seed);
    ASSERT_FALSE(run.freeze_orders.empty());
    orders.insert(run.freeze_orders[0]);
    hashes.insert(run.hash);
  }
  EXPECT_GE(orders.size(), 2u);
  EXPECT_GE(hashes.size(), 2u);
}

// The order-dependent outcome: in every run the writer frozen first is the one whose window expired.
TEST(Determinism, OrderDependentOutcomeFollowsTheRecordedOrder) {
  std::set<std::string> losers;
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    const Outcome run = Scenario(seed);
    ASSERT_EQ(run.freeze_orders.size(), 2u);
    ASSERT_EQ(run.timed_out.size(), 2u) << seed;
    for (std::size_t i = 0; i < 2; ++i) {
      const std::string first_frozen = run.freeze_orders[i].substr(0, 1);
      EXPECT_EQ(run.timed_out[i], first_frozen) << "seed " << seed << " order " << run.freeze_orders[i];
      losers.insert(run.timed_out[i]);
    }
  }
  EXPECT_EQ(losers.size(), 2u);  // both A and B lose in some run
}

}  // namespace
}  // namespace vssfault::vss::test
