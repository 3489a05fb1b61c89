#include "support/spec_tokens.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vssfault::test {
namespace {

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool all_upper(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

bool looks_like_hresult(const std::string& t) {
  if (!all_upper(t)) return false;
  if (t == "S_OK" || t == "S_FALSE") return true;
  return starts_with(t, "VSS_E_") || starts_with(t, "VSS_S_") || starts_with(t, "BG_E_") ||
         starts_with(t, "BG_S_") || starts_with(t, "BITS_MC_") || (starts_with(t, "E_") && t.size() > 2);
}

std::string unescape_markdown(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '_') continue;
    out.push_back(text[i]);
  }
  return out;
}

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::optional<std::uint32_t> parse_hex_cell(const std::string& cell) {
  if (cell.size() != 10 || cell[0] != '0' || (cell[1] != 'x' && cell[1] != 'X')) return std::nullopt;
  std::uint32_t v = 0;
  for (std::size_t i = 2; i < cell.size(); ++i) {
    const char c = cell[i];
    std::uint32_t d;
    if (c >= '0' && c <= '9') d = static_cast<std::uint32_t>(c - '0');
    else if (c >= 'A' && c <= 'F') d = static_cast<std::uint32_t>(c - 'A' + 10);
    else if (c >= 'a' && c <= 'f') d = static_cast<std::uint32_t>(c - 'a' + 10);
    else return std::nullopt;
    v = (v << 4) | d;
  }
  return v;
}

}  // namespace

std::string seeds_dir() { return std::string(VSSFAULT_SOURCE_DIR) + "/../shared/spec/seeds"; }
std::string semantics_path() { return std::string(VSSFAULT_SOURCE_DIR) + "/../shared/spec/semantics.md"; }

std::vector<std::string> list_seed_files(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::set<std::string> hresult_names_in(const std::string& raw) {
  const std::string text = unescape_markdown(raw);
  std::set<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_word_char(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && is_word_char(text[j])) ++j;
    const std::string token = text.substr(i, j - i);
    if (token == "HRESULT_FROM_WIN32" && j < text.size() && text[j] == '(') {
      std::size_t k = j + 1;
      while (k < text.size() && is_word_char(text[k])) ++k;
      const std::string inner = text.substr(j + 1, k - j - 1);
      if (k < text.size() && text[k] == ')' && starts_with(inner, "ERROR_") && all_upper(inner)) {
        out.insert("HRESULT_FROM_WIN32_" + inner);
        i = k + 1;
        continue;
      }
    }
    if (looks_like_hresult(token)) out.insert(token);
    i = j;
  }
  return out;
}

std::vector<std::pair<std::string, std::uint32_t>> table_values_in(const std::string& raw) {
  const std::string text = unescape_markdown(raw);
  std::vector<std::pair<std::string, std::uint32_t>> out;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] != '|') continue;
    std::vector<std::string> cells;
    std::istringstream parts(line.substr(1));
    std::string cell;
    while (std::getline(parts, cell, '|')) cells.push_back(trim(cell));
    for (std::size_t c = 0; c + 1 < cells.size(); ++c) {
      const auto value = parse_hex_cell(cells[c + 1]);
      if (value && looks_like_hresult(cells[c])) out.emplace_back(cells[c], *value);
    }
  }
  return out;
}

}  // namespace vssfault::test
