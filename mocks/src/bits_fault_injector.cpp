#include "vssfault/mocks/bits_fault_injector.h"

#include <algorithm>
#include <cmath>

#include "vssfault/bits/error_classification.h"

namespace vssfault::mocks {
namespace {

using bits::FaultAction;
using bits::FaultPoint;

std::string attempt_key(const bits::TransferSite& site) {
  return site.job_name + "#" + std::to_string(site.attempt) + "#" + std::to_string(site.file_index) + "#" +
         std::string(bits::to_string(site.phase));
}

/// The job part of an attempt key.
bool same_job(const std::string& key, const std::string& job) {
  return key.size() > job.size() && key.compare(0, job.size(), job) == 0 && key[job.size()] == '#';
}

}  // namespace

BitsFaultInjector::BitsFaultInjector(bits::Transport& inner, std::vector<bits::TransportFault> plan,
                                     const Rng& rng)
    : inner_(inner) {
  std::map<std::string, int> seen;
  for (auto& f : plan) {
    bits::TransportFault r = bits::resolved(std::move(f));
    std::string site = bits::site_name(r);
    const int n = ++seen[site];
    const std::string rng_key = n == 1 ? site : site + "#" + std::to_string(n);
    slots_.push_back(Slot{std::move(r), std::move(site), rng.split(rng_key), 0, 0, {}});
  }
}

BitsFaultInjector::BitsFaultInjector(bits::Transport& inner, std::vector<bits::TransportFault> plan, const Rng& rng,
                                     Trace& trace, const VirtualClock& clock)
    : BitsFaultInjector(inner, std::move(plan), rng) {
  trace_ = &trace;
  clock_ = &clock;
}

void BitsFaultInjector::clear() { slots_.clear(); }

void BitsFaultInjector::remove(std::size_t index) {
  if (index < slots_.size()) slots_.erase(slots_.begin() + static_cast<std::ptrdiff_t>(index));
}

BitsFaultInjector::Slot* BitsFaultInjector::hit(FaultPoint point, const std::string& job) {
  Slot* chosen = nullptr;
  for (auto& s : slots_) {
    if (s.fault.point != point) continue;
    if (!s.fault.job.empty() && s.fault.job != job) continue;
    ++s.hits;
    if (s.fault.when.fires(s.hits, s.rng) && chosen == nullptr) chosen = &s;
  }
  if (chosen == nullptr) return nullptr;
  ++chosen->fired;
  if (trace_ != nullptr && clock_ != nullptr) {
    const auto index = static_cast<std::size_t>(chosen - slots_.data());
    trace_->add(clock_->now(), bits::job_actor(job), "fault",
                {{"injected", "true"},
                 {"site", chosen->site},
                 {"hit", std::to_string(chosen->hits)},
                 {"entry", "fault[" + std::to_string(index) + "]"},
                 {"origin", chosen->fault.origin},
                 {"action", bits::to_string(chosen->fault.action)}});
  }
  return chosen;
}

bits::TransportError BitsFaultInjector::error_for(const Slot& slot, std::uint64_t hit) const {
  const bits::TransportFault& f = slot.fault;
  bits::TransportError e;
  e.code = f.action == FaultAction::kNetworkDisconnect ? hr::BG_E_NETWORK_DISCONNECTED : f.code;
  e.context = f.context;
  e.transient = f.nature == bits::Nature::kDocumented ? bits::classify_transient(e.code, e.context)
                                                       : f.nature == bits::Nature::kTransient;
  if (f.action == FaultAction::kNetworkDisconnect) e.network_down_for = f.duration;
  const auto index = static_cast<std::size_t>(&slot - slots_.data());
  e.injected = "fault[" + std::to_string(index) + "] " + std::string(bits::to_string(f.action)) + " " +
               f.when.to_string() + " hit " + std::to_string(hit) + (f.origin.empty() ? "" : " at " + f.origin);
  return e;
}

bits::ConnectResult BitsFaultInjector::connect(const bits::TransferSite& site) {
  Slot* s = hit(FaultPoint::kConnect, site.job_name);
  if (s == nullptr) return inner_.connect(site);
  if (s->fault.action == FaultAction::kStall) {
    bits::ConnectResult r = inner_.connect(site);
    r.elapsed += s->fault.duration;
    return r;
  }
  return bits::ConnectResult{Duration(), error_for(*s, s->hits)};
}

bits::ReplyResult BitsFaultInjector::server_reply(const bits::TransferSite& site) {
  Slot* s = hit(FaultPoint::kServerReply, site.job_name);
  if (s == nullptr) return inner_.server_reply(site);
  if (s->fault.action == FaultAction::kStall) {
    bits::ReplyResult r = inner_.server_reply(site);
    r.elapsed += s->fault.duration;
    return r;
  }
  return bits::ReplyResult{Duration(), 0, error_for(*s, s->hits)};
}

bits::StepResult BitsFaultInjector::transfer(const bits::TransferSite& site, Duration budget) {
  const std::string key = attempt_key(site);
  // An arm from an earlier attempt or file of this job has lapsed.
  for (auto& s : slots_) {
    std::erase_if(s.armed, [&](const Armed& a) { return same_job(a.key, site.job_name) && a.key != key; });
  }
  if (site.first_step) {
    const FaultPoint point = site.phase == bits::Phase::kReply ? FaultPoint::kReplyTransfer : FaultPoint::kTransfer;
    if (Slot* s = hit(point, site.job_name)) s->armed.push_back(Armed{key, s->fault.bytes});
  }
  Slot* slot = nullptr;
  std::vector<Armed>::iterator arm;
  for (auto& s : slots_) {
    arm = std::find_if(s.armed.begin(), s.armed.end(), [&](const Armed& a) { return a.key == key; });
    if (arm != s.armed.end()) {
      slot = &s;
      break;
    }
  }
  if (slot == nullptr) return inner_.transfer(site, budget);

  const bool stall = slot->fault.action == FaultAction::kStall;
  if (arm->bytes_left == 0) {
    slot->armed.erase(arm);
    if (stall) return bits::StepResult{0, site.total, slot->fault.duration, std::nullopt};
    return bits::StepResult{0, site.total, Duration(), error_for(*slot, slot->hits)};
  }
  bits::StepResult r = inner_.transfer(site, budget);
  if (r.error || r.bytes < arm->bytes_left) {
    arm->bytes_left -= std::min(r.bytes, arm->bytes_left);
    return r;
  }
  if (r.bytes > arm->bytes_left) {
    // Only part of the step happens before the fault: scale its time with the bytes.
    const double share = static_cast<double>(arm->bytes_left) / static_cast<double>(r.bytes);
    r.elapsed = Duration::ms(std::llround(static_cast<double>(r.elapsed.count_ms()) * share));
    r.bytes = arm->bytes_left;
  }
  arm->bytes_left = 0;
  if (stall) return r;  // the stall comes with the next step
  const std::uint64_t total = site.total != bits::kSizeUnknown ? site.total : r.total;
  const bool file_done = total != bits::kSizeUnknown && site.offset + r.bytes >= total;
  const std::uint64_t hit_number = slot->hits;
  slot->armed.erase(arm);
  if (!file_done) r.error = error_for(*slot, hit_number);  // a fault after the last byte lapses
  return r;
}

}  // namespace vssfault::mocks
