// Writing a scenario as YAML: canonical key order, every default spelled out, free text always quoted
// so that no string can be read back as a number or a boolean.
#include "vssfault/scenario/emit.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>

namespace vssfault::scenario {
namespace {

class Out {
 public:
  Out() { e_.SetIndent(2); }
  std::string text() const { return std::string(e_.c_str()) + "\n"; }

  void begin_map() { e_ << YAML::BeginMap; }
  void end_map() { e_ << YAML::EndMap; }
  void begin_list() { e_ << YAML::BeginSeq; }
  void end_list() { e_ << YAML::EndSeq; }
  void key(std::string_view k) { e_ << YAML::Key << std::string(k) << YAML::Value; }

  void text_value(const std::string& v) { e_ << YAML::DoubleQuoted << v; }
  void word(std::string_view v) { e_ << std::string(v); }
  void number(std::uint64_t v) { e_ << v; }
  void boolean(bool v) { e_ << (v ? "true" : "false"); }
  void duration(Duration d) { e_ << d.to_string(); }
  void code(HResult c) { e_ << c.name(); }
  void empty_list() { e_ << YAML::Flow << YAML::BeginSeq << YAML::EndSeq; }
  void texts(const std::vector<Located<std::string>>& items) {
    if (items.empty()) return empty_list();
    e_ << YAML::Flow << YAML::BeginSeq;
    for (const auto& i : items) e_ << YAML::DoubleQuoted << i.value;
    e_ << YAML::EndSeq;
  }
  void words(const std::vector<std::string>& items) {
    if (items.empty()) return empty_list();
    e_ << YAML::Flow << YAML::BeginSeq;
    for (const auto& i : items) e_ << i;
    e_ << YAML::EndSeq;
  }
  void flow_pair(std::string_view k, std::string v) {
    e_ << YAML::Flow << YAML::BeginMap << YAML::Key << std::string(k) << YAML::Value << v << YAML::EndMap;
  }
  YAML::Emitter& raw() { return e_; }

 private:
  YAML::Emitter e_;
};

std::string shortest(double p) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, p);
  return std::string(buf, r.ptr);
}

std::vector<std::string> flag_names(std::uint32_t bits) {
  std::vector<std::string> out;
  for (const auto& f : enum_names<NotifyFlag>()) {
    if (bits & f.value) out.emplace_back(f.name);
  }
  return out;
}

void emit_world(Out& o, const Scenario& s) {
  o.key("volumes");
  o.texts(s.volumes);
  o.key("writers");
  if (s.writers.empty()) o.empty_list();
  else {
    o.begin_list();
    for (const auto& w : s.writers) {
      o.begin_map();
      o.key("name"), o.text_value(w.name.value);
      o.key("level"), o.word(to_name(w.level.value));
      o.key("freeze_timeout"), o.duration(w.freeze_timeout.value);
      o.key("instance_name"), o.text_value(w.instance_name.value);
      o.key("components");
      if (w.components.empty()) o.empty_list();
      else {
        o.begin_list();
        for (const auto& c : w.components) {
          o.begin_map();
          o.key("name"), o.text_value(c.name.value);
          o.key("volumes"), o.texts(c.volumes);
          o.end_map();
        }
        o.end_list();
      }
      o.end_map();
    }
    o.end_list();
  }
  o.key("providers");
  if (s.providers.empty()) o.empty_list();
  else {
    o.begin_list();
    for (const auto& p : s.providers) {
      o.begin_map();
      o.key("name"), o.text_value(p.name.value);
      o.key("kind"), o.word(to_name(p.kind.value));
      o.key("volumes"), o.texts(p.volumes);
      o.end_map();
    }
    o.end_list();
  }
  o.key("jobs");
  if (s.jobs.empty()) o.empty_list();
  else {
    o.begin_list();
    for (const auto& j : s.jobs) {
      o.begin_map();
      o.key("name"), o.text_value(j.name.value);
      o.key("type"), o.word(to_name(j.type.value));
      o.key("files");
      if (j.files.empty()) o.empty_list();
      else {
        o.begin_list();
        for (const auto& f : j.files) {
          o.begin_map();
          o.key("remote"), o.text_value(f.remote.value);
          o.key("local"), o.text_value(f.local.value);
          o.key("size"), o.number(f.size.value);
          o.end_map();
        }
        o.end_list();
      }
      o.key("no_progress_timeout"), o.duration(j.no_progress_timeout.value);
      o.key("minimum_retry_delay"), o.duration(j.minimum_retry_delay.value);
      o.key("notify_flags"), o.words(flag_names(j.notify_flags.value));
      o.key("transfer_rate"), o.number(j.transfer_rate.value);
      o.end_map();
    }
    o.end_list();
  }
  const Settings& st = s.settings;
  o.key("settings");
  o.begin_map();
  o.key("flush_timeout"), o.duration(st.flush_timeout.value);
  o.key("hold_timeout"), o.duration(st.hold_timeout.value);
  o.key("response_timeout"), o.duration(st.response_timeout.value);
  o.key("misuse"), o.word(to_name(st.misuse.value));
  o.key("flush_durations");
  if (st.flush_durations.empty()) {
    o.raw() << YAML::Flow << YAML::BeginMap << YAML::EndMap;
  } else {
    o.begin_map();
    for (const auto& f : st.flush_durations) {
      o.raw() << YAML::Key << YAML::DoubleQuoted << f.volume.value << YAML::Value;
      o.duration(f.duration.value);
    }
    o.end_map();
  }
  o.key("event_log");
  o.begin_map();
  o.key("writers_log_failures"), o.boolean(st.event_log.writers_log_failures.value);
  o.key("providers_log_failures"), o.boolean(st.event_log.providers_log_failures.value);
  o.end_map();
  o.end_map();
}

void emit_hit(Out& o, const HitSpec& h) {
  switch (h.kind) {
    case HitSelector::Kind::kEvery: return o.word("every");
    case HitSelector::Kind::kNth: return o.flow_pair("nth", std::to_string(h.n));
    case HitSelector::Kind::kFirstN: return o.flow_pair("first", std::to_string(h.n));
    case HitSelector::Kind::kProbability: return o.flow_pair("probability", shortest(h.p));
  }
}

void emit_fault(Out& o, const Fault& f) {
  o.begin_map();
  if (const auto* w = std::get_if<WriterFault>(&f.target)) {
    o.key("writer"), o.text_value(w->writer.value);
    o.key("event"), o.word(to_name(w->event.value));
  } else if (const auto* p = std::get_if<ProviderFault>(&f.target)) {
    o.key("provider"), o.text_value(p->provider.value);
    o.key("method"), o.word(to_name(p->method.value));
  } else if (const auto* b = std::get_if<BitsFault>(&f.target)) {
    o.key("job"), o.text_value(b->job.value);
    o.key("point"), o.word(to_name(b->point.value));
  } else if (const auto* v = std::get_if<VssCallFault>(&f.target)) {
    o.key("vss"), o.word(v->method.value);
  }
  o.key("hit"), emit_hit(o, f.hit.value);
  if (!std::holds_alternative<VssCallFault>(f.target)) o.key("delay"), o.duration(f.delay.value);
  o.key("deliberate_misuse"), o.boolean(f.deliberate_misuse.value);
  if (const auto* w = std::get_if<WriterFault>(&f.target)) {
    o.key("throw"), o.boolean(f.throws.value);
    if (!f.throws.value) o.key("return"), o.boolean(w->returns.value);
    if (w->code) {
      o.key("code"), o.code(w->code->value);
      o.key("api"), o.word(to_name(w->api.value));
      if (w->api.value == FailureApi::kSetWriterFailureEx) {  // SetWriterFailure takes the hr alone [S3]
        o.key("application_code"), o.code(w->application_code.value);
        o.key("message"), o.text_value(w->message.value);
      }
      if (w->retryable) o.key("retryable"), o.boolean(w->retryable->value);
    }
    o.key("component_failures");
    if (w->component_failures.empty()) o.empty_list();
    else {
      o.begin_list();
      for (const auto& c : w->component_failures) {
        o.begin_map();
        o.key("component"), o.text_value(c.component.value);
        o.key("code"), o.code(c.code.value);
        o.key("application_code"), o.code(c.application_code.value);
        o.key("message"), o.text_value(c.message.value);
        o.end_map();
      }
      o.end_list();
    }
  } else if (const auto* p = std::get_if<ProviderFault>(&f.target)) {
    if (p->code) {
      o.key("code"), o.code(p->code->value);
      o.key("unexpected"), o.boolean(p->unexpected.value);
    }
    o.key("log"), o.boolean(p->log.value);
  } else if (const auto* b = std::get_if<BitsFault>(&f.target)) {
    if (b->code) {
      o.key("code"), o.code(b->code->value);
      if (b->context) o.key("context"), o.word(to_name(b->context->value));
      o.key("severity"), o.word(to_name(b->severity.value));
    }
    const TransferPoint p = b->point.value;
    if (p == TransferPoint::kTransfer || p == TransferPoint::kReplyTransfer) o.key("bytes"), o.number(b->bytes.value);
  } else if (const auto* v = std::get_if<VssCallFault>(&f.target)) {
    if (v->code) o.key("code"), o.code(v->code->value);
  }
  o.end_map();
}

void emit_arg(Out& o, const ArgValue& v, bool word) {
  if (const auto* t = std::get_if<std::string>(&v); t != nullptr && word) return o.word(*t);
  if (const auto* b = std::get_if<bool>(&v)) return o.boolean(*b);
  if (const auto* n = std::get_if<std::uint64_t>(&v)) return o.number(*n);
  if (const auto* d = std::get_if<Duration>(&v)) return o.duration(*d);
  if (const auto* l = std::get_if<std::vector<std::string>>(&v)) return o.words(*l);
  o.text_value(std::get<std::string>(v));
}

void emit_driver(Out& o, const Driver& d) {
  o.key("driver");
  o.begin_map();
  o.key("kind"), o.word(to_name(d.kind.value));
  switch (d.kind.value) {
    case DriverKind::kReferenceRequester:
      o.key("operation"), o.word(to_name(d.requester.operation.value));
      o.key("retries"), o.number(d.requester.retries.value);
      o.key("retry_delay"), o.duration(d.requester.retry_delay.value);
      o.key("component_mode"), o.boolean(d.requester.component_mode.value);
      o.key("backup_type"), o.word(to_name(d.requester.backup_type.value));
      o.key("accept_vetoes"), o.boolean(d.requester.accept_vetoes.value);
      o.key("abort_on_failure"), o.boolean(d.requester.abort_on_failure.value);
      o.key("in_progress_delay"), o.duration(d.requester.in_progress_delay.value);
      o.key("max_in_progress_waits"), o.number(d.requester.max_in_progress_waits.value);
      o.key("volumes"), o.texts(d.requester.volumes);
      break;
    case DriverKind::kReferenceBitsClient:
      o.key("notify"), o.word(to_name(d.bits_client.notify.value));
      o.key("poll_interval"), o.duration(d.bits_client.poll_interval.value);
      o.key("on_error"), o.word(to_name(d.bits_client.on_error.value));
      o.key("max_resumes"), o.number(d.bits_client.max_resumes.value);
      break;
    case DriverKind::kSteps:
      o.key("steps");
      o.begin_list();
      for (const auto& st : d.steps) {
        o.begin_map();
        if (st.kind == Step::Kind::kAdvance) {
          o.key("advance"), o.duration(st.advance.value);
        } else {
          o.key("call"), o.word(st.call.value);
          if (!st.requester.value.empty()) o.key("requester"), o.text_value(st.requester.value);
          if (!st.args.empty()) {
            o.key("args");
            o.begin_map();
            const CallSpec* spec = find_call(st.call.value);
            for (const auto& a : st.args) {
              const auto it = std::find_if(spec->args.begin(), spec->args.end(),
                                           [&](const ArgSpec& x) { return x.name == a.name; });
              o.key(a.name), emit_arg(o, a.value.value, it != spec->args.end() && it->type == ArgType::kChoice);
            }
            o.end_map();
          }
          o.key("expect");
          if (st.expect.value) o.code(*st.expect.value);
          else o.word("any");
        }
        o.end_map();
      }
      o.end_list();
      break;
  }
  o.end_map();
}

void emit_expect(Out& o, const Expectations& e) {
  o.key("expect");
  if (e == Expectations{}) {
    o.raw() << YAML::Flow << YAML::BeginMap << YAML::EndMap;
    return;
  }
  o.begin_map();
  if (e.result) o.key("result"), o.code(e.result->value);
  if (e.outcome) o.key("outcome"), o.word(to_name(e.outcome->value));
  if (!e.writers.empty()) {
    o.key("writers");
    o.begin_map();
    for (const auto& w : e.writers) {
      o.key(w.writer.value);
      o.begin_map();
      if (w.state) o.key("state"), o.word(to_name(w.state->value));
      if (w.code) o.key("code"), o.code(w.code->value);
      if (w.application_code) o.key("application_code"), o.code(w.application_code->value);
      if (w.message) o.key("message"), o.text_value(w.message->value);
      if (!w.components.empty()) {
        o.key("components");
        o.begin_map();
        for (const auto& c : w.components) {
          o.key(c.component.value);
          o.begin_map();
          if (c.code) o.key("code"), o.code(c.code->value);
          if (c.application_code) o.key("application_code"), o.code(c.application_code->value);
          if (c.message) o.key("message"), o.text_value(c.message->value);
          o.end_map();
        }
        o.end_map();
      }
      o.end_map();
    }
    o.end_map();
  }
  if (e.event_log) {
    o.key("event_log");
    if (e.event_log->value.empty()) o.empty_list();
    else {
      o.begin_list();
      for (const auto& l : e.event_log->value) {
        o.begin_map();
        o.key("source"), o.text_value(l.source.value);
        o.key("method"), o.word(l.method.value);
        o.key("code"), o.code(l.code.value);
        if (l.when) o.key("when"), o.word(to_name(l.when->value));
        o.end_map();
      }
      o.end_list();
    }
  }
  if (e.snapshots) o.key("snapshots"), o.word(to_name(e.snapshots->value));
  if (!e.jobs.empty()) {
    o.key("jobs");
    o.begin_map();
    for (const auto& j : e.jobs) {
      o.key(j.job.value);
      o.begin_map();
      if (j.state) o.key("state"), o.word(to_name(j.state->value));
      if (j.error) {
        o.key("error");
        if (j.error->value.none) o.word("none");
        else {
          o.begin_map();
          o.key("context"), o.word(to_name(j.error->value.context));
          o.key("code"), o.code(j.error->value.code);
          o.end_map();
        }
      }
      if (j.error_count) o.key("error_count"), o.number(j.error_count->value);
      if (j.callbacks) {
        o.key("callbacks");
        o.begin_map();
        if (j.callbacks->job_transferred) o.key("job_transferred"), o.number(j.callbacks->job_transferred->value);
        if (j.callbacks->job_error) o.key("job_error"), o.number(j.callbacks->job_error->value);
        if (j.callbacks->job_modification) o.key("job_modification"), o.number(j.callbacks->job_modification->value);
        o.end_map();
      }
      if (j.diagnosis) o.key("diagnosis"), o.word(to_name(j.diagnosis->value));
      o.end_map();
    }
    o.end_map();
  }
  if (e.attempts) o.key("attempts"), o.number(e.attempts->value);
  if (e.elapsed) o.key("elapsed"), o.duration(e.elapsed->value);
  if (e.violations) {
    o.key("violations");
    if (e.violations->value.empty()) o.word("none");
    else o.texts(e.violations->value);
  }
  o.end_map();
}

}  // namespace

std::string to_yaml(const Scenario& s) {
  Out o;
  o.begin_map();
  o.key("name"), o.text_value(s.name.value);
  o.key("description"), o.text_value(s.description.value);
  o.key("seed"), o.number(s.seed.value);
  o.key("documents");
  if (s.documents.empty()) o.empty_list();
  else {
    o.begin_list();
    for (const auto& d : s.documents) o.text_value(d.value);
    o.end_list();
  }
  emit_world(o, s);
  o.key("faults");
  if (s.faults.empty()) o.empty_list();
  else {
    o.begin_list();
    for (const auto& f : s.faults) emit_fault(o, f);
    o.end_list();
  }
  emit_driver(o, s.driver);
  emit_expect(o, s.expect);
  o.end_map();
  return o.text();
}

}  // namespace vssfault::scenario
