// Reading the driver: a reference client's policy, or explicit API steps and clock advances.
#include "messages.h"
#include "sections.h"
#include "suggest.h"

namespace vssfault::scenario::detail {

namespace {

std::vector<std::string_view> call_names() {
  std::vector<std::string_view> out;
  for (const auto& c : all_calls()) out.push_back(c.name);
  return out;
}

std::optional<Located<ArgValue>> read_arg(Context& ctx, const Node& n, const ArgSpec& spec) {
  const std::string_view what = spec.name;
  auto wrap = [](auto v) -> std::optional<Located<ArgValue>> {
    if (!v) return std::nullopt;
    return Located<ArgValue>{ArgValue{std::move(v->value)}, v->mark};
  };
  switch (spec.type) {
    case ArgType::kBool: return wrap(read_bool(ctx, n, what));
    case ArgType::kUInt: return wrap(read_uint(ctx, n, what));
    case ArgType::kDuration: return wrap(read_duration(ctx, n, what));
    case ArgType::kChoice: return wrap(read_choice(ctx, n, what, spec.choices));
    case ArgType::kNotifyFlags: {
      auto bits = read_notify_flags(ctx, n, what);
      if (!bits) return std::nullopt;
      std::vector<std::string> names;
      for (const auto& f : enum_names<NotifyFlag>()) {
        if (bits->value & f.value) names.emplace_back(f.name);
      }
      return Located<ArgValue>{ArgValue{std::move(names)}, bits->mark};
    }
    case ArgType::kString:
    case ArgType::kVolume:
    case ArgType::kProvider:
    case ArgType::kWriter:
    case ArgType::kComponent:
    case ArgType::kJob: return wrap(read_string(ctx, n, what));
  }
  return std::nullopt;
}

void read_call(Context& ctx, MapReader& m, Step& step) {
  auto name = read_string(ctx, *m.get("call"), "call");
  if (!name) return;
  const CallSpec* spec = find_call(name->value);
  if (spec == nullptr) {
    ctx.error(name->mark, msg::unknown_call(name->value, suggest(name->value, call_names())));
    m.get("args");
    return;
  }
  step.call = *name;
  std::optional<Node> args = m.get("args");
  std::vector<std::string_view> arg_names;
  for (const auto& a : spec->args) arg_names.push_back(a.name);
  if (args && arg_names.empty()) {
    if (!args->IsMap() || args->size() != 0) {
      ctx.error(m.key_mark("args"), msg::args_not_taken(spec->name));
    }
    return;
  }
  std::optional<MapReader> am;
  if (args) am.emplace(ctx, *args, "args of " + std::string(spec->name), arg_names);
  const Mark at = am ? am->mark() : step.mark;
  for (const auto& a : spec->args) {
    std::optional<Node> v;
    if (am) v = am->get(a.name);
    StepArg arg{std::string(a.name), {}};
    arg.value.mark = at;
    if (v) {
      auto read = read_arg(ctx, *v, a);
      if (!read) continue;
      arg.value = std::move(*read);
    } else if (a.default_value) {
      arg.value.value = *a.default_value;
    } else {
      if (!am || am->is_map()) ctx.error(at, msg::missing_arg(spec->name, a.name));
      continue;
    }
    step.args.push_back(std::move(arg));
  }
  if (am) am->finish();
}

/// `requester`: which requester object a requester call is made on (default kDefaultRequester). Other
/// calls take no requester; an unknown call was reported already.
void read_requester(Context& ctx, MapReader& m, Step& step) {
  const CallSpec* spec = find_call(step.call.value);
  const bool on_requester = spec != nullptr && spec->target == CallTarget::kRequester;
  if (on_requester) step.requester.value = std::string(kDefaultRequester);
  std::optional<Node> v = m.get("requester");
  if (!v) return;
  if (spec != nullptr && !on_requester) {
    ctx.error(m.key_mark("requester"),
              msg::inapplicable_key("requester", "to " + std::string(spec->name) + ", which is not a requester call"));
    return;
  }
  auto name = read_string(ctx, *v, "requester");
  if (!name) return;
  if (name->value.empty()) {
    ctx.error(name->mark, msg::empty_name("requester"));
    return;
  }
  if (on_requester) step.requester = *name;
}

Step read_step(Context& ctx, const Node& n) {
  MapReader m(ctx, n, "step", {"call", "requester", "args", "expect", "advance"});
  Step step;
  step.mark = m.mark();
  stamp(step.mark, step.call, step.requester, step.expect, step.advance);
  if (!m.is_map()) return step;
  if (m.has("call") && m.has("advance")) {
    ctx.error(m.mark(), msg::step_has_both());
  } else if (!m.has("call") && !m.has("advance")) {
    ctx.error(m.mark(), msg::step_needs_one_of());
  }
  if (m.has("call")) {
    step.kind = Step::Kind::kCall;
    read_call(ctx, m, step);
    read_requester(ctx, m, step);
    if (auto v = m.get("expect")) {
      if (v->IsScalar() && scalar_kind(*v) == ScalarKind::kString && v->Scalar() == "any") {
        step.expect = {std::nullopt, ctx.mark(*v)};
      } else if (auto code = read_code(ctx, *v, "expect")) {
        step.expect = {code->value, code->mark};
      }
    }
    m.get("advance");
    m.finish("to a call step");
  } else if (m.has("advance")) {
    step.kind = Step::Kind::kAdvance;
    assign(step.advance, read_duration(ctx, *m.get("advance"), "advance"));
    m.finish("to an advance step");
  } else {
    m.finish({}, /*report_inapplicable=*/false);
  }
  return step;
}

}  // namespace

void read_driver(Context& ctx, MapReader& top, Scenario& s) {
  Driver& d = s.driver;
  d.mark = top.mark();
  std::optional<Node> node = top.get("driver");
  std::optional<MapReader> m;
  if (node) {
    m.emplace(ctx, *node, "driver",
              std::vector<std::string_view>{"kind", "operation", "retries", "retry_delay", "component_mode",
                                            "backup_type", "accept_vetoes", "abort_on_failure", "in_progress_delay",
                                            "max_in_progress_waits", "volumes", "notify", "poll_interval",
                                            "on_error", "max_resumes", "steps"});
    d.mark = m->mark();
  }
  RequesterPolicy& r = d.requester;
  BitsClientPolicy& b = d.bits_client;
  stamp(d.mark, d.kind, r.operation, r.retries, r.retry_delay, r.component_mode, r.backup_type, r.accept_vetoes,
        r.abort_on_failure, r.in_progress_delay, r.max_in_progress_waits, b.notify, b.poll_interval, b.on_error,
        b.max_resumes);
  r.volumes.clear();
  copy_volumes(ctx, s.volumes, d.mark, r.volumes);

  if (m && m->has("kind")) {
    assign(d.kind, read_enum<DriverKind>(ctx, *m->get("kind"), "kind"));
  } else if (m && m->has("steps")) {
    d.kind.value = DriverKind::kSteps;
  } else if (!s.jobs.empty() && s.writers.empty()) {
    d.kind.value = DriverKind::kReferenceBitsClient;
  }
  if (!m || !m->is_map()) return;

  switch (d.kind.value) {
    case DriverKind::kReferenceRequester:
      if (auto v = m->get("operation")) assign(r.operation, read_enum<Operation>(ctx, *v, "operation"));
      if (auto v = m->get("retries")) assign(r.retries, read_uint(ctx, *v, "retries"));
      if (auto v = m->get("retry_delay")) assign(r.retry_delay, read_duration(ctx, *v, "retry_delay"));
      if (auto v = m->get("component_mode")) assign(r.component_mode, read_bool(ctx, *v, "component_mode"));
      if (auto v = m->get("backup_type")) assign(r.backup_type, read_enum<BackupType>(ctx, *v, "backup_type"));
      if (auto v = m->get("accept_vetoes")) assign(r.accept_vetoes, read_bool(ctx, *v, "accept_vetoes"));
      if (auto v = m->get("abort_on_failure")) assign(r.abort_on_failure, read_bool(ctx, *v, "abort_on_failure"));
      if (auto v = m->get("in_progress_delay")) assign(r.in_progress_delay, read_duration(ctx, *v, "in_progress_delay"));
      if (auto v = m->get("max_in_progress_waits")) {
        assign(r.max_in_progress_waits, read_uint(ctx, *v, "max_in_progress_waits"));
      }
      if (auto v = m->get("volumes")) r.volumes = read_names(ctx, *v, "volumes");
      break;
    case DriverKind::kReferenceBitsClient:
      if (auto v = m->get("notify")) assign(b.notify, read_enum<NotifyMode>(ctx, *v, "notify"));
      if (auto v = m->get("poll_interval")) assign(b.poll_interval, read_duration(ctx, *v, "poll_interval"));
      if (auto v = m->get("on_error")) assign(b.on_error, read_enum<OnError>(ctx, *v, "on_error"));
      if (auto v = m->get("max_resumes")) assign(b.max_resumes, read_uint(ctx, *v, "max_resumes"));
      break;
    case DriverKind::kSteps:
      if (auto v = m->require("steps")) {
        if (expect_list(ctx, *v, "steps", "a list of steps")) {
          if (v->size() == 0) ctx.error(*v, msg::steps_empty());
          for (const auto& item : *v) d.steps.push_back(read_step(ctx, item));
        }
      }
      break;
  }
  m->finish(msg::inapplicable_driver_key(to_name(d.kind.value)));
}

}  // namespace vssfault::scenario::detail
