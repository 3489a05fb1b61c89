#include "vssfault/mocks/vss_fault_plan.h"

#include <utility>

namespace vssfault::mocks {
namespace {

bool receives_components(vss::WriterEvent e) {
  switch (e) {
    case vss::WriterEvent::kPrepareForBackup:
    case vss::WriterEvent::kPostSnapshot:
    case vss::WriterEvent::kBackupComplete:
    case vss::WriterEvent::kPreRestore:
    case vss::WriterEvent::kPostRestore:
      return true;
    default:
      return false;
  }
}

std::string at(const std::string& entry, const std::string& origin) {
  return origin.empty() ? entry : entry + " (" + origin + ")";
}

}  // namespace

WriterAction WriterAction::ReturnFalse() {
  WriterAction a;
  a.returns = false;
  return a;
}

WriterAction WriterAction::Failure(HResult code, bool returns) {
  WriterAction a;
  a.failure = WriterFailureCall{FailureApi::kSetWriterFailure, code, HResult{}, {}};
  a.returns = returns;
  return a;
}

WriterAction WriterAction::FailureEx(HResult code, HResult application, std::string message, bool returns) {
  WriterAction a;
  a.failure = WriterFailureCall{FailureApi::kSetWriterFailureEx, code, application, std::move(message)};
  a.returns = returns;
  return a;
}

WriterAction WriterAction::ComponentFailure(std::string component, HResult code, HResult application,
                                            std::string message) {
  WriterAction a;
  a.components.push_back(ComponentFailureCall{{}, std::move(component), code, application, std::move(message)});
  return a;
}

WriterAction WriterAction::TakeTime(Duration d, bool returns) {
  WriterAction a;
  a.delay = d;
  a.returns = returns;
  return a;
}

WriterAction WriterAction::Throw() {
  WriterAction a;
  a.throws = true;
  return a;
}

std::string WriterAction::describe() const {
  std::string s;
  auto add = [&s](const std::string& part) { s += (s.empty() ? "" : " ") + part; };
  if (delay > Duration()) add("delay=" + delay.to_string());
  if (failure) {
    if (failure->api == FailureApi::kSetWriterFailure) {
      add("SetWriterFailure(" + failure->code.name() + ")");
    } else {
      add("SetWriterFailureEx(" + failure->code.name() + "," + failure->application.name() + ")");
    }
  }
  for (const auto& c : components) {
    add("SetFailure(" + (c.logical_path.empty() ? "" : c.logical_path + "\\") + c.component + "," +
        c.code.name() + ")");
  }
  if (!components.empty() && !failure && partial_failure_ex) {
    add("SetWriterFailureEx(VSS_E_WRITERERROR_PARTIAL_FAILURE)");
  }
  add(throws ? std::string("throw") : std::string("return=") + (returns ? "true" : "false"));
  return s;
}

ProviderAction ProviderAction::Return(HResult code) {
  ProviderAction a;
  a.code = code;
  return a;
}

ProviderAction ProviderAction::TakeTime(Duration d) {
  ProviderAction a;
  a.delay = d;
  return a;
}

ProviderAction ProviderAction::LogEvent(HResult code, std::string message) {
  ProviderAction a;
  a.log = true;
  a.log_code = code;
  a.log_message = std::move(message);
  return a;
}

ProviderAction ProviderAction::Throw() {
  ProviderAction a;
  a.throws = true;
  return a;
}

std::string ProviderAction::describe() const {
  std::string s;
  auto add = [&s](const std::string& part) { s += (s.empty() ? "" : " ") + part; };
  if (delay > Duration()) add("delay=" + delay.to_string());
  if (log) add("log(" + (log_code ? *log_code : code.value_or(HResult{})).name() + ")");
  if (throws) {
    add("throw");
  } else {
    add(code ? "return=" + code->name() : std::string("return=ideal"));
  }
  return s;
}

std::string_view vss_point_name(VssPoint p) {
  switch (p) {
    case VssPoint::kRequesterCall: return "requester";
    case VssPoint::kWriterStatus: return "status";
    case VssPoint::kAsyncResult: return "async";
  }
  return "?";
}

std::string writer_site(std::string_view writer, vss::WriterEvent event) {
  return "vss.writer." + std::string(writer) + "." + std::string(vss::writer_handler_name(event));
}

std::string provider_site(std::string_view provider, vss::ProviderMethod method) {
  return "vss.provider." + std::string(provider) + "." + std::string(vss::provider_method_name(method));
}

std::string vss_site(VssPoint point, std::string_view target) {
  return "vss." + std::string(vss_point_name(point)) + "." + std::string(target);
}

std::vector<std::string> validate(const VssFaultPlan& plan) {
  std::vector<std::string> problems;
  for (std::size_t i = 0; i < plan.writers.size(); ++i) {
    const WriterFault& f = plan.writers[i];
    const std::string entry = at("writer[" + std::to_string(i) + "]", f.origin);
    if (f.writer.empty()) problems.push_back(entry + ": no writer named");
    if (!f.action.components.empty() && !receives_components(f.event)) {
      problems.push_back(entry + ": a component failure needs a handler that receives the components; " +
                         std::string(vss::writer_handler_name(f.event)) + " does not");
    }
    for (const auto& c : f.action.components) {
      if (c.component.empty()) problems.push_back(entry + ": a component failure names no component");
    }
  }
  for (std::size_t i = 0; i < plan.providers.size(); ++i) {
    if (plan.providers[i].provider.empty()) {
      problems.push_back(at("provider[" + std::to_string(i) + "]", plan.providers[i].origin) +
                         ": no provider named");
    }
  }
  for (std::size_t i = 0; i < plan.vss.size(); ++i) {
    if (plan.vss[i].target.empty()) {
      problems.push_back(at("vss[" + std::to_string(i) + "]", plan.vss[i].origin) +
                         ": no method or writer named");
    }
  }
  return problems;
}

}  // namespace vssfault::mocks
