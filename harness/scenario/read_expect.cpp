// Reading the expectations. Every one is optional; names of writers, components and jobs are checked
// against the world afterwards (check_names).
#include "messages.h"
#include "sections.h"

namespace vssfault::scenario::detail {
namespace {

ComponentExpectation read_component(Context& ctx, const std::string& name, const Node& key,
                                    const Node& n) {
  MapReader m(ctx, n, "component expectation", {"code", "application_code", "message"});
  ComponentExpectation c;
  c.mark = ctx.mark(key);
  c.component = {name, ctx.mark(key)};
  if (auto v = m.get("code")) c.code = read_code(ctx, *v, "code");
  if (auto v = m.get("application_code")) c.application_code = read_code(ctx, *v, "application_code");
  if (auto v = m.get("message")) c.message = read_string(ctx, *v, "message");
  m.finish();
  return c;
}

WriterExpectation read_writer(Context& ctx, const std::string& name, const Node& key, const Node& n) {
  MapReader m(ctx, n, "writer expectation", {"state", "code", "application_code", "message", "components"});
  WriterExpectation w;
  w.mark = ctx.mark(key);
  w.writer = {name, ctx.mark(key)};
  if (auto v = m.get("state")) w.state = read_enum<WriterState>(ctx, *v, "state");
  if (auto v = m.get("code")) w.code = read_code(ctx, *v, "code");
  if (auto v = m.get("application_code")) w.application_code = read_code(ctx, *v, "application_code");
  if (auto v = m.get("message")) w.message = read_string(ctx, *v, "message");
  if (auto v = m.get("components")) {
    for_each_entry(ctx, *v, "components", "a map from component name to its GetFailure results",
                   [&](const std::string& k, const Node& kn, const Node& value) {
                     w.components.push_back(read_component(ctx, k, kn, value));
                   });
  }
  m.finish();
  return w;
}

std::vector<std::string_view> method_spellings(bool canonical_only) {
  std::vector<std::string_view> out;
  for (const auto& e : enum_names<ProviderMethod>()) out.push_back(e.name);
  for (const auto& e : enum_names<WriterEvent>()) {
    if (!canonical_only || to_name(e.value) == e.name) out.push_back(e.name);
  }
  return out;
}

EventLogExpectation read_log_entry(Context& ctx, const Node& n) {
  MapReader m(ctx, n, "event_log entry", {"source", "method", "code", "when"});
  EventLogExpectation e;
  e.mark = m.mark();
  stamp(e.mark, e.source, e.method, e.code);
  if (auto v = m.require("source")) assign(e.source, read_string(ctx, *v, "source"));
  if (auto v = m.require("method")) {
    if (auto word = read_choice(ctx, *v, "method", method_spellings(false), method_spellings(true))) {
      // Store the canonical spelling: handler aliases (OnFreeze) become event names (Freeze).
      if (auto ev = from_name<WriterEvent>(word->value)) word->value = std::string(to_name(*ev));
      e.method = std::move(*word);
    }
  }
  if (auto v = m.require("code")) assign(e.code, read_code(ctx, *v, "code"));
  if (auto v = m.get("when")) e.when = read_enum<FreezePhase>(ctx, *v, "when");
  m.finish();
  return e;
}

std::optional<Located<JobErrorExpectation>> read_job_error(Context& ctx, const Node& n) {
  if (n.IsScalar() && scalar_kind(n) == ScalarKind::kString && n.Scalar() == "none") {
    return Located<JobErrorExpectation>{{true, ErrorContext::kNone, HResult{}}, ctx.mark(n)};
  }
  if (!n.IsMap()) {
    ctx.error(n, msg::expected_found("error", "none or {context: ..., code: ...}", describe(n)));
    return std::nullopt;
  }
  MapReader m(ctx, n, "error", {"context", "code"});
  std::optional<Located<ErrorContext>> context;
  std::optional<Located<HResult>> code;
  if (auto v = m.require("context")) context = read_enum<ErrorContext>(ctx, *v, "context");
  if (auto v = m.require("code")) code = read_code(ctx, *v, "code");
  m.finish();
  if (!context || !code) return std::nullopt;
  return Located<JobErrorExpectation>{{false, context->value, code->value}, m.mark()};
}

CallbackCounts read_callbacks(Context& ctx, const Node& n) {
  MapReader m(ctx, n, "callbacks", {"job_transferred", "job_error", "job_modification"});
  CallbackCounts c;
  c.mark = m.mark();
  if (auto v = m.get("job_transferred")) c.job_transferred = read_uint(ctx, *v, "job_transferred");
  if (auto v = m.get("job_error")) c.job_error = read_uint(ctx, *v, "job_error");
  if (auto v = m.get("job_modification")) c.job_modification = read_uint(ctx, *v, "job_modification");
  m.finish();
  return c;
}

JobExpectation read_job(Context& ctx, const std::string& name, const Node& key, const Node& n) {
  MapReader m(ctx, n, "job expectation", {"state", "error", "error_count", "callbacks", "diagnosis"});
  JobExpectation j;
  j.mark = ctx.mark(key);
  j.job = {name, ctx.mark(key)};
  if (auto v = m.get("state")) j.state = read_enum<JobState>(ctx, *v, "state");
  if (auto v = m.get("error")) j.error = read_job_error(ctx, *v);
  if (auto v = m.get("error_count")) j.error_count = read_uint(ctx, *v, "error_count");
  if (auto v = m.get("callbacks")) j.callbacks = read_callbacks(ctx, *v);
  if (auto v = m.get("diagnosis")) j.diagnosis = read_enum<UploadReplyDiagnosis>(ctx, *v, "diagnosis");
  m.finish();
  return j;
}

std::optional<Located<std::vector<Located<std::string>>>> read_violations(Context& ctx, const Node& n) {
  if (n.IsScalar() && scalar_kind(n) == ScalarKind::kString && n.Scalar() == "none") {
    return Located<std::vector<Located<std::string>>>{{}, ctx.mark(n)};
  }
  if (!n.IsSequence()) {
    ctx.error(n, msg::expected_found("violations", "none or a list of rule ids", describe(n)));
    return std::nullopt;
  }
  Located<std::vector<Located<std::string>>> out{{}, ctx.mark(n)};
  for (const auto& item : n) {
    if (auto id = read_string(ctx, item, "violations")) {
      if (id->value.empty() || id->value.find_first_of(" \t") != std::string::npos) {
        ctx.error(id->mark, msg::bad_rule_id(id->value));
      } else {
        out.value.push_back(std::move(*id));
      }
    }
  }
  return out;
}

}  // namespace

void read_expectations(Context& ctx, MapReader& top, Scenario& s) {
  Expectations& e = s.expect;
  e.mark = top.mark();
  auto node = top.get("expect");
  if (!node) return;
  MapReader m(ctx, *node, "expect",
              {"result", "outcome", "writers", "event_log", "snapshots", "jobs", "attempts", "elapsed", "violations"});
  e.mark = m.mark();
  if (auto v = m.get("result")) e.result = read_code(ctx, *v, "result");
  if (auto v = m.get("outcome")) e.outcome = read_enum<RequesterOutcome>(ctx, *v, "outcome");
  if (auto v = m.get("writers")) {
    for_each_entry(ctx, *v, "writers", "a map from writer name to its expected status",
                   [&](const std::string& k, const Node& kn, const Node& value) {
                     e.writers.push_back(read_writer(ctx, k, kn, value));
                   });
  }
  if (auto v = m.get("event_log")) {
    if (expect_list(ctx, *v, "event_log", "a list of event-log entries")) {
      e.event_log = Located<std::vector<EventLogExpectation>>{{}, ctx.mark(*v)};
      for (const auto& item : *v) e.event_log->value.push_back(read_log_entry(ctx, item));
    }
  }
  if (auto v = m.get("snapshots")) e.snapshots = read_enum<SnapshotPresence>(ctx, *v, "snapshots");
  if (auto v = m.get("jobs")) {
    for_each_entry(ctx, *v, "jobs", "a map from job name to its expected outcome",
                   [&](const std::string& k, const Node& kn, const Node& value) {
                     e.jobs.push_back(read_job(ctx, k, kn, value));
                   });
  }
  if (auto v = m.get("attempts")) e.attempts = read_uint(ctx, *v, "attempts");
  if (auto v = m.get("elapsed")) e.elapsed = read_duration(ctx, *v, "elapsed");
  if (auto v = m.get("violations")) e.violations = read_violations(ctx, *v);
  m.finish();
}

}  // namespace vssfault::scenario::detail
