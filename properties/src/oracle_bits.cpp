// Oracles of the BITS properties: the GetError window, JobError, final states, the no-progress timeout.
#include <algorithm>
#include <map>

#include "vssfault/properties/oracles.h"

namespace vssfault::properties {
namespace {

using bits::JobState;

bool is_error(JobState s) { return s == JobState::kError || s == JobState::kTransientError; }
bool clears_error(JobState s) { return s == JobState::kTransferring || bits::is_final(s); }
std::string name(JobState s) { return std::string(bits::to_string(s)); }
std::string job(std::size_t i) { return GeneratedWorld::job_name(i); }

}  // namespace

Problems CheckGetError(const GeneratedWorld& /*world*/, const BitsObservation& obs) {
  Problems out;
  for (const BitsSample& s : obs.samples) {
    bool available = false;  // an error state entered since the last TRANSFERRING / final state (D12)
    for (const StateChange& c : obs.changes[s.job]) {
      if (c.index >= s.trace_end) break;
      if (is_error(c.to)) available = true;
      if (clears_error(c.to)) available = false;
    }
    const bool ok = s.get_error == hr::S_OK;
    if (ok != available || (is_error(s.state) && !ok))
      out.push_back("get-error: " + job(s.job) + " in " + name(s.state) + " at " + s.time.to_string() +
                    ": GetError returned " + s.get_error.name() + ", expected " +
                    (available ? "S_OK" : "BG_E_ERROR_INFORMATION_UNAVAILABLE") + " [S5]");
    if (out.size() > 5) break;
  }
  return out;
}

Problems CheckJobError(const GeneratedWorld& world, const BitsObservation& obs) {
  Problems out;
  for (std::size_t j = 0; j < obs.changes.size() && j < world.jobs.size(); ++j) {
    if (!world.jobs[j].callback) continue;
    const auto& changes = obs.changes[j];
    std::vector<const CallbackCall*> calls;
    for (const CallbackCall& c : obs.callbacks)
      if (c.job == j && c.method == "JobError") calls.push_back(&c);
    for (const CallbackCall* c : calls)
      if (c->state != JobState::kError)
        out.push_back("job-error: " + job(j) + ": JobError called at " + c->time.to_string() + " in " + name(c->state) +
                      " [CBJE]");
    for (std::size_t k = 0; k < changes.size(); ++k) {
      if (changes[k].to != JobState::kError) continue;
      const std::size_t from = changes[k].index;
      const std::size_t to = k + 1 < changes.size() ? changes[k + 1].index : obs.trace.size();
      const std::size_t count = static_cast<std::size_t>(std::count_if(calls.begin(), calls.end(), [&](const CallbackCall* c) {
        return c->trace_index > from && c->trace_index <= to;
      }));
      const bool stayed = k + 1 == changes.size() || changes[k + 1].time > changes[k].time;
      if (count > 1 || (stayed && count != 1))
        out.push_back("job-error: " + job(j) + " entered ERROR at " + changes[k].time.to_string() + " and got " +
                      std::to_string(count) + " JobError calls (once per entry [CBJE])");
    }
  }
  return out;
}

Problems CheckFinalStates(const GeneratedWorld& /*world*/, const BitsObservation& obs) {
  Problems out;
  for (std::size_t j = 0; j < obs.changes.size(); ++j) {
    const auto& changes = obs.changes[j];
    const auto final = std::find_if(changes.begin(), changes.end(), [](const StateChange& c) { return bits::is_final(c.to); });
    if (final == changes.end()) continue;
    for (auto it = final + 1; it != changes.end(); ++it)
      out.push_back("final-state: " + job(j) + " left " + name(final->to) + " for " + name(it->to) + " at " +
                    it->time.to_string() + " (" + it->cause + ") [LC]");
    for (const BitsCall& c : obs.calls) {
      if (c.job != j || c.trace_index <= final->index) continue;
      if (c.result != hr::BG_E_INVALID_STATE || c.after != c.before)
        out.push_back("final-state: " + job(j) + " in " + name(c.before) + ": a client call returned " + c.result.name() +
                      " and left " + name(c.after) + " (BG_E_INVALID_STATE, no change expected)");
    }
  }
  return out;
}

Problems CheckNoProgressTimeout(const GeneratedWorld& world, const BitsObservation& obs) {
  Problems out;
  for (std::size_t j = 0; j < obs.changes.size() && j < world.jobs.size(); ++j) {
    const Duration npt = Duration::seconds(world.jobs[j].no_progress_timeout_s);
    // Progress (bytes, files, the reply beginning or moving) at the start of the event that made it;
    // state changes at their trace position.
    struct Step {
      std::size_t index;
      int order;  // progress before the changes of the same event
      Instant time;
      const StateChange* change;
    };
    std::vector<Step> steps;
    const BitsSample* prev = nullptr;
    for (const BitsSample& s : obs.samples) {
      if (s.job != j) continue;
      if (prev && (s.progress.bytes_transferred > prev->progress.bytes_transferred ||
                   s.progress.files_transferred > prev->progress.files_transferred ||
                   s.reply.bytes_total != prev->reply.bytes_total ||
                   s.reply.bytes_transferred > prev->reply.bytes_transferred))
        steps.push_back({s.trace_begin, 0, s.time, nullptr});
      prev = &s;
    }
    for (const StateChange& c : obs.changes[j]) steps.push_back({c.index, 1, c.time, &c});
    std::sort(steps.begin(), steps.end(),
              [](const Step& a, const Step& b) { return a.index != b.index ? a.index < b.index : a.order < b.order; });

    std::optional<Instant> since;  // first error after the last progress [NPT]
    JobState state = JobState::kSuspended;
    Instant entered{};
    const std::string who = "no-progress: " + job(j) + " (NoProgressTimeout " + npt.to_string() + ")";
    for (const Step& st : steps) {
      if (!st.change) {
        since.reset();
        continue;
      }
      const StateChange& c = *st.change;
      if (state == JobState::kTransientError && since) {
        const Instant deadline = *since + npt;
        if (entered < deadline && deadline <= c.time && !(c.to == JobState::kError && c.time == deadline))
          out.push_back(who + " was in TRANSIENT_ERROR at its deadline " + deadline.to_string() + " but went to " +
                        name(c.to) + " at " + c.time.to_string());
      }
      if (is_error(c.to) && !since) since = c.time;
      if (c.to == JobState::kError && since && c.time < *since + npt)
        out.push_back(who + " entered ERROR at " + c.time.to_string() + ", before " + (*since + npt).to_string() +
                      " (first error since progress at " + since->to_string() + ")");
      state = c.to;
      entered = c.time;
    }
    if (state == JobState::kTransientError && since && *since + npt <= obs.horizon)
      out.push_back(who + " is still in TRANSIENT_ERROR at the end, past its deadline " + (*since + npt).to_string());
  }
  return out;
}

}  // namespace vssfault::properties
