// Hit selectors, counted per site: nth, first n, every, and probability with a fixed seed drawing from
// rng.split(site) so that faults at other sites never change whether this one fires.
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mocks/vss_bench.h"

namespace vssfault::test {
namespace {

using mocks::ProviderAction;
using mocks::WriterAction;
using vss::ProviderMethod;
using vss::WriterEvent;

constexpr const char* kFreezeSite = "vss.writer.W.OnFreeze";
constexpr const char* kCommitSite = "vss.provider.P.CommitSnapshots";

/// Runs `n` one-attempt backups; returns, per backup, whether it failed.
std::vector<bool> RunBackups(Bench& bench, int n) {
  requester::Policy once;
  once.retry = false;
  std::vector<bool> failed;
  for (int i = 0; i < n; ++i) failed.push_back(bench.Backup(once).outcome != requester::Outcome::kSucceeded);
  return failed;
}

std::vector<std::uint64_t> FiredHits(const mocks::FaultInjector& injector, std::string_view site) {
  std::vector<std::uint64_t> hits;
  for (const auto& f : injector.firings()) {
    if (f.site == site) hits.push_back(f.hit);
  }
  return hits;
}

mocks::WriterFault FreezeVeto(HitSelector when) {
  return WriterFaultAt(WriterEvent::kFreeze, WriterAction::Failure(hr::VSS_E_WRITERERROR_NONRETRYABLE, false), when);
}

TEST(InjectorHitsTest, NthFiresOnThatHitOnly) {
  Bench bench;
  auto& injector = bench.Plan({{FreezeVeto(HitSelector::nth(2))}, {}, {}});
  EXPECT_EQ(RunBackups(bench, 4), (std::vector<bool>{false, true, false, false}));
  EXPECT_EQ(injector.hits(kFreezeSite), 4u);
  EXPECT_EQ(injector.fired(kFreezeSite), 1u);
}

TEST(InjectorHitsTest, FirstNFiresOnTheFirstNHits) {
  Bench bench;
  auto& injector = bench.Plan({{FreezeVeto(HitSelector::first(2))}, {}, {}});
  EXPECT_EQ(RunBackups(bench, 4), (std::vector<bool>{true, true, false, false}));
  EXPECT_EQ(FiredHits(injector, kFreezeSite), (std::vector<std::uint64_t>{1, 2}));
}

TEST(InjectorHitsTest, EveryFiresOnEveryHit) {
  Bench bench;
  auto& injector = bench.Plan({{FreezeVeto(HitSelector::every())}, {}, {}});
  EXPECT_EQ(RunBackups(bench, 3), (std::vector<bool>{true, true, true}));
  EXPECT_EQ(injector.fired(kFreezeSite), 3u);
}

// Sites count separately: the writer's OnFreeze and the provider's CommitSnapshots each reach their
// own hit 2 in the second backup.
TEST(InjectorHitsTest, HitsAreCountedPerSite) {
  Bench bench;
  auto& injector = bench.Plan({{FreezeVeto(HitSelector::nth(5))},
                               {ProviderFaultAt(ProviderMethod::kCommitSnapshots,
                                                ProviderAction::Return(hr::VSS_E_PROVIDER_VETO), HitSelector::nth(2))},
                               {}});
  RunBackups(bench, 3);
  EXPECT_EQ(injector.hits(kFreezeSite), 3u);
  EXPECT_EQ(injector.fired(kFreezeSite), 0u);
  EXPECT_EQ(injector.hits(kCommitSite), 3u);
  EXPECT_EQ(FiredHits(injector, kCommitSite), (std::vector<std::uint64_t>{2}));
}

// Two entries on one site: the first in plan order acts; both see the same hit numbers.
TEST(InjectorHitsTest, FirstFiringEntryOfASiteActs) {
  Bench bench;
  auto& injector = bench.Plan({{FreezeVeto(HitSelector::nth(2)),
                                WriterFaultAt(WriterEvent::kFreeze, WriterAction::ReturnFalse(), HitSelector::every())},
                               {}, {}});
  RunBackups(bench, 3);
  ASSERT_EQ(injector.firings().size(), 3u);
  EXPECT_EQ(injector.firings()[0].entry, "writer[1]");
  EXPECT_EQ(injector.firings()[1].entry, "writer[0]");
  EXPECT_EQ(injector.firings()[2].entry, "writer[1]");
}

/// The hits a probability selector fires on for `seed`, computed the documented way: rng.split(site).
std::vector<std::uint64_t> ExpectedProbabilityHits(std::uint64_t seed, double p, int hits) {
  Rng site = Rng(seed).split(kFreezeSite);
  std::vector<std::uint64_t> out;
  const HitSelector when = HitSelector::probability(p);
  for (int hit = 1; hit <= hits; ++hit) {
    if (when.fires(static_cast<std::uint64_t>(hit), site)) out.push_back(static_cast<std::uint64_t>(hit));
  }
  return out;
}

TEST(InjectorHitsTest, ProbabilityDrawsFromTheSitesSplitGenerator) {
  constexpr std::uint64_t kSeed = 42;
  const auto expected = ExpectedProbabilityHits(kSeed, 0.5, 12);
  ASSERT_FALSE(expected.empty());
  ASSERT_LT(expected.size(), 12u);
  Bench bench(kSeed);
  auto& injector = bench.Plan({{FreezeVeto(HitSelector::probability(0.5))}, {}, {}});
  RunBackups(bench, 12);
  EXPECT_EQ(FiredHits(injector, kFreezeSite), expected);
}

// Adding a probabilistic fault at another site changes nothing at this one (Rng::split by site name).
TEST(InjectorHitsTest, ProbabilityIsIndependentOfFaultsAtOtherSites) {
  constexpr std::uint64_t kSeed = 42;
  Bench bench(kSeed);
  auto& injector = bench.Plan({{FreezeVeto(HitSelector::probability(0.5))},
                               {ProviderFaultAt(ProviderMethod::kPreCommitSnapshots,
                                                ProviderAction::TakeTime(Duration::ms(1)),
                                                HitSelector::probability(0.5))},
                               {}});
  RunBackups(bench, 12);
  EXPECT_EQ(FiredHits(injector, kFreezeSite), ExpectedProbabilityHits(kSeed, 0.5, 12));
}

// Determinism: the same seed and plan give a byte-identical trace (same hash); another seed gives
// other probabilistic firings.
TEST(InjectorHitsTest, SameSeedSameTrace) {
  auto run = [](std::uint64_t seed) {
    Bench bench(seed);
    bench.Plan({{FreezeVeto(HitSelector::probability(0.5))}, {}, {}});
    RunBackups(bench, 8);
    return std::make_pair(bench.world.trace.hash(), FiredHits(*bench.injector, kFreezeSite));
  };
  const auto a = run(99);
  const auto b = run(99);
  EXPECT_EQ(a.first, b.first);
  EXPECT_EQ(a.second, b.second);
  EXPECT_EQ(a.second, ExpectedProbabilityHits(99, 0.5, 8));
  EXPECT_NE(run(100).first, a.first);
}

TEST(InjectorHitsTest, UnattachedEntriesAreListed) {
  Bench bench;
  mocks::WriterFault other = FreezeVeto(HitSelector::every());
  other.writer = "NoSuchWriter";
  auto& injector = bench.Plan({{FreezeVeto(HitSelector::every()), other}, {}, {}});
  EXPECT_EQ(injector.unattached(), (std::vector<std::string>{"writer[1]"}));
}

}  // namespace
}  // namespace vssfault::test
