#pragma once
/// Checks on the names a client gives BITS: remote URL schemes, full local paths, read-only directories.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vssfault/bits/settings.h"

namespace vssfault::bits::names {

bool starts_with_ci(std::string_view s, std::string_view prefix);

enum class Scheme : std::uint8_t { kNone, kHttp, kFile };
/// http:// and https:// are HTTP; file:// and UNC (\\server\share) are SMB ("file") [AF][EGP].
Scheme scheme_of(std::string_view remote);
/// "http" or "file" for the remote name's scheme, nullopt for anything else [EGP].
std::optional<std::string> protocol_of(std::string_view remote);
/// A full local path: "C:\…" (or "C:/…") or a UNC path; no wildcards [AF][SRFN].
bool valid_local_name(std::string_view name);
/// Whether `local` lies in one of the read-only directories of `lf` (case-insensitive prefix).
bool read_only(const LocalFiles& lf, std::string_view local);

}  // namespace vssfault::bits::names
