#pragma once
/// Executes a BITS fault plan (bits::TransportFault, fault_plan.h) against any transport: a decorator
/// that passes calls to the inner transport (IdealTransport, a MockBitsTransport, …) except where a
/// fault fires, so the mock never sees a call the plan intercepts.
///
/// Hits and firing: each fault counts its own hits at its point (connect: every connect call; transfer
/// and reply-transfer: every attempt at a file or at the reply, i.e. its first step in an attempt;
/// server-reply: every server application call) for the jobs it matches, and asks its HitSelector
/// whether that hit fires, drawing from Rng::split(site) for probabilities (a second fault on the same
/// site draws from "<site>#2"). When several faults fire on one hit, the first in plan order acts.
/// A fired transfer fault lets `bytes` more bytes through in that attempt, then acts; if the file ends
/// first, or the attempt ends, it lapses.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "vssfault/bits/fault_plan.h"
#include "vssfault/bits/transport.h"
#include "vssfault/kernel/clock.h"
#include "vssfault/kernel/rng.h"
#include "vssfault/kernel/trace.h"

namespace vssfault::mocks {

class BitsFaultInjector : public bits::Transport {
 public:
  BitsFaultInjector(bits::Transport& inner, std::vector<bits::TransportFault> plan, const Rng& rng);
  /// As above, and every firing is also a trace record (the VSS injector's form)
  /// `bits:<job> fault injected=true site=… hit=… entry=fault[i] origin=… action=…`.
  BitsFaultInjector(bits::Transport& inner, std::vector<bits::TransportFault> plan, const Rng& rng, Trace& trace,
                    const VirtualClock& clock);

  bits::ConnectResult connect(const bits::TransferSite& site) override;
  bits::StepResult transfer(const bits::TransferSite& site, Duration budget) override;
  bits::ReplyResult server_reply(const bits::TransferSite& site) override;

  /// How many hits fault `index` has seen, and how many of them fired.
  std::uint64_t hits(std::size_t index) const { return slots_.at(index).hits; }
  std::uint64_t fired(std::size_t index) const { return slots_.at(index).fired; }
  std::size_t size() const { return slots_.size(); }
  /// Drops every fault: the cause has been fixed (what a client's "fix" step does in a scenario).
  void clear();
  /// Drops one fault (its hit counter with it); later indices shift down.
  void remove(std::size_t index);

 private:
  /// A transfer fault that fired and waits for its bytes, keyed by the attempt it fired in.
  struct Armed {
    std::string key;           // job, attempt, file, phase
    std::uint64_t bytes_left;  // bytes still allowed through before acting
  };
  struct Slot {
    bits::TransportFault fault;  // resolved: point, code and context filled in
    std::string site;
    Rng rng;
    std::uint64_t hits = 0;
    std::uint64_t fired = 0;
    std::vector<Armed> armed;
  };

  /// Counts a hit on every slot matching (point, job) and returns the first that fires, or nullptr.
  Slot* hit(bits::FaultPoint point, const std::string& job);
  bits::TransportError error_for(const Slot& slot, std::uint64_t hit) const;

  bits::Transport& inner_;
  std::vector<Slot> slots_;
  Trace* trace_ = nullptr;
  const VirtualClock* clock_ = nullptr;
};

}  // namespace vssfault::mocks
