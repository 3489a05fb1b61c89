#include "vssfault/runner/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace vssfault::runner {

std::string write_file_atomically(const std::string& path, std::string_view content) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return path + ": cannot create a temporary file beside it: " + std::strerror(errno);
  auto fail = [&](const char* what) {
    const std::string msg = path + ": " + what + ": " + std::strerror(errno);
    ::close(fd);
    ::unlink(tmpl.c_str());
    return msg;
  };
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write");
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0) return fail("cannot set permissions");
  if (::fsync(fd) != 0) return fail("cannot flush to disk");
  if (::close(fd) != 0) {
    const std::string msg = path + ": cannot close: " + std::strerror(errno);
    ::unlink(tmpl.c_str());
    return msg;
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    const std::string msg = path + ": cannot replace: " + std::strerror(errno);
    ::unlink(tmpl.c_str());
    return msg;
  }
  return {};
}

}  // namespace vssfault::runner
