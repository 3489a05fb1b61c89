// Paths that are not a readable scenario file: a directory loop through a symbolic link, a FIFO (which
// would block a plain open until a writer comes), a path whose parent is a regular file, a directory
// given where a file is required, a device, links that loop. The tests run as root, so permissions
// cannot make a file unreadable: these are the unreadable paths root meets.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "hostile/hostile.h"

namespace vssfault::hostile {
namespace {

namespace fs = std::filesystem;

const std::string kBadKey = "name: n\nseeed: 1\n";
const std::string kBadKeyError = ":2:1: error: unknown key 'seeed' in scenario; did you mean 'seed'?";

TEST(HostilePaths, ADirectoryLoopThroughASymlinkIsWalkedOnce) {
  TempDir dir;
  const std::string root = (dir.path() / "tree").string();
  const std::string file = dir.file("tree/sub/bad.yaml", kBadKey);
  fs::create_directory_symlink("..", dir.path() / "tree/sub/up");    // tree/sub/up -> tree
  fs::create_directory_symlink(".", dir.path() / "tree/sub/self");   // tree/sub/self -> tree/sub
  expect_run({"check", root}, check_output({file + kBadKeyError}));
  // Given as the starting point, the link is followed once.
  const std::string via_link = (dir.path() / "tree/sub/up").string();
  expect_run({"check", via_link}, check_output({via_link + "/sub/bad.yaml" + kBadKeyError}));
}

TEST(HostilePaths, ALinkLoopNamedLikeAScenarioIsReportedNotSkipped) {
  TempDir dir;
  const std::string root = (dir.path() / "tree").string();
  fs::create_directories(root);
  fs::create_symlink("b.yaml", dir.path() / "tree/a.yaml");
  fs::create_symlink("a.yaml", dir.path() / "tree/b.yaml");
  const std::string a = root + "/a.yaml", b = root + "/b.yaml";
  expect_run({"check", root},
             a + ":1:1: error: cannot read the file: Too many levels of symbolic links\n" + b +
                 ":1:1: error: cannot read the file: Too many levels of symbolic links\n2 files, 2 errors\n");
}

TEST(HostilePaths, AFifoIsRefusedWithoutWaitingForAWriter) {
  TempDir dir;
  const std::string fifo = (dir.path() / "pipe.yaml").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  expect_run({"check", fifo}, check_output({fifo + ":1:1: error: cannot read the file: it is a FIFO, not a regular file"}));
  // Found in a directory, it is reported the same way.
  expect_run({"check", dir.path().string()},
             check_output({fifo + ":1:1: error: cannot read the file: it is a FIFO, not a regular file"}));
}

TEST(HostilePaths, APathWhoseParentIsARegularFileCannotBeRead) {
  TempDir dir;
  const std::string path = dir.file("plain.yaml", "name: n\n") + "/child.yaml";
  expect_run({"check", path}, check_output({path + ":1:1: error: cannot read the file: Not a directory"}));
}

TEST(HostilePaths, ADirectoryWhereAFileIsRequiredIsRefused) {
  // `check` searches a directory; `show` needs a file.
  TempDir dir;
  const std::string path = dir.path().string();
  expect_run({"show", path}, "", 2, path + ":1:1: error: cannot read the file: it is a directory, not a regular file\n");
}

TEST(HostilePaths, ADeviceIsRefusedWithoutReadingIt) {
  // /dev/zero never ends; /dev/null is empty, but a device is not a scenario file either.
  expect_run({"check", "/dev/zero"},
             check_output({"/dev/zero:1:1: error: cannot read the file: it is a character device, not a regular file"}));
  expect_run({"check", "/dev/null"},
             check_output({"/dev/null:1:1: error: cannot read the file: it is a character device, not a regular file"}));
}

TEST(HostilePaths, AMissingFileIsOneError) {
  TempDir dir;
  const std::string path = (dir.path() / "missing.yaml").string();
  expect_run({"check", path}, check_output({path + ":1:1: error: cannot read the file: No such file or directory"}));
}

}  // namespace
}  // namespace vssfault::hostile
