#pragma once
/// The loader's error list: every problem of a file, each with its position, printed in file order.
#include <iosfwd>
#include <string>
#include <vector>

#include "vssfault/scenario/mark.h"

namespace vssfault::scenario {

struct Diagnostic {
  Mark mark;
  std::string message;  ///< what was expected and what was found, without the position prefix

  /// "file:line:column: error: message"
  std::string to_string() const;
};

/// Collected errors. Order of insertion is irrelevant: sorted() orders them by line, then column, then
/// insertion order, which is the order they are printed in.
class Diagnostics {
 public:
  void error(Mark mark, std::string message);
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  /// The errors ordered by (line, column), ties kept in insertion order.
  std::vector<Diagnostic> sorted() const;
  /// Every error, one "file:line:column: error: message" line each, in sorted() order.
  void print(std::ostream& os) const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace vssfault::scenario
