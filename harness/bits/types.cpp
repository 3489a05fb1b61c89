#include "vssfault/bits/types.h"

#include "vssfault/bits/transport.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <ostream>

namespace vssfault::bits {
namespace {

constexpr std::array<std::string_view, kJobStateCount> kStateNames{
    "QUEUED", "CONNECTING", "TRANSFERRING", "SUSPENDED", "ERROR",
    "TRANSIENT_ERROR", "TRANSFERRED", "ACKNOWLEDGED", "CANCELLED"};
constexpr std::array<std::string_view, 3> kTypeNames{"DOWNLOAD", "UPLOAD", "UPLOAD_REPLY"};
constexpr std::array<std::string_view, 8> kContextNames{
    "NONE", "UNKNOWN", "GENERAL_QUEUE_MANAGER", "QUEUE_MANAGER_NOTIFICATION",
    "LOCAL_FILE", "REMOTE_FILE", "GENERAL_TRANSPORT", "REMOTE_APPLICATION"};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

/// Index of `text` among `names`, accepting an optional SDK prefix.
template <std::size_t N>
std::optional<std::size_t> lookup(const std::array<std::string_view, N>& names, std::string_view text,
                                  std::string_view prefix) {
  if (text.size() > prefix.size() && iequals(text.substr(0, prefix.size()), prefix)) {
    text.remove_prefix(prefix.size());
  }
  for (std::size_t i = 0; i < N; ++i) {
    if (iequals(names[i], text)) return i;
  }
  return std::nullopt;
}

}  // namespace

std::string JobId::to_string() const {
  char buf[48];
  std::snprintf(buf, sizeof buf, "{%08llX-%04llX-%04llX-%04llX-%012llX}",
                static_cast<unsigned long long>(hi >> 32), static_cast<unsigned long long>((hi >> 16) & 0xFFFF),
                static_cast<unsigned long long>(hi & 0xFFFF), static_cast<unsigned long long>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return buf;
}

std::string job_actor(std::string_view display_name) {
  std::string out = "bits:";
  for (char c : display_name) out += (c == ' ' || c == '=' || c == '\t' || c == '\n' || c == '"') ? '_' : c;
  return out;
}

std::string_view to_string(JobState s) { return kStateNames[static_cast<std::size_t>(s)]; }
std::string_view to_string(JobType t) { return kTypeNames[static_cast<std::size_t>(t)]; }
std::string_view to_string(ErrorContext c) { return kContextNames[static_cast<std::size_t>(c)]; }

std::ostream& operator<<(std::ostream& os, JobState s) { return os << to_string(s); }
std::ostream& operator<<(std::ostream& os, JobType t) { return os << to_string(t); }
std::ostream& operator<<(std::ostream& os, ErrorContext c) { return os << to_string(c); }

std::string_view to_string(Phase p) {
  switch (p) {
    case Phase::kDownload: return "download";
    case Phase::kUpload: return "upload";
    case Phase::kReply: return "reply";
  }
  return "?";
}

std::optional<JobState> parse_job_state(std::string_view text) {
  auto i = lookup(kStateNames, text, "BG_JOB_STATE_");
  return i ? std::optional<JobState>(static_cast<JobState>(*i)) : std::nullopt;
}
std::optional<JobType> parse_job_type(std::string_view text) {
  auto i = lookup(kTypeNames, text, "BG_JOB_TYPE_");
  return i ? std::optional<JobType>(static_cast<JobType>(*i)) : std::nullopt;
}
std::optional<ErrorContext> parse_error_context(std::string_view text) {
  auto i = lookup(kContextNames, text, "BG_ERROR_CONTEXT_");
  return i ? std::optional<ErrorContext>(static_cast<ErrorContext>(*i)) : std::nullopt;
}

}  // namespace vssfault::bits
