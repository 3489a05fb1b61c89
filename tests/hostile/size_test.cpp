// A file of 100 MB, and the file-size limit that also bounds what defaults expand to.
#include <gtest/gtest.h>

#include <fstream>

#include "hostile/hostile.h"

namespace vssfault::hostile {
namespace {

/// A valid scenario of exactly `size` bytes: a name and a long description.
std::string padded_file(std::size_t size) {
  const std::string head = "name: big\ndescription: \"";
  return head + std::string(size - head.size() - 2, 'x') + "\"\n";
}

TEST(HostileSize, A100MegabyteFileIsRefusedBeforeItIsRead) {
  TempDir dir;
  const std::string path = (dir.path() / "huge.yaml").string();
  {
    // Written in 1 MiB pieces: the test itself must not hold 100 MB either.
    std::ofstream out(path, std::ios::binary);
    const std::string piece = padded_file(1 << 20);
    for (int i = 0; i < 100; ++i) out << piece;
  }
  const auto size = std::filesystem::file_size(path);
  ASSERT_GT(size, 100'000'000u);
  const std::string error = path + ":1:1: error: the file is " + std::to_string(size) +
                            " bytes, more than the limit of 1048576 (raise it with --max-file-size)";
  expect_run({"check", path}, check_output({error}));
  expect_run({"show", path}, "", 2, error + "\n");
}

TEST(HostileSize, TheLimitIsExactAndRaisedByAFlag) {
  TempDir dir;
  const std::string at_limit = dir.file("at.yaml", padded_file(1 << 20));
  const std::string over = dir.file("over.yaml", padded_file((1 << 20) + 1));
  expect_run({"check", at_limit}, check_output({}), 0);
  expect_run({"check", over},
             check_output({over + ":1:1: error: the file is 1048577 bytes, more than the limit of 1048576 "
                                  "(raise it with --max-file-size)"}));
  expect_run({"check", "--max-file-size", "1048577", over}, check_output({}), 0);
}

TEST(HostileSize, LimitFlagsRefuseValuesThatWouldWrapOrDisable) {
  // Left to CLI11, "-5" and a number past 64 bits both became huge unsigned limits.
  TempDir dir;
  const std::string path = dir.file("ok.yaml", "name: ok\n");
  const std::string usage = "\nRun with --help for more information.\n";
  expect_run({"check", "--max-file-size", "-5", path}, "", 2,
             "--max-file-size: expected a whole number from 1 to 18446744073709551615, found '-5'" + usage);
  expect_run({"check", "--max-nodes", "18446744073709551616", path}, "", 2,
             "--max-nodes: 18446744073709551616 is more than 18446744073709551615" + usage);
  expect_run({"show", "--max-items", "0", path}, "", 2,
             "--max-items: expected a whole number from 1 to 18446744073709551615, found 0" + usage);
  expect_run({"check", "--max-errors", "1e3", path}, "", 2,
             "--max-errors: expected a whole number from 1 to 18446744073709551615, found '1e3'" + usage);
  expect_run({"check", "--max-nodes", "18446744073709551615", path}, check_output({}), 0);
}

TEST(HostileSize, DefaultsCopiedIntoEveryProviderCountAgainstTheLimit) {
  // 400 volumes of 1,000 bytes and 2,000 providers without `volumes`, each of which defaults to all
  // of them: a 0.4 MB file that would hold 800 MB of copies.
  std::string text = "name: copies\nvolumes:\n";
  for (int i = 0; i < 400; ++i) text += "  - \"" + std::to_string(1000 + i) + std::string(996, 'v') + "\"\n";
  text += "providers:\n";
  for (int i = 0; i < 2000; ++i) text += "  - {name: p" + std::to_string(i) + "}\n";
  TempDir dir;
  const std::string path = dir.file("copies.yaml", text);
  // The text holds about 420,000 bytes of scalars; the first provider's copy of the volumes brings
  // 820,000, the second crosses 1 MiB.
  expect_run({"check", path},
             check_output({path + ":405:5: error: aliases and defaults expand the scenario past 1048576 bytes of "
                                  "text, the file size limit (raise it with --max-file-size)"}));
}

}  // namespace
}  // namespace vssfault::hostile
