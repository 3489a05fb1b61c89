#pragma once
// Subcommand registry of the `vssfault` CLI. Each command file defines one static Registration:
//
//   static const vssfault::cli::Registration kReg{"codes", "List the code catalog",
//     [](CLI::App& sub) { auto opts = std::make_shared<Opts>(); sub.add_flag(...);
//                         return [opts] { return run(*opts); }; }};
//
// setup() declares the options on the subcommand and returns the action run when it is chosen.
// Exit codes everywhere: 0 success, 1 a check failed, 2 bad usage or bad input.
#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace vssfault::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitCheckFailed = 1;
inline constexpr int kExitBadInput = 2;

using Action = std::function<int()>;
using Setup = std::function<Action(CLI::App&)>;

struct CommandSpec {
  std::string name;
  std::string help;
  Setup setup;
};

/// All registered commands, sorted by name (registration order across files is unspecified).
std::vector<CommandSpec>& registry();

struct Registration {
  Registration(std::string name, std::string help, Setup setup);
};

}  // namespace vssfault::cli
