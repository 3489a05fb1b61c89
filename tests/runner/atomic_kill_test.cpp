// Reports are never half-written (issue 7.4): a process killed with SIGKILL at any moment of
// write_file_atomically leaves the previous file or the new one, byte for byte. A forked child writes a
// large report over an existing one and is killed after a delay swept across the whole write; after
// each kill the target must be exactly one of the two contents. The sweep must also have landed inside
// the write at least once (a temporary file left beside the target proves it), so the test exercises
// the window it is about: a writer that wrote the target in place would leave a truncated file there.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "temp_dir.h"
#include "vssfault/runner/atomic_file.h"

namespace vssfault::runner {
namespace {

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string content_of(char fill, std::size_t size, const std::string& tag) {
  std::string s = "<report " + tag + ">";
  s.append(size, fill);
  s += "</report>\n";
  return s;
}

/// Forks a child that writes `content` to `path` atomically and exits; kills it after `delay`.
/// Returns true when the child was killed before it finished.
bool write_and_kill(const std::string& path, const std::string& content, std::chrono::microseconds delay) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const std::string err = write_file_atomically(path, content);
    ::_exit(err.empty() ? 0 : 3);
  }
  if (pid < 0) return false;
  std::this_thread::sleep_for(delay);
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

TEST(AtomicReportKill, AKilledWriterLeavesThePreviousOrTheNewFileNeverAPart) {
  testing::TempDir dir;
  const std::string target = dir.str("report.xml");
  const std::string old_content = content_of('o', 1'000, "old");
  const std::string new_content = content_of('n', 16u << 20, "new");  // 16 MiB: a write takes a while
  ASSERT_EQ(write_file_atomically(target, old_content), "");

  int killed = 0, killed_mid_write = 0, replaced = 0;
  for (int step = 0; step < 24; ++step) {
    // Delays from 0 to ~0.26 s, denser at the start where the write happens.
    const auto delay = std::chrono::microseconds(step * step * 500);
    // Start every round from the old content so that "new" means this round's write.
    ASSERT_EQ(write_file_atomically(target, old_content), "");
    const bool was_killed = write_and_kill(target, new_content, delay);
    const std::string now = read_all(target);
    ASSERT_TRUE(now == old_content || now == new_content)
        << "after a kill at " << delay.count() << " us the report holds " << now.size() << " bytes, neither the "
        << old_content.size() << " of the previous report nor the " << new_content.size() << " of the new one";
    if (now == new_content) ++replaced;
    if (was_killed) ++killed;
    // A leftover temporary file beside the target: the kill landed inside the write.
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
      if (entry.path().filename() != "report.xml") {
        ++killed_mid_write;
        std::filesystem::remove(entry.path());
      }
    }
  }
  EXPECT_GT(killed, 0) << "no child was killed: the sweep never reached the write";
  RecordProperty("killed_mid_write", killed_mid_write);
  EXPECT_GT(killed_mid_write, 0) << "no kill landed inside a write; the test did not exercise the window";
  // Killed rounds left the old report (or the new one, when the kill came after the rename); rounds that
  // finished left the new one.
  EXPECT_GE(replaced + killed, 24) << "killed " << killed << ", replaced " << replaced;
}

}  // namespace
}  // namespace vssfault::runner
