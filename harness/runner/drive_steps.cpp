// The `steps` driver: the scenario's calls and clock advances, in order, each call's HRESULT compared with
// its `expect`. A step that differs is a mismatch and the steps go on (later ones may explain it).
#include <stdexcept>

#include "drivers.h"
#include "step_calls.h"

namespace vssfault::runner::detail {

DriverResult drive_steps(World& w) {
  DriverResult out;
  StepRun run{w, out, {}, {}, nullptr};
  const auto& table = step_table();
  std::size_t number = 0;
  for (const auto& step : w.scn.driver.steps) {
    ++number;
    if (!w.guard.check()) break;
    if (step.kind == scenario::Step::Kind::kAdvance) {
      run_for(w, step.advance.value);
      continue;
    }
    const auto fn = table.find(step.call.value);
    if (fn == table.end()) throw std::logic_error("the runner has no implementation of call " + step.call.value);
    const HResult got = fn->second(run, step);
    std::string label = "step " + std::to_string(number) + " (" + step.call.value;
    if (!step.requester.value.empty() && step.requester.value != scenario::kDefaultRequester) {
      label += " on requester '" + step.requester.value + "'";
    }
    label += ")";
    out.result = got;
    out.result_from = label;
    const auto& expected = step.expect.value;
    if (expected && *expected != got) {
      out.step_mismatches.push_back(Mismatch{label + " result", expected->name(), got.name(),
                                             step.expect.mark.to_string(),
                                             static_cast<long>(w.trace.size()) - 1});
    }
  }
  // The end of the run releases every object still held, in creation order (BackupShutdown on release,
  // D19); GetFailure first, on the first object.
  for (const auto& name : run.created) {
    RequesterObject& object = run.requesters.find(name)->second;
    if (object.released) continue;
    if (&object == run.first()) read_component_failures(w, *object.bc, out);
    object.released = true;
    object.bc->Release();
  }
  if (run.created.empty()) out.components_unread_reason = "not read: no step made a requester object";
  return out;
}

}  // namespace vssfault::runner::detail
