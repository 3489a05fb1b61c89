// Each field of scenario::Limits at its boundary, in process: exactly at the limit loads, one past it
// is the limit's error at the place it was crossed.
#include <gtest/gtest.h>

#include "vssfault/scenario/loader.h"

namespace vssfault::scenario {
namespace {

std::vector<std::string> errors(const std::string& text, const Limits& limits) {
  std::vector<std::string> out;
  for (const auto& d : load_scenario_text(text, "t.yaml", limits).diagnostics.sorted()) out.push_back(d.to_string());
  return out;
}

using Lines = std::vector<std::string>;

TEST(LoaderLimits, DefaultsAreDocumented) {
  const Limits l;
  EXPECT_EQ(l.max_file_size, 1048576u);
  EXPECT_EQ(l.max_nodes, 100000u);
  EXPECT_EQ(l.max_depth, 64u);
  EXPECT_EQ(l.max_items, 10000u);
  EXPECT_EQ(l.max_errors, 100u);
}

TEST(LoaderLimits, FileSize) {
  const std::string text = "name: n\n";  // 8 bytes
  EXPECT_EQ(errors(text, {.max_file_size = 8}), Lines{});
  EXPECT_EQ(errors(text, {.max_file_size = 7}),
            Lines{"t.yaml:1:1: error: the file is 8 bytes, more than the limit of 7 (raise it with --max-file-size)"});
}

TEST(LoaderLimits, NodesCountEveryKeyAndValue) {
  // The map, two keys, two values.
  const std::string text = "name: n\nseed: 1\n";
  EXPECT_EQ(errors(text, {.max_nodes = 5}), Lines{});
  EXPECT_EQ(errors(text, {.max_nodes = 4}),
            Lines{"t.yaml:2:7: error: more than 4 YAML nodes, counting an aliased node at every use (raise the limit "
                  "with --max-nodes)"});
}

TEST(LoaderLimits, DepthCountsTheTopLevelMapAsLevelOne) {
  const std::string text = "name: n\nvolumes: [\"C:\"]\n";  // the list is level 2
  EXPECT_EQ(errors(text, {.max_depth = 2}), Lines{});
  EXPECT_EQ(errors(text, {.max_depth = 1}),
            Lines{"t.yaml:2:10: error: nesting deeper than the limit of 1 levels (raise it with --max-depth)"});
}

TEST(LoaderLimits, ItemsCountListItemsAndMapEntries) {
  const std::string text = "name: n\nvolumes: [\"C:\", \"D:\"]\n";
  EXPECT_EQ(errors(text, {.max_items = 2}), Lines{});
  EXPECT_EQ(errors(text, {.max_items = 1}),
            Lines{"t.yaml:1:1: error: a map of 2 entries, more than the limit of 1 (raise it with --max-items)"});
}

TEST(LoaderLimits, ItemsNameTheKeyOfTheList) {
  EXPECT_EQ(errors("volumes: [a, b, c]\n", {.max_items = 2}),
            Lines{"t.yaml:1:10: error: volumes: a list of 3 items, more than the limit of 2 (raise it with "
                  "--max-items)"});
}

TEST(LoaderLimits, ErrorsStopAfterTheLimitWithOneMoreLine) {
  const std::string text = "name: n\na: 1\nb: 2\nc: 3\n";
  const std::string unknown = "' in scenario (expected one of: name, description, seed, documents, volumes, writers, "
                              "providers, jobs, settings, faults, driver, expect)";
  EXPECT_EQ(errors(text, {.max_errors = 3}).size(), 3u);
  EXPECT_EQ(errors(text, {.max_errors = 2}),
            (Lines{"t.yaml:2:1: error: unknown key 'a" + unknown, "t.yaml:3:1: error: unknown key 'b" + unknown,
                   "t.yaml:4:1: error: too many errors (more than 2); stopping here (raise the limit with "
                   "--max-errors)"}));
}

TEST(LoaderLimits, DefaultCopiesCountAsNodes) {
  // Two volumes copied into the default system provider and into the requester's volumes: 4 more.
  const std::string text = "name: n\nvolumes: [a, b]\n";  // 7 nodes in the text
  EXPECT_EQ(errors(text, {.max_nodes = 11}), Lines{});
  EXPECT_EQ(errors(text, {.max_nodes = 10}),
            Lines{"t.yaml:1:1: error: more than 10 YAML nodes, counting an aliased node at every use (raise the "
                  "limit with --max-nodes)"});
}

TEST(LoaderLimits, ReadingAFileAppliesTheSizeLimitToWhatIsRead) {
  // procfs files say they are empty (st_size 0) and still hold text: the limit holds for the bytes read.
  Diagnostics ok;
  const auto text = read_scenario_bytes("/proc/self/cmdline", {}, ok);
  ASSERT_TRUE(text.has_value());
  EXPECT_GT(text->size(), 10u);
  Diagnostics d;
  EXPECT_FALSE(read_scenario_bytes("/proc/self/cmdline", {.max_file_size = 10}, d).has_value());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.sorted()[0].to_string(), "/proc/self/cmdline:1:1: error: the file is " + std::to_string(text->size()) +
                                           " bytes, more than the limit of 10 (raise it with --max-file-size)");
}

}  // namespace
}  // namespace vssfault::scenario
