// `vssfault show FILE`: the scenario with every default filled in, as YAML that loads back to the same
// scenario. A file with errors prints them on stderr and exits 2.
#include <iostream>
#include <memory>
#include <string>

#include "command.h"
#include "limit_flags.h"
#include "vssfault/scenario/emit.h"
#include "vssfault/scenario/loader.h"

namespace vssfault::cli {
namespace {

struct ShowOptions {
  std::string file;
  scenario::Limits limits;
};

int run(const ShowOptions& o) {
  const auto result = scenario::load_scenario_file(o.file, o.limits);
  if (!result.ok()) {
    result.diagnostics.print(std::cerr);
    return kExitBadInput;
  }
  std::cout << scenario::to_yaml(*result.scenario);
  return kExitOk;
}

const Registration kRegistration{"show", "Print a scenario with every default filled in", [](CLI::App& sub) {
                                   auto o = std::make_shared<ShowOptions>();
                                   sub.add_option("FILE", o->file, "Scenario file")->required();
                                   add_limit_flags(sub, o->limits);
                                   return [o] { return run(*o); };
                                 }};

}  // namespace
}  // namespace vssfault::cli
