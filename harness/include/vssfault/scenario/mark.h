#pragma once
/// Where a scenario value came from, so a failing expectation or a loader error can point at the line
/// of the scenario file that caused it.
#include <string>

namespace vssfault::scenario {

/// A position in a scenario file, 1-based like every editor and compiler. A value the loader filled in
/// by default carries the mark of the map it would have been written in (its parent).
struct Mark {
  std::string file;
  int line = 0;    ///< 1-based; 0 only for a default-constructed mark
  int column = 0;  ///< 1-based

  /// "file:line:column"
  std::string to_string() const;

  /// Marks are provenance, never content: two scenarios that say the same thing are equal wherever
  /// their values were written (so `show` output reloads equal to the original).
  friend bool operator==(const Mark&, const Mark&) { return true; }
};

/// A value and the mark of the text it was read from.
template <class T>
struct Located {
  T value{};
  Mark mark;

  friend bool operator==(const Located&, const Located&) = default;
};

}  // namespace vssfault::scenario
