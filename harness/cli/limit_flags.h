#pragma once
// The flags that raise (or lower) the scenario loader's limits, shared by every command that loads a
// scenario file (check, show, run): one flag per field of scenario::Limits, defaults from the struct.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "vssfault/scenario/loader.h"

namespace vssfault::cli {

/// Accepts decimal digits only, from 1 to `max`: CLI11's own conversion takes "-5" and numbers past
/// 64 bits for an unsigned option, and a limit must never wrap.
inline CLI::Validator count_in(std::uint64_t max) {
  return CLI::Validator(
      [max](std::string& text) -> std::string {
        if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
          return "expected a whole number from 1 to " + std::to_string(max) + ", found '" + text + "'";
        }
        std::uint64_t v = 0;
        for (char c : text) {
          const auto d = static_cast<std::uint64_t>(c - '0');
          if (v > (max - d) / 10) return text + " is more than " + std::to_string(max);
          v = v * 10 + d;
        }
        if (v == 0) return "expected a whole number from 1 to " + std::to_string(max) + ", found 0";
        return {};
      },
      "1.." + std::to_string(max));
}

/// Declares --max-file-size, --max-nodes, --max-depth, --max-items and --max-errors on `sub`, writing
/// into `limits` (which must outlive the parse). Each takes a whole number from 1; --max-depth at most
/// 500, yaml-cpp's own limit.
inline void add_limit_flags(CLI::App& sub, scenario::Limits& limits) {
  const auto any = count_in(UINT64_MAX);
  sub.add_option("--max-file-size", limits.max_file_size,
                 "Largest scenario file in bytes; also bounds what aliases and defaults expand to")
      ->check(any)
      ->capture_default_str()
      ->group("Limits");
  sub.add_option("--max-nodes", limits.max_nodes, "Most YAML nodes in a file, an alias counting at every use")
      ->check(any)
      ->capture_default_str()
      ->group("Limits");
  sub.add_option("--max-depth", limits.max_depth, "Deepest nesting, in levels (at most 500)")
      ->check(count_in(500))
      ->capture_default_str()
      ->group("Limits");
  sub.add_option("--max-items", limits.max_items, "Most items in one list or entries in one map")
      ->check(any)
      ->capture_default_str()
      ->group("Limits");
  sub.add_option("--max-errors", limits.max_errors, "Errors reported per file before stopping")
      ->check(any)
      ->capture_default_str()
      ->group("Limits");
}

}  // namespace vssfault::cli
