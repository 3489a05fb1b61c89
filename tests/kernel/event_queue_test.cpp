#include "vssfault/kernel/event_queue.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vssfault {
namespace {

TEST(EventQueue, RunsInTimeOrder) {
  VirtualClock clock;
  EventQueue q(clock);
  std::vector<std::string> order;
  q.schedule_at(Duration::seconds(10), "c", [&] { order.push_back("c@" + clock.now().to_string()); });
  q.schedule_at(Duration::seconds(1), "a", [&] { order.push_back("a@" + clock.now().to_string()); });
  q.schedule_at(Duration::seconds(5), "b", [&] { order.push_back("b@" + clock.now().to_string()); });
  EXPECT_EQ(q.run_all(), 3u);
  EXPECT_EQ(order, (std::vector<std::string>{"a@1s", "b@5s", "c@10s"}));
  EXPECT_EQ(clock.now(), Duration::seconds(10));
}

TEST(EventQueue, EqualTimeEventsRunInInsertionOrder) {
  VirtualClock clock;
  EventQueue q(clock);
  std::string order;
  for (char c : std::string("abcdefgh")) q.schedule_at(Duration::seconds(3), std::string(1, c), [&, c] { order += c; });
  q.run_all();
  EXPECT_EQ(order, "abcdefgh");
}

TEST(EventQueue, EventsScheduledDuringARunKeepTheOrder) {
  VirtualClock clock;
  EventQueue q(clock);
  std::string order;
  q.schedule_at(Duration::seconds(1), "first", [&] {
    order += '1';
    q.schedule_after(Duration(), "same-time", [&] { order += '3'; });
  });
  q.schedule_at(Duration::seconds(1), "second", [&] { order += '2'; });
  q.run_all();
  EXPECT_EQ(order, "123");
}

TEST(EventQueue, CancelRemovesAPendingEvent) {
  VirtualClock clock;
  EventQueue q(clock);
  int ran = 0;
  const auto id = q.schedule_after(Duration::seconds(60), "freeze-timeout", [&] { ++ran; });
  EXPECT_TRUE(q.pending(id));
  EXPECT_TRUE(q.cancel(id));
  EXPECT_FALSE(q.cancel(id));
  EXPECT_EQ(q.run_all(), 0u);
  EXPECT_EQ(ran, 0);
}

TEST(EventQueue, RunUntilStopsAtTheLimitAndAdvancesTheClock) {
  VirtualClock clock;
  EventQueue q(clock);
  int ran = 0;
  q.schedule_at(Duration::seconds(5), "in", [&] { ++ran; });
  q.schedule_at(Duration::seconds(15), "out", [&] { ++ran; });
  EXPECT_EQ(q.run_until(Duration::seconds(10)), 1u);
  EXPECT_EQ(ran, 1);
  EXPECT_EQ(clock.now(), Duration::seconds(10));
  EXPECT_EQ(q.next_label(), "out");
}

TEST(EventQueue, PastTimesRunNowAndTimeNeverGoesBack) {
  VirtualClock clock;
  clock.advance_to(Duration::seconds(100));
  EventQueue q(clock);
  q.schedule_at(Duration::seconds(1), "late", [] {});
  EXPECT_EQ(q.next_time(), Duration::seconds(100));
  q.run_all();
  clock.advance_to(Duration::seconds(50));
  EXPECT_EQ(clock.now(), Duration::seconds(100));
}

TEST(EventQueue, RunAllHonoursTheEventBound) {
  VirtualClock clock;
  EventQueue q(clock);
  std::function<void()> storm = [&] { q.schedule_after(Duration::ms(1), "storm", storm); };
  q.schedule_after(Duration(), "storm", storm);
  EXPECT_EQ(q.run_all(1000), 1000u);
  EXPECT_FALSE(q.empty());
}

}  // namespace
}  // namespace vssfault
