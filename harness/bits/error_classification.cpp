#include "vssfault/bits/error_classification.h"

#include "vssfault/codes/hresult.h"

namespace vssfault::bits {
namespace {

/// Codes whose nature a Microsoft page states (or a decision fixes), outside the HTTP rule.
struct Classified {
  HResult code;
  bool transient;
  std::string_view source;
};

constexpr Classified kTable[] = {
    // A disconnect is a transient error that BITS does not retry by timer [RV][JS][MRD].
    {hr::BG_E_NETWORK_DISCONNECTED, true, "RV"},
    // BG_JOB_STATE_ERROR: "If the error, such as an access-denied error, can be corrected, call Resume" [JS].
    {hr::E_ACCESSDENIED, false, "JS"},
    // Uploads "fail" when the local file changes during the transfer [AF][RV].
    {hr::BG_E_LOCAL_FILE_CHANGED, false, "AF"},
    // A server ignoring Range requests or sending no Content-Length puts the job in ERROR (DECISION,
    // after Microsoft's "BITS jobs are failing" support article).
    {hr::BG_E_INSUFFICIENT_RANGE_SUPPORT, false, "DECISION"},
    {hr::BG_E_MISSING_FILE_SIZE, false, "DECISION"},
    {hr::BG_E_INVALID_SERVER_RESPONSE, true, "DECISION"},
    {hr::BG_E_CONNECT_FAILURE, true, "DECISION"},
    {hr::BG_E_TIMEOUT, true, "DECISION"},
    {hr::BG_E_BLOCKED_BY_POLICY, true, "GP"},
    {hr::BG_E_VOLUME_CHANGED, false, "DECISION"},
    {hr::BG_E_DESTINATION_LOCKED, true, "DECISION"},
    {hr::BG_E_FILE_NOT_FOUND, false, "DECISION"},
};

}  // namespace

std::optional<std::uint16_t> http_status_of(HResult code) {
  if ((code.value() & 0xFFFF0000u) != 0x80190000u) return std::nullopt;
  const std::uint32_t status = code.value() & 0xFFFFu;
  if (status < 100 || status > 999) return std::nullopt;
  return static_cast<std::uint16_t>(status);
}

bool http_status_is_transient(std::uint16_t status) {
  if (status >= 300 && status < 400) return !((status >= 300 && status <= 305) || status == 307);
  if (status >= 400 && status < 500) return status == 408 || status == 409;
  if (status >= 500 && status < 600) return !(status == 501 || status == 505);
  return true;
}

bool classify_transient(HResult code, ErrorContext context) {
  if (auto status = http_status_of(code)) return http_status_is_transient(*status);
  for (const auto& c : kTable) {
    if (c.code == code) return c.transient;
  }
  // DECISION: an unlisted local-file error needs the user to act (like access denied [JS]); an unlisted
  // network or server error is worth retrying.
  return context != ErrorContext::kLocalFile;
}

std::string_view classification_source(HResult code) {
  if (http_status_of(code)) return "HSAE";
  for (const auto& c : kTable) {
    if (c.code == code) return c.source;
  }
  return "DECISION";
}

}  // namespace vssfault::bits
