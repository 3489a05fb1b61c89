#pragma once
// The writers of a scenario: NiceMock<MockWriter>s (ideal unless the fault plan says otherwise) that, like
// the reference writers the scenario format describes, write an Application-log entry when a fault makes
// them report a failure ("always write an event-log entry", the handler pages; setting
// event_log.writers_log_failures). The entry names the writer as source and the event as method, with the
// code the writer reported (SetWriterFailure(Ex), else the first SetFailure); a writer that only vetoes or
// throws has no code to log and logs nothing.
#include <functional>
#include <string>

#include <gmock/gmock.h>

#include "vssfault/mocks/mock_writer.h"
#include "vssfault/mocks/vss_fault_injector.h"

namespace vssfault::runner::detail {

class ScenarioWriter final : public ::testing::NiceMock<mocks::MockWriter> {
 public:
  /// `faults` (may be null: no fault plan) must outlive the writer's handlers.
  ScenarioWriter(vss::System& system, const mocks::FaultInjector* faults, bool log_failures);

  bool OnIdentify(vss::CreateWriterMetadata* m) override;
  bool OnPrepareBackup(vss::WriterComponents* c) override;
  bool OnPrepareSnapshot() override;
  bool OnFreeze() override;
  bool OnThaw() override;
  bool OnPostSnapshot(vss::WriterComponents* c) override;
  bool OnAbort() override;
  bool OnBackupComplete(vss::WriterComponents* c) override;
  bool OnBackupShutdown(vss::VssId id) override;
  bool OnPreRestore(vss::WriterComponents* c) override;
  bool OnPostRestore(vss::WriterComponents* c) override;

 private:
  /// Runs the mock's handler, then logs if a fault at this event's site fired during it.
  bool Handle(vss::WriterEvent event, const std::function<bool()>& handler);

  const mocks::FaultInjector* faults_;
  bool log_failures_;
};

}  // namespace vssfault::runner::detail
