// Code, hit and delay generators, with their domain shrinks.
#include <algorithm>

#include "vssfault/properties/generators.h"

namespace vssfault::properties::gen {
namespace {

// The [S4] examples of unexpected provider codes; also what an arbitrary code shrinks to first.
const std::vector<HResult>& plain_unexpected() {
  static const std::vector<HResult> codes{hr::E_FAIL, hr::S_FALSE, hr::E_UNEXPECTED, hr::E_ABORT};
  return codes;
}

bool contains(const std::vector<HResult>& codes, HResult c) {
  return std::find(codes.begin(), codes.end(), c) != codes.end();
}

// Simpler codes than `c`: a documented code shrinks to the documented ones before it; anything else to
// the documented ones, then to the plain unexpected ones (a catalog code or an arbitrary value reads
// worse in a counterexample than E_FAIL), a plain one only to those before it. Every shrink is strictly
// simpler, so shrinking cannot cycle.
std::vector<HResult> simpler(HResult c, const std::vector<HResult>& documented, bool allow_unexpected) {
  const auto at = std::find(documented.begin(), documented.end(), c);
  if (at != documented.end()) return std::vector<HResult>(documented.begin(), at);
  std::vector<HResult> out = documented;
  if (!allow_unexpected) return out;
  for (HResult u : plain_unexpected()) {
    if (u == c) break;
    if (!contains(documented, u)) out.push_back(u);
  }
  return out;
}

std::vector<HResult> catalog_without(const std::vector<HResult>& excluded) {
  std::vector<HResult> out;
  for (const CodeInfo& info : all_codes())
    if (!contains(excluded, info.value)) out.push_back(info.value);
  return out;
}

// documented (weight 6), other catalog codes (2), arbitrary 32-bit values, mostly failures (2).
rc::Gen<HResult> mixed(std::vector<HResult> documented, bool others) {
  rc::Gen<HResult> base = rc::gen::elementOf(documented);
  if (others) {
    const std::vector<HResult> rest = catalog_without(documented);
    base = rc::gen::weightedOneOf<HResult>(
        {{6, rc::gen::elementOf(documented)},
         {2, rc::gen::elementOf(rest)},
         {2, rc::gen::map(rc::gen::pair(rc::gen::arbitrary<std::uint32_t>(), rc::gen::inRange(0, 5)),
                          [](const std::pair<std::uint32_t, int>& v) {
                            return HResult{v.second == 0 ? v.first & 0x7FFFFFFFu : v.first | 0x80000000u};
                          })}});
  }
  return rc::gen::shrink(rc::gen::noShrink(base), [documented, others](HResult c) {
    return rc::seq::fromContainer(simpler(c, documented, others));
  });
}

}  // namespace

std::vector<HResult> codes_with_role(std::uint32_t role) {
  std::vector<HResult> out;
  for (const CodeInfo& info : all_codes())
    if ((info.roles & role) == role) out.push_back(info.value);
  return out;
}

std::vector<HResult> valid_provider_failures(vss::ProviderMethod method) {
  std::vector<HResult> out;
  for (const CodeInfo& info : all_codes())
    if (info.value.failed() && vss::provider_code_valid(method, info.value)) out.push_back(info.value);
  return out;
}

rc::Gen<HResult> writerCode(std::uint32_t role, bool misuse) { return mixed(codes_with_role(role), misuse); }

rc::Gen<HResult> providerCode(vss::ProviderMethod method, bool unexpected) {
  std::vector<HResult> valid{hr::S_OK};
  for (HResult c : valid_provider_failures(method)) valid.push_back(c);
  if (!unexpected) return mixed(valid, false);
  // The unexpected part leans on the [S4] examples, which name the documented translation cases.
  return rc::gen::weightedOneOf<HResult>(
      {{3, mixed(valid, true)},
       {1, rc::gen::shrink(rc::gen::noShrink(rc::gen::elementOf(plain_unexpected())),
                           [valid](HResult c) { return rc::seq::fromContainer(simpler(c, valid, true)); })}});
}

rc::Gen<HResult> bitsCode() {
  std::vector<HResult> documented = codes_with_role(kRoleBitsJobError);
  return mixed(documented, true);
}

rc::Gen<HitSelector> hits() {
  const auto base = rc::gen::weightedOneOf<HitSelector>({
      {30, rc::gen::just(HitSelector::every())},
      {30, rc::gen::map(rc::gen::inRange<std::uint64_t>(1, 4), [](std::uint64_t k) { return HitSelector::nth(k); })},
      {25, rc::gen::map(rc::gen::inRange<std::uint64_t>(1, 4), [](std::uint64_t k) { return HitSelector::first(k); })},
      {15, rc::gen::map(rc::gen::element(0.25, 0.5, 0.75), [](double p) { return HitSelector::probability(p); })},
  });
  return rc::gen::shrink(rc::gen::noShrink(base), [](const HitSelector& h) {
    std::vector<HitSelector> out;
    switch (h.kind) {
      case HitSelector::Kind::kNth:
        for (std::uint64_t k = 1; k < h.n; ++k) out.push_back(HitSelector::nth(k));
        break;
      case HitSelector::Kind::kFirstN:
        out.push_back(HitSelector::nth(1));
        for (std::uint64_t k = 2; k < h.n; ++k) out.push_back(HitSelector::first(k));
        break;
      case HitSelector::Kind::kEvery:
        out.push_back(HitSelector::nth(1));
        out.push_back(HitSelector::first(2));
        break;
      case HitSelector::Kind::kProbability:
        out.push_back(HitSelector::nth(1));
        out.push_back(HitSelector::every());
        break;
    }
    return rc::seq::fromContainer(out);
  });
}

rc::Seq<Duration> shorter(Duration d) {
  // 0 first, then halving the distance to 0 (rc::shrink::towards), so a boundary is found in O(log d).
  return rc::seq::map(rc::shrink::towards<std::int64_t>(d.count_ms(), 0), [](std::int64_t ms) { return Duration::ms(ms); });
}

rc::Gen<Duration> delayAround(Duration window) {
  const std::int64_t w = window.count_ms();
  const auto base = rc::gen::weightedOneOf<Duration>({
      {3, rc::gen::just(Duration::ms(std::max<std::int64_t>(0, w - 1000)))},
      {3, rc::gen::just(Duration::ms(w + 1000))},
      {1, rc::gen::just(window)},
      {3, rc::gen::map(rc::gen::inRange<std::int64_t>(0, 2 * w + 1), [](std::int64_t ms) { return Duration::ms(ms); })},
  });
  return rc::gen::shrink(rc::gen::noShrink(base), [](Duration d) { return shorter(d); });
}

}  // namespace vssfault::properties::gen
