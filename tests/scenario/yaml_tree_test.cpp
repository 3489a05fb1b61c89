// The loader parses each file once and builds its own tree from yaml-cpp's parser events
// (harness/scenario/parse_yaml.cpp). These tests hold that tree to what YAML::Load builds from the same
// text: the same types, tags, scalars, marks, map pairs in order (duplicates kept), and the same sharing
// of aliased nodes, for every file the repository has and for the shapes that matter to the reader.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "parse_yaml.h"
#include "scenario/scenario_files.h"

namespace vssfault::scenario::detail {
namespace {

std::string where(const YAML::Mark& m) {
  return std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1) + " (byte " + std::to_string(m.pos) + ")";
}

/// Compares ours with theirs, node by node; returns the first difference, or "".
class Comparer {
 public:
  std::string compare(const Node& ours, const YAML::Node& theirs) {
    // A node met again (an alias, or a cycle through one) must be the one yaml-cpp shares there too.
    for (const auto& [o, t] : seen_) {
      if (o.is(ours) != t.is(theirs)) return "aliases differ at " + where(theirs.Mark());
      if (o.is(ours)) return {};
    }
    seen_.emplace_back(ours, theirs);
    const std::string at = " at " + where(theirs.Mark());
    if (ours.IsNull() != theirs.IsNull() || ours.IsScalar() != theirs.IsScalar() ||
        ours.IsSequence() != theirs.IsSequence() || ours.IsMap() != theirs.IsMap()) {
      return "types differ" + at;
    }
    if (ours.Tag() != theirs.Tag()) return "tags differ ('" + ours.Tag() + "', '" + theirs.Tag() + "')" + at;
    if (ours.Scalar() != theirs.Scalar()) return "scalars differ ('" + ours.Scalar() + "')" + at;
    const YAML::Mark a = ours.Mark();
    const YAML::Mark b = theirs.Mark();
    if (a.pos != b.pos || a.line != b.line || a.column != b.column) return "marks differ (" + where(a) + ")" + at;
    if (ours.size() != theirs.size()) return "sizes differ" + at;
    if (ours.IsSequence()) {
      auto t = theirs.begin();
      for (const auto& item : ours) {
        if (auto d = compare(item, *t); !d.empty()) return d;
        ++t;
      }
    } else if (ours.IsMap()) {
      auto t = theirs.begin();
      for (const auto& kv : ours) {
        if (auto d = compare(kv.first, t->first); !d.empty()) return d;
        if (auto d = compare(kv.second, t->second); !d.empty()) return d;
        ++t;
      }
    }
    return {};
  }

 private:
  std::vector<std::pair<Node, YAML::Node>> seen_;
};

/// "" when parse_yaml and YAML::Load agree on `text`, else what differs.
std::string differences(const std::string& text) {
  ParsedYaml ours;
  std::string ours_error;
  try {
    ours = parse_yaml(text);
  } catch (const YAML::Exception& e) {
    ours_error = e.what();
  }
  YAML::Node theirs;
  std::string their_error;
  try {
    theirs = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    their_error = e.what();
  }
  if (!ours_error.empty() || !their_error.empty()) {
    // A syntax error in a later document is ours alone: YAML::Load stops after the first.
    if (!ours_error.empty() && their_error.empty()) return {};
    return ours_error == their_error ? "" : "errors differ: '" + ours_error + "' against '" + their_error + "'";
  }
  if (ours.second || ours.stuck) return {};  // reported by the loader; YAML::Load keeps the first
  return Comparer().compare(ours.root, theirs);
}

std::vector<std::string> repository_files() {
  std::vector<std::string> out;
  for (const std::string& dir : {test::corpus_dir(), test::valid_dir(), test::invalid_dir(),
                                 std::string(VSSFAULT_SOURCE_DIR "/tests/scenario_files/run"),
                                 std::string(VSSFAULT_SOURCE_DIR "/examples")}) {
    for (const auto& f : test::yaml_files(dir)) out.push_back(dir + "/" + f);
  }
  return out;
}

TEST(YamlTree, MatchesYamlCppOnEveryScenarioFileOfTheRepository) {
  const auto files = repository_files();
  ASSERT_GT(files.size(), 300u);
  for (const auto& f : files) EXPECT_EQ(differences(test::read_bytes(f)), "") << f;
}

TEST(YamlTree, MatchesYamlCppOnTheShapesTheReaderMeets) {
  const std::vector<std::string> texts = {
      "",
      "# only a comment\n",
      "~\n",
      "plain\n",
      "'quoted'\n",
      "key:\n",
      "a: 1\nb:\nc: [x, 'y', \"z\", ~]\n",
      "a: 1\na: 2\n",                                       // duplicate keys, both kept
      "? [complex]\n: key\n",                               // a non-scalar key
      "- &w {name: w1}\n- *w\n- *w\n",                      // aliases share the anchored node
      "&r [a, *r]\n",                                       // an alias to the node that holds it
      "a: !!str 12\nb: !custom x\nc: !!map {}\n",           // explicit tags
      "a: |\n  line one\n  line two\nb: >-\n  folded\n",   // block scalars
      "a:\n  - - 1\n    - 2\n  - {b: [c, {d: e}]}\n",      // nesting
      "list:\n-\n- x\n-\n",                                 // empty items
      "\xC3\xA9t\xC3\xA9: caf\xC3\xA9\n",                   // non-ASCII keys and values
      "a: 1\n---\nb: 2\n",                                  // a second document
      ", name: n\n",                                        // yaml-cpp #1040, first document
      "name: n\n...\n,\n",                                  // yaml-cpp #1040, a later one
  };
  for (const auto& t : texts) EXPECT_EQ(differences(t), "") << t;
}

TEST(YamlTree, AnAliasIsTheAnchoredNodeItself) {
  const ParsedYaml p = parse_yaml("- &w {name: w1}\n- *w\n");
  ASSERT_TRUE(p.root.IsSequence());
  ASSERT_EQ(p.root.size(), 2u);
  std::vector<Node> items;
  for (const auto& item : p.root) items.push_back(item);
  EXPECT_TRUE(items[0].is(items[1]));
  EXPECT_EQ(items[1].Mark().line, 0);  // the anchor's mark, as YAML::Node has it
  EXPECT_EQ(items[1].Mark().column, 2);
}

TEST(YamlTree, MapPairsKeepDocumentOrderAndDuplicates) {
  const ParsedYaml p = parse_yaml("b: 1\na: 2\nb: 3\n");
  std::vector<std::string> seen;
  for (const auto& kv : p.root) seen.push_back(kv.first.Scalar() + "=" + kv.second.Scalar());
  EXPECT_EQ(seen, (std::vector<std::string>{"b=1", "a=2", "b=3"}));
  EXPECT_EQ(p.root.size(), 3u);
}

TEST(YamlTree, ASecondDocumentAndTheEndlessLoopAreReportedWithoutARoot) {
  const ParsedYaml two = parse_yaml("a: 1\n---\nb: 2\n");
  ASSERT_TRUE(two.second.has_value());
  EXPECT_EQ(two.second->line, 2);
  EXPECT_TRUE(two.root.IsNull());
  // yaml-cpp #1040: an empty document at the same place, again and again.
  const ParsedYaml stuck = parse_yaml(", name: n\n");
  ASSERT_TRUE(stuck.stuck.has_value());
  EXPECT_EQ(stuck.stuck->pos, 0);
  EXPECT_TRUE(stuck.root.IsNull());
  const ParsedYaml later = parse_yaml("name: n\n...\n,\n");
  ASSERT_TRUE(later.stuck.has_value() || later.second.has_value());
  EXPECT_TRUE(later.root.IsNull());
}

// Developers' check, skipped unless VSSFAULT_YAML_TREE_DIR names a directory: every file in it (a fuzzer
// corpus, say) must parse to the same tree as YAML::Load gives.
TEST(YamlTree, MatchesYamlCppOnEveryFileOfVSSFAULT_YAML_TREE_DIR) {
  const char* dir = std::getenv("VSSFAULT_YAML_TREE_DIR");
  if (dir == nullptr) GTEST_SKIP() << "VSSFAULT_YAML_TREE_DIR is not set";
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    ++files;
    EXPECT_EQ(differences(test::read_bytes(e.path().string())), "") << e.path();
  }
  EXPECT_GT(files, 0u);
}

}  // namespace
}  // namespace vssfault::scenario::detail
