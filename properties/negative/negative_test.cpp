// Each property shown able to fail: with one broken variant of the model switched on (a flag each
// model checks at exactly one place, vss::broken / bits::broken / requester::broken, or a deliberately
// misconfigured reference requester), the property, run with a fixed seed and a bounded number of cases,
// must report a failure — and, for the oracle-based properties, a problem under its own name, so it fails
// for the documented reason and not by accident.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <iostream>

#include "run_property.h"
#include "vssfault/bits/settings.h"
#include "vssfault/requester/policy.h"
#include "vssfault/vss/config.h"

namespace vssfault::properties {
namespace {

using ::testing::HasSubstr;

struct Variant {
  const char* property;  ///< PropertyInfo::id
  const char* name;      ///< the broken variant, as docs/properties.md names it
  Breakage breakage;
  bool tagged;           ///< the failure is a problem named after the property (oracle-based)
};
constexpr int kMaxCases = 300;
void PrintTo(const Variant& v, std::ostream* os) { *os << v.property << " with " << v.name; }

Breakage vss(std::uint32_t f) { return Breakage{f, 0, 0, {}, {}}; }
Breakage bits(std::uint32_t f) { return Breakage{0, f, 0, {}, {}}; }

const Variant kVariants[] = {
    {"whole-set", "commit-one-volume-of-failed-set", vss(vss::broken::kCommitOneVolumeOfFailedSet), true},
    {"translation", "skip-translation", vss(vss::broken::kSkipTranslation), true},
    {"freeze-log", "release-after-post-commit", vss(vss::broken::kReleaseAfterPostCommit), true},
    {"freeze-log", "frozen-log-unreported", vss(vss::broken::kFrozenLogUnreported), true},
    {"creation-lock", "no-creation-lock", vss(vss::broken::kNoCreationLock), false},
    {"writer-codes", "accept-code-from-identify", vss(vss::broken::kAcceptFromIdentify), true},
    {"writer-states", "failed-state-not-sticky", vss(vss::broken::kFailedStateNotSticky), true},
    {"writer-states", "abort-after-post-snapshot", vss(vss::broken::kAbortAfterPostSnapshot), true},
    {"writer-states", "unordered-freeze", vss(vss::broken::kUnorderedFreeze), true},
    {"freeze-timeout", "no-freeze-timer", vss(vss::broken::kNoFreezeTimer), true},
    {"retry", "retry-after-1-minute", Breakage{0, 0, 0, Duration::minutes(1), {}}, true},
    {"retry", "retry-four-times", Breakage{0, 0, 0, {}, 4}, true},
    {"retry", "retry-unguided", Breakage{0, 0, requester::broken::kRetryUnguided, {}, {}}, true},
    {"determinism", "global-dispatch-rng", vss(vss::broken::kGlobalDispatchRng), false},
    {"determinism", "stop-event-after-veto", vss(vss::broken::kStopEventAfterVeto), false},
    {"get-error", "error-object-survives-transfer", bits(bits::broken::kErrorObjectSurvivesTransfer), true},
    {"job-error", "job-error-on-transient", bits(bits::broken::kJobErrorOnTransient), true},
    {"final-state", "resume-from-final", bits(bits::broken::kResumeFromFinal), true},
    {"no-progress", "progress-keeps-no-progress-timer", bits(bits::broken::kProgressKeepsNoProgressTimer), true},
    {"requester-machine", "backup-complete-any-phase", vss(vss::broken::kBackupCompleteAnyPhase), false},
    {"bits-machine", "resume-from-final", bits(bits::broken::kResumeFromFinal), false},
    {"round-trip", "global-dispatch-rng", vss(vss::broken::kGlobalDispatchRng), true},
};

class BrokenVariant : public ::testing::TestWithParam<Variant> {};

TEST_P(BrokenVariant, PropertyFails) {
  const Variant& v = GetParam();
  const PropertyInfo* p = find_property(v.property);
  ASSERT_NE(p, nullptr) << v.property;
  const testing::Verdict verdict = testing::RunProperty(*p, v.breakage, kMaxCases);
  ASSERT_TRUE(verdict.failed) << p->test << " still holds with " << v.name << " after " << verdict.cases
                              << " cases:\n" << verdict.summary;
  if (v.tagged) {
    EXPECT_THAT(verdict.description, HasSubstr(std::string(v.property) + ": ")) << verdict.summary;
  }
  std::cout << p->test << " with " << v.name << " fails after " << verdict.cases << " passing cases:\n"
            << verdict.description << "\n" << verdict.counterexample << std::endl;
}

std::string name_of(const ::testing::TestParamInfo<Variant>& info) {
  std::string s = std::string(info.param.property) + "_" + info.param.name;
  for (char& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return s;
}

INSTANTIATE_TEST_SUITE_P(Properties, BrokenVariant, ::testing::ValuesIn(kVariants), name_of);

// Every property has at least one broken variant that fails it.
TEST(BrokenVariants, CoverEveryProperty) {
  for (const PropertyInfo& p : all_properties()) {
    const bool covered = std::any_of(std::begin(kVariants), std::end(kVariants),
                                     [&](const Variant& v) { return p.id == v.property; });
    EXPECT_TRUE(covered) << p.id << " has no broken variant";
  }
}

// The unbroken model passes the same bounded runs (so the failures above come from the switches).
TEST(BrokenVariants, UnbrokenModelPassesTheSameRuns) {
  for (const PropertyInfo& p : all_properties()) {
    const testing::Verdict verdict = testing::RunProperty(p, Breakage{}, 25);
    EXPECT_FALSE(verdict.failed) << p.test << ":\n" << verdict.summary;
  }
}

}  // namespace
}  // namespace vssfault::properties
