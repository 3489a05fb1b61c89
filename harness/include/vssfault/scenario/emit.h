#pragma once
/// Writing a scenario back as YAML, every default spelled out.
#include <string>

#include "vssfault/scenario/scenario.h"

namespace vssfault::scenario {

/// The scenario as YAML in the canonical key order, every default filled in. Loading the text gives
/// a scenario equal to `s`, and emitting that again gives the same text.
std::string to_yaml(const Scenario& s);

}  // namespace vssfault::scenario
