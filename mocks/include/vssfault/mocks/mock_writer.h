#pragma once
/// MockWriter: a GoogleMock writer on the VSS model, for requester authors who need writers that fail
/// on cue and for writer authors who want to see the calls VSS makes. It derives vss::Writer, so it is
/// subscribed, timed and judged exactly like a user's own writer; every handler is a MOCK_METHOD.
///
/// The constructor installs ideal defaults (InstallIdealDefaults): every handler returns true, so a
/// NiceMock<MockWriter> behaves like a writer that never fails, and a StrictMock<MockWriter> accepts
/// exactly the calls a test expects (an EXPECT_CALL without an action runs the ideal default). Without
/// those defaults GoogleMock would return false, i.e. a fatal veto (D9).
///
/// The writer's protected failure API is public here so gmock actions can call it on the handler's
/// thread (SetWriterFailure, SetWriterFailureEx, Work, GetCurrentSnapshotSetId, worker, …).
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gmock/gmock.h>

#include "vssfault/codes/hresult.h"
#include "vssfault/kernel/duration.h"
#include "vssfault/vss/system.h"
#include "vssfault/vss/writer.h"

namespace vssfault::mocks {

class MockWriter : public vss::Writer {
 public:
  /// Installs the ideal defaults; call Initialize and Subscribe (or Start) before a backup.
  explicit MockWriter(vss::System& system);

  /// Initialize(VssId::named(name), name, user data, transacted DB, level, timeout) then Subscribe();
  /// returns the first failing HRESULT, else S_OK.
  HResult Start(std::string_view name, vss::ApplicationLevel level = vss::ApplicationLevel::kFrontEnd,
                std::uint32_t timeout_freeze_ms = 60000);

  MOCK_METHOD(bool, OnIdentify, (vss::CreateWriterMetadata * pMetadata), (override));
  MOCK_METHOD(bool, OnPrepareBackup, (vss::WriterComponents * pComponents), (override));
  MOCK_METHOD(bool, OnPrepareSnapshot, (), (override));
  MOCK_METHOD(bool, OnFreeze, (), (override));
  MOCK_METHOD(bool, OnThaw, (), (override));
  MOCK_METHOD(bool, OnPostSnapshot, (vss::WriterComponents * pComponents), (override));
  MOCK_METHOD(bool, OnAbort, (), (override));
  MOCK_METHOD(bool, OnBackupComplete, (vss::WriterComponents * pComponents), (override));
  MOCK_METHOD(bool, OnBackupShutdown, (vss::VssId SnapshotSetId), (override));
  MOCK_METHOD(bool, OnPreRestore, (vss::WriterComponents * pComponents), (override));
  MOCK_METHOD(bool, OnPostRestore, (vss::WriterComponents * pComponents), (override));

  // The protected CVssWriter API, public so actions can reach it (they run inside the handler).
  using vss::Writer::AreComponentsSelected;
  using vss::Writer::GetBackupType;
  using vss::Writer::GetCurrentSnapshotSetId;
  using vss::Writer::SetWriterFailure;
  using vss::Writer::SetWriterFailureEx;
  using vss::Writer::Work;
  using vss::Writer::worker;

  /// The components OnIdentify declares by default (none until set): each is added with
  /// CreateWriterMetadata::AddComponent by the ideal OnIdentify.
  void DeclareComponent(std::string_view logical_path, std::string_view name,
                        vss::ComponentType type = vss::ComponentType::kFileGroup);
  /// What the ideal OnIdentify does: declares the DeclareComponent components, returns true (a NULL
  /// metadata pointer declares nothing).
  bool IdealIdentify(vss::CreateWriterMetadata* metadata);

 private:
  std::vector<vss::WriterMetadata::ComponentInfo> declared_;
};

/// (Re)installs the ideal ON_CALL defaults on every handler: OnIdentify declares the components given to
/// DeclareComponent and returns true; every other handler returns true. Earlier ON_CALLs are shadowed.
void InstallIdealDefaults(MockWriter& writer);

// --- ready-made handler actions (usable with any handler signature) ---

/// SetWriterFailure(hr), then return `returns` (false = fatal veto, true = non-fatal failure; D9).
inline auto SetWriterFailureAndReturn(MockWriter& writer, HResult hr, bool returns) {
  return [&writer, hr, returns](auto&&...) { writer.SetWriterFailure(hr); return returns; };
}
/// SetWriterFailureEx(hr, hrApplication, message), then return `returns`.
inline auto SetWriterFailureExAndReturn(MockWriter& writer, HResult hr, HResult application,
                                        std::string message, bool returns) {
  return [&writer, hr, application, message = std::move(message), returns](auto&&...) {
    writer.SetWriterFailureEx(hr, application, message);
    return returns;
  };
}
/// Lets `d` of virtual time pass inside the handler (timers such as the freeze window fire during it),
/// then returns `returns`.
inline auto WorkAndReturn(MockWriter& writer, Duration d, bool returns = true) {
  return [&writer, d, returns](auto&&...) { writer.Work(d); return returns; };
}

}  // namespace vssfault::mocks
