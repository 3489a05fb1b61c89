// Names must be unique within their kind, and every name a scenario uses must be defined in its world.
#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "messages.h"
#include "sections.h"
#include "suggest.h"

namespace vssfault::scenario::detail {
namespace {

/// A kind of thing a scenario can name: what it is called in messages and the names defined, in
/// definition order and hashed (a file may define thousands: every check stays linear).
struct Kind {
  std::string_view singular;
  std::string_view plural;
  std::vector<std::string_view> defined;
  std::unordered_set<std::string_view> set;

  Kind(std::string_view singular, std::string_view plural) : singular(singular), plural(plural) {}
  void add(std::string_view name) {
    if (!name.empty() && set.insert(name).second) defined.push_back(name);
  }
  bool has(std::string_view name) const { return set.count(name) != 0; }
  /// Reports `ref` unless it names something defined; empty names were reported when read.
  bool check(Context& ctx, std::string_view what, const Located<std::string>& ref) const {
    if (ref.value.empty() || has(ref.value)) return !ref.value.empty();
    ctx.error(ref.mark, msg::unknown_ref(what, singular, plural, ref.value, suggest(ref.value, defined), defined));
    return false;
  }
};

template <class T, class Name>
Kind kind_of(std::string_view singular, std::string_view plural, const std::vector<T>& items, Name name) {
  Kind k(singular, plural);
  for (const auto& i : items) k.add(name(i).value);
  return k;
}

void unique(Context& ctx, std::string_view kind, const std::vector<const Located<std::string>*>& names) {
  std::map<std::string_view, const Located<std::string>*> first;
  for (const auto* n : names) {
    if (n->value.empty()) continue;  // unread (already reported)
    auto [it, inserted] = first.emplace(n->value, n);
    if (!inserted) ctx.error(n->mark, msg::duplicate_name(kind, n->value, it->second->mark.line, it->second->mark.column));
  }
}

/// Each writer by name (the first of a duplicated name, as Scenario::find_writer), with its component
/// names, built once.
class WriterIndex {
 public:
  explicit WriterIndex(const Scenario& s) {
    for (const auto& w : s.writers) by_name_.emplace(w.name.value, &w);
  }
  const Writer* find(std::string_view name) const {
    const auto it = by_name_.find(name);
    return it == by_name_.end() ? nullptr : it->second;
  }
  const Kind& components(const Writer& w) const {
    auto it = components_.find(&w);
    if (it == components_.end()) {
      it = components_.emplace(&w, kind_of("component", "components", w.components,
                                           [](const Component& c) -> const Located<std::string>& { return c.name; }))
               .first;
    }
    return it->second;
  }

 private:
  std::unordered_map<std::string_view, const Writer*> by_name_;
  mutable std::unordered_map<const Writer*, Kind> components_;
};

void check_component(Context& ctx, std::string_view what, const WriterIndex& index, const Writer& w,
                     const Located<std::string>& ref) {
  const Kind& defined = index.components(w);
  if (ref.value.empty() || defined.has(ref.value)) return;
  ctx.error(ref.mark, msg::unknown_component(what, w.name.value, ref.value, suggest(ref.value, defined.defined),
                                             defined.defined));
}

const std::string* text_arg(const Step& step, std::string_view name) {
  for (const auto& a : step.args) {
    if (a.name == name) return std::get_if<std::string>(&a.value.value);
  }
  return nullptr;
}

void check_steps(Context& ctx, const Scenario& s, const WriterIndex& index, const Kind& volumes,
                 const Kind& writers, const Kind& providers, const Kind& jobs) {
  for (const auto& step : s.driver.steps) {
    if (step.kind != Step::Kind::kCall) continue;
    const CallSpec* spec = find_call(step.call.value);
    if (spec == nullptr) continue;
    for (const auto& arg : step.args) {
      const auto* text = std::get_if<std::string>(&arg.value.value);
      if (text == nullptr) continue;
      const Located<std::string> ref{*text, arg.value.mark};
      const auto a = std::find_if(spec->args.begin(), spec->args.end(), [&](const ArgSpec& x) { return x.name == arg.name; });
      switch (a->type) {
        case ArgType::kVolume: volumes.check(ctx, arg.name, ref); break;
        case ArgType::kProvider:
          if (!text->empty()) providers.check(ctx, arg.name, ref);
          break;
        case ArgType::kWriter: writers.check(ctx, arg.name, ref); break;
        case ArgType::kJob: jobs.check(ctx, arg.name, ref); break;
        case ArgType::kComponent:
          if (const std::string* w = text_arg(step, "writer")) {
            if (const Writer* writer = index.find(*w)) check_component(ctx, arg.name, index, *writer, ref);
          }
          break;
        default: break;
      }
    }
  }
}

}  // namespace

void check_names(Context& ctx, const Scenario& s) {
  std::vector<const Located<std::string>*> v, w, p, j;
  for (const auto& x : s.volumes) v.push_back(&x);
  for (const auto& x : s.writers) w.push_back(&x.name);
  for (const auto& x : s.providers) p.push_back(&x.name);
  for (const auto& x : s.jobs) j.push_back(&x.name);
  unique(ctx, "volume", v);
  unique(ctx, "writer", w);
  unique(ctx, "provider", p);
  unique(ctx, "job", j);
  for (const auto& writer : s.writers) {
    std::vector<const Located<std::string>*> c;
    for (const auto& x : writer.components) c.push_back(&x.name);
    unique(ctx, "component", c);
  }

  const Kind volumes = kind_of("volume", "volumes", s.volumes, [](const Located<std::string>& x) -> const Located<std::string>& { return x; });
  const Kind writers = kind_of("writer", "writers", s.writers, [](const Writer& x) -> const Located<std::string>& { return x.name; });
  const Kind providers = kind_of("provider", "providers", s.providers, [](const Provider& x) -> const Located<std::string>& { return x.name; });
  const Kind jobs = kind_of("job", "jobs", s.jobs, [](const Job& x) -> const Located<std::string>& { return x.name; });
  const WriterIndex index(s);

  for (const auto& writer : s.writers) {
    for (const auto& c : writer.components) {
      for (const auto& vol : c.volumes) volumes.check(ctx, "volumes", vol);
    }
  }
  for (const auto& provider : s.providers) {
    for (const auto& vol : provider.volumes) volumes.check(ctx, "volumes", vol);
  }
  for (const auto& f : s.settings.flush_durations) volumes.check(ctx, "flush_durations", f.volume);
  for (const auto& f : s.faults) {
    if (const auto* wf = std::get_if<WriterFault>(&f.target)) {
      if (!writers.check(ctx, "writer", wf->writer)) continue;
      const Writer& writer = *index.find(wf->writer.value);
      for (const auto& cf : wf->component_failures) check_component(ctx, "component", index, writer, cf.component);
    } else if (const auto* pf = std::get_if<ProviderFault>(&f.target)) {
      providers.check(ctx, "provider", pf->provider);
    } else if (const auto* bf = std::get_if<BitsFault>(&f.target)) {
      jobs.check(ctx, "job", bf->job);
    }
  }
  check_steps(ctx, s, index, volumes, writers, providers, jobs);
  if (s.driver.kind.value == DriverKind::kReferenceRequester) {
    for (const auto& vol : s.driver.requester.volumes) volumes.check(ctx, "volumes", vol);
  }

  for (const auto& we : s.expect.writers) {
    if (!writers.check(ctx, "writers", we.writer)) continue;
    const Writer& writer = *index.find(we.writer.value);
    for (const auto& ce : we.components) check_component(ctx, "components", index, writer, ce.component);
  }
  for (const auto& je : s.expect.jobs) jobs.check(ctx, "jobs", je.job);
  if (s.expect.event_log) {
    Kind sources("source", "sources");
    sources.add("VSS");
    for (auto n : writers.defined) sources.add(n);
    for (auto n : providers.defined) sources.add(n);
    for (const auto& e : s.expect.event_log->value) sources.check(ctx, "source", e.source);
  }
}

}  // namespace vssfault::scenario::detail
