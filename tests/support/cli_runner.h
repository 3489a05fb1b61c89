#pragma once
/// Runs a program (by default the built `vssfault` CLI) as a child process and captures what it says.
/// No shell is involved: arguments are passed to execv as they are, so nothing in them is interpreted.
///
///   auto r = vssfault::test::run_cli({"explain", "VSS_E_BAD_STATE"});
///   EXPECT_EQ(r.exit_code, 0) << r.err;
#include <chrono>
#include <string>
#include <vector>

namespace vssfault::test {

/// What a finished child did.
struct CliResult {
  int exit_code = -1;        ///< the exit status; 128 + signal number when killed by a signal
  bool signaled = false;     ///< terminated by a signal (a crash, or killed on timeout)
  bool timed_out = false;    ///< killed because it outlived the timeout
  std::string out;           ///< everything written to stdout
  std::string err;           ///< everything written to stderr
};

/// Options for run_program / run_cli.
struct RunOptions {
  std::string stdin_text;                        ///< fed to the child's stdin, then closed
  std::chrono::milliseconds timeout{60'000};     ///< the child is killed (SIGKILL) after this
};

/// Path of the built CLI: VSSFAULT_BINARY_DIR "/vssfault".
std::string vssfault_binary();

/// Runs `program` with `args` (argv[0] is `program`), waits for it, and returns its output and status.
/// Throws std::runtime_error if the process cannot be started at all (e.g. no such file).
CliResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const RunOptions& options = {});

/// run_program(vssfault_binary(), args, options).
CliResult run_cli(const std::vector<std::string>& args, const RunOptions& options = {});

}  // namespace vssfault::test
