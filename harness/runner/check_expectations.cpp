#include "check_expectations.h"

#include <algorithm>
#include <map>
#include <set>

#include "convert.h"
#include "vssfault/bits/diagnosis.h"

namespace vssfault::runner::detail {
namespace {

using scenario::to_name;

long last_of(const Trace& t, std::string_view actor) {
  const auto& r = t.records();
  for (std::size_t i = r.size(); i-- > 0;) {
    if (r[i].actor == actor) return static_cast<long>(i);
  }
  return static_cast<long>(r.size()) - 1;
}

long last_prefixed(const Trace& t, std::string_view prefix) {
  const auto& r = t.records();
  for (std::size_t i = r.size(); i-- > 0;) {
    if (r[i].actor.compare(0, prefix.size(), prefix) == 0) return static_cast<long>(i);
  }
  return static_cast<long>(r.size()) - 1;
}

long first_of(const Trace& t, std::string_view actor, std::string_view event, std::string_view key = {},
              std::string_view value = {}) {
  const auto& r = t.records();
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (r[i].actor == actor && r[i].event == event && (key.empty() || r[i].field(key) == value)) {
      return static_cast<long>(i);
    }
  }
  return -1;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

class Checker {
 public:
  Checker(World& w, const DriverResult& d) : w_(w), d_(d), last_(static_cast<long>(w.trace.size()) - 1) {}

  std::vector<Mismatch> run() {
    out_ = d_.step_mismatches;
    const scenario::Expectations& e = w_.scn.expect;
    if (e.result) check_result(*e.result);
    if (e.outcome) {
      const std::string actual = d_.outcome ? *d_.outcome : "none: the driver is not the reference requester";
      compare("outcome", std::string(to_name(e.outcome->value)), actual, e.outcome->mark, last_prefixed(w_.trace, "requester:"));
    }
    for (const auto& we : e.writers) check_writer(we);
    if (e.event_log) check_event_log(*e.event_log);
    if (e.snapshots) check_snapshots(*e.snapshots);
    for (const auto& je : e.jobs) check_job(je);
    if (e.attempts) {
      const std::string actual =
          d_.attempts ? std::to_string(*d_.attempts) : "none: the driver is not the reference requester";
      compare("attempts", std::to_string(e.attempts->value), actual, e.attempts->mark, last_);
    }
    if (e.elapsed) {
      compare("elapsed", e.elapsed->value.to_string(), w_.clock.now().to_string(), e.elapsed->mark, last_);
    }
    check_violations();
    return std::move(out_);
  }

 private:
  void add(std::string what, std::string expected, std::string actual, const scenario::Mark& origin, long index) {
    out_.push_back(Mismatch{std::move(what), std::move(expected), std::move(actual), origin_text(origin), index});
  }
  void compare(std::string what, const std::string& expected, const std::string& actual, const scenario::Mark& origin,
               long index) {
    if (expected != actual) add(std::move(what), expected, actual, origin, index);
  }
  std::string origin_text(const scenario::Mark& m) const {
    if (m.line > 0) return m.to_string();
    return w_.scn.mark.file + ":1:1";
  }

  void check_result(const scenario::Located<HResult>& expected) {
    const long index = w_.scn.jobs.empty() ? last_prefixed(w_.trace, "requester:") : last_;
    if (!d_.result) {
      add("result", expected.value.name(), "none: the driver made no call", expected.mark, index);
      return;
    }
    compare("result (" + d_.result_from + ")", expected.value.name(), d_.result->name(), expected.mark, index);
  }

  void check_writer(const scenario::WriterExpectation& we) {
    const std::string& name = we.writer.value;
    const ScenarioWriter* writer = w_.find_writer(name);
    if (writer == nullptr) {
      add("writer " + name, "a writer", "no such writer in the world", we.mark, last_);
      return;
    }
    const vss::WriterStatus& st = writer->status();
    const long index = last_of(w_.trace, writer->actor());
    const std::string who = "writer " + name + " ";
    if (we.state) {
      compare(who + "state", std::string(to_name(we.state->value)), std::string(vss::writer_state_name(st.state)),
              we.state->mark, index);
    }
    if (we.code) compare(who + "code", we.code->value.name(), st.failure.name(), we.code->mark, index);
    if (we.application_code) {
      compare(who + "application_code", we.application_code->value.name(), st.application.name(),
              we.application_code->mark, index);
    }
    if (we.message) compare(who + "message", quoted(we.message->value), quoted(st.message), we.message->mark, index);
    for (const auto& ce : we.components) check_component(name, ce, index);
  }

  void check_component(const std::string& writer, const scenario::ComponentExpectation& ce, long index) {
    const std::string who = "writer " + writer + " component " + ce.component.value;
    const auto it = d_.components.find({writer, ce.component.value});
    if (it == d_.components.end() || it->second.returned != hr::S_OK) {
      std::string expected;
      auto field = [&](std::string_view key, const std::string& value) {
        expected += (expected.empty() ? "" : ", ") + std::string(key) + ": " + value;
      };
      if (ce.code) field("code", ce.code->value.name());
      if (ce.application_code) field("application_code", ce.application_code->value.name());
      if (ce.message) field("message", quoted(ce.message->value));
      const std::string actual = it == d_.components.end()
                                     ? (d_.components_unread_reason.empty() ? "not read" : d_.components_unread_reason)
                                     : "GetFailure could not be read: " + it->second.returned.name();
      add(who, "{" + expected + "}", actual, ce.mark, index);
      return;
    }
    const ComponentRead& r = it->second;
    if (ce.code) compare(who + " code", ce.code->value.name(), r.code.name(), ce.code->mark, index);
    if (ce.application_code) {
      compare(who + " application_code", ce.application_code->value.name(), r.application.name(),
              ce.application_code->mark, index);
    }
    if (ce.message) compare(who + " message", quoted(ce.message->value), quoted(r.message), ce.message->mark, index);
  }

  void check_event_log(const scenario::Located<std::vector<scenario::EventLogExpectation>>& expected) {
    std::vector<vss::EventLogEntry> entries;
    if (w_.system) entries = w_.system->event_log().entries();
    // Each entry's trace record, and where it falls relative to the freeze windows.
    std::vector<long> indices;
    std::vector<scenario::FreezePhase> phases;
    bool ever_frozen = false;
    const auto& records = w_.trace.records();
    for (std::size_t i = 0; i < records.size(); ++i) {
      if (records[i].actor == "vss" && records[i].event == "volumes-frozen") ever_frozen = true;
      if (records[i].actor != "eventlog" || records[i].event != "write") continue;
      const std::size_t k = indices.size();
      indices.push_back(static_cast<long>(i));
      const bool frozen = k < entries.size() && entries[k].while_frozen;
      phases.push_back(frozen        ? scenario::FreezePhase::kWhileFrozen
                       : ever_frozen ? scenario::FreezePhase::kAfterThaw
                                     : scenario::FreezePhase::kBeforeFreeze);
    }
    const auto& want = expected.value;
    if (want.size() != entries.size()) {
      add("event_log", std::to_string(want.size()) + " entries", std::to_string(entries.size()) + " entries",
          expected.mark, indices.empty() ? last_ : indices.back());
    }
    for (std::size_t i = 0; i < std::max(want.size(), entries.size()); ++i) {
      const bool with_when = i >= want.size() || want[i].when.has_value();
      std::string actual = "(no entry)";
      if (i < entries.size()) {
        const auto& a = entries[i];
        actual = "{source: " + quoted(a.source) + ", method: " + a.method + ", code: " + a.code.name();
        if (with_when && i < phases.size()) actual += ", when: " + std::string(to_name(phases[i]));
        actual += "}";
      }
      std::string wanted = "(no entry)";
      if (i < want.size()) {
        const auto& x = want[i];
        wanted = "{source: " + quoted(x.source.value) + ", method: " + x.method.value + ", code: " + x.code.value.name();
        if (x.when) wanted += ", when: " + std::string(to_name(x.when->value));
        wanted += "}";
      }
      const long index = i < indices.size() ? indices[i] : last_;
      compare("event_log[" + std::to_string(i) + "]", wanted, actual, i < want.size() ? want[i].mark : expected.mark,
              index);
    }
  }

  void check_snapshots(const scenario::Located<scenario::SnapshotPresence>& expected) {
    const long created = first_of(w_.trace, "vss", "snapshot-set-created");
    const bool present = created >= 0 || (w_.system && !w_.system->snapshots().empty());
    const auto actual = present ? scenario::SnapshotPresence::kPresent : scenario::SnapshotPresence::kAbsent;
    compare("snapshots", std::string(to_name(expected.value)), std::string(to_name(actual)), expected.mark,
            created >= 0 ? created : last_);
  }

  void check_job(const scenario::JobExpectation& je) {
    const std::string& name = je.job.value;
    bits::Job* job = w_.find_job(name);
    if (job == nullptr) {
      add("job " + name, "a job", "no such job in the world", je.mark, last_);
      return;
    }
    const long index = last_of(w_.trace, job->actor());
    const std::string who = "job " + name + " ";
    if (je.state) {
      compare(who + "state", std::string(to_name(je.state->value)), job_state_name(job->state()), je.state->mark, index);
    }
    if (je.error) {
      const scenario::JobErrorExpectation& x = je.error->value;
      const std::string wanted =
          x.none ? "none" : "{context: " + std::string(to_name(x.context)) + ", code: " + x.code.name() + "}";
      std::shared_ptr<const bits::Error> error;
      const HResult got = job->GetError(&error);
      const std::string actual = got != hr::S_OK || !error
                                     ? "none"
                                     : "{context: " + error_context_name(error->context()) + ", code: " +
                                           error->code().name() + "}";
      compare(who + "error", wanted, actual, je.error->mark, index);
    }
    if (je.error_count) {
      compare(who + "error_count", std::to_string(je.error_count->value), std::to_string(job->error_count()),
              je.error_count->mark, index);
    }
    if (je.callbacks) check_callbacks(who, *job, *je.callbacks);
    if (je.diagnosis) {
      // [S5]: from GetType, GetError and GetReplyProgress, as a requester would.
      const std::string_view got = bits::to_string(bits::diagnose_upload_reply(*job));
      compare(who + "diagnosis", std::string(to_name(je.diagnosis->value)), std::string(got), je.diagnosis->mark, index);
    }
  }

  void check_callbacks(const std::string& who, const bits::Job& job, const scenario::CallbackCounts& c) {
    std::map<std::string, std::uint64_t, std::less<>> counts;
    long index = -1;
    const auto& records = w_.trace.records();
    for (std::size_t i = 0; i < records.size(); ++i) {
      if (records[i].actor == job.actor() && records[i].event == "notify") {
        ++counts[std::string(records[i].field("callback"))];
        index = static_cast<long>(i);
      }
    }
    if (index < 0) index = last_of(w_.trace, job.actor());
    auto one = [&](const std::optional<scenario::Located<std::uint64_t>>& want, std::string_view key,
                   std::string_view method) {
      if (!want) return;
      const auto it = counts.find(method);
      compare(who + "callbacks " + std::string(key), std::to_string(want->value),
              std::to_string(it == counts.end() ? 0 : it->second), want->mark, index);
    };
    one(c.job_transferred, "job_transferred", "JobTransferred");
    one(c.job_error, "job_error", "JobError");
    one(c.job_modification, "job_modification", "JobModification");
  }

  void check_violations() {
    struct Seen {
      std::string text;
      long index;
    };
    std::map<std::string, Seen> actual;  // rule id → its first occurrence
    auto note = [&](const std::string& rule, const std::string& source, const std::string& actor,
                    const std::string& detail) {
      if (actual.count(rule)) return;
      actual[rule] = Seen{rule + " " + source + " (" + actor + ": " + detail + ")",
                          first_of(w_.trace, actor, "violation", "rule", rule)};
    };
    if (w_.system) {
      for (const auto& v : w_.system->conformance().violations()) note(v.rule, v.source, v.actor, v.detail);
    }
    if (w_.service) {
      for (const auto& v : w_.service->checker().violations()) note(v.rule, v.source, v.actor, v.detail);
    }
    const scenario::Expectations& e = w_.scn.expect;
    std::set<std::string> wanted;
    if (e.violations) {
      for (const auto& id : e.violations->value) wanted.insert(id.value);
    }
    std::set<std::string> got;
    for (const auto& [rule, seen] : actual) got.insert(rule);
    if (wanted == got) return;
    std::string expected_text;
    for (const auto& id : wanted) expected_text += (expected_text.empty() ? "" : ", ") + id;
    std::string actual_text;
    long index = -1;
    for (const auto& [rule, seen] : actual) {
      actual_text += (actual_text.empty() ? "" : "; ") + seen.text;
      if (index < 0 && !wanted.count(rule)) index = seen.index;
    }
    add("violations", wanted.empty() ? "none" : expected_text, actual.empty() ? "none" : actual_text,
        e.violations ? e.violations->mark : e.mark, index >= 0 ? index : last_);
  }

  World& w_;
  const DriverResult& d_;
  const long last_;
  std::vector<Mismatch> out_;
};

}  // namespace

std::vector<Mismatch> check_expectations(World& w, const DriverResult& d) { return Checker(w, d).run(); }

}  // namespace vssfault::runner::detail
