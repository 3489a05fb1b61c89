#pragma once
/// Reports are written atomically: to a temporary file in the target's directory, flushed and
/// fsync'ed, then renamed over the target. A run killed at any moment leaves the previous report or the
/// new one, never a truncated file.
#include <string>
#include <string_view>

namespace vssfault::runner {

/// Writes `content` to `path` atomically. Returns "" on success, else a message naming the path and the
/// system error (the temporary file is removed).
std::string write_file_atomically(const std::string& path, std::string_view content);

}  // namespace vssfault::runner
