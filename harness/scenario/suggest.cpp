#include "suggest.h"

#include "vssfault/kernel/text.h"

#include <algorithm>
#include <utility>

namespace vssfault::scenario::detail {
namespace {

bool iends_with_word(std::string_view text, std::string_view word) {
  if (word.empty() || text.size() <= word.size()) return false;
  return text[text.size() - word.size() - 1] == '_' && iequals(text.substr(text.size() - word.size()), word);
}

}  // namespace

std::vector<std::string_view> suggest(std::string_view word, const std::vector<std::string_view>& candidates,
                                      std::size_t max) {
  // Score: 0 exact (ignoring case), 1 suffix word, 2 + distance otherwise; stable among equals.
  std::vector<std::pair<std::size_t, std::string_view>> scored;
  for (std::string_view c : candidates) {
    if (iequals(c, word)) {
      scored.emplace_back(0, c);
    } else if (iends_with_word(c, word)) {
      scored.emplace_back(1, c);
    } else {
      const std::size_t d = edit_distance(word, c);
      if (d * 3 <= std::max(word.size(), c.size())) scored.emplace_back(2 + d, c);
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
