#pragma once
/// A transport that never fails: it connects after a fixed time and moves bytes at a fixed rate, so the
/// model runs end to end without GoogleMock. Faults are layered on top by the fault injector.
#include <cstdint>
#include <map>
#include <string>

#include "vssfault/bits/transport.h"

namespace vssfault::bits {

struct IdealTransportConfig {
  std::uint64_t bytes_per_second = 1024 * 1024;  ///< 0 means no bytes ever move (an endless stall)
  /// Per job (display name) rates; other jobs get bytes_per_second.
  std::map<std::string, std::uint64_t> job_bytes_per_second;
  Duration connect_time = Duration::seconds(1);
  std::uint64_t default_file_size = 1024 * 1024;
  /// Per remote name (for uploads: per local name) sizes; others get default_file_size.
  std::map<std::string, std::uint64_t> file_sizes;
  Duration server_time = Duration::seconds(1);  ///< how long the server application takes to reply
  std::uint64_t reply_size = 1024;
};

class IdealTransport : public Transport {
 public:
  IdealTransport() = default;
  explicit IdealTransport(IdealTransportConfig config) : config_(std::move(config)) {}

  IdealTransportConfig& config() { return config_; }
  /// Size the transport reports for the file at `site` (the reply size for Phase::kReply).
  std::uint64_t size_of(const TransferSite& site) const;
  /// Rate the transport moves bytes at for the job at `site`.
  std::uint64_t rate_of(const TransferSite& site) const;

  ConnectResult connect(const TransferSite& site) override;
  /// Moves min(remaining, rate × budget) bytes; when the file ends inside the budget the step takes
  /// ceil(bytes × 1000 / rate) ms.
  StepResult transfer(const TransferSite& site, Duration budget) override;
  ReplyResult server_reply(const TransferSite& site) override;

 private:
  IdealTransportConfig config_;
};

}  // namespace vssfault::bits
