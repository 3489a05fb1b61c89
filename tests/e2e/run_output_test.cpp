// What `vssfault run` prints and returns: the corpus passes, a wrong expectation reads as a newcomer needs
// it, invalid files exit 2 while the valid ones still run.
#include <gtest/gtest.h>

#include "e2e_helpers.h"

namespace vssfault::e2e {
namespace {

TEST(RunOutput, TheFirstCorpusPasses) {
  auto args = first_corpus();
  const auto r = run(args);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(verdicts(r.out),
            (std::vector<std::string>{"PASS bits-client-cancels-after-no-progress-error",
                                      "PASS bits-transient-error-becomes-error-after-14-days", "PASS clean-backup",
                                      "PASS provider-unexpected-code-translated",
                                      "PASS writer-freeze-retryable-retried"}));
  const auto out = lines(r.out);
  ASSERT_EQ(out.size(), 7u) << r.out;
  EXPECT_EQ(out[2].rfind("PASS  clean-backup  0ms  0x", 0), 0u) << "name, virtual time, trace hash: " << out[2];
  EXPECT_EQ(out[4].rfind("PASS  writer-freeze-retryable-retried  10m  0x", 0), 0u) << out[4];
  EXPECT_EQ(out[5].rfind("fingerprint: 5 scenarios combined=0x", 0), 0u) << out[5];
  EXPECT_EQ(out[6], "5 passed, 0 failed");
  EXPECT_EQ(r.err, "");
}

TEST(RunOutput, AWrongExpectationSaysWhereWhatExpectedActualAndHowToReproduce) {
  const auto r = run({source("tests/scenario_files/run/mixed/wrong_expectation.yaml")});
  EXPECT_EQ(r.exit_code, 1);
  const auto out = lines(r.out);
  ASSERT_GE(out.size(), 6u) << r.out;
  EXPECT_EQ(out[0].rfind("FAIL  wrong-expectation  0ms  0x", 0), 0u) << out[0];
  EXPECT_EQ(out[1],
            "  tests/scenario_files/run/mixed/wrong_expectation.yaml:11:14: writer SqlWriter state: "
            "expected VSS_WS_FAILED_AT_FREEZE, actual VSS_WS_STABLE");
  EXPECT_EQ(out[2].rfind("    trace around record #", 0), 0u) << out[2];
  bool marked = false;
  for (const auto& l : out) {
    if (l.rfind("      > #", 0) == 0) {
      marked = true;
      EXPECT_NE(l.find(" writer:SqlWriter "), std::string::npos) << "the writer's last record: " << l;
    }
  }
  EXPECT_TRUE(marked) << r.out;
  EXPECT_EQ(out[out.size() - 3],
            "  reproduce: vssfault run tests/scenario_files/run/mixed/wrong_expectation.yaml --seed 1");
  EXPECT_EQ(out[out.size() - 2].rfind("fingerprint: seed=1 scenario=0x", 0), 0u);
  EXPECT_EQ(out.back(), "0 passed, 1 failed");
}

TEST(RunOutput, InvalidFilesExitTwoAndTheValidOnesStillRun) {
  const auto r = run({source("tests/scenario_files/run/mixed")});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(verdicts(r.out), (std::vector<std::string>{"PASS mixed-clean",
                                                       "INVALID tests/scenario_files/run/mixed/invalid.yaml",
                                                       "FAIL wrong-expectation"}));
  EXPECT_NE(r.out.find("INVALID  tests/scenario_files/run/mixed/invalid.yaml  -  -\n"
                       "  tests/scenario_files/run/mixed/invalid.yaml:3:1: error: unknown key 'writres' in scenario; "
                       "did you mean 'writers'?\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(lines(r.out).back(), "1 passed, 1 failed, 1 invalid");
}

TEST(RunOutput, APathThatDoesNotExistIsReportedAndCountsAsInvalid) {
  const auto r = run({source("tests/scenario_files/run/mixed/clean.yaml"), "/no/such/scenarios"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(verdicts(r.out), (std::vector<std::string>{"INVALID /no/such/scenarios", "PASS mixed-clean"}));
  EXPECT_NE(r.out.find("  /no/such/scenarios: error: no such file or directory\n"), std::string::npos) << r.out;
}

TEST(RunOutput, TraceSeedAndFingerprint) {
  const std::string file = source("scenarios/clean_backup.yaml");
  const auto plain = run({file});
  const auto again = run({file});
  EXPECT_EQ(plain.out, again.out) << "same seed, same output, same fingerprint";
  const auto fingerprint = lines(plain.out)[1];
  EXPECT_EQ(fingerprint.rfind("fingerprint: seed=1 scenario=0x", 0), 0u) << fingerprint;

  const auto seeded = run({file, "--seed", "5"});
  EXPECT_EQ(seeded.exit_code, 0);
  EXPECT_EQ(lines(seeded.out)[1].rfind("fingerprint: seed=5 scenario=0x", 0), 0u) << seeded.out;

  const auto traced = run({file, "--trace"});
  const auto out = lines(traced.out);
  ASSERT_GE(out.size(), 4u);
  EXPECT_EQ(out[1].rfind("  trace (", 0), 0u) << out[1];
  EXPECT_EQ(out[2].rfind("    #0 +0000000000.000s ", 0), 0u) << out[2];
  EXPECT_EQ(out.back(), "1 passed, 0 failed");
}

TEST(RunOutput, TheLoadersLimitsApplyToRun) {
  const auto r = run({source("scenarios/clean_backup.yaml"), "--max-file-size", "100"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(verdicts(r.out), (std::vector<std::string>{"INVALID scenarios/clean_backup.yaml"}));
  EXPECT_NE(r.out.find("\n  scenarios/clean_backup.yaml:1:1: error: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--max-file-size"), std::string::npos) << r.out;
}

TEST(RunOutput, BadOptionsExitTwo) {
  const auto r = run({source("scenarios/clean_backup.yaml"), "--max-virtual-time", "400"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("vssfault run: --max-virtual-time '400': "), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(run({}).exit_code, 2);
}

}  // namespace
}  // namespace vssfault::e2e
