#pragma once
/// A scenario: one YAML file describing a world, a fault plan, a driver and the expected outcome.
/// Plain structs with every default filled in by the loader; each value keeps the Mark of the text it
/// came from (or of its parent map when defaulted). Equality compares content only (Mark ==).
#include <cstdint>
#include <string>
#include <vector>

#include "vssfault/scenario/driver.h"
#include "vssfault/scenario/expectations.h"
#include "vssfault/scenario/fault.h"
#include "vssfault/scenario/mark.h"
#include "vssfault/scenario/world.h"

namespace vssfault::scenario {

struct Scenario {
  Mark mark;  ///< the top-level map
  Located<std::string> name;
  Located<std::string> description;
  Located<std::uint64_t> seed{1, {}};
  /// The documented statements the scenario demonstrates, each starting with its source key(s) from
  /// the specification ("[S4] unexpected provider codes are translated").
  std::vector<Located<std::string>> documents;

  std::vector<Located<std::string>> volumes;
  std::vector<Writer> writers;
  /// Default when the key is absent: one system provider named "system" supporting every volume [ATS].
  std::vector<Provider> providers;
  std::vector<Job> jobs;
  Settings settings;

  std::vector<Fault> faults;
  Driver driver;
  Expectations expect;

  friend bool operator==(const Scenario&, const Scenario&) = default;

  const Writer* find_writer(std::string_view name) const;
  const Provider* find_provider(std::string_view name) const;
  const Job* find_job(std::string_view name) const;
};

}  // namespace vssfault::scenario
