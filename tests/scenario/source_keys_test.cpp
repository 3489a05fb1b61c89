// The source keys a `documents:` entry may cite are exactly the specification's (semantics.md §0.2).
#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <set>

#include "support/spec_tokens.h"
#include "vssfault/scenario/source_keys.h"

namespace vssfault::scenario {
namespace {

// The key-like tokens of §0.2's tables and lists: upper-case words in table cells ("S1", "KB915331",
// "JC / JCO") and the bullet keys ("- WSVSS: ...", "- KB915331, ...").
std::set<std::string> keys_in_spec() {
  const auto text = ::vssfault::test::read_text(::vssfault::test::semantics_path());
  EXPECT_TRUE(text.has_value());
  if (!text) return {};
  const std::size_t begin = text->find("### 0.2");
  const std::size_t end = text->find("## 1.", begin);
  const std::string section = text->substr(begin, end - begin);
  std::set<std::string> out;
  const std::regex token("^[A-Z][A-Z0-9-]*[A-Z0-9]$");
  std::istringstream lines(section);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("|", 0) == 0) {
      std::istringstream cells(line);
      for (std::string cell; std::getline(cells, cell, '|');) {
        std::istringstream words(cell);
        for (std::string w; std::getline(words, w, '/');) {
          w.erase(0, w.find_first_not_of(' '));
          w.erase(w.find_last_not_of(' ') + 1);
          if (std::regex_match(w, token) && w != "URL" && w != "Key" && w != "Page") out.insert(w);
        }
      }
    } else if (line.rfind("- ", 0) == 0) {
      const std::string key = line.substr(2, line.find_first_of(":,") - 2);
      if (std::regex_match(key, token)) out.insert(key);
    }
  }
  return out;
}

TEST(SourceKeys, AreExactlyTheSpecificationsKeys) {
  const std::set<std::string> spec = keys_in_spec();
  std::set<std::string> ours(source_keys().begin(), source_keys().end());
  EXPECT_EQ(ours, spec);
  EXPECT_EQ(ours.size(), source_keys().size()) << "a key is listed twice";
}

TEST(SourceKeys, HeaderLinesAndDecisionsAreCitable) {
  EXPECT_TRUE(is_source_key("H"));
  EXPECT_TRUE(is_source_key("D1"));
  EXPECT_TRUE(is_source_key("D22"));
  EXPECT_TRUE(is_source_key("§8-D9"));
  EXPECT_FALSE(is_source_key("D0"));
  EXPECT_FALSE(is_source_key("D23"));
  EXPECT_FALSE(is_source_key("D05"));
  EXPECT_FALSE(is_source_key("S6"));
}

}  // namespace
}  // namespace vssfault::scenario
