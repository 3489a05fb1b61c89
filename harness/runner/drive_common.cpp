#include "drivers.h"

namespace vssfault::runner::detail {

HResult run_async(vss::BackupComponents& bc,
                  HResult (vss::BackupComponents::*method)(std::shared_ptr<vss::Async>*)) {
  std::shared_ptr<vss::Async> async;
  const HResult started = (bc.*method)(&async);
  if (started.failed() || !async) return started;
  const HResult waited = async->Wait();
  if (waited.failed()) return waited;
  HResult status;
  const HResult queried = async->QueryStatus(&status, nullptr);
  if (queried.failed()) return queried;
  return status == hr::VSS_S_ASYNC_FINISHED ? hr::S_OK : status;
}

void read_component_failures(World& w, vss::BackupComponents& bc, DriverResult& out) {
  for (const auto& writer : w.scn.writers) {
    for (const auto& c : writer.components) {
      ComponentRead read;
      vss::Component* component = nullptr;
      read.returned = bc.GetComponent(vss::VssId::named(writer.name.value), "", c.name.value, &component);
      if (read.returned == hr::S_OK && component != nullptr) {
        std::uint32_t reserved = 0;
        read.returned = component->GetFailure(&read.code, &read.application, &read.message, &reserved);
      }
      out.components[{writer.name.value, c.name.value}] = read;
    }
  }
}

void run_until_idle(World& w) {
  while (!w.guard.tripped() && w.queue.run_next()) {
  }
}

void run_for(World& w, Duration d) {
  if (d < Duration()) d = Duration();
  w.queue.run_until(w.clock.now() + d);
  w.guard.check();
}

DriverResult drive(World& w) {
  const scenario::Driver& d = w.scn.driver;
  switch (d.kind.value) {
    case scenario::DriverKind::kReferenceRequester:
      return d.requester.operation.value == scenario::Operation::kRestore ? drive_reference_restore(w)
                                                                          : drive_reference_requester(w);
    case scenario::DriverKind::kReferenceBitsClient: return drive_reference_bits_client(w);
    case scenario::DriverKind::kSteps: return drive_steps(w);
  }
  return {};
}

}  // namespace vssfault::runner::detail
