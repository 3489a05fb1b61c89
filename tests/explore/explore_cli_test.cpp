// `vssfault explore`: a clean model passes a short exploration; a broken variant (hidden --break) is
// found, shrunk and saved as a scenario that loads (`vssfault check`), fails under `vssfault run --break`
// with the variant's mismatches, and passes without it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/cli_runner.h"

namespace vssfault::test {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::path(VSSFAULT_BINARY_DIR) / "tests-explore" / name;
  fs::remove_all(dir);
  return dir;
}

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Explore, CleanModelFindsNothing) {
  const fs::path dir = fresh_dir("clean");
  const CliResult r = run_cli({"explore", "--runs", "60", "--seed", "7", "--save", dir.string()},
                              {{}, std::chrono::milliseconds(300'000)});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("explore: 60 runs in")) << r.out;
  EXPECT_THAT(r.out, HasSubstr("0 failures")) << r.out;
  EXPECT_TRUE(!fs::exists(dir) || fs::is_empty(dir));
}

TEST(Explore, BrokenTranslationIsFoundSavedAndReproduced) {
  const fs::path dir = fresh_dir("skip-translation");
  const CliResult r = run_cli({"explore", "--runs", "200", "--seed", "1", "--property", "translation", "--break",
                               "skip-translation", "--save", dir.string()});
  ASSERT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("FAIL  translation (VssProperties.UnexpectedErrorTranslation)"));
  EXPECT_THAT(r.out, HasSubstr("1 failure"));
  const fs::path file = dir / "explore-translation-1-1.yaml";
  ASSERT_TRUE(fs::exists(file)) << r.out;
  const std::string text = read(file);
  EXPECT_THAT(text, HasSubstr("# invariant: translation (VssProperties.UnexpectedErrorTranslation)"));
  EXPECT_THAT(text, HasSubstr("# seed: vssfault explore --seed 1"));
  EXPECT_THAT(text, HasSubstr("# harness: vssfault "));
  EXPECT_THAT(text, HasSubstr("# reproduced by vssfault run: yes"));

  const CliResult check = run_cli({"check", file.string()});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;

  // With the variant: the translation the unbroken model does is missing.
  const CliResult broken = run_cli({"run", file.string(), "--break", "skip-translation"});
  EXPECT_EQ(broken.exit_code, 1) << broken.out << broken.err;
  EXPECT_THAT(broken.out, HasSubstr("expected VSS_E_UNEXPECTED_PROVIDER_ERROR"));
  EXPECT_THAT(broken.out, HasSubstr("0 passed, 1 failed"));

  // Without it: the expectations are the unbroken model's answer.
  const CliResult clean = run_cli({"run", file.string()});
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
}

TEST(Explore, BadFlagsAreBadInput) {
  EXPECT_EQ(run_cli({"explore", "--break", "no-such-variant"}).exit_code, 2);
  EXPECT_EQ(run_cli({"explore", "--property", "no-such-property"}).exit_code, 2);
  EXPECT_EQ(run_cli({"explore", "--time-budget", "soon"}).exit_code, 2);
  EXPECT_EQ(run_cli({"run", "x.yaml", "--break", "no-such-variant"}).exit_code, 2);
}

}  // namespace
}  // namespace vssfault::test
