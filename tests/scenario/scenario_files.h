#pragma once
// The scenario files the tests read: tests/scenario_files/{valid,invalid} and the regression corpus
// scenarios/, listed by name so each becomes its own test.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace vssfault::scenario::test {

inline std::string valid_dir() { return VSSFAULT_SOURCE_DIR "/tests/scenario_files/valid"; }
inline std::string invalid_dir() { return VSSFAULT_SOURCE_DIR "/tests/scenario_files/invalid"; }
inline std::string corpus_dir() { return VSSFAULT_SOURCE_DIR "/scenarios"; }

/// Paths (relative to `dir`) of every *.yaml below it, sorted; empty when `dir` does not exist.
inline std::vector<std::string> yaml_files(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".yaml") {
      out.push_back(fs::relative(e.path(), dir).string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

/// A test name from a file name: letters and digits kept, anything else becomes '_'.
inline std::string test_name(const std::string& file) {
  std::string out;
  for (char c : file.substr(0, file.rfind('.'))) {
    out += (std::isalnum(static_cast<unsigned char>(c)) != 0) ? c : '_';
  }
  return out;
}

}  // namespace vssfault::scenario::test
