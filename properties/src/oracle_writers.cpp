// Oracles of the writer properties: failure codes, states and event order, freeze timeouts.
#include <algorithm>
#include <map>

#include "trace_facts.h"
#include "vssfault/codes/catalog.h"
#include "vssfault/properties/oracles.h"

namespace vssfault::properties {
namespace {

using facts::kNone;
using vss::WriterEvent;
using vss::WriterState;

std::string n(std::size_t v) { return std::to_string(v); }

// The status check that follows the operation delivering `e` (VssDriver::kSingle).
std::string operation_of(WriterEvent e) {
  switch (e) {
    case WriterEvent::kIdentify: return "GatherWriterMetadata";
    case WriterEvent::kPrepareForBackup: return "PrepareForBackup";
    case WriterEvent::kBackupComplete: return "BackupComplete";
    default: return "DoSnapshotSet";
  }
}

std::uint32_t role_of(mocks::FailureApi api) {
  return api == mocks::FailureApi::kSetWriterFailure ? kRoleWriterFailure : kRoleWriterFailureEx;
}

std::string state_name(WriterState s) { return std::string(vss::writer_state_name(s)); }

const std::vector<facts::HandlerCall>* calls_of(const std::map<std::string, std::vector<facts::HandlerCall>>& m,
                                                const std::string& writer) {
  auto it = m.find(writer);
  return it == m.end() ? nullptr : &it->second;
}

}  // namespace

Problems CheckWriterCodes(const GeneratedWorld& world, const VssObservation& obs) {
  Problems out;
  const auto calls = facts::handler_calls(obs.trace);
  for (std::size_t i = 0; i < world.writers.size(); ++i) {
    const WriterSpec& spec = world.writers[i];
    if (spec.faults.size() != 1) continue;
    const WriterFaultSpec& f = spec.faults.front();
    const mocks::WriterAction& a = f.action;
    const std::string w = GeneratedWorld::writer_name(i);
    const bool delivered = std::any_of(calls.begin(), calls.end(), [&](const facts::HandlerCall& c) {
      return c.writer == w && c.event == f.event;
    });
    const StatusRead* read = obs.status_after(operation_of(f.event));
    if (!delivered || !read) continue;
    const StatusRow* row = read->row(w);
    const std::string where = w + " in " + std::string(vss::writer_handler_name(f.event)) + " (" + a.describe() + ")";
    if (f.event == WriterEvent::kIdentify) {
      // Nothing is accepted from OnIdentify [S2][S3][SF]; a false return drops the writer [OBI][DWS].
      if (!a.returns || a.throws) {
        if (row) out.push_back("writer-codes: " + where + " is still listed after its Identify failed");
      } else if (!row) {
        out.push_back("writer-codes: " + where + " is missing from the status list");
      } else if (row->failure != hr::S_OK || row->state != WriterState::kStable || row->application != hr::S_OK) {
        out.push_back("writer-codes: " + where + " reads " + state_name(row->state) + " " + row->failure.name() +
                      " after Identify; nothing may be accepted from OnIdentify");
      }
      continue;
    }
    if (!row) {
      out.push_back("writer-codes: " + where + " is missing from the status after " + read->after);
      continue;
    }
    const WriterState failed_at = *facts::failed_state(f.event);
    // What the writer-level report should leave: code, application code, message, and whether it fails.
    bool accepted = false;
    HResult code, application;
    std::string message;
    if (a.failure) {
      accepted = code_has_role(a.failure->code, role_of(a.failure->api));
      if (accepted) {
        code = a.failure->code;
        if (a.failure->api == mocks::FailureApi::kSetWriterFailureEx) {
          application = a.failure->application;
          message = a.failure->message;
        }
      }
    }
    bool component_found = false;
    if (!a.components.empty() && world.component_mode) {
      const auto& c = a.components.front();
      component_found = true;
      const ComponentRead* cr = read->component(w, c.component);
      const HResult want = code_has_role(c.code, kRoleComponentFailure) ? c.code : hr::S_OK;
      if (!cr) {
        out.push_back("writer-codes: " + where + ": component " + c.component + " was not read");
      } else if (cr->get_failure != hr::S_OK || cr->failure != want) {
        out.push_back("writer-codes: " + where + ": GetFailure(" + c.component + ") returned " + cr->get_failure.name() +
                      " with " + cr->failure.name() + ", expected " + want.name());
      }
      if (!a.failure && a.partial_failure_ex) {  // [SF]: SetWriterFailureEx(PARTIAL_FAILURE) besides SetFailure
        accepted = true;
        code = hr::VSS_E_WRITERERROR_PARTIAL_FAILURE;
      }
    }
    for (const auto& cr : read->components)  // every other component of the writer reports nothing
      if (cr.writer == w && !(component_found && cr.component == a.components.front().component) &&
          cr.failure != hr::S_OK)
        out.push_back("writer-codes: " + where + ": GetFailure(" + cr.component + ") returned " + cr.failure.name());
    const bool fatal = !a.returns || a.throws;
    WriterState want_state = row->state;
    HResult want_failure = hr::S_OK;
    if (accepted && code.failed()) {
      want_state = failed_at;
      want_failure = code;
    } else if (fatal) {
      want_state = failed_at;
      want_failure = hr::VSS_E_WRITERERROR_NONRETRYABLE;  // a veto without a code (docs/semantics.md)
    } else if (vss::is_failed_state(row->state)) {
      out.push_back("writer-codes: " + where + " reads " + state_name(row->state) + " without an accepted failure");
    }
    if (row->state != want_state || row->failure != want_failure)
      out.push_back("writer-codes: " + where + " reads " + state_name(row->state) + " " + row->failure.name() +
                    " after " + read->after + ", expected " + state_name(want_state) + " " + want_failure.name());
    if (accepted && (row->application != application || row->message != message))
      out.push_back("writer-codes: " + where + " reads hrApplication " + row->application.name() + " message '" +
                    row->message + "', expected " + application.name() + " '" + message + "'");
  }
  return out;
}

Problems CheckWriterStates(const GeneratedWorld& world, const VssObservation& obs) {
  Problems out;
  // Per session (requester id), per writer: the handler calls in order.
  std::map<int, std::map<std::string, std::vector<facts::HandlerCall>>> sessions;
  for (const auto& c : facts::handler_calls(obs.trace))
    if (c.event != WriterEvent::kIdentify) sessions[c.requester][c.writer].push_back(c);
  std::map<std::string, int> rank;
  for (std::size_t i = 0; i < world.writers.size(); ++i)
    rank[GeneratedWorld::writer_name(i)] = facts::freeze_rank(world.writers[i].level);

  for (const auto& [session, writers] : sessions) {
    const std::string s = "session " + std::to_string(session);
    for (const auto& [w, calls] : writers) {
      bool post = false;
      std::size_t thaws = 0, aborts = 0;
      for (std::size_t k = 0; k < calls.size(); ++k) {
        const WriterEvent e = calls[k].event;
        if (e == WriterEvent::kPostSnapshot) post = true;
        if (e == WriterEvent::kAbort && post)
          out.push_back("writer-states: " + s + ": " + w + " got OnAbort after OnPostSnapshot [ONAB]");
        thaws += e == WriterEvent::kThaw;
        aborts += e == WriterEvent::kAbort;
        if (e == WriterEvent::kFreeze) {
          const bool next_ok = k + 1 < calls.size() &&
                               (calls[k + 1].event == WriterEvent::kThaw || calls[k + 1].event == WriterEvent::kAbort);
          if (!next_ok)
            out.push_back("writer-states: " + s + ": " + w + "'s OnFreeze is followed by " +
                          (k + 1 < calls.size() ? std::string(vss::writer_handler_name(calls[k + 1].event))
                                                : std::string("nothing")) +
                          ", not OnThaw or OnAbort [ONFR]");
        }
      }
      if (thaws > 1 || aborts > 1)
        out.push_back("writer-states: " + s + ": " + w + " got " + n(thaws) + " OnThaw and " + n(aborts) + " OnAbort");
    }
    // Freeze order by level [VAL].
    std::vector<facts::HandlerCall> freezes;
    for (const auto& [w, calls] : writers)
      for (const auto& c : calls)
        if (c.event == WriterEvent::kFreeze) freezes.push_back(c);
    std::sort(freezes.begin(), freezes.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
    for (std::size_t k = 1; k < freezes.size(); ++k)
      if (rank[freezes[k].writer] < rank[freezes[k - 1].writer])
        out.push_back("writer-states: " + s + ": " + freezes[k - 1].writer + " (" +
                      std::string(vss::application_level_name(world.writers[std::stoul(freezes[k - 1].writer.substr(1))].level)) +
                      ") froze before " + freezes[k].writer + " (" +
                      std::string(vss::application_level_name(world.writers[std::stoul(freezes[k].writer.substr(1))].level)) +
                      ") [VAL]");
  }

  // The end state of the last, completed, attempt.
  if (!obs.backup || obs.backup->attempts.empty()) return out;
  const requester::Attempt& last = obs.backup->attempts.back();
  if (last.verdict != requester::Verdict::kSucceeded) return out;
  // Freeze windows that expired, per writer, in this session.
  std::map<std::string, std::size_t> expired;
  for (std::size_t i = 0; i < obs.trace.size(); ++i) {
    const TraceRecord& r = obs.trace[i];
    if (r.actor == "vss" && r.event == "freeze-window-expired" && r.field("requester") == std::to_string(last.requester) &&
        expired.count(std::string(r.field("writer"))) == 0)
      expired[std::string(r.field("writer"))] = i;
  }
  const auto sit = sessions.find(last.requester);
  for (const auto& st : last.statuses) {
    if (st.after != "BackupComplete") continue;
    // A writer that took no part in the session keeps the status of an earlier one (D18) [DWS].
    const auto* calls = sit == sessions.end() ? nullptr : calls_of(sit->second, st.writer);
    if (!calls || std::none_of(calls->begin(), calls->end(), [](const facts::HandlerCall& c) {
          return c.event == WriterEvent::kPrepareForBackup;
        }))
      continue;
    std::optional<WriterEvent> first;
    std::size_t first_at = kNone;
    for (const auto& c : *calls) {
      if (c.event == WriterEvent::kAbort || c.event == WriterEvent::kBackupShutdown) continue;
      if (c.failed()) {
        first = c.event;
        first_at = c.begin;
        break;
      }
    }
    if (auto e = expired.find(st.writer); e != expired.end() && e->second < first_at) first = WriterEvent::kFreeze;
    const WriterState want = first ? *facts::failed_state(*first) : WriterState::kStable;
    if (st.state != want)
      out.push_back("writer-states: " + st.writer + " ends " + state_name(st.state) + ", expected " + state_name(want) +
                    (first ? " (its first failing event was " + std::string(vss::writer_event_name(*first)) + ")"
                           : std::string(" (no failing event)")));
  }
  return out;
}

Problems CheckFreezeTimeouts(const GeneratedWorld& world, const VssObservation& obs) {
  Problems out;
  const StatusRead* read = obs.status_after("DoSnapshotSet");
  if (!read) return out;
  const auto calls = facts::handler_calls(obs.trace);
  auto freeze_delay = [](const WriterSpec& w) {
    Duration d{};
    for (const auto& f : w.faults)
      if (f.event == WriterEvent::kFreeze) d += f.action.delay;
    return d;
  };
  // Time inside every writer's window that does not depend on the writers: the slowest flush and the
  // providers' PreCommit / Commit / PostCommit delays.
  Duration shared{};
  for (const auto& p : world.providers)
    for (const auto& f : p.faults)
      if (f.method == vss::ProviderMethod::kPreCommitSnapshots || f.method == vss::ProviderMethod::kCommitSnapshots ||
          f.method == vss::ProviderMethod::kPostCommitSnapshots)
        shared += f.action.delay;
  Duration flush{};
  for (const auto& p : world.providers)
    for (const auto& v : p.volumes) flush = std::max(flush, v.flush);
  for (const auto& v : world.system_volumes) flush = std::max(flush, v.flush);
  shared += flush;

  for (std::size_t i = 0; i < world.writers.size(); ++i) {
    const WriterSpec& spec = world.writers[i];
    const std::string w = GeneratedWorld::writer_name(i);
    const bool froze = std::any_of(calls.begin(), calls.end(), [&](const facts::HandlerCall& c) {
      return c.writer == w && c.event == WriterEvent::kFreeze;
    });
    const StatusRow* row = read->row(w);
    if (!froze || !row) continue;
    const Duration window = Duration::ms(spec.freeze_timeout_ms);
    const Duration own = freeze_delay(spec);
    Duration budget = shared;
    for (const auto& other : world.writers)
      if (facts::freeze_rank(other.level) >= facts::freeze_rank(spec.level)) budget += freeze_delay(other);
    const bool timed_out = row->state == WriterState::kFailedAtFreeze && row->failure == hr::VSS_E_WRITERERROR_TIMEOUT;
    if (own >= window && !timed_out)
      out.push_back("freeze-timeout: " + w + "'s OnFreeze took " + own.to_string() + " against a " + window.to_string() +
                    " window but it reads " + state_name(row->state) + " " + row->failure.name());
    if (budget < window && timed_out)
      out.push_back("freeze-timeout: " + w + " timed out although at most " + budget.to_string() +
                    " can pass between its Freeze and Thaw (window " + window.to_string() + ")");
  }
  return out;
}

}  // namespace vssfault::properties
