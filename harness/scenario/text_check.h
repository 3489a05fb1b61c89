#pragma once
// Private: byte-level checks run before YAML parsing.
#include <optional>
#include <string>
#include <string_view>

#include "vssfault/scenario/mark.h"

namespace vssfault::scenario::detail {

struct TextProblem {
  int line;
  int column;
  std::string message;
};

/// Length of the valid UTF-8 sequence starting at text[i], or 0 if it is not one (RFC 3629 table).
std::size_t utf8_length(std::string_view text, std::size_t i);

/// The first NUL byte or invalid UTF-8 sequence (overlong forms, surrogates and values past U+10FFFF
/// included), with its 1-based position; nullopt for clean UTF-8 text.
std::optional<TextProblem> check_text(std::string_view text);

}  // namespace vssfault::scenario::detail
