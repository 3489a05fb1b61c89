#include "vssfault/requester/reference_requester.h"

#include <utility>

#include "session.h"
#include "vssfault/codes/catalog.h"

namespace vssfault::requester {

bool retry_guided(HResult hr) {
  const CodeInfo* info = find_code(hr);
  return info != nullptr && (info->retry == Retry::kTenMinutesThreeTimes || info->retry == Retry::kWaitAndRetry);
}

ReferenceRequester::ReferenceRequester(vss::System& system, Policy policy)
    : system_(system), policy_(std::move(policy)) {}

BackupResult ReferenceRequester::Backup(const BackupRequest& request) {
  BackupResult result;
  int retries = 0;
  for (int number = 1;; ++number) {
    Attempt attempt;
    attempt.number = number;
    detail::Session(system_, policy_, request, attempt).Run();
    result.attempts.push_back(std::move(attempt));
    const Attempt& last = result.attempts.back();
    result.final_hr = last.hr;
    result.final_step = last.failed_step;
    if (last.verdict == Verdict::kSucceeded) {
      result.outcome = last.vetoes_accepted ? Outcome::kSucceededWithVetoes : Outcome::kSucceeded;
      return result;
    }
    const bool give_up = last.verdict == Verdict::kGiveUp && (policy_.broken & broken::kRetryUnguided) == 0;
    if (give_up || !policy_.retry) {
      result.outcome = Outcome::kGaveUp;
      return result;
    }
    if (retries >= policy_.max_retries) {
      result.outcome = Outcome::kRetriesExhausted;
      return result;
    }
    ++retries;
    // "wait ten minutes and then repeat the operation" [S1][S2][DSS]: virtual time, no sleeping (D21).
    system_.RunFor(policy_.retry_delay);
  }
}

}  // namespace vssfault::requester
