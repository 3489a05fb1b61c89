// Entry point of the `vssfault` CLI: builds the CLI11 app from the registry and maps every parse
// error to exit code 2.
#include <algorithm>
#include <iostream>
#include <map>

#include "command.h"

namespace vssfault::cli {

std::vector<CommandSpec>& registry() {
  static std::vector<CommandSpec> commands;
  return commands;
}

Registration::Registration(std::string name, std::string help, Setup setup) {
  registry().push_back({std::move(name), std::move(help), std::move(setup)});
}

}  // namespace vssfault::cli

int main(int argc, char** argv) {
  using namespace vssfault::cli;
  CLI::App app{"vssfault: deterministic fault injection for the error paths of Windows VSS and BITS"};
  app.set_version_flag("--version", std::string("vssfault ") + VSSFAULT_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  auto commands = registry();
  std::sort(commands.begin(), commands.end(),
            [](const CommandSpec& a, const CommandSpec& b) { return a.name < b.name; });
  std::map<const CLI::App*, Action> actions;
  for (const auto& c : commands) {
    CLI::App* sub = app.add_subcommand(c.name, c.help);
    actions[sub] = c.setup(*sub);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitBadInput;
  }
  for (const auto& [sub, action] : actions) {
    if (sub->parsed()) {
      try {
        return action();
      } catch (const std::exception& e) {
        std::cerr << "vssfault: internal error: " << e.what() << "\n";
        return kExitBadInput;
      }
    }
  }
  return kExitBadInput;
}
