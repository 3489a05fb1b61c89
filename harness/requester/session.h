#pragma once
// One attempt of the reference requester on one BackupComponents object. Private to the requester layer.
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "vssfault/requester/policy.h"
#include "vssfault/requester/result.h"
#include "vssfault/vss/system.h"

namespace vssfault::requester::detail {

class Session {
 public:
  Session(vss::System& system, const Policy& policy, const BackupRequest& request, Attempt& attempt);
  /// Runs the whole attempt, Release included; the verdict and records are in the Attempt.
  void Run();

 private:
  using AsyncMethod = HResult (vss::BackupComponents::*)(std::shared_ptr<vss::Async>*);
  struct Selected {
    vss::VssId instance;
    vss::VssId writer_id;
    std::string writer;
    vss::WriterMetadata::ComponentInfo info;
    bool failed = false;
  };

  bool Sequence();
  /// Starts `method`, waits for it and reads QueryStatus: S_OK only when it finished successfully.
  HResult RunAsync(AsyncMethod method);
  /// Records a failed call (`hr` failed, or for an async anything but S_OK) and stops; false if it failed.
  bool Step(std::string_view step, HResult hr, bool async = false);
  bool ReadMetadata();
  bool AddComponents();
  bool StartSnapshotSet();
  /// The status check after `after`. `decide`: a writer failure stops the attempt (unless accepted).
  bool CheckStatus(std::string_view after, bool decide);
  /// GetFailure on each selected component of the writer; returns the failed component codes.
  std::vector<HResult> ReadComponentFailures(std::string_view after, const WriterStatusEntry& status);
  bool MarkSucceeded();
  void Stop(std::string_view step, HResult hr, bool writer_failure, Verdict verdict, std::string reason);
  bool Selects(const vss::WriterMetadata& writer, const vss::WriterMetadata::ComponentInfo& c) const;

  vss::System& system_;
  const Policy& policy_;
  const BackupRequest& request_;
  Attempt& attempt_;
  std::shared_ptr<vss::BackupComponents> bc_;
  std::vector<vss::WriterMetadata> writers_;
  std::vector<Selected> selected_;
  std::set<vss::VssId> selected_writers_;  ///< instance ids taking part in this backup
  bool abort_needed_ = false;
};

}  // namespace vssfault::requester::detail
