// `vssfault check`, `show` and `new` as a user runs them: output and exit codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "scenario/scenario_files.h"
#include "support/cli_runner.h"
#include "vssfault/scenario/emit.h"
#include "vssfault/scenario/loader.h"

namespace vssfault::scenario {
namespace {

namespace fs = std::filesystem;
using vssfault::test::run_cli;

/// A fresh directory for one test, removed afterwards.
class TempDir {
 public:
  TempDir() : path_(fs::path(testing::TempDir()) / ("vssfault-scenario-" + std::string(
                        testing::UnitTest::GetInstance()->current_test_info()->name()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string file(const std::string& name, const std::string& text) const {
    const fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

std::string invalid(const std::string& name) { return test::invalid_dir() + "/" + name; }

TEST(CheckCommand, ValidFilesPass) {
  const auto r = run_cli({"check", test::valid_dir()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out, std::to_string(test::yaml_files(test::valid_dir()).size()) + " files, 0 errors\n");
  EXPECT_EQ(r.err, "");
}

TEST(CheckCommand, ReportsEveryErrorOfEveryFileThenASummary) {
  const std::string a = invalid("bool_expected.yaml"), b = invalid("hit_two_selectors.yaml");
  const auto r = run_cli({"check", b, a});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, a + ":9:13: error: return: expected true or false, found the string 'yes'\n" +
                       b + ":8:10: error: hit: give exactly one of 'nth', 'first' or 'probability'\n" +
                       "2 files, 2 errors\n");
}

TEST(CheckCommand, SearchesDirectoriesRecursivelyInSortedOrder) {
  TempDir dir;
  dir.file("b/inner.yaml", "name: x\nseed: no\n");
  dir.file("a.yml", "name: y\ncolour: red\n");
  dir.file("notes.txt", "not a scenario");
  dir.file("c.yaml", "name: fine\n");
  const auto r = run_cli({"check", dir.path()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out,
            dir.path() + "/a.yml:2:1: error: unknown key 'colour' in scenario (expected one of: name, description, "
                         "seed, documents, volumes, writers, providers, jobs, settings, faults, driver, expect)\n" +
                dir.path() + "/b/inner.yaml:2:7: error: seed: expected an integer, found the string 'no'\n" +
                "3 files, 2 errors\n");
}

TEST(CheckCommand, MissingFileIsAnError) {
  TempDir dir;
  const std::string missing = dir.path() + "/missing.yaml";
  const auto r = run_cli({"check", missing});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, missing + ":1:1: error: cannot read the file: No such file or directory\n1 file, 1 error\n");
}

TEST(CheckCommand, NeedsAPath) {
  const auto r = run_cli({"check"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("PATH is required"), std::string::npos) << r.err;
}

TEST(ShowCommand, PrintsEveryDefaultAndReloadsEqual) {
  const std::string file = test::valid_dir() + "/minimal.yaml";
  const auto r = run_cli({"show", file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const LoadResult original = load_scenario_file(file);
  ASSERT_TRUE(original.ok());
  EXPECT_EQ(r.out, to_yaml(*original.scenario));
  const LoadResult again = load_scenario_text(r.out, "shown");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again.scenario, *original.scenario);
  EXPECT_NE(r.out.find("  retry_delay: 10m\n"), std::string::npos) << r.out;  // a default, spelled out
}

TEST(ShowCommand, InvalidFilePrintsErrorsOnStderr) {
  const std::string file = invalid("unknown_top_key.yaml");
  const auto r = run_cli({"show", file});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, file + ":3:1: error: unknown key 'writres' in scenario; did you mean 'writers'?\n");
}

TEST(NewCommand, WritesAScenarioThatPassesCheck) {
  TempDir dir;
  const std::vector<std::vector<std::string>> variants = {
      {},
      {"--writer-fault", "OnFreeze:VSS_E_WRITERERROR_RETRYABLE"},
      {"--provider-fault", "CommitSnapshots:0x80004005"},
      {"--bits-fault", "reply:BG_E_HTTP_ERROR_500"},
  };
  int i = 0;
  for (const auto& extra : variants) {
    const std::string out = dir.path() + "/new" + std::to_string(i++) + ".yaml";
    std::vector<std::string> args = {"new", "my scenario"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), {"-o", out});
    const auto r = run_cli(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto c = run_cli({"check", out});
    EXPECT_EQ(c.exit_code, 0) << c.out;
    EXPECT_EQ(c.out, "1 file, 0 errors\n");
  }
}

TEST(NewCommand, PrintsToStdoutWithoutOutputFile) {
  const auto r = run_cli({"new", "demo"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("name: \"demo\"\n"), std::string::npos);
  EXPECT_TRUE(load_scenario_text(r.out, "stdout").ok());
}

TEST(NewCommand, RejectsBadFaultSpecifications) {
  auto r = run_cli({"new", "x", "--writer-fault", "Freeze:VSS_E_WRITERERROR_PARTIAL_FAILUR"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "vssfault new: code: unknown code 'VSS_E_WRITERERROR_PARTIAL_FAILUR'; did you mean "
            "'VSS_E_WRITERERROR_PARTIAL_FAILURE'?\n");
  r = run_cli({"new", "x", "--provider-fault", "CommitSnapshots"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "vssfault new: expected --provider-fault METHOD:CODE, found 'CommitSnapshots'\n");
  r = run_cli({"new", "x", "--writer-fault", "Freeze:E_FAIL", "--bits-fault", "connect:BG_E_TIMEOUT"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
}

TEST(NewCommand, DoesNotOverwriteWithoutForce) {
  TempDir dir;
  const std::string file = dir.file("exists.yaml", "keep me");
  auto r = run_cli({"new", "x", "-o", file});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "vssfault new: " + file + " already exists; pass --force to overwrite it\n");
  EXPECT_EQ(test::read_bytes(file), "keep me");
  r = run_cli({"new", "x", "-o", file, "--force"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(load_scenario_file(file).ok());
}

}  // namespace
}  // namespace vssfault::scenario
