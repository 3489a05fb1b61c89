#include "vssfault/bits/ideal_transport.h"

#include <algorithm>

namespace vssfault::bits {
namespace {

/// Bytes moved at `rate` bytes/s in `ms` milliseconds, without overflowing for any realistic rate.
std::uint64_t bytes_in(std::uint64_t rate, std::int64_t ms) {
  if (ms <= 0) return 0;
  const auto t = static_cast<std::uint64_t>(ms);
  return rate / 1000 * t + rate % 1000 * t / 1000;
}

/// Milliseconds needed to move `bytes` at `rate` bytes/s, rounded up.
std::int64_t ms_for(std::uint64_t bytes, std::uint64_t rate) {
  const std::uint64_t whole = bytes / rate * 1000;
  const std::uint64_t rest = (bytes % rate * 1000 + rate - 1) / rate;
  return static_cast<std::int64_t>(whole + rest);
}

}  // namespace

std::uint64_t IdealTransport::size_of(const TransferSite& site) const {
  if (site.phase == Phase::kReply) return config_.reply_size;
  const std::string& key = site.phase == Phase::kUpload ? site.local_name : site.remote_name;
  auto it = config_.file_sizes.find(key);
  return it == config_.file_sizes.end() ? config_.default_file_size : it->second;
}

std::uint64_t IdealTransport::rate_of(const TransferSite& site) const {
  auto it = config_.job_bytes_per_second.find(site.job_name);
  return it == config_.job_bytes_per_second.end() ? config_.bytes_per_second : it->second;
}

ConnectResult IdealTransport::connect(const TransferSite& /*site*/) {
  return ConnectResult{config_.connect_time, std::nullopt};
}

StepResult IdealTransport::transfer(const TransferSite& site, Duration budget) {
  StepResult r;
  r.total = size_of(site);
  const std::uint64_t remaining = r.total > site.offset ? r.total - site.offset : 0;
  if (remaining == 0) return r;  // nothing left: done at once
  const std::uint64_t rate = rate_of(site);
  if (rate == 0) {
    r.elapsed = budget;
    return r;
  }
  const std::uint64_t capacity = bytes_in(rate, budget.count_ms());
  if (remaining <= capacity) {
    r.bytes = remaining;
    r.elapsed = Duration::ms(std::min(ms_for(remaining, rate), budget.count_ms()));
  } else {
    r.bytes = capacity;
    r.elapsed = budget;
  }
  return r;
}

ReplyResult IdealTransport::server_reply(const TransferSite& /*site*/) {
  return ReplyResult{config_.server_time, config_.reply_size, std::nullopt};
}

}  // namespace vssfault::bits
