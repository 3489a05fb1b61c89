#pragma once
// The whole-set failure invariant [S4] ("if any provider fails a shadow copy on any volume in the set,
// the creation of the entire set fails"), checked on random worlds: the loop a RapidCheck property over it
// runs, written with the kernel's Rng so it can be measured without RapidCheck's own generators.
#include <cstdint>
#include <string>

namespace vssfault::bench {

struct WholeSetCase {
  bool holds = true;       ///< the invariant held
  bool set_failed = false; ///< DoSnapshotSet failed (the fault reached the set)
  std::string detail;      ///< what was seen when it did not hold
};

/// Generates one random world from `seed` (1–4 writers, 1–3 providers, 1–6 volumes, and with
/// probability 3/4 one provider fault: a random creation method, a documented or undocumented code or an
/// 11 s CommitSnapshots that outlasts the hold window, on every hit, the first hit or half the hits),
/// drives a volume backup through DoSnapshotSet on BackupComponents and checks the invariant: a finished
/// set has one shadow copy per added volume, a failed one has none.
WholeSetCase run_whole_set_case(std::uint64_t seed);

}  // namespace vssfault::bench
