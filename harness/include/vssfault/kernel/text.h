#pragma once
/// Small text helpers shared by every "did you mean …?" message (code names, scenario keys and words).
#include <cstddef>
#include <string_view>

namespace vssfault {

/// ASCII case-insensitive equality.
bool iequals(std::string_view a, std::string_view b);
/// Levenshtein distance, ASCII case-insensitive (insert, delete, substitute each cost 1).
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace vssfault
