// Reading the fault plan. Shape checks that need only the fault itself happen here; codes against their
// documented roles and references to the world are checked afterwards (check_faults, check_names).
#include "messages.h"
#include "sections.h"
#include "suggest.h"

namespace vssfault::scenario {

// [S1] GetFailure returns S_OK, E_INVALIDARG, E_OUTOFMEMORY or VSS_E_BAD_STATE; the model produces the
// others from the call itself, E_OUTOFMEMORY only VSS can.
const std::vector<VssCallSpec>& vss_call_specs() {
  static const std::vector<VssCallSpec> specs = {
      {"GetFailure", "IVssComponentEx2::GetFailure", "S1", {hr::E_OUTOFMEMORY}},
  };
  return specs;
}

const VssCallSpec* find_vss_call(std::string_view method) {
  for (const auto& spec : vss_call_specs()) {
    if (spec.method == method) return &spec;
  }
  return nullptr;
}

}  // namespace vssfault::scenario

namespace vssfault::scenario::detail {
namespace {

constexpr std::string_view kWriterEffects = "return: false, code, component_failures, delay or throw";
constexpr std::string_view kProviderEffects = "code, delay or log: true";
constexpr std::string_view kBitsEffects = "code or delay";

std::optional<Located<HitSpec>> read_hit(Context& ctx, const Node& n) {
  if (n.IsScalar() && scalar_kind(n) == ScalarKind::kString && n.Scalar() == "every") {
    return Located<HitSpec>{{HitSelector::Kind::kEvery, 1, 1.0}, ctx.mark(n)};
  }
  if (!n.IsMap()) {
    ctx.error(n, msg::expected_found("hit", "every, {nth: N}, {first: N} or {probability: P}", describe(n)));
    return std::nullopt;
  }
  MapReader m(ctx, n, "hit", {"nth", "first", "probability"});
  const int given = int(m.has("nth")) + int(m.has("first")) + int(m.has("probability"));
  if (given != 1) {
    ctx.error(m.mark(), msg::hit_one_of());
    for (std::string_view k : {"nth", "first", "probability"}) m.get(k);
    m.finish();
    return std::nullopt;
  }
  std::optional<Located<HitSpec>> out;
  if (auto v = m.get("nth")) {
    if (auto k = read_uint(ctx, *v, "nth", 1)) out = Located<HitSpec>{{HitSelector::Kind::kNth, k->value, 1.0}, m.mark()};
  } else if (auto v = m.get("first")) {
    if (auto k = read_uint(ctx, *v, "first", 1)) {
      out = Located<HitSpec>{{HitSelector::Kind::kFirstN, k->value, 1.0}, m.mark()};
    }
  } else if (auto v = m.get("probability")) {
    if (auto p = read_probability(ctx, *v, "probability")) {
      if (p->value == 0.0) {
        ctx.error(p->mark, msg::never_fires_probability_zero());
      } else {
        out = Located<HitSpec>{{HitSelector::Kind::kProbability, 1, p->value}, m.mark()};
      }
    }
  }
  m.finish();
  return out;
}

ComponentFailure read_component_failure(Context& ctx, const Node& n) {
  MapReader m(ctx, n, "component failure", {"component", "code", "application_code", "message"});
  ComponentFailure c;
  c.mark = m.mark();
  stamp(c.mark, c.component, c.code, c.application_code, c.message);
  if (auto v = m.require("component")) assign(c.component, read_string(ctx, *v, "component"));
  if (auto v = m.require("code")) assign(c.code, read_code(ctx, *v, "code"));
  if (auto v = m.get("application_code")) assign(c.application_code, read_code(ctx, *v, "application_code"));
  if (auto v = m.get("message")) assign(c.message, read_string(ctx, *v, "message"));
  m.finish();
  return c;
}

// Keys that only make sense with a code: reported when the fault has none.
void needs_code(Context& ctx, const MapReader& m, bool has_code, std::initializer_list<std::string_view> keys) {
  if (has_code) return;
  for (std::string_view k : keys) {
    if (m.has(k)) ctx.error(m.key_mark(k), msg::needs_code(k));
  }
}

WriterFault read_writer_fault(Context& ctx, MapReader& m, Fault& f, std::size_t errors_before) {
  WriterFault w;
  stamp(m.mark(), w.writer, w.event, w.application_code, w.message, w.api, w.returns);
  if (auto v = m.get("writer")) assign(w.writer, read_string(ctx, *v, "writer"));
  if (m.has("event") && m.has("writer_event")) ctx.error(m.key_mark("writer_event"), msg::conflicting_keys("event", "writer_event"));
  if (auto v = m.get("event")) {
    assign(w.event, read_enum<WriterEvent>(ctx, *v, "event"));
    m.get("writer_event");
  } else if (auto v = m.get("writer_event")) {
    assign(w.event, read_enum<WriterEvent>(ctx, *v, "writer_event"));
  } else {
    ctx.error(m.mark(), msg::missing_key("fault", "event"));
  }
  if (auto v = m.get("code")) w.code = read_code(ctx, *v, "code");
  const bool has_code = m.has("code");
  if (auto v = m.get("application_code")) assign(w.application_code, read_code(ctx, *v, "application_code"));
  if (auto v = m.get("message")) assign(w.message, read_string(ctx, *v, "message"));
  if (auto v = m.get("api")) {
    assign(w.api, read_enum<FailureApi>(ctx, *v, "api"));
    if (w.api.value == FailureApi::kSetWriterFailure) {
      for (std::string_view k : {"application_code", "message"}) {
        if (m.has(k)) ctx.error(m.key_mark(k), msg::application_code_needs_ex(k));
      }
    }
  } else if (m.has("application_code") || m.has("message")) {
    w.api.value = FailureApi::kSetWriterFailureEx;
  }
  needs_code(ctx, m, has_code, {"application_code", "message", "api"});
  if (auto v = m.get("return")) assign(w.returns, read_bool(ctx, *v, "return"));
  if (auto v = m.get("component_failures")) {
    for_each_item(ctx, *v, "component_failures", "a list of component failures", [&](const Node& item) {
      w.component_failures.push_back(read_component_failure(ctx, item));
    });
  }
  if (auto v = m.get("retryable")) {
    w.retryable = read_bool(ctx, *v, "retryable");
    if (!has_code) ctx.error(m.key_mark("retryable"), msg::retryable_without_code());
  }
  if (f.throws.value && m.has("return")) ctx.error(m.key_mark("return"), msg::throw_and_return());
  const bool effect = has_code || !w.component_failures.empty() || !w.returns.value || f.throws.value ||
                      f.delay.value > Duration();
  // A fault whose effects could not be read has already been reported.
  if (!effect && ctx.error_count() == errors_before) ctx.error(m.mark(), msg::fault_has_no_effect(kWriterEffects));
  m.finish("to a writer fault");
  return w;
}

ProviderFault read_provider_fault(Context& ctx, MapReader& m, const Fault& f, std::size_t errors_before) {
  ProviderFault p;
  stamp(m.mark(), p.provider, p.method, p.unexpected, p.log);
  if (auto v = m.get("provider")) assign(p.provider, read_string(ctx, *v, "provider"));
  if (auto v = m.require("method")) assign(p.method, read_enum<ProviderMethod>(ctx, *v, "method"));
  if (auto v = m.get("code")) p.code = read_code(ctx, *v, "code");
  const bool has_code = m.has("code");
  if (auto v = m.get("unexpected")) assign(p.unexpected, read_bool(ctx, *v, "unexpected"));
  needs_code(ctx, m, has_code, {"unexpected"});
  // [S4]: a provider returning VSS_E_PROVIDER_VETO "must also" log an Application event.
  p.log.value = p.code && p.code->value == hr::VSS_E_PROVIDER_VETO;
  if (auto v = m.get("log")) assign(p.log, read_bool(ctx, *v, "log"));
  const bool effect = has_code || p.log.value || f.delay.value > Duration();
  if (!effect && ctx.error_count() == errors_before) ctx.error(m.mark(), msg::fault_has_no_effect(kProviderEffects));
  m.finish("to a provider fault");
  return p;
}

BitsFault read_bits_fault(Context& ctx, MapReader& m, const Fault& f, std::size_t errors_before) {
  BitsFault b;
  stamp(m.mark(), b.job, b.point, b.severity, b.bytes);
  if (auto v = m.get("job")) assign(b.job, read_string(ctx, *v, "job"));
  if (auto v = m.require("point")) assign(b.point, read_enum<TransferPoint>(ctx, *v, "point"));
  if (auto v = m.get("code")) b.code = read_code(ctx, *v, "code");
  const bool has_code = m.has("code");
  if (auto v = m.get("context")) b.context = read_enum<ErrorContext>(ctx, *v, "context");
  if (auto v = m.get("severity")) assign(b.severity, read_enum<Severity>(ctx, *v, "severity"));
  if (m.has("bytes")) {
    const TransferPoint p = b.point.value;
    if (p == TransferPoint::kTransfer || p == TransferPoint::kReplyTransfer) {
      assign(b.bytes, read_uint(ctx, *m.get("bytes"), "bytes"));
    } else {
      ctx.error(m.key_mark("bytes"), msg::inapplicable_key("bytes", "to point " + std::string(to_name(p)) +
                                                                       " (only to transfer and reply-transfer)"));
      m.get("bytes");
    }
  }
  if (has_code && !m.has("context")) ctx.error(m.mark(), msg::context_required());
  needs_code(ctx, m, has_code, {"context", "severity"});
  if (!has_code && f.delay.value == Duration() && ctx.error_count() == errors_before) ctx.error(m.mark(), msg::fault_has_no_effect(kBitsEffects));
  m.finish("to a BITS fault");
  return b;
}

VssCallFault read_vss_call_fault(Context& ctx, MapReader& m) {
  VssCallFault v;
  stamp(m.mark(), v.method);
  if (auto n = m.get("vss")) {
    const auto name = read_string(ctx, *n, "vss");
    assign(v.method, name);
    if (name && find_vss_call(v.method.value) == nullptr) {
      std::vector<std::string_view> valid;
      for (const auto& spec : vss_call_specs()) valid.push_back(spec.method);
      ctx.error(v.method.mark, msg::unknown_word("vss", v.method.value, suggest(v.method.value, valid), valid));
    }
  }
  if (auto n = m.require("code")) v.code = read_code(ctx, *n, "code");
  // The call fails at once, before it does anything: it takes no virtual time.
  if (m.has("delay")) ctx.error(m.key_mark("delay"), msg::inapplicable_key("delay", "to a VSS fault (the call fails at once)"));
  m.finish("to a VSS fault");
  return v;
}

/// nullopt for a fault that names no site (reported): it has nothing for the later checks to check.
std::optional<Fault> read_fault(Context& ctx, const Node& n) {
  MapReader m(ctx, n, "fault",
              {"writer", "event", "writer_event", "provider", "method", "job", "point", "hit",
               "number_of_failures", "delay", "throw", "deliberate_misuse", "code", "application_code",
               "message", "api", "return", "component_failures", "retryable", "unexpected", "log", "context",
               "severity", "bytes", "vss"});
  Fault f;
  f.mark = m.mark();
  stamp(f.mark, f.hit, f.delay, f.throws, f.deliberate_misuse);
  if (!m.is_map()) return std::nullopt;
  const std::size_t errors_before = ctx.error_count();

  if (m.has("hit") && m.has("number_of_failures")) {
    ctx.error(m.key_mark("number_of_failures"), msg::conflicting_keys("hit", "number_of_failures"));
  }
  if (auto v = m.get("hit")) {
    assign(f.hit, read_hit(ctx, *v));
    m.get("number_of_failures");
  } else if (auto v = m.get("number_of_failures")) {
    // The VSS Test Writer's numFailures: fail the first N times the event arrives.
    if (auto k = read_uint(ctx, *v, "number_of_failures")) {
      if (k->value == 0) {
        ctx.error(k->mark, msg::never_fires_zero_failures());
      } else {
        f.hit = {{HitSelector::Kind::kFirstN, k->value, 1.0}, k->mark};
      }
    }
  }
  if (auto v = m.get("delay")) assign(f.delay, read_duration(ctx, *v, "delay"));
  if (auto v = m.get("deliberate_misuse")) assign(f.deliberate_misuse, read_bool(ctx, *v, "deliberate_misuse"));

  const int targets = int(m.has("writer")) + int(m.has("provider")) + int(m.has("job")) + int(m.has("vss"));
  if (targets > 1) {
    ctx.error(m.mark(), msg::fault_target_many());
    // Read the other targets now so they are not reported a second time as keys that do not apply.
    const std::string_view chosen = m.has("writer") ? "writer" : m.has("provider") ? "provider" : "job";
    for (std::string_view k : {"writer", "provider", "job", "vss"}) {
      if (k != chosen) m.get(k);
    }
  } else if (targets == 0) {
    ctx.error(m.mark(), msg::fault_target_missing());
  }
  if (m.has("writer")) {
    if (auto v = m.get("throw")) assign(f.throws, read_bool(ctx, *v, "throw"));
    f.target = read_writer_fault(ctx, m, f, errors_before);
  } else if (m.has("provider")) {
    f.target = read_provider_fault(ctx, m, f, errors_before);
  } else if (m.has("job")) {
    f.target = read_bits_fault(ctx, m, f, errors_before);
  } else if (m.has("vss")) {
    f.target = read_vss_call_fault(ctx, m);
  } else {
    m.finish({}, /*report_inapplicable=*/false);
    return std::nullopt;
  }
  return f;
}

}  // namespace

void read_faults(Context& ctx, MapReader& top, Scenario& s) {
  if (auto v = top.get("faults")) {
    for_each_item(ctx, *v, "faults", "a list of faults",
                  [&](const Node& item) {
                    if (auto f = read_fault(ctx, item)) s.faults.push_back(std::move(*f));
                  });
  }
}

}  // namespace vssfault::scenario::detail
