// `vssfault run --timeline OUT [--timeline-format html|mermaid]` end to end: one file, one file per
// scenario in a directory, the refusal of several scenarios into one file, and byte-identical reruns.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/cli_runner.h"

namespace vssfault {
namespace {

namespace fs = std::filesystem;
using test::run_cli;

const std::string kRetryable = VSSFAULT_SOURCE_DIR "/scenarios/writer_freeze_retryable.yaml";
const std::string kAtFreeze = VSSFAULT_SOURCE_DIR "/scenarios/vss-writers/set-writer-failure-at-freeze.yaml";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class TimelineCli : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(VSSFAULT_BINARY_DIR) / "timeline-cli-test" /
           testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  fs::path dir_;
};

TEST_F(TimelineCli, OneScenarioToAnHtmlFile) {
  const fs::path out = dir_ / "t.html";
  const auto r = run_cli({"run", kRetryable, "--timeline", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::string page = slurp(out);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_NE(page.find("data-code=\"VSS_E_WRITERERROR_RETRYABLE\""), std::string::npos);
  EXPECT_NE(page.find("<b class=\"outcome-passed\">passed</b>"), std::string::npos);
  EXPECT_NE(page.find("rerun: <code>vssfault run "), std::string::npos);
}

TEST_F(TimelineCli, MermaidFormat) {
  const fs::path out = dir_ / "t.mmd";
  const auto r = run_cli({"run", kRetryable, "--timeline", out.string(), "--timeline-format", "mermaid"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::string m = slurp(out);
  EXPECT_EQ(m.rfind("sequenceDiagram\n", 0), 0u);
  EXPECT_NE(m.find("L3--xL2: FAILED OnFreeze: false VSS_E_WRITERERROR_RETRYABLE\n"), std::string::npos);
}

TEST_F(TimelineCli, UnknownFormatIsBadInput) {
  const auto r = run_cli({"run", kRetryable, "--timeline", (dir_ / "t").string(), "--timeline-format", "svg"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--timeline-format"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "t"));
}

TEST_F(TimelineCli, SeveralScenariosIntoOneFileAreRefusedBeforeRunning) {
  const fs::path out = dir_ / "t.html";
  const auto r = run_cli({"run", kRetryable, kAtFreeze, "--timeline", out.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("vssfault run: --timeline " + out.string() +
                       ": 2 scenarios selected and one file cannot hold their timelines; give a directory"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");  // nothing ran
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(TimelineCli, SeveralScenariosIntoADirectoryGiveOnePageEach) {
  const fs::path out = dir_ / "pages";
  const auto r = run_cli({"run", kRetryable, kAtFreeze, "--timeline", out.string() + "/"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(fs::is_regular_file(out / "writer_freeze_retryable.html"));
  EXPECT_TRUE(fs::is_regular_file(out / "set-writer-failure-at-freeze.html"));
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(out)) ++files;
  EXPECT_EQ(files, 2u);
  // Two files of the same name in different directories: the second page gets a suffix instead of
  // overwriting the first.
  fs::create_directories(dir_ / "copy");
  fs::copy_file(kRetryable, dir_ / "copy" / "writer_freeze_retryable.yaml");
  const auto again = run_cli({"run", (dir_ / "copy" / "writer_freeze_retryable.yaml").string(), kRetryable,
                              "--timeline", (dir_ / "twice").string() + "/", "--timeline-format", "mermaid"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(fs::is_regular_file(dir_ / "twice" / "writer_freeze_retryable.mmd"));
  EXPECT_TRUE(fs::is_regular_file(dir_ / "twice" / "writer_freeze_retryable-2.mmd"));
}

TEST_F(TimelineCli, SameScenarioAndSeedGiveByteIdenticalFiles) {
  for (const char* format : {"html", "mermaid"}) {
    const fs::path a = dir_ / (std::string("a.") + format), b = dir_ / (std::string("b.") + format);
    ASSERT_EQ(run_cli({"run", kAtFreeze, "--seed", "7", "--timeline", a.string(), "--timeline-format", format}).exit_code, 0);
    ASSERT_EQ(run_cli({"run", kAtFreeze, "--seed", "7", "--timeline", b.string(), "--timeline-format", format}).exit_code, 0);
    EXPECT_EQ(slurp(a), slurp(b)) << format;
    EXPECT_GT(slurp(a).size(), 1000u);
  }
}

}  // namespace
}  // namespace vssfault
