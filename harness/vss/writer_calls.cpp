// Running writer handlers (context, D15 response timer, exception containment) and the failure-reporting
// entry points with their D10 checks [S3][S2][SF].
#include <memory>
#include <tuple>

#include "engine.h"
#include "requester.h"
#include "vssfault/codes/catalog.h"
#include "writer_events.h"

namespace vssfault::vss::detail {

HandlerOutcome Engine::InvokeHandler(Writer& w, int session, SessionWriter* sw, WriterEvent ev,
                                     const std::function<bool()>& call) {
  (void)sw;
  // Save the writer's handler context: Identify may arrive during another handler's Work [WRT].
  const auto saved = std::make_tuple(w.in_handler_, w.current_event_, w.current_session_, w.pending_);
  w.in_handler_ = true;
  w.current_event_ = ev;
  w.current_session_ = session;
  w.pending_ = {};
  const std::string actor = w.actor();
  const std::string handler(writer_handler_name(ev));
  Record(actor, handler, {{"phase", "begin"}, {"requester", std::to_string(session)}});

  auto silent = std::make_shared<bool>(false);
  EventQueue::Id timer = 0;
  bool timer_armed = false;
  if (writer_event_row(ev).response_timer) {
    const VssId instance = w.instance_id();
    timer = queue.schedule_after(config.response_timeout, "vss:response-timeout", [this, silent, session, instance, ev] {
      *silent = true;
      Writer* writer = FindWriter(instance);
      if (writer) {
        writer->status_.failure = hr::VSS_E_WRITER_NOT_RESPONDING;  // D15: state left as it was
        writer->status_.application = HResult{};
        writer->status_.message.clear();
      }
      if (Requester* r = RequesterById(session))
        if (SessionWriter* s = r->FindSessionWriter(instance)) {
          s->not_responding = true;
          s->excluded = true;
        }
      Record(writer ? writer->actor() : "writer:?", "not-responding",
             {{"event", writer_event_name(ev)}, {"after", config.response_timeout.to_string()},
              {"code", "VSS_E_WRITER_NOT_RESPONDING"}});
    });
    timer_armed = true;
  }

  HandlerOutcome out;
  try {
    out.result = call();
  } catch (...) {
    out.threw = true;
    out.result = false;
  }
  if (timer_armed) queue.cancel(timer);
  out.not_responding = *silent;
  out.failure_set = w.pending_.set;
  out.failure = w.pending_.hr;
  out.application = w.pending_.application;
  out.message = w.pending_.message;
  std::tie(w.in_handler_, w.current_event_, w.current_session_, w.pending_) = saved;

  Record(actor, handler,
         {{"phase", "end"},
          {"result", out.threw ? "threw" : out.result ? "true" : "false"},
          {"failure", out.failure_set ? out.failure.name() : "-"}});
  if (out.threw)
    conformance.Report(rules::kWriterHandlerThrew, actor, handler + " threw; treated as returning false");
  return out;
}

namespace {

struct ApiRow {
  Engine::FailureApi api;
  std::string_view name;
  std::uint32_t role;  // the catalog role listing the method's allowed codes
};
constexpr ApiRow kApis[] = {
    {Engine::FailureApi::kSetWriterFailure, "SetWriterFailure", kRoleWriterFailure},       // [S3]
    {Engine::FailureApi::kSetWriterFailureEx, "SetWriterFailureEx", kRoleWriterFailureEx}, // [S2]
    {Engine::FailureApi::kComponentSetFailure, "SetFailure", kRoleComponentFailure},       // [SF]
};

const ApiRow& api_row(Engine::FailureApi api) {
  for (const auto& r : kApis)
    if (r.api == api) return r;
  return kApis[0];
}

}  // namespace

HResult Engine::ReportWriterFailure(Writer& w, FailureApi api, bool off_thread, HResult code, HResult app,
                                    std::string_view message, ComponentRecord* component, std::uint32_t reserved) {
  const ApiRow& row = api_row(api);
  const std::string actor = w.actor();
  const std::string what = std::string(row.name) + "(" + code.name() + ")";
  bool misuse = false;
  auto violate = [&](std::string_view rule, std::string detail) {
    misuse = true;
    conformance.Report(rule, actor, std::move(detail));
  };
  if (off_thread)
    violate(rules::kWriterFailureOffThread, what + " called from a worker thread, not the handler's thread");
  else if (!w.in_handler_)
    violate(rules::kWriterFailureOffThread, what + " called outside any event handler");
  else if (w.current_event_ == WriterEvent::kIdentify && !Broken(broken::kAcceptFromIdentify))
    violate(rules::kWriterFailureFromIdentify, what + " called from OnIdentify");
  if (!code_has_role(code, row.role))
    violate(rules::kWriterUndocumentedCode, code.describe() + " is not a documented " + std::string(row.name) + " code");
  if (component && reserved != 0)
    violate(rules::kWriterReservedNotZero, "dwReserved = " + std::to_string(reserved));

  const bool refuse = misuse && config.strict_writer_failure;
  const HResult result = refuse ? hr::E_INVALIDARG : hr::S_OK;
  Record(actor, std::string(row.name),
         {{"code", code.name()},
          {"application", app.name()},
          {"component", component ? component->name : std::string("-")},
          {"thread", off_thread ? "worker" : "handler"},
          {"result", result.name()}});
  if (refuse) return result;

  if (component) {
    component->has_failure = true;
    component->failure = code;
    component->application = app;
    component->message = std::string(message);
  } else if (w.in_handler_ && w.current_event_ != WriterEvent::kIdentify) {
    w.pending_ = {true, code, app, std::string(message)};
  } else {
    // Lenient mode (D10): the code is recorded on the writer's status as it stands.
    w.status_.failure = code;
    w.status_.application = app;
    w.status_.message = std::string(message);
  }
  return result;
}

}  // namespace vssfault::vss::detail
