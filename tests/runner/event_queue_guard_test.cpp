// The EventQueue guard the runner stops runaway runs with: a dropped event never runs, is not counted,
// and does not move the clock; without a guard every event runs.
#include <gtest/gtest.h>

#include <vector>

#include "vssfault/kernel/event_queue.h"

namespace vssfault {
namespace {

TEST(EventQueueGuard, DroppedEventsDoNotRunCountOrMoveTheClock) {
  VirtualClock clock;
  EventQueue q(clock);
  std::vector<std::string> ran;
  q.schedule_after(Duration::seconds(1), "a", [&] { ran.push_back("a"); });
  q.schedule_after(Duration::seconds(5), "b", [&] { ran.push_back("b"); });
  q.schedule_after(Duration::seconds(9), "c", [&] { ran.push_back("c"); });
  std::vector<std::string> asked;
  q.set_guard([&](Instant at, const std::string& label) {
    asked.push_back(label + "@" + at.to_string());
    return label != "b";
  });
  EXPECT_EQ(q.run_all(), 3u);
  EXPECT_EQ(ran, (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ(asked, (std::vector<std::string>{"a@1s", "b@5s", "c@9s"}));
  EXPECT_EQ(q.executed(), 2u);
  EXPECT_EQ(clock.now(), Duration::seconds(9));
  EXPECT_TRUE(q.empty());
}

TEST(EventQueueGuard, AGuardThatRefusesEverythingDrainsAStormInsteadOfLoopingForever) {
  VirtualClock clock;
  EventQueue q(clock);
  std::size_t storm = 0;
  std::function<void()> again = [&] {
    ++storm;
    q.schedule_after(Duration(), "storm", again);
  };
  q.schedule_after(Duration(), "storm", again);
  bool tripped = false;
  q.set_guard([&](Instant, const std::string&) {
    if (q.executed() >= 100) tripped = true;
    return !tripped;
  });
  q.run_all();
  EXPECT_EQ(storm, 100u);
  EXPECT_TRUE(q.empty());
}

TEST(EventQueueGuard, WithoutAGuardEveryEventRuns) {
  VirtualClock clock;
  EventQueue q(clock);
  int n = 0;
  for (int i = 0; i < 3; ++i) q.schedule_after(Duration::ms(i), "e", [&] { ++n; });
  q.set_guard(nullptr);
  q.run_all();
  EXPECT_EQ(n, 3);
}

}  // namespace
}  // namespace vssfault
