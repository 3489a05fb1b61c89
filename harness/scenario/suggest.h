#pragma once
// Private: "did you mean" suggestions for misspelt keys, words and names.
#include <cstddef>
#include <string_view>
#include <vector>

namespace vssfault::scenario::detail {

/// Words and candidates longer than this get no suggestion (the longest code name has 65 characters).
inline constexpr std::size_t kMaxSuggestLength = 100;
/// Only the first this many candidates are considered.
inline constexpr std::size_t kMaxSuggestCandidates = 1000;

/// Up to `max` candidates plausibly meant by `word`, in candidate order, from the best group only: the
/// case-insensitive exact matches; else the candidates ending in "_" + word (REMOTE_FILE ->
/// BG_ERROR_CONTEXT_REMOTE_FILE); else those at the smallest edit distance, if that is within a third
/// of the longer length. Duplicates are dropped. The two bounds above keep it linear in the file.
std::vector<std::string_view> suggest(std::string_view word, const std::vector<std::string_view>& candidates,
                                      std::size_t max = 3);

}  // namespace vssfault::scenario::detail
