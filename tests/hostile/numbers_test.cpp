// Numbers past 64 bits, negative numbers and NaN where the format wants counts, durations and
// probabilities: each is an error at its position, never a wrap or a silent default.
#include <gtest/gtest.h>

#include "hostile/hostile.h"

namespace vssfault::hostile {
namespace {

TEST(HostileNumbers, DurationsAndCountsPast64BitsAreErrors) {
  TempDir dir;
  const std::string path = dir.file("big.yaml",
                                    "name: big\n"
                                    "seed: 18446744073709551616\n"
                                    "writers: [{name: W, freeze_timeout: 106751991168d}]\n"
                                    "faults:\n"
                                    "  - {writer: W, event: Freeze, code: VSS_E_WRITERERROR_RETRYABLE, hit: {nth: 99999999999999999999999}}\n"
                                    "  - {writer: W, event: Thaw, delay: 9223372036854775808ms, return: false}\n"
                                    "  - {writer: W, event: Thaw, delay: 1h99999999999999999999m, return: false}\n"
                                    "driver: {retries: 18446744073709551615, retry_delay: 9223372036854775807ms}\n");
  expect_run({"check", path},
             check_output({
                 path + ":2:7: error: seed: 18446744073709551616 is out of range (expected an integer from 0 to "
                        "18446744073709551615)",
                 path + ":3:37: error: freeze_timeout: bad duration '106751991168d': duration overflows 64-bit "
                        "milliseconds",
                 path + ":5:78: error: nth: 99999999999999999999999 is out of range (expected an integer from 1 to "
                        "18446744073709551615)",
                 path + ":6:37: error: delay: bad duration '9223372036854775808ms': duration overflows 64-bit "
                        "milliseconds",
                 path + ":7:37: error: delay: bad duration '1h99999999999999999999m': duration overflows 64-bit "
                        "milliseconds",
             }));
}

TEST(HostileNumbers, NegativeNumbersAreErrors) {
  TempDir dir;
  const std::string path = dir.file("negative.yaml",
                                    "name: negative\n"
                                    "seed: -1\n"
                                    "writers: [{name: W, freeze_timeout: -60s}]\n"
                                    "faults:\n"
                                    "  - {writer: W, event: Freeze, return: false, hit: {first: -2}}\n"
                                    "  - {writer: W, event: Thaw, return: false, hit: {probability: -0.5}}\n"
                                    "jobs: [{name: J, transfer_rate: -1}]\n");
  expect_run({"check", path},
             check_output({
                 path + ":2:7: error: seed: -1 is out of range (expected an integer from 0 to 18446744073709551615)",
                 path + ":3:37: error: freeze_timeout: bad duration '-60s': expected a digit at '-60s'",
                 path + ":5:60: error: first: -2 is out of range (expected an integer from 1 to 18446744073709551615)",
                 path + ":6:64: error: probability: expected a probability from 0 to 1, found the number -0.5",
                 path + ":7:33: error: transfer_rate: -1 is out of range (expected an integer from 1 to "
                        "18446744073709551615)",
             }));
}

TEST(HostileNumbers, NanAndInfinityAreNotProbabilities) {
  TempDir dir;
  const std::string path = dir.file("nan.yaml",
                                    "name: nan\n"
                                    "writers: [{name: W}]\n"
                                    "faults:\n"
                                    "  - {writer: W, event: Freeze, return: false, hit: {probability: .nan}}\n"
                                    "  - {writer: W, event: Thaw, return: false, hit: {probability: .inf}}\n"
                                    "  - {writer: W, event: Thaw, return: false, hit: {probability: nan}}\n"
                                    "  - {writer: W, event: Thaw, return: false, hit: {probability: 1e999}}\n"
                                    "  - {writer: W, event: Thaw, return: false, hit: {nth: .nan}}\n");
  expect_run({"check", path},
             check_output({
                 path + ":4:66: error: probability: expected a probability from 0 to 1, found the number .nan",
                 path + ":5:64: error: probability: expected a probability from 0 to 1, found the number .inf",
                 path + ":6:64: error: probability: expected a probability from 0 to 1, found the string 'nan'",
                 path + ":7:64: error: probability: expected a probability from 0 to 1, found the number 1e999",
                 path + ":8:56: error: nth: expected an integer, found the number .nan",
             }));
}

}  // namespace
}  // namespace vssfault::hostile
