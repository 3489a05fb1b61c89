// Which cells a run reached, read from its trace: what the model did, not what the scenario asked for.
// A fault whose code VSS refused (strict misuse, D10), that lapsed (component not selected) or that never
// fired leaves no cell; a code that reached a writer status through another path still counts.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "vssfault/bits/detail/method_matrix.h"
#include "vssfault/codes/catalog.h"
#include "vssfault/coverage/coverage.h"
#include "vssfault/vss/provider.h"
#include "vssfault/vss/types.h"

namespace vssfault::coverage {
namespace {

std::optional<vss::WriterEvent> event_of_handler(std::string_view handler) {
  for (int e = 0; e <= static_cast<int>(vss::WriterEvent::kAbort); ++e) {
    const auto ev = static_cast<vss::WriterEvent>(e);
    if (vss::writer_handler_name(ev) == handler) return ev;
  }
  return std::nullopt;
}

std::optional<vss::ProviderMethod> provider_method(std::string_view name) {
  for (int m = 0; m <= static_cast<int>(vss::ProviderMethod::kGetTargetLuns); ++m) {
    const auto pm = static_cast<vss::ProviderMethod>(m);
    if (vss::provider_method_name(pm) == name) return pm;
  }
  return std::nullopt;
}

std::optional<Dimension> failure_dimension(std::string_view event) {
  if (event == "SetWriterFailure") return Dimension::kWriterFailure;
  if (event == "SetWriterFailureEx") return Dimension::kWriterFailureEx;
  if (event == "SetFailure") return Dimension::kComponentFailure;
  return std::nullopt;
}

/// The §6.4 row a traced job call belongs to. The setters row covers every Set* method and AddFile /
/// AddFileSet (method_matrix.h); Complete's row depends on the job type [JCO].
std::optional<bits::Verb> verb_of(std::string_view method, bool upload) {
  if (method == "Suspend") return bits::Verb::kSuspend;
  if (method == "Resume") return bits::Verb::kResume;
  if (method == "Cancel") return bits::Verb::kCancel;
  if (method == "Complete") return upload ? bits::Verb::kCompleteUpload : bits::Verb::kCompleteDownload;
  if (method.starts_with("Set") || method.starts_with("AddFile")) return bits::Verb::kSetProperty;
  return std::nullopt;
}

std::string key(Dimension d, std::string_view site, std::string_view value) {
  return Cell{d, std::string(site), std::string(value), {}}.key();
}

struct JobTrack {
  bool upload = false;
  std::string state;
  /// The state a job left in the transition a method call made, until that call's own record: the call
  /// record follows the transition it causes (job_api.cpp), so the state "when called" is this one.
  std::optional<std::pair<std::string, std::string>> left;  // (cause, from)
};

class Reader {
 public:
  std::set<std::string> out;

  void read(const TraceRecord& r) {
    if (r.actor.starts_with("writer:")) writer(r);
    if (r.actor.starts_with("provider:")) provider(r);
    if (r.actor.starts_with("bits:")) job(r);
    if (const std::string_view s = r.field("state"); s.starts_with("VSS_WS_"))
      out.insert(key(Dimension::kWriterState, "", s));
  }

  /// Settles the returns still waiting for a verdict at the end of the trace (nothing judged them invalid).
  void finish() {
    while (!returned_.empty()) settle(returned_.begin()->first, false);
  }

 private:
  std::map<std::string, std::vector<vss::WriterEvent>> handlers_;  // per writer actor, innermost last
  std::map<std::string, JobTrack> jobs_;

  void writer(const TraceRecord& r) {
    auto& stack = handlers_[r.actor];
    if (const auto ev = event_of_handler(r.event)) {
      if (r.field("phase") == "begin") stack.push_back(*ev);
      if (r.field("phase") == "end" && !stack.empty()) stack.pop_back();
      return;
    }
    const auto dim = failure_dimension(r.event);
    // Only a call VSS accepted, on the handler's thread, inside a handler, counts [S2][S3][SF].
    if (!dim || stack.empty() || r.field("thread") != "handler" || r.field("result") != "S_OK") return;
    out.insert(key(*dim, vss::writer_event_name(stack.back()), r.field("code")));
  }

  /// A provider's return, classified by the model's own verdict: the conformance record VSS writes right after
  /// the return when the code is not valid for the method [S4], or when OnUnload(TRUE) answered S_FALSE [OU].
  struct Return {
    std::string method;
    std::string code;
  };
  std::map<std::string, Return> returned_;  // per provider actor, waiting for its next record

  void settle(const std::string& actor, bool invalid) {
    const auto it = returned_.find(actor);
    if (it == returned_.end()) return;
    const Return ret = it->second;
    returned_.erase(it);
    if (invalid) {
      out.insert(key(Dimension::kProviderMethod, ret.method, "unexpected"));
    } else {
      out.insert(key(Dimension::kProviderReturn, ret.method, ret.code));
      out.insert(key(Dimension::kProviderMethod, ret.method, "valid"));
    }
  }

  void provider(const TraceRecord& r) {
    const std::string_view rule = r.event == "violation" ? r.field("rule") : std::string_view();
    settle(r.actor, rule == "provider.undocumented-code" || rule == "provider.unload-refused-when-forced");
    if (!provider_method(r.event) || r.field("phase") != "end") return;
    const auto code = parse_code(r.field("result"));  // "threw" is no code
    if (!code || *code == hr::S_OK) return;
    returned_[r.actor] = {r.event, std::string(r.field("result"))};
  }

  void job(const TraceRecord& r) {
    JobTrack& j = jobs_[r.actor];
    if (r.event == "create") {
      j.upload = r.field("type") != bits::to_string(bits::JobType::kDownload);
      j.state = r.field("state");
      out.insert(key(Dimension::kBitsState, "", j.state));
    } else if (r.event == "state") {
      const std::string from(r.field("from"));
      const std::string to(r.field("to"));
      const std::string_view cause = r.field("cause");
      if (verb_of(cause, j.upload)) {
        j.left = std::make_pair(std::string(cause), from);
      } else {
        j.left.reset();  // the scheduler, a timer or the transport moved the job
      }
      j.state = to;
      out.insert(key(Dimension::kBitsState, "", to));
      out.insert(key(Dimension::kBitsTransition, from, to));
    } else if (r.event == "call") {
      const std::string_view method = r.field("method");
      const std::string when = j.left && j.left->first == method ? j.left->second : j.state;
      j.left.reset();
      if (const auto verb = verb_of(method, j.upload); verb && !when.empty())
        out.insert(key(Dimension::kBitsMethodState, bits::to_string(*verb), when));
    }
  }
};

}  // namespace

std::set<std::string> reached_cells(const Trace& trace) {
  Reader reader;
  for (const TraceRecord& r : trace.records()) reader.read(r);
  reader.finish();
  return std::move(reader.out);
}

}  // namespace vssfault::coverage
