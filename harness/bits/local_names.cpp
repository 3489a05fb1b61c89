#include "local_names.h"

#include <algorithm>
#include <cctype>

namespace vssfault::bits::names {

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

Scheme scheme_of(std::string_view remote) {
  if (starts_with_ci(remote, "http://") && remote.size() > 7) return Scheme::kHttp;
  if (starts_with_ci(remote, "https://") && remote.size() > 8) return Scheme::kHttp;
  if (starts_with_ci(remote, "file://") && remote.size() > 7) return Scheme::kFile;
  if (remote.size() > 2 && remote[0] == '\\' && remote[1] == '\\') return Scheme::kFile;
  return Scheme::kNone;
}

std::optional<std::string> protocol_of(std::string_view remote) {
  switch (scheme_of(remote)) {
    case Scheme::kHttp: return std::string("http");
    case Scheme::kFile: return std::string("file");
    case Scheme::kNone: break;
  }
  return std::nullopt;
}

bool valid_local_name(std::string_view name) {
  if (name.find_first_of("*?") != std::string_view::npos) return false;
  const bool drive = name.size() > 3 && std::isalpha(static_cast<unsigned char>(name[0])) && name[1] == ':' &&
                     (name[2] == '\\' || name[2] == '/');
  const bool unc = name.size() > 2 && name[0] == '\\' && name[1] == '\\';
  return drive || unc;
}

bool read_only(const LocalFiles& lf, std::string_view local) {
  return std::any_of(lf.read_only_dirs.begin(), lf.read_only_dirs.end(),
                     [&](const std::string& dir) { return !dir.empty() && starts_with_ci(local, dir); });
}

}  // namespace vssfault::bits::names
