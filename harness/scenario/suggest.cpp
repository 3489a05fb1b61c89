#include "suggest.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace vssfault::scenario::detail {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return lower(x) == lower(y);
         });
}

bool iends_with_word(std::string_view text, std::string_view word) {
  if (word.empty() || text.size() <= word.size()) return false;
  return text[text.size() - word.size() - 1] == '_' && iequals(text.substr(text.size() - word.size()), word);
}

std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t subst = prev[j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
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
      const std::size_t d = distance(word, c);
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
