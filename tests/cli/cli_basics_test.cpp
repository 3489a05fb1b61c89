// The CLI shell: version, help, and usage errors (exit codes 0 ok, 2 bad usage; harness/cli/command.h).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/cli_runner.h"

namespace vssfault {
namespace {

using ::testing::HasSubstr;
using test::run_cli;

TEST(CliBasics, VersionPrintsTheProjectVersion) {
  const auto r = run_cli({"--version"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr(std::string("vssfault ") + VSSFAULT_EXPECTED_VERSION));
}

TEST(CliBasics, TopLevelHelpListsTheCatalogCommands) {
  const auto r = run_cli({"--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("codes"));
  EXPECT_THAT(r.out, HasSubstr("explain"));
}

TEST(CliBasics, CodesHelpDescribesItsOptions) {
  const auto r = run_cli({"codes", "--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("--json"));
  EXPECT_THAT(r.out, HasSubstr("--role"));
  EXPECT_THAT(r.out, HasSubstr("writer-failure"));  // the valid role names are in the help text
}

TEST(CliBasics, ExplainHelpDescribesItsArgument) {
  const auto r = run_cli({"explain", "--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("CODE"));
  EXPECT_THAT(r.out, HasSubstr("--json"));
}

TEST(CliBasics, UnknownSubcommandIsBadUsage) {
  const auto r = run_cli({"no-such-command"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(r.err.empty());
}

TEST(CliBasics, MissingSubcommandIsBadUsage) {
  const auto r = run_cli({});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(CliBasics, UnknownOptionIsBadUsage) {
  const auto r = run_cli({"codes", "--no-such-option"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--no-such-option"));
}

TEST(CliRunner, CapturesBothStreamsAndTheExitStatus) {
  // The runner is shared by every CLI test: check it against a program whose behaviour is fixed.
  test::RunOptions options;
  options.stdin_text = "in\n";
  const auto r = test::run_program("/bin/sh", {"-c", "echo out; echo err >&2; cat; exit 3"}, options);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_FALSE(r.signaled);
  EXPECT_EQ(r.out, "out\nin\n");
  EXPECT_EQ(r.err, "err\n");
}

TEST(CliRunner, ArgumentsReachTheProgramUninterpreted) {
  const auto r = test::run_program("/bin/echo", {"$HOME", "a b", ";", "`x`"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "$HOME a b ; `x`\n");
}

TEST(CliRunner, KillsAChildThatOutlivesItsTimeout) {
  test::RunOptions options;
  options.timeout = std::chrono::milliseconds(200);
  const auto r = test::run_program("/bin/sleep", {"30"}, options);
  EXPECT_TRUE(r.timed_out);
  EXPECT_TRUE(r.signaled);
}

TEST(CliRunner, ThrowsWhenTheProgramCannotStart) {
  EXPECT_THROW(test::run_program("/nonexistent/program", {}), std::runtime_error);
}

}  // namespace
}  // namespace vssfault
