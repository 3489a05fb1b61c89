#include "vssfault/kernel/trace.h"

#include "vssfault/kernel/rng.h"

#include <gtest/gtest.h>

namespace vssfault {
namespace {

Trace sample() {
  Trace t;
  t.add(Duration(), "requester", "StartSnapshotSet", {{"result", "S_OK"}});
  t.add(Duration::seconds(600), "writer:SqlWriter", "OnFreeze", {{"result", "false"}});
  t.add(Duration::ms(600'001), "eventlog", "entry", {{"message", "provider \"P\" failed"}});
  return t;
}

TEST(Trace, CanonicalText) {
  EXPECT_EQ(sample().text(),
            "+0000000000.000s requester StartSnapshotSet result=S_OK\n"
            "+0000000600.000s writer:SqlWriter OnFreeze result=false\n"
            "+0000000600.001s eventlog entry message=\"provider \\\"P\\\" failed\"\n");
}

TEST(Trace, HashIsFnvOfTheCanonicalText) {
  const Trace t = sample();
  EXPECT_EQ(t.hash(), fnv1a64(t.text()));
  EXPECT_EQ(Trace().hash(), Trace::kEmptyHash);
  EXPECT_EQ(Trace::hash_hex(0x1234), "0x0000000000001234");
}

TEST(Trace, SameRecordsSameHash) { EXPECT_EQ(sample().hash(), sample().hash()); }

TEST(Trace, HashChangesWhenAnyPartOfARecordChanges) {
  const auto base = sample().hash();
  auto with = [](auto mutate) {
    Trace t;
    const Trace original = sample();
    for (auto r : original.records()) {
      mutate(r);
      t.add(r);
    }
    return t.hash();
  };
  EXPECT_NE(base, with([](TraceRecord& r) { if (r.event == "OnFreeze") r.time = Duration::ms(600'002); }));
  EXPECT_NE(base, with([](TraceRecord& r) { if (r.event == "OnFreeze") r.actor = "writer:Other"; }));
  EXPECT_NE(base, with([](TraceRecord& r) { if (r.event == "OnFreeze") r.event = "OnThaw"; }));
  EXPECT_NE(base, with([](TraceRecord& r) { if (r.event == "OnFreeze") r.fields[0].value = "true"; }));
  EXPECT_NE(base, with([](TraceRecord& r) { if (r.event == "OnFreeze") r.fields[0].key = "res"; }));
}

TEST(Trace, HashDependsOnOrder) {
  Trace a, b;
  a.add(Duration(), "x", "one");
  a.add(Duration(), "x", "two");
  b.add(Duration(), "x", "two");
  b.add(Duration(), "x", "one");
  EXPECT_NE(a.hash(), b.hash());
}

TEST(Trace, FirstDifference) {
  Trace a = sample(), b = sample();
  EXPECT_EQ(first_difference(a, b), -1);
  b.add(Duration::days(1), "x", "extra");
  EXPECT_EQ(first_difference(a, b), 3);
  Trace c;
  c.add(Duration(), "requester", "StartSnapshotSet", {{"result", "E_FAIL"}});
  EXPECT_EQ(first_difference(a, c), 0);
}

TEST(Trace, FieldLookup) {
  const Trace t = sample();
  EXPECT_EQ(t.records()[1].field("result"), "false");
  EXPECT_EQ(t.records()[1].field("missing"), "");
}

}  // namespace
}  // namespace vssfault
