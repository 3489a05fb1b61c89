#pragma once
// Benchmark (c)'s world: one machine's BITS service behind an ideal transport whose every connect fails
// (BG_E_CONNECT_FAILURE, transient), one download job watched by the reference client through its
// callback. With the documented defaults (MinimumRetryDelay 600 s, NoProgressTimeout 14 days [MRD][NPT])
// the job goes QUEUED → CONNECTING → TRANSIENT_ERROR and retries 2,015 times, enters ERROR exactly 14
// virtual days after its first error, and the client reads the error object and cancels it.
#include <cstdint>
#include <memory>
#include <vector>

#include "vssfault/bits/ideal_transport.h"
#include "vssfault/bits/reference_client.h"
#include "vssfault/bits/service.h"
#include "vssfault/kernel/clock.h"
#include "vssfault/kernel/event_queue.h"
#include "vssfault/kernel/rng.h"
#include "vssfault/kernel/trace.h"
#include "vssfault/mocks/bits_fault_injector.h"

namespace vssfault::bench {

/// (c)'s fault plan: every connect of job "stuck" fails (kFailConnect, every hit).
std::vector<bits::TransportFault> every_connect_fails();

class BitsWorld {
 public:
  explicit BitsWorld(std::uint64_t seed = 1);
  ~BitsWorld();
  BitsWorld(const BitsWorld&) = delete;
  BitsWorld& operator=(const BitsWorld&) = delete;

  /// Starts the client and runs the queue until it is empty; returns the client's outcome.
  bits::ClientOutcome Run();

  VirtualClock clock;
  EventQueue queue{clock};
  Trace trace;
  Rng rng;
  bits::IdealTransport ideal;
  mocks::BitsFaultInjector injector;
  bits::Service service;
  bits::Job* job = nullptr;
  std::unique_ptr<bits::ReferenceClient> client;
};

}  // namespace vssfault::bench
