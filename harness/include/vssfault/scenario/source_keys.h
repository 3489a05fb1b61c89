#pragma once
/// The source keys of the specification (semantics.md §0.2), which a scenario's `documents:` entries
/// cite: "[S4] unexpected provider codes are translated", "[WT:656-666] ...", "[H:vss.h:151] ...",
/// "[D9] ..." for the specification's decisions D1-D22.
#include <span>
#include <string_view>

namespace vssfault::scenario {

/// Every page key of the specification's source tables (S1 ... WI), in table order. "H" (a header
/// line) and the decisions D1-D22 are accepted besides these.
std::span<const std::string_view> source_keys();

/// Whether `key` (the part of a bracket before any ':') is citable: a page key, "H", or D1-D22.
bool is_source_key(std::string_view key);

}  // namespace vssfault::scenario
