#pragma once
// A BITS fault with both a `code` and a `delay` fails after taking `delay`: a connect that times out after
// 30 s, a server that answers 500 after a minute. bits::TransportFault has no field for that time, so this
// decorator sits between the fault injector and the service and lengthens the failing call. It recognises
// an injected error by the injector's `injected` text, which starts with "fault[<index in the plan>]".
#include <optional>
#include <vector>

#include "vssfault/bits/transport.h"

namespace vssfault::runner::detail {

class DelayedFailures : public bits::Transport {
 public:
  /// `delays[i]` is the extra time of plan entry i's failures (zero: none).
  DelayedFailures(bits::Transport& inner, std::vector<Duration> delays)
      : inner_(inner), delays_(std::move(delays)) {}

  bits::ConnectResult connect(const bits::TransferSite& site) override;
  bits::StepResult transfer(const bits::TransferSite& site, Duration budget) override;
  bits::ReplyResult server_reply(const bits::TransferSite& site) override;

  /// The plan index an injected error names ("fault[3] fail-connect ..." → 3), if any.
  static std::optional<std::size_t> plan_index(const std::string& injected);

 private:
  Duration extra(const std::optional<bits::TransportError>& error) const;

  bits::Transport& inner_;
  std::vector<Duration> delays_;
};

}  // namespace vssfault::runner::detail
