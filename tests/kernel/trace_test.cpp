#include "vssfault/kernel/trace.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <set>
#include <string>

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

TEST(Trace, HashIsTheTraceHashOfTheCanonicalText) {
  const Trace t = sample();
  EXPECT_EQ(t.hash(), Trace::hash_text(t.text()));
  EXPECT_EQ(Trace().hash(), Trace::kEmptyHash);
  EXPECT_EQ(Trace::hash_hex(0x1234), "0x0000000000001234");
}

// The algorithm of trace.h, pinned: these values were computed by an independent implementation (Python,
// arbitrary-precision integers masked to 64 bits), so a change of constant, byte order or padding fails.
TEST(Trace, HashTextGoldenValues) {
  EXPECT_EQ(Trace::hash_text(""), 0xe9e0033e3badaf36ULL);
  EXPECT_EQ(Trace::kEmptyHash, 0xe9e0033e3badaf36ULL);
  EXPECT_EQ(Trace::hash_text("a"), 0x513847c3e890f8b7ULL);
  EXPECT_EQ(Trace::hash_text("abcdefgh"), 0x87fff565746ac776ULL);   // one full block
  EXPECT_EQ(Trace::hash_text("abcdefghi"), 0x95885938fef4c16cULL);  // a block and one padded byte
  EXPECT_EQ(Trace::hash_text("+0000000000.000s requester StartSnapshotSet result=S_OK\n"), 0x1186b556cc7ac045ULL);
  EXPECT_EQ(sample().hash(), 0xe8ebaa7dfab533bfULL);
}

// The hash of a text does not depend on how it reaches the hash: every split into pieces and single
// one-byte pieces gives hash_text of the whole (pending bytes of an unfinished block carry over).
TEST(Trace, HashDoesNotDependOnHowTheTextIsSplit) {
  std::string text;
  for (int i = 0; i < 41; ++i) text += static_cast<char>(i * 37 + 11);  // bytes of both signs
  const std::uint64_t whole = Trace::hash_text(text);
  for (std::size_t a = 0; a <= text.size(); ++a) {
    for (std::size_t b = a; b <= text.size(); ++b) {
      Trace::HashState s;
      s.put(std::string_view(text).substr(0, a));
      for (std::size_t i = a; i < b; ++i) s.put(std::string_view(text).substr(i, 1));
      s.put(std::string_view(text).substr(b));
      ASSERT_EQ(s.finish(), whole) << a << " " << b;
    }
  }
}

// Every step is invertible, so a change inside one 8-byte block always changes the hash: each single-bit
// flip of a 24-byte text gives a hash different from the original and from each other flip.
TEST(Trace, HashChangesWithEveryBitOfTheText) {
  const std::string text = "+0000000600.000s writer:";
  std::set<std::uint64_t> seen{Trace::hash_text(text)};
  for (std::size_t i = 0; i < text.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string changed = text;
      changed[i] = static_cast<char>(changed[i] ^ (1 << bit));
      EXPECT_TRUE(seen.insert(Trace::hash_text(changed)).second) << i << " " << bit;
    }
  }
}

// The time prefix is formatted by hand (for speed); it must stay exactly printf's "+%010lld.%03llds".
TEST(Trace, TimeTextIsPrintfs) {
  const std::int64_t values[] = {0, 1, 999, 1000, 59'999, 600'001, 1'209'600'000, 9'999'999'999'999,
                                 10'000'000'000'000, 123'456'789'012'345, INT64_MAX, -1, -1500, INT64_MIN + 1};
  for (const std::int64_t ms : values) {
    char expected[64];
    std::snprintf(expected, sizeof expected, "+%010lld.%03llds x e", static_cast<long long>(ms / 1000),
                  static_cast<long long>(ms % 1000));
    const TraceRecord r{Duration::ms(ms), "x", "e", {}};
    EXPECT_EQ(r.canonical(), expected) << ms;
    Trace t;
    t.add(r);
    EXPECT_EQ(t.hash(), Trace::hash_text(std::string(expected) + "\n")) << ms;
  }
}

// Exactly these characters make a value quoted (the check is a lookup table).
TEST(Trace, QuotedCharacters) {
  for (const char* v : {"a b", "a=b", "a\"b", "a\\b", "a\nb", "a\tb", ""}) {
    const TraceRecord r{Duration(), "x", "e", {{"k", v}}};
    EXPECT_EQ(r.canonical().substr(21, 3), "k=\"") << v;
  }
  const TraceRecord plain{Duration(), "x", "e", {{"k", "{A-1}:/\r~\x7f\xff"}}};
  EXPECT_EQ(plain.canonical(), "+0000000000.000s x e k={A-1}:/\r~\x7f\xff");
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
