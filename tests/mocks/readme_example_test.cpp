// The example of docs/mocks.md (copied to the README), compiled so it cannot rot. Keep the two in sync.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "vssfault/kernel/clock.h"
#include "vssfault/kernel/event_queue.h"
#include "vssfault/kernel/rng.h"
#include "vssfault/kernel/trace.h"
#include "vssfault/mocks/mock_provider.h"
#include "vssfault/mocks/mock_writer.h"
#include "vssfault/mocks/vss_fault_injector.h"
#include "vssfault/requester/reference_requester.h"
#include "vssfault/vss/system.h"

namespace {

using namespace vssfault;
using ::testing::NiceMock;

// [S3][WEV]: a writer vetoing Freeze with VSS_E_WRITERERROR_RETRYABLE every time; the reference
// requester waits ten minutes and retries three times (D21), then gives up.
TEST(ReadmeExample, WriterVetoesFreezeWithRetryable) {
  VirtualClock clock;
  EventQueue queue(clock);
  Trace trace;
  Rng rng(1);
  vss::System sys(clock, queue, trace, rng);
  sys.AddVolume("C:\\");

  // --- the example ---
  NiceMock<mocks::MockWriter> w(sys);  // an ideal writer until told otherwise
  w.DeclareComponent("db", "orders");  // a writer with no component selected takes no part [OBD]
  w.Start("SqlWriter");
  ON_CALL(w, OnFreeze()).WillByDefault(mocks::SetWriterFailureAndReturn(w, hr::VSS_E_WRITERERROR_RETRYABLE, false));
  auto result = requester::ReferenceRequester(sys).Backup({{"C:\\"}, {}});
  EXPECT_EQ(result.outcome, requester::Outcome::kRetriesExhausted);  // attempts at 0, 10, 20, 30 min
  // --- end of the example ---

  EXPECT_EQ(result.attempts.size(), 4u);
  EXPECT_EQ(result.final_hr, hr::VSS_E_WRITERERROR_RETRYABLE);
  EXPECT_EQ(result.final_step, "DoSnapshotSet");
  EXPECT_TRUE(sys.conformance().clean());
}

// The fault-plan snippet of docs/mocks.md: a freeze outlasting the 60 s window on the first two hits
// ([INIT][KB915331]: FAILED_AT_FREEZE + VSS_E_WRITERERROR_TIMEOUT) and an E_FAIL from CommitSnapshots on
// every hit, which VSS translates to VSS_E_UNEXPECTED_PROVIDER_ERROR [S4]. Both are retry-guided, so the
// requester uses all four attempts, the last two failing on the provider.
TEST(ReadmeExample, FaultPlanSnippet) {
  VirtualClock clock;
  EventQueue queue(clock);
  Trace trace;
  Rng rng(1);
  vss::System sys(clock, queue, trace, rng);
  sys.AddVolume("C:\\");
  NiceMock<mocks::MockWriter> writer(sys);
  writer.DeclareComponent("db", "orders");
  writer.Start("SqlWriter");
  auto provider = std::make_shared<NiceMock<mocks::MockProvider>>(mocks::MockProvider::Software("MyProvider"));
  sys.RegisterProvider(provider);

  // --- the snippet ---
  mocks::VssFaultPlan plan;
  plan.writers.push_back({"SqlWriter", vss::WriterEvent::kFreeze, HitSelector::first(2),
                          mocks::WriterAction::TakeTime(Duration::seconds(61)), "my_test.cpp:42"});
  plan.providers.push_back({"MyProvider", vss::ProviderMethod::kCommitSnapshots, HitSelector::every(),
                            mocks::ProviderAction::Return(hr::E_FAIL), "my_test.cpp:44"});
  mocks::FaultInjector injector(sys, rng, plan);
  injector.Attach(writer);     // after writer.Start(): faults are matched by name
  injector.Attach(*provider);
  // --- end of the snippet ---

  const auto result = requester::ReferenceRequester(sys).Backup({{"C:\\"}, {}});
  ASSERT_EQ(result.attempts.size(), 4u) << result.describe();
  EXPECT_EQ(result.outcome, requester::Outcome::kRetriesExhausted);
  // D11: the writer's timeout does not fail DoSnapshotSet; the provider's E_FAIL does, and wins.
  EXPECT_EQ(result.attempts[0].hr, hr::VSS_E_UNEXPECTED_PROVIDER_ERROR);
  EXPECT_EQ(result.attempts[3].hr, hr::VSS_E_UNEXPECTED_PROVIDER_ERROR);
  EXPECT_EQ(injector.fired("vss.writer.SqlWriter.OnFreeze"), 2u);
  EXPECT_EQ(injector.fired("vss.provider.MyProvider.CommitSnapshots"), 4u);
  sys.UnregisterProvider(provider->info().id);
}

}  // namespace
