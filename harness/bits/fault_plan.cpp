#include "vssfault/bits/fault_plan.h"

#include <array>
#include <cctype>

#include "vssfault/bits/error_classification.h"

namespace vssfault::bits {
namespace {

struct ActionRow {
  FaultAction action;
  std::string_view name;
  ActionDefaults defaults;
};

// One row per action: its name in plans and its natural point, code and context.
const std::array<ActionRow, 7> kActions{{
    {FaultAction::kFailConnect, "fail-connect",
     {FaultPoint::kConnect, hr::BG_E_CONNECT_FAILURE, ErrorContext::kGeneralTransport}},
    {FaultAction::kFailAfterBytes, "fail-after-bytes",
     {FaultPoint::kTransfer, hr::BG_E_TIMEOUT, ErrorContext::kRemoteFile}},
    {FaultAction::kStall, "stall", {FaultPoint::kTransfer, hr::S_OK, ErrorContext::kNone}},
    {FaultAction::kHttpStatus, "http-status",
     {FaultPoint::kTransfer, hr::BG_E_HTTP_ERROR_500, ErrorContext::kRemoteFile}},
    {FaultAction::kLocalFileError, "local-file-error",
     {FaultPoint::kTransfer, hr::BG_E_LOCAL_FILE_CHANGED, ErrorContext::kLocalFile}},
    {FaultAction::kNetworkDisconnect, "network-disconnect",
     {FaultPoint::kTransfer, hr::BG_E_NETWORK_DISCONNECTED, ErrorContext::kGeneralTransport}},
    {FaultAction::kServerApplicationFailure, "server-application-failure",
     {FaultPoint::kServerReply, hr::BG_E_HTTP_ERROR_500, ErrorContext::kRemoteApplication}},
}};

constexpr std::array<std::string_view, 5> kPointNames{"default", "connect", "transfer", "server-reply",
                                                      "reply-transfer"};
constexpr std::array<std::string_view, 3> kNatureNames{"documented", "transient", "fatal"};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

ActionDefaults action_defaults(FaultAction action) {
  for (const auto& row : kActions) {
    if (row.action == action) return row.defaults;
  }
  return kActions[0].defaults;
}

TransportFault resolved(TransportFault fault) {
  const ActionDefaults d = action_defaults(fault.action);
  if (fault.point == FaultPoint::kDefault) fault.point = d.point;
  if (fault.code == hr::S_OK) fault.code = d.code;
  if (fault.context == ErrorContext::kNone) fault.context = d.context;
  return fault;
}

std::string site_name(const TransportFault& fault) {
  const TransportFault f = resolved(fault);
  return "bits.job." + (f.job.empty() ? std::string("*") : f.job) + "." + std::string(to_string(f.point));
}

std::string_view to_string(FaultPoint p) { return kPointNames[static_cast<std::size_t>(p)]; }
std::string_view to_string(Nature n) { return kNatureNames[static_cast<std::size_t>(n)]; }
std::string_view to_string(FaultAction a) {
  for (const auto& row : kActions) {
    if (row.action == a) return row.name;
  }
  return "?";
}

std::optional<FaultPoint> parse_fault_point(std::string_view text) {
  for (std::size_t i = 0; i < kPointNames.size(); ++i) {
    if (iequals(kPointNames[i], text)) return static_cast<FaultPoint>(i);
  }
  return std::nullopt;
}
std::optional<FaultAction> parse_fault_action(std::string_view text) {
  for (const auto& row : kActions) {
    if (iequals(row.name, text)) return row.action;
  }
  return std::nullopt;
}
std::optional<Nature> parse_nature(std::string_view text) {
  for (std::size_t i = 0; i < kNatureNames.size(); ++i) {
    if (iequals(kNatureNames[i], text)) return static_cast<Nature>(i);
  }
  return std::nullopt;
}

}  // namespace vssfault::bits
