// Valid scenarios (tests/scenario_files/valid/ and the regression corpus scenarios/) load without
// errors, and `show`'s text loads back to an equal scenario and prints identically.
#include <gtest/gtest.h>

#include "scenario/scenario_files.h"
#include "vssfault/scenario/emit.h"
#include "vssfault/scenario/loader.h"

namespace vssfault::scenario {
namespace {

std::string errors_of(const LoadResult& r) {
  std::ostringstream os;
  r.diagnostics.print(os);
  return os.str();
}

void expect_round_trip(const std::string& path) {
  const LoadResult first = load_scenario_file(path);
  ASSERT_TRUE(first.ok()) << errors_of(first);
  const std::string shown = to_yaml(*first.scenario);
  const LoadResult again = load_scenario_text(shown, path + " (shown)");
  ASSERT_TRUE(again.ok()) << errors_of(again) << shown;
  EXPECT_EQ(*again.scenario, *first.scenario) << shown;
  EXPECT_EQ(to_yaml(*again.scenario), shown);
}

class ValidScenarioFile : public testing::TestWithParam<std::string> {};
TEST_P(ValidScenarioFile, LoadsAndRoundTripsThroughShow) { expect_round_trip(test::valid_dir() + "/" + GetParam()); }
INSTANTIATE_TEST_SUITE_P(Files, ValidScenarioFile, testing::ValuesIn(test::yaml_files(test::valid_dir())),
                         [](const testing::TestParamInfo<std::string>& info) { return test::test_name(info.param); });

// The regression corpus may not exist yet; every file it has must load and round-trip.
class CorpusScenarioFile : public testing::TestWithParam<std::string> {};
TEST_P(CorpusScenarioFile, LoadsAndRoundTripsThroughShow) { expect_round_trip(test::corpus_dir() + "/" + GetParam()); }
INSTANTIATE_TEST_SUITE_P(Corpus, CorpusScenarioFile, testing::ValuesIn(test::yaml_files(test::corpus_dir())),
                         [](const testing::TestParamInfo<std::string>& info) { return test::test_name(info.param); });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CorpusScenarioFile);

TEST(ValidScenarioCorpus, CoversEveryDriverKindAndFaultSite) {
  bool requester = false, bits_client = false, steps = false, writer = false, provider = false, bits = false;
  for (const auto& f : test::yaml_files(test::valid_dir())) {
    const LoadResult r = load_scenario_file(test::valid_dir() + "/" + f);
    ASSERT_TRUE(r.ok()) << f;
    const DriverKind k = r.scenario->driver.kind.value;
    requester |= k == DriverKind::kReferenceRequester;
    bits_client |= k == DriverKind::kReferenceBitsClient;
    steps |= k == DriverKind::kSteps;
    for (const auto& fault : r.scenario->faults) {
      writer |= std::holds_alternative<WriterFault>(fault.target);
      provider |= std::holds_alternative<ProviderFault>(fault.target);
      bits |= std::holds_alternative<BitsFault>(fault.target);
    }
  }
  EXPECT_TRUE(requester && bits_client && steps && writer && provider && bits);
}

}  // namespace
}  // namespace vssfault::scenario
