#pragma once
/// Reads numeric #defines out of the Windows SDK headers that mingw-w64-common installs, so tests can
/// compare the catalog against the ground truth instead of against a copy of it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vssfault::test {

/// Where Debian's mingw-w64-common package puts the headers.
inline constexpr const char* kSdkIncludeDir = "/usr/share/mingw-w64/include";

/// The message a test prints when the headers are missing: CI installs them, so a missing header is a
/// broken environment, never a reason to skip.
std::string missing_headers_message(const std::string& path);

/// Numeric #defines of one header: NAME -> every distinct value it is given (normally one).
using DefineMap = std::map<std::string, std::vector<std::uint32_t>>;

/// Parses every `#define NAME VALUE` line of `path` whose VALUE is one of the numeric forms the SDK
/// headers use: `((HRESULT)0x8004230FL)`, `_HRESULT_TYPEDEF_(0x80004005)`, `__MSABI_LONG(0x80200001)`,
/// `__MSABI_LONG(1815)` and a bare `7` / `0x20`. Other lines are ignored. nullopt if the file cannot
/// be read.
std::optional<DefineMap> parse_numeric_defines(const std::string& path);

/// Parses one VALUE text as above; nullopt when it is not one of those forms.
std::optional<std::uint32_t> parse_define_value(const std::string& text);

}  // namespace vssfault::test
