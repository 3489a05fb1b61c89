#pragma once
/// Fault-injection points inside VSS itself (what no user writer or provider can make happen): a
/// requester method failing before it does anything, a writer's status being unavailable. Writer and
/// provider faults are injected by wrapping or scripting the writer / provider objects instead.
#include <optional>
#include <string_view>

#include "vssfault/codes/hresult.h"

namespace vssfault::vss {

class Writer;

class Hooks {
 public:
  virtual ~Hooks() = default;
  /// Called at the start of every BackupComponents method of requester `requester` ("DoSnapshotSet",
  /// "AddToSnapshotSet", …). A value makes the method return it at once, with no effect (traced as a
  /// `fault` record).
  virtual std::optional<HResult> OnRequesterCall(int requester, std::string_view method) {
    (void)requester; (void)method;
    return std::nullopt;
  }
  /// Called when GatherWriterStatus collects `writer`'s status. A value replaces the failure code the
  /// requester will read (e.g. VSS_E_WRITER_STATUS_NOT_AVAILABLE [GWST]).
  virtual std::optional<HResult> OnWriterStatus(int requester, const Writer& writer) {
    (void)requester; (void)writer;
    return std::nullopt;
  }
  /// Called when an asynchronous operation of `requester` ("DoSnapshotSet", …) is about to complete with
  /// `result`. A value replaces the result. For DoSnapshotSet a replacement failure takes the abort path
  /// (AbortSnapshots, no snapshot of the set survives [S4]); other operations just report it.
  virtual std::optional<HResult> OnAsyncComplete(int requester, std::string_view method, HResult result) {
    (void)requester; (void)method; (void)result;
    return std::nullopt;
  }
};

}  // namespace vssfault::vss
