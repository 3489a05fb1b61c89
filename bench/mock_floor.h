#pragma once
// The floor the mandatory mocks set: the calls one run makes on its mocked components, replayed on the
// same mocks/ classes with the same default actions, and nothing else (no model, no trace, no event
// queue). Each Run builds the components one run builds (NiceMock<MockWriter> and NiceMock<MockProvider>
// as VssWorld builds them, with the plan's writer faults installed as ON_CALLs; BITS: the IdealTransport
// behind a BitsFaultInjector carrying the plan, as BitsWorld builds them) and makes every call of the
// sequence, in order. The sequences are read from the trace of a real run, so they cannot drift from
// what (a), (b) and (c) do; the runs/s of a replay is an upper bound for its benchmark under any harness
// that uses these mocks.
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "baseline.h"
#include "vss_world.h"
#include "vssfault/bits/fault_plan.h"
#include "vssfault/bits/transport.h"
#include "vssfault/kernel/rng.h"
#include "vssfault/kernel/trace.h"
#include "vssfault/mocks/vss_fault_plan.h"
#include "vssfault/vss/provider.h"

namespace vssfault::bench {

/// The calls a VssWorld run of this shape and plan makes on its mocked writers and providers: the writer
/// and provider calls of call_sequence (with the providers' OnLoad at registration and OnUnload at
/// teardown), read from the trace of one real run whose providers are then unregistered as ~VssWorld does.
std::vector<Call> mock_call_sequence(VssShape shape, const mocks::VssFaultPlan& plan = {});

/// Replays a mock call sequence on fresh mocks, one set per Run.
class MockReplay {
 public:
  /// Writer faults of `plan` become ON_CALLs returning the action's `returns` on the faulted handler; the
  /// effects that call into the model (SetWriterFailure, component failures, delays) are left out like
  /// the rest of the model. Throws std::runtime_error for a fault it cannot replay (a provider or VSS
  /// fault, a selector other than every hit, a throwing handler, an unknown writer).
  MockReplay(std::vector<Call> calls, VssShape shape, const mocks::VssFaultPlan& plan = {});
  ~MockReplay();
  MockReplay(const MockReplay&) = delete;
  MockReplay& operator=(const MockReplay&) = delete;
  /// Returns the number of calls that returned true or a success code.
  std::size_t Run();
  std::size_t size() const { return calls_.size(); }
  /// How many calls of the sequence reach a faulted handler.
  std::size_t faulted() const;

 private:
  struct Parking;
  struct WriterFault {
    int writer = 0;
    vss::WriterEvent event = vss::WriterEvent::kFreeze;
    bool returns = true;
  };
  std::vector<Call> calls_;
  VssShape shape_;
  std::vector<std::string> components_;             ///< writer i's component name
  std::vector<vss::ProviderInfo> provider_info_;    ///< provider i's info
  std::vector<std::set<std::string>> provider_volumes_;
  std::vector<WriterFault> faults_;
  std::unique_ptr<Parking> parking_;
};

/// The transport calls of a BitsWorld run: one connect per entry of its job into CONNECTING, read from
/// the trace of one real run. Throws std::runtime_error when the job ever transfers (the trace does not
/// record transfer steps, so they cannot be replayed).
std::vector<bits::TransferSite> bits_connect_sequence();

/// Replays connect calls through a fresh BitsFaultInjector (no trace) over a fresh IdealTransport per Run.
class BitsConnectReplay {
 public:
  BitsConnectReplay(std::vector<bits::TransferSite> sites, std::vector<bits::TransportFault> plan);
  /// Returns the number of connects that failed (each one a fault the injector fired).
  std::size_t Run();
  std::size_t size() const { return sites_.size(); }

 private:
  std::vector<bits::TransferSite> sites_;
  std::vector<bits::TransportFault> plan_;
  Rng rng_{1};
};

/// The same connect calls on a NiceMock<MockBitsTransport> whose ON_CALL returns the failed connect the
/// injector returns: what (c) would cost if its fault came from the GoogleMock transport (it does not:
/// BitsWorld and the runner inject BITS faults with BitsFaultInjector, a plain decorator).
class GmockConnectReplay {
 public:
  explicit GmockConnectReplay(std::vector<bits::TransferSite> sites);
  std::size_t Run();
  std::size_t size() const { return sites_.size(); }

 private:
  std::vector<bits::TransferSite> sites_;
  bits::ConnectResult failed_;
};

}  // namespace vssfault::bench
