#include "suggest.h"

#include "vssfault/kernel/text.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace vssfault::scenario::detail {
namespace {

bool iends_with_word(std::string_view text, std::string_view word) {
  if (word.empty() || text.size() <= word.size()) return false;
  return text[text.size() - word.size() - 1] == '_' && iequals(text.substr(text.size() - word.size()), word);
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Levenshtein distance (ASCII case-insensitive) if it is at most `bound`, else bound + 1; stops as soon
// as every entry of a row exceeds the bound.
std::size_t bounded_distance(std::string_view a, std::string_view b, std::size_t bound) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > bound) return bound + 1;
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same = lower(a[i - 1]) == lower(b[j - 1]);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > bound) return bound + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[b.size()], bound + 1);
}

}  // namespace

std::vector<std::string_view> suggest(std::string_view word, const std::vector<std::string_view>& candidates,
                                      std::size_t max) {
  // Score: 0 exact (ignoring case), 1 suffix word, 2 + distance otherwise; stable among equals.
  // Suggestions are for misspelt identifiers: longer words, and candidates past the first
  // kMaxSuggestCandidates, are not compared, so a hostile file cannot make this quadratic in its size.
  std::vector<std::pair<std::size_t, std::string_view>> scored;
  if (word.size() > kMaxSuggestLength) return {};
  for (std::size_t i = 0; i < candidates.size() && i < kMaxSuggestCandidates; ++i) {
    const std::string_view c = candidates[i];
    if (c.size() > kMaxSuggestLength) continue;
    if (iequals(c, word)) {
      scored.emplace_back(0, c);
    } else if (iends_with_word(c, word)) {
      scored.emplace_back(1, c);
    } else {
      const std::size_t bound = std::max(word.size(), c.size()) / 3;
      const std::size_t d = bounded_distance(word, c, bound);
      if (d <= bound) scored.emplace_back(2 + d, c);
    }
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  // Only the best group: an exact or suffix match silences the guesses, and a closer guess the
  // farther ones.
  std::vector<std::string_view> out;
  for (const auto& [score, c] : scored) {
    if (out.size() >= max || score != scored.front().first) break;
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

}  // namespace vssfault::scenario::detail
