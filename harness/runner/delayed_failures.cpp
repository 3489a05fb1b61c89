#include "delayed_failures.h"

#include <string_view>

namespace vssfault::runner::detail {

std::optional<std::size_t> DelayedFailures::plan_index(const std::string& injected) {
  constexpr std::string_view kPrefix = "fault[";
  if (injected.compare(0, kPrefix.size(), kPrefix) != 0) return std::nullopt;
  std::size_t value = 0;
  std::size_t i = kPrefix.size();
  const std::size_t digits_start = i;
  for (; i < injected.size() && injected[i] >= '0' && injected[i] <= '9' && i - digits_start < 9; ++i) {
    value = value * 10 + static_cast<std::size_t>(injected[i] - '0');
  }
  if (i == digits_start || i >= injected.size() || injected[i] != ']') return std::nullopt;
  return value;
}

Duration DelayedFailures::extra(const std::optional<bits::TransportError>& error) const {
  if (!error) return Duration();
  const auto index = plan_index(error->injected);
  if (!index || *index >= delays_.size()) return Duration();
  return delays_[*index];
}

bits::ConnectResult DelayedFailures::connect(const bits::TransferSite& site) {
  bits::ConnectResult r = inner_.connect(site);
  r.elapsed += extra(r.error);
  return r;
}

bits::StepResult DelayedFailures::transfer(const bits::TransferSite& site, Duration budget) {
  bits::StepResult r = inner_.transfer(site, budget);
  r.elapsed += extra(r.error);
  return r;
}

bits::ReplyResult DelayedFailures::server_reply(const bits::TransferSite& site) {
  bits::ReplyResult r = inner_.server_reply(site);
  r.elapsed += extra(r.error);
  return r;
}

}  // namespace vssfault::runner::detail
