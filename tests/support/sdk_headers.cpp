#include "support/sdk_headers.h"

#include <cctype>
#include <fstream>
#include <sstream>

namespace vssfault::test {
namespace {

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

// Strips one wrapper `PREFIX ... )` and returns the inside, or the text unchanged.
std::string unwrap(const std::string& text, const std::string& prefix) {
  if (text.rfind(prefix, 0) == 0 && !text.empty() && text.back() == ')') {
    return trim(text.substr(prefix.size(), text.size() - prefix.size() - 1));
  }
  return text;
}

std::optional<std::uint32_t> parse_integer(std::string text) {
  while (!text.empty() && (text.back() == 'L' || text.back() == 'l' || text.back() == 'U' ||
                           text.back() == 'u')) {
    text.pop_back();
  }
  if (text.empty()) return std::nullopt;
  int base = 10;
  std::size_t i = 0;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    i = 2;
  }
  std::uint64_t v = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (base == 16 && c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (base == 16 && c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return std::nullopt;
    v = v * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
    if (v > 0xFFFFFFFFull) return std::nullopt;
  }
  return static_cast<std::uint32_t>(v);
}

}  // namespace

std::string missing_headers_message(const std::string& path) {
  return "cannot read " + path +
         ": the Windows SDK headers are missing. Install them with "
         "`apt-get install mingw-w64-common` (CI installs this package; the test never skips).";
}

std::optional<std::uint32_t> parse_define_value(const std::string& text) {
  std::string t = trim(text);
  t = unwrap(t, "((HRESULT)");  // ((HRESULT)0x80042301L) -> 0x80042301L
  t = unwrap(t, "_HRESULT_TYPEDEF_(");
  t = unwrap(t, "__MSABI_LONG(");
  return parse_integer(trim(t));
}

std::optional<DefineMap> parse_numeric_defines(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  DefineMap out;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string hash, name;
    words >> hash;
    if (hash != "#define") continue;
    words >> name;
    if (name.empty() || name.find('(') != std::string::npos) continue;  // function-like macro
    std::string rest;
    std::getline(words, rest);
    const auto value = parse_define_value(rest);
    if (!value) continue;
    auto& values = out[name];
    bool seen = false;
    for (auto v : values) seen = seen || v == *value;
    if (!seen) values.push_back(*value);
  }
  return out;
}

}  // namespace vssfault::test
