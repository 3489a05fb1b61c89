// Alias bombs: yaml-cpp shares an aliased node instead of copying it, so a document of a few hundred
// bytes can stand for 10^10 nodes, and a naive walk of it never ends. The loader counts every node it
// visits, an alias at every use, and stops at --max-nodes.
#include <gtest/gtest.h>

#include "hostile/hostile.h"

namespace vssfault::hostile {
namespace {

/// The "billion laughs": level 0 is ten strings, each further level ten aliases of the one before.
std::string laughs(int levels, const std::string& tail) {
  std::string text = "name: lol\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < levels; ++i) {
    const std::string prev = "*l" + std::to_string(i - 1);
    text += "lol" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) text += (k == 0 ? "" : ", ") + prev;
    text += "]\n";
  }
  return text + tail;
}

TEST(HostileAliases, TheBillionLaughsStopAtTheNodeLimit) {
  TempDir dir;
  // 10^10 nodes behind `writers`; the walk crosses 100,000 inside lol4 (10 + 110 + 1,110 + 11,110
  // before it, 111,110 in it) and reports the list holding the aliases, at its anchor `&l4`.
  const std::string path = dir.file("lol.yaml", laughs(10, "writers: *l9\n"));
  expect_run({"check", path},
             check_output({path + ":6:7: error: more than 100000 YAML nodes, counting an aliased node at every "
                                  "use (raise the limit with --max-nodes)"}));
}

TEST(HostileAliases, ARaisedNodeLimitStillStopsTheBomb) {
  TempDir dir;
  const std::string path = dir.file("lol.yaml", laughs(10, "writers: *l9\n"));
  // Past 100,000 nodes the strings' 3 bytes each cross 1 MiB of expanded text first (in lol5); with
  // that raised as well, 3,000,000 visits are still far below 10^10 and well inside the time limit.
  expect_run({"check", "--max-nodes", "3000000", path},
             check_output({path + ":7:7: error: aliases and defaults expand the scenario past 1048576 bytes of "
                                  "text, the file size limit (raise it with --max-file-size)"}));
  expect_run({"check", "--max-nodes", "3000000", "--max-file-size", "100000000", path},
             check_output({path + ":8:7: error: more than 3000000 YAML nodes, counting an aliased node at every "
                                  "use (raise the limit with --max-nodes)"}));
}

TEST(HostileAliases, ABombShapedLikeTheFormatStopsAtTheNodeLimit) {
  // Anchors defined at their first use, so every key is one the loader reads: 1,000 writers of 1,000
  // components of 1,000 volume references each, 10^9 values from 12 kB. A loader that walks only what
  // it reads is still cubic here.
  const auto thousand = [](const std::string& first, const std::string& alias) {
    std::string out = "[" + first;
    for (int i = 1; i < 1000; ++i) out += ", " + alias;
    return out + "]";
  };
  const std::string volumes = thousand("&v \"C:\"", "*v");
  const std::string components = thousand("&c {name: c, volumes: " + volumes + "}", "*c");
  const std::string writers = thousand("&w {name: w, components: " + components + "}", "*w");
  TempDir dir;
  const std::string path = dir.file("shaped.yaml", "name: n\nvolumes: [\"C:\"]\nwriters: " + writers + "\n");
  // The first writer's components already cross the limit: reported at their list (column 36),
  // which holds the aliases `*c`.
  expect_run({"check", path},
             check_output({path + ":3:36: error: more than 100000 YAML nodes, counting an aliased node at every "
                                  "use (raise the limit with --max-nodes)"}));
}

TEST(HostileAliases, AliasesOfALongStringCountAgainstTheFileSizeLimit) {
  // One 100 kB string aliased 20 times: 2 MB of text from a 100 kB file.
  TempDir dir;
  std::string text = "name: n\ndescription: &d \"" + std::string(100'000, 'x') + "\"\nvolumes: [";
  for (int i = 0; i < 20; ++i) text += (i == 0 ? "*d" : ", *d");
  const std::string path = dir.file("long.yaml", text + "]\n");
  expect_run({"check", path},
             check_output({path + ":3:10: error: aliases and defaults expand the scenario past 1048576 bytes of "
                                  "text, the file size limit (raise it with --max-file-size)"}));
}

TEST(HostileAliases, AnAliasOfItsOwnAnchorIsACycleStoppedByTheDepthLimit) {
  // yaml-cpp accepts `&a [*a]` and builds a list that contains itself.
  TempDir dir;
  const std::string path = dir.file("cycle.yaml", "name: n\nwriters: &a [*a]\n");
  expect_run({"check", path},
             check_output({path + ":2:10: error: nesting deeper than the limit of 64 levels (raise it with "
                                  "--max-depth)"}));
  expect_run({"check", "--max-depth", "500", "--max-nodes", "100000000", path},
             check_output({path + ":2:10: error: nesting deeper than the limit of 500 levels (raise it with "
                                  "--max-depth)"}));
}

}  // namespace
}  // namespace vssfault::hostile
