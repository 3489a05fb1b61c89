// Reading the world: volumes, writers, providers, BITS jobs and settings.
#include "messages.h"
#include "sections.h"

namespace vssfault::scenario::detail {
namespace {

std::optional<Located<std::string>> read_name(Context& ctx, MapReader& m) {
  auto n = m.require("name");
  if (!n) return std::nullopt;
  auto name = read_string(ctx, *n, "name");
  if (name && name->value.empty()) {
    ctx.error(name->mark, msg::empty_name("name"));
    return std::nullopt;
  }
  return name;
}

Component read_component(Context& ctx, const Node& n) {
  MapReader m(ctx, n, "component", {"name", "volumes"});
  Component c;
  c.mark = m.mark();
  stamp(c.mark, c.name);
  assign(c.name, read_name(ctx, m));
  if (auto v = m.get("volumes")) c.volumes = read_names(ctx, *v, "volumes");
  m.finish();
  return c;
}

Writer read_writer(Context& ctx, const Node& n) {
  MapReader m(ctx, n, "writer", {"name", "level", "freeze_timeout", "instance_name", "components"});
  Writer w;
  w.mark = m.mark();
  stamp(w.mark, w.name, w.level, w.freeze_timeout, w.instance_name);
  assign(w.name, read_name(ctx, m));
  if (auto v = m.get("level")) assign(w.level, read_enum<WriterLevel>(ctx, *v, "level"));
  if (auto v = m.get("freeze_timeout")) assign(w.freeze_timeout, read_duration(ctx, *v, "freeze_timeout"));
  if (auto v = m.get("instance_name")) assign(w.instance_name, read_string(ctx, *v, "instance_name"));
  if (auto v = m.get("components")) {
    for_each_item(ctx, *v, "components", "a list of components",
                  [&](const Node& item) { w.components.push_back(read_component(ctx, item)); });
  }
  m.finish();
  return w;
}

Provider read_provider(Context& ctx, const Node& n, const std::vector<Located<std::string>>& volumes) {
  MapReader m(ctx, n, "provider", {"name", "kind", "volumes"});
  Provider p;
  p.mark = m.mark();
  stamp(p.mark, p.name, p.kind);
  assign(p.name, read_name(ctx, m));
  if (auto v = m.get("kind")) assign(p.kind, read_enum<ProviderKind>(ctx, *v, "kind"));
  if (auto v = m.get("volumes")) {
    p.volumes = read_names(ctx, *v, "volumes");
  } else {
    copy_volumes(ctx, volumes, p.mark, p.volumes);
  }
  m.finish();
  return p;
}

JobFile read_file(Context& ctx, const Node& n) {
  MapReader m(ctx, n, "file", {"remote", "local", "size"});
  JobFile f;
  f.mark = m.mark();
  stamp(f.mark, f.remote, f.local, f.size);
  if (auto v = m.require("remote")) assign(f.remote, read_string(ctx, *v, "remote"));
  if (auto v = m.require("local")) assign(f.local, read_string(ctx, *v, "local"));
  if (auto v = m.require("size")) assign(f.size, read_uint(ctx, *v, "size"));
  m.finish();
  return f;
}

}  // namespace

void copy_volumes(Context& ctx, const std::vector<Located<std::string>>& volumes, const Mark& at,
                  std::vector<Located<std::string>>& out) {
  std::uint64_t bytes = 0;
  for (const auto& vol : volumes) bytes += vol.value.size();
  if (auto why = ctx.charge(volumes.size(), bytes); !why.empty()) ctx.stop(at, why);
  for (const auto& vol : volumes) out.push_back({vol.value, at});
}

std::vector<Located<std::string>> read_names(Context& ctx, const Node& n, std::string_view what) {
  std::vector<Located<std::string>> out;
  for_each_item(ctx, n, what, "a list of names", [&](const Node& item) {
    if (auto v = read_string(ctx, item, what)) {
      if (v->value.empty()) {
        ctx.error(v->mark, msg::empty_name(what));
      } else {
        out.push_back(std::move(*v));
      }
    }
  });
  return out;
}

std::optional<Located<std::uint32_t>> read_notify_flags(Context& ctx, const Node& n, std::string_view what) {
  if (!expect_list(ctx, n, what, "a list of BG_NOTIFY_* names")) return std::nullopt;
  std::uint32_t bits = 0;
  bool ok = true;
  for (const auto& item : n) {
    if (auto f = read_enum<NotifyFlag>(ctx, item, what)) {
      bits |= f->value;
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return Located<std::uint32_t>{bits, ctx.mark(n)};
}

namespace {

Job read_job(Context& ctx, const Node& n) {
  MapReader m(ctx, n, "job", {"name", "type", "files", "no_progress_timeout", "minimum_retry_delay",
                              "notify_flags", "transfer_rate"});
  Job j;
  j.mark = m.mark();
  stamp(j.mark, j.name, j.type, j.no_progress_timeout, j.minimum_retry_delay, j.notify_flags, j.transfer_rate);
  assign(j.name, read_name(ctx, m));
  if (auto v = m.get("type")) assign(j.type, read_enum<JobType>(ctx, *v, "type"));
  if (auto v = m.get("files")) {
    for_each_item(ctx, *v, "files", "a list of files",
                  [&](const Node& item) { j.files.push_back(read_file(ctx, item)); });
  }
  if (auto v = m.get("no_progress_timeout")) {
    assign(j.no_progress_timeout, read_duration(ctx, *v, "no_progress_timeout"));
  }
  if (auto v = m.get("minimum_retry_delay")) {
    assign(j.minimum_retry_delay, read_duration(ctx, *v, "minimum_retry_delay"));
  }
  if (auto v = m.get("notify_flags")) assign(j.notify_flags, read_notify_flags(ctx, *v, "notify_flags"));
  if (auto v = m.get("transfer_rate")) assign(j.transfer_rate, read_uint(ctx, *v, "transfer_rate", 1));
  m.finish();
  return j;
}

Settings read_settings(Context& ctx, const Node& n) {
  MapReader m(ctx, n, "settings",
              {"flush_timeout", "hold_timeout", "response_timeout", "misuse", "flush_durations", "event_log"});
  Settings s;
  s.mark = m.mark();
  stamp(s.mark, s.flush_timeout, s.hold_timeout, s.response_timeout, s.misuse);
  s.event_log.mark = s.mark;
  stamp(s.mark, s.event_log.writers_log_failures, s.event_log.providers_log_failures);
  if (auto v = m.get("flush_timeout")) assign(s.flush_timeout, read_duration(ctx, *v, "flush_timeout"));
  if (auto v = m.get("hold_timeout")) assign(s.hold_timeout, read_duration(ctx, *v, "hold_timeout"));
  if (auto v = m.get("response_timeout")) assign(s.response_timeout, read_duration(ctx, *v, "response_timeout"));
  if (auto v = m.get("misuse")) assign(s.misuse, read_enum<MisuseMode>(ctx, *v, "misuse"));
  if (auto v = m.get("flush_durations")) {
    for_each_entry(ctx, *v, "flush_durations", "a map of volume names to durations",
                   [&](const std::string& volume, const Node& key, const Node& value) {
                     auto d = read_duration(ctx, value, "flush_durations");
                     if (!d) return;
                     const Mark at = ctx.mark(key);
                     s.flush_durations.push_back(VolumeFlush{at, {volume, at}, *d});
                   });
  }
  if (auto v = m.get("event_log")) {
    MapReader e(ctx, *v, "event_log", {"writers_log_failures", "providers_log_failures"});
    s.event_log.mark = e.mark();
    stamp(e.mark(), s.event_log.writers_log_failures, s.event_log.providers_log_failures);
    if (auto b = e.get("writers_log_failures")) {
      assign(s.event_log.writers_log_failures, read_bool(ctx, *b, "writers_log_failures"));
    }
    if (auto b = e.get("providers_log_failures")) {
      assign(s.event_log.providers_log_failures, read_bool(ctx, *b, "providers_log_failures"));
    }
    e.finish();
  }
  m.finish();
  return s;
}

}  // namespace

void read_world(Context& ctx, MapReader& top, Scenario& s) {
  if (auto v = top.get("volumes")) s.volumes = read_names(ctx, *v, "volumes");
  if (auto v = top.get("writers")) {
    for_each_item(ctx, *v, "writers", "a list of writers",
                  [&](const Node& item) { s.writers.push_back(read_writer(ctx, item)); });
  }
  if (auto v = top.get("providers")) {
    for_each_item(ctx, *v, "providers", "a list of providers",
                  [&](const Node& item) { s.providers.push_back(read_provider(ctx, item, s.volumes)); });
  } else {
    // Windows always has its system provider, the last choice for any volume [ATS] [SCCP].
    Provider p;
    p.mark = top.mark();
    p.name = {"system", p.mark};
    p.kind = {ProviderKind::kSystem, p.mark};
    copy_volumes(ctx, s.volumes, p.mark, p.volumes);
    s.providers.push_back(std::move(p));
  }
  if (auto v = top.get("jobs")) {
    for_each_item(ctx, *v, "jobs", "a list of BITS jobs",
                  [&](const Node& item) { s.jobs.push_back(read_job(ctx, item)); });
  }
  s.settings.mark = top.mark();
  stamp(top.mark(), s.settings.flush_timeout, s.settings.hold_timeout, s.settings.response_timeout,
        s.settings.misuse, s.settings.event_log.writers_log_failures, s.settings.event_log.providers_log_failures);
  s.settings.event_log.mark = top.mark();
  if (auto v = top.get("settings")) s.settings = read_settings(ctx, *v);
}

}  // namespace vssfault::scenario::detail
