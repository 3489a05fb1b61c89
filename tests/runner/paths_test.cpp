#include "vssfault/runner/paths.h"

#include <gtest/gtest.h>

#include "runner/temp_dir.h"

namespace vssfault::runner {
namespace {
using vssfault::testing::TempDir;
namespace fs = std::filesystem;

TEST(CollectScenarioFiles, WalksDirectoriesRecursivelyAndSorts) {
  TempDir t;
  t.write("b/z.yaml", "");
  t.write("b/a.yml", "");
  t.write("a.yaml", "");
  t.write("notes.txt", "");
  t.write(".hidden/x.yaml", "");
  const auto got = collect_scenario_files({t.str()});
  EXPECT_TRUE(got.errors.empty());
  EXPECT_EQ(got.files, (std::vector<std::string>{t.str("a.yaml"), t.str("b/a.yml"), t.str("b/z.yaml")}));
}

TEST(CollectScenarioFiles, ExplicitFilesAreTakenWhateverTheirNameAndOnlyOnce) {
  TempDir t;
  const auto f = t.write("scenario.txt", "");
  const auto y = t.write("d/x.yaml", "");
  const auto got = collect_scenario_files({f, t.str("d"), y});
  EXPECT_EQ(got.files, (std::vector<std::string>{y, f}));
}

TEST(CollectScenarioFiles, MissingPathIsAnError) {
  TempDir t;
  const auto got = collect_scenario_files({t.str("nope")});
  EXPECT_TRUE(got.files.empty());
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0], t.str("nope") + ": error: no such file or directory");
}

TEST(CollectScenarioFiles, SymlinkLoopEndsWithAnError) {
  TempDir t;
  t.write("d/x.yaml", "");
  fs::create_directory_symlink(t.path() / "d", t.path() / "d" / "loop");
  const auto got = collect_scenario_files({t.str("d")});
  EXPECT_EQ(got.files, (std::vector<std::string>{t.str("d/x.yaml")}));
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_NE(got.errors[0].find("directory loop"), std::string::npos) << got.errors[0];
}

TEST(CollectScenarioFiles, BrokenSymlinkIsReported) {
  TempDir t;
  fs::create_symlink(t.path() / "missing.yaml", t.path() / "dangling.yaml");
  const auto got = collect_scenario_files({t.str()});
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0], t.str("dangling.yaml") + ": error: broken symbolic link");
}

}  // namespace
}  // namespace vssfault::runner
