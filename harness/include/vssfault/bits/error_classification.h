#pragma once
/// Which BITS errors are transient (retried after MinimumRetryDelay) and which are fatal (ERROR), as
/// documented, as one table plus the documented HTTP status rule.
#include <cstdint>
#include <optional>
#include <string_view>

#include "vssfault/bits/types.h"
#include "vssfault/codes/hresult.h"

namespace vssfault::bits {

/// 0x80190000 | status: the HRESULT BITS reports for an HTTP status (BG_E_HTTP_ERROR_404 = 0x80190194)
/// [H:bitsmsg.h:72-114].
constexpr HResult http_error(std::uint16_t status) { return HResult{0x80190000u | status}; }
/// The HTTP status of an HTTP-error HRESULT (100–999), or nullopt for any other code.
std::optional<std::uint16_t> http_status_of(HResult code);

/// The documented HTTP rule ("Handling Server Application Errors", [HSAE]): 3xx transient except
/// 300–305 and 307; 4xx fatal except 408 and 409; 5xx transient except 501 and 505; anything else
/// transient. DECISION: applied to every HTTP error, not only to server-application ones.
bool http_status_is_transient(std::uint16_t status);

/// Classification of a code with the context it arose in: the HTTP rule for 0x8019xxxx, the table for
/// BITS and Win32 codes with a documented nature; for the rest (DECISION) fatal in the LOCAL_FILE context,
/// transient otherwise.
bool classify_transient(HResult code, ErrorContext context);

/// The source key behind classify_transient's answer for `code` ("HSAE", "JS", …, or "DECISION").
std::string_view classification_source(HResult code);

}  // namespace vssfault::bits
