#pragma once
// The baseline the harness's overhead is measured against: the interface calls one VSS run makes — the
// requester's BackupComponents and IVssAsync calls, VSS's calls on writer handlers and provider methods —
// replayed in the same order as plain virtual calls on objects that do nothing (no mocks, no trace, no
// model). The sequence is read from the trace of a real run, so it cannot drift from what (a) does.
#include <cstdint>
#include <string>
#include <vector>

#include "vssfault/kernel/trace.h"
#include "vssfault/vss/provider.h"
#include "vssfault/vss/writer.h"

namespace vssfault::bench {

/// One interface call.
struct Call {
  enum class Target : std::uint8_t { kCreate, kRequester, kAsync, kWriter, kProvider };
  Target target = Target::kRequester;
  int index = 0;   ///< writer or provider number (W<i>, P<i>); unused for the requester
  int method = 0;  ///< the method, numbered by the replayer
  std::string name;
};

/// The calls of a run's trace, world building (Initialize, Subscribe, RegisterProvider, AddVolume,
/// OnLoad, OnUnload) left out; with `load_unload`, the providers' OnLoad and OnUnload calls are kept
/// (provider methods 9 and 10). Throws std::runtime_error for a call the replayer does not know.
std::vector<Call> call_sequence(const Trace& trace, bool load_unload = false);

/// Makes writer call number `method` (the replayer's numbering) on `w`; returns what the handler returned.
bool call_writer(vss::Writer& w, int method, vss::WriterComponents& components, const vss::VssId& set);
/// Makes provider call number `method` on `p` for `volume`; returns its result.
HResult call_provider(vss::Provider& p, int method, const vss::VssId& set, std::string_view volume);

/// Replays a call sequence. Each Run builds `writers` plain writers and `providers` plain providers (as a
/// run builds its world), a plain BackupComponents per CreateVssBackupComponents, and makes every call.
class PlainReplay {
 public:
  PlainReplay(std::vector<Call> calls, int writers, int providers);
  ~PlainReplay();
  PlainReplay(const PlainReplay&) = delete;
  PlainReplay& operator=(const PlainReplay&) = delete;
  /// Returns the number of calls that returned success (so the work cannot be optimised away).
  std::size_t Run();
  std::size_t size() const { return calls_.size(); }

 private:
  struct Parking;
  std::vector<Call> calls_;
  int writers_;
  int providers_;
  Parking* parking_;
};

}  // namespace vssfault::bench
