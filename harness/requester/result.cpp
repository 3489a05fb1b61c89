#include "vssfault/requester/result.h"

#include <ostream>
#include <sstream>

namespace vssfault::requester {

bool WriterStatusEntry::failed() const {
  // VSS_WS_UNKNOWN "indicates an error on the part of the writer" [VWS].
  return vss::is_failed_state(state) || state == vss::WriterState::kUnknown || failure.failed();
}

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::kSucceeded: return "succeeded";
    case Verdict::kRetry: return "retry";
    case Verdict::kGiveUp: return "give-up";
  }
  return "?";
}

std::string_view outcome_name(Outcome o) {
  switch (o) {
    case Outcome::kSucceeded: return "succeeded";
    case Outcome::kSucceededWithVetoes: return "succeeded-with-vetoes";
    case Outcome::kGaveUp: return "gave-up";
    case Outcome::kRetriesExhausted: return "retries-exhausted";
  }
  return "?";
}

std::vector<Duration> BackupResult::attempt_offsets() const {
  std::vector<Duration> out;
  for (const auto& a : attempts) out.push_back(a.start - attempts.front().start);
  return out;
}

std::string BackupResult::describe() const {
  std::ostringstream os;
  os << "outcome " << outcome_name(outcome) << " after " << attempts.size() << " attempt(s)";
  if (!final_step.empty()) os << "; last failure " << final_step << " " << final_hr.name();
  os << "\n";
  for (const auto& a : attempts) {
    os << "  attempt " << a.number << " at " << a.start.to_string() << " (requester:" << a.requester << "): "
       << verdict_name(a.verdict);
    if (!a.failed_step.empty()) os << " at " << a.failed_step << (a.writer_failure ? " (writer status) " : " ")
                                   << a.hr.name();
    if (a.aborted) os << ", AbortBackup " << a.abort_result.name();
    os << " -- " << a.reason << "\n";
    for (const auto& s : a.statuses) {
      if (!s.failed()) continue;
      os << "    after " << s.after << ": " << s.writer << " " << vss::writer_state_name(s.state) << " "
         << s.failure.name() << "\n";
    }
    for (const auto& c : a.component_failures) {
      os << "    component " << c.writer << ":" << c.logical_path << "\\" << c.component << " " << c.failure.name()
         << "\n";
    }
  }
  return os.str();
}

void PrintTo(Verdict v, std::ostream* os) { *os << verdict_name(v); }
void PrintTo(Outcome o, std::ostream* os) { *os << outcome_name(o); }
std::ostream& operator<<(std::ostream& os, Outcome o) { return os << outcome_name(o); }

}  // namespace vssfault::requester
