#include "fault_plans.h"

#include <algorithm>
#include <type_traits>

#include "convert.h"

namespace vssfault::runner::detail {
namespace {

mocks::WriterFault writer_fault(const scenario::Fault& f, const scenario::WriterFault& w) {
  mocks::WriterFault out;
  out.writer = w.writer.value;
  out.event = to_vss(w.event.value);
  out.when = f.hit.value.selector();
  out.origin = f.mark.to_string();
  mocks::WriterAction& a = out.action;
  a.delay = f.delay.value;
  if (w.code) {
    mocks::WriterFailureCall call;
    call.api = w.api.value == scenario::FailureApi::kSetWriterFailureEx ? mocks::FailureApi::kSetWriterFailureEx
                                                                       : mocks::FailureApi::kSetWriterFailure;
    call.code = w.code->value;
    call.application = w.application_code.value;
    call.message = w.message.value;
    a.failure = call;
  }
  for (const auto& c : w.component_failures) {
    a.components.push_back({"", c.component.value, c.code.value, c.application_code.value, c.message.value});
  }
  a.partial_failure_ex = false;
  a.throws = f.throws.value;
  a.returns = w.returns.value;
  return out;
}

mocks::ProviderFault provider_fault(const scenario::Scenario& s, const scenario::Fault& f,
                                    const scenario::ProviderFault& p) {
  mocks::ProviderFault out;
  out.provider = p.provider.value;
  out.method = to_vss(p.method.value);
  out.when = f.hit.value.selector();
  out.origin = f.mark.to_string();
  mocks::ProviderAction& a = out.action;
  a.delay = f.delay.value;
  if (p.code) a.code = p.code->value;
  a.log = p.log.value && s.settings.event_log.providers_log_failures.value;
  if (p.code) {
    a.log_message = p.provider.value + ": " + std::string(scenario::to_name(p.method.value)) + " failed with " +
                    p.code->value.name();
  }
  a.throws = f.throws.value;
  return out;
}

bits::FaultPoint point_of(scenario::TransferPoint p) {
  switch (p) {
    case scenario::TransferPoint::kConnect: return bits::FaultPoint::kConnect;
    case scenario::TransferPoint::kTransfer: return bits::FaultPoint::kTransfer;
    case scenario::TransferPoint::kReply: return bits::FaultPoint::kServerReply;
    case scenario::TransferPoint::kReplyTransfer: return bits::FaultPoint::kReplyTransfer;
  }
  return bits::FaultPoint::kConnect;
}

bits::FaultAction failing_action(scenario::TransferPoint p) {
  switch (p) {
    case scenario::TransferPoint::kConnect: return bits::FaultAction::kFailConnect;
    case scenario::TransferPoint::kTransfer: return bits::FaultAction::kFailAfterBytes;
    case scenario::TransferPoint::kReply: return bits::FaultAction::kServerApplicationFailure;
    case scenario::TransferPoint::kReplyTransfer: return bits::FaultAction::kFailAfterBytes;
  }
  return bits::FaultAction::kFailConnect;
}

void add_bits_fault(FaultPlans& plans, const scenario::Fault& f, const scenario::BitsFault& b) {
  bits::TransportFault out;
  out.job = b.job.value;
  out.point = point_of(b.point.value);
  out.when = f.hit.value.selector();
  out.origin = f.mark.to_string();
  out.bytes = b.bytes.value;
  switch (b.severity.value) {
    case scenario::Severity::kDocumented: out.nature = bits::Nature::kDocumented; break;
    case scenario::Severity::kTransient: out.nature = bits::Nature::kTransient; break;
    case scenario::Severity::kFatal: out.nature = bits::Nature::kFatal; break;
  }
  Duration failure_delay{};
  if (b.code) {
    out.code = b.code->value;
    if (b.context) out.context = to_bits(b.context->value);
    if (out.code == hr::BG_E_NETWORK_DISCONNECTED) {
      out.action = bits::FaultAction::kNetworkDisconnect;
      out.duration = std::max(f.delay.value, Duration::ms(1));
    } else {
      out.action = failing_action(b.point.value);
      failure_delay = f.delay.value;
    }
  } else {
    out.action = bits::FaultAction::kStall;
    out.duration = f.delay.value;
  }
  plans.bits.push_back(std::move(out));
  plans.bits_failure_delays.push_back(failure_delay);
}

}  // namespace

FaultPlans build_fault_plans(const scenario::Scenario& s) {
  FaultPlans plans;
  for (const auto& f : s.faults) {
    std::visit(
        [&](const auto& target) {
          using T = std::decay_t<decltype(target)>;
          if constexpr (std::is_same_v<T, scenario::WriterFault>) {
            plans.vss.writers.push_back(writer_fault(f, target));
          } else if constexpr (std::is_same_v<T, scenario::ProviderFault>) {
            plans.vss.providers.push_back(provider_fault(s, f, target));
          } else if constexpr (std::is_same_v<T, scenario::VssCallFault>) {
            // Fired by vss::Hooks::OnRequesterCall (the world's hooks forward to the injector).
            plans.vss.vss.push_back(mocks::VssFault{mocks::VssPoint::kRequesterCall, target.method.value,
                                                    f.hit.value.selector(), target.code ? target.code->value : HResult{},
                                                    f.mark.to_string()});
          } else {
            add_bits_fault(plans, f, target);
          }
        },
        f.target);
  }
  return plans;
}

}  // namespace vssfault::runner::detail
