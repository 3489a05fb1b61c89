// Every file of tests/scenario_files/invalid/ states, in `# expect: ` comment lines, the exact errors
// the loader must report for it, in order. Adding a case is adding a file.
#include <gtest/gtest.h>

#include "scenario/scenario_files.h"
#include "vssfault/scenario/loader.h"

namespace vssfault::scenario {
namespace {

using test::invalid_dir;
using test::read_bytes;
using test::yaml_files;

std::vector<std::string> expected_errors(const std::string& text) {
  static const std::string kPrefix = "# expect: ";
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    if (line.rfind(kPrefix, 0) == 0) out.push_back(line.substr(kPrefix.size()));
    start = end + 1;
  }
  return out;
}

std::vector<std::string> reported(const LoadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics.sorted()) out.push_back(d.to_string());
  return out;
}

class InvalidScenarioFile : public testing::TestWithParam<std::string> {};

TEST_P(InvalidScenarioFile, ReportsExactlyTheExpectedErrors) {
  const std::string text = read_bytes(invalid_dir() + "/" + GetParam());
  const auto expected = expected_errors(text);
  ASSERT_FALSE(expected.empty()) << GetParam() << " has no '# expect: ' line";
  const LoadResult r = load_scenario_text(text, GetParam());
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(reported(r), expected);
}

INSTANTIATE_TEST_SUITE_P(Files, InvalidScenarioFile, testing::ValuesIn(yaml_files(invalid_dir())),
                         [](const testing::TestParamInfo<std::string>& info) { return test::test_name(info.param); });

TEST(InvalidScenarioCorpus, HasAtLeastThirtyCases) { EXPECT_GE(yaml_files(invalid_dir()).size(), 30u); }

TEST(InvalidScenarioCorpus, FileLoaderNamesThePathItWasGiven) {
  const std::string path = invalid_dir() + "/unknown_top_key.yaml";
  const LoadResult r = load_scenario_file(path);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics.sorted()[0].to_string(),
            path + ":3:1: error: unknown key 'writres' in scenario; did you mean 'writers'?");
}

TEST(InvalidScenarioCorpus, UnreadableFileIsOneError) {
  const std::string path = invalid_dir() + "/no-such-file.yaml";
  const LoadResult r = load_scenario_file(path);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics.sorted()[0].to_string(),
            path + ":1:1: error: cannot read the file: No such file or directory");
}

}  // namespace
}  // namespace vssfault::scenario
