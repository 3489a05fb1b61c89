// Snapshot-set creation limits and provider selection: one creation in progress [S4][SSS][STSP], 64
// volumes [ATS][SCCP], volume lookup and provider choice [ATS][SCCP][PRL].
#include "vss_fixture.h"

namespace vssfault::vss::test {
namespace {

class SnapshotSet : public VssTest {
 protected:
  std::vector<std::shared_ptr<BackupComponents>> keep_;
};
using ProviderSelection = VssTest;

// [S4]: "it only allows one shadow copy set creation to be in-progress between the call to StartSnapshotSet
// and the return from the call to DoSnapshotSet"; the second requester gets VSS_E_SNAPSHOT_SET_IN_PROGRESS.
TEST_F(SnapshotSet, SecondStartSnapshotSetFailsWhileInProgress) {
  auto first = Initialized(false, "app1");
  auto second = Initialized(false, "app2");
  VssId s1, s2;
  ASSERT_EQ(first->StartSnapshotSet(&s1), hr::S_OK);
  EXPECT_TRUE(sys.snapshot_set_in_progress());
  EXPECT_EQ(sys.creating_requester(), first->id());
  EXPECT_EQ(second->StartSnapshotSet(&s2), hr::VSS_E_SNAPSHOT_SET_IN_PROGRESS);
  EXPECT_EQ(first->AbortBackup(), hr::S_OK);
  EXPECT_FALSE(sys.snapshot_set_in_progress());
  EXPECT_EQ(second->StartSnapshotSet(&s2), hr::S_OK);  // "wait and try again" [STSP]
  EXPECT_NE(s1, s2);
  EXPECT_EQ(second->AbortBackup(), hr::S_OK);
}

// The lock lasts until DoSnapshotSet's operation completes, and is released on success and on failure.
TEST_F(SnapshotSet, LockIsHeldUntilDoSnapshotSetCompletes) {
  provider->work[ProviderMethod::kCommitSnapshots] = Duration::seconds(1);
  auto first = Prepared({"C:\\"}, "app1");
  auto second = Initialized(false, "app2");
  std::shared_ptr<Async> a;
  ASSERT_EQ(first->DoSnapshotSet(&a), hr::S_OK);
  VssId s2;
  EXPECT_EQ(second->StartSnapshotSet(&s2), hr::VSS_E_SNAPSHOT_SET_IN_PROGRESS);
  EXPECT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_FALSE(sys.snapshot_set_in_progress());
  EXPECT_EQ(second->StartSnapshotSet(&s2), hr::S_OK);
  EXPECT_EQ(second->AbortBackup(), hr::S_OK);
}

// [SCCP]: "VSS allows many shadow copies to exist at once".
TEST_F(SnapshotSet, ManySnapshotSetsMayExist) {
  for (int i = 0; i < 3; ++i) {
    auto r = Prepared({"C:\\"}, "app" + std::to_string(i));
    ASSERT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
    std::shared_ptr<Async> a;
    ASSERT_EQ(r->BackupComplete(&a), hr::S_OK);
    ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
    keep_.push_back(r);  // not released: the shadow copies live as long as the object [OBT]
  }
  EXPECT_EQ(sys.snapshots().size(), 3u);
  keep_.clear();  // release → non-persistent shadow copies end
  EXPECT_TRUE(sys.snapshots().empty());
}

// [ATS][SCCP]: at most 64 volumes per set.
TEST_F(SnapshotSet, SixtyFifthVolumeIsRejected) {
  for (int i = 0; i < 65; ++i) ASSERT_EQ(sys.AddVolume("V" + std::to_string(i)), hr::S_OK);
  auto r = Initialized();
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  for (int i = 0; i < 64; ++i) ASSERT_EQ(r->AddToSnapshotSet("V" + std::to_string(i), VssId::null(), &snap), hr::S_OK) << i;
  EXPECT_EQ(r->AddToSnapshotSet("V64", VssId::null(), &snap), hr::VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// [ATS]: VSS_E_OBJECT_NOT_FOUND — no such volume; E_INVALIDARG for a NULL snapshot id.
TEST_F(SnapshotSet, UnknownVolumeIsObjectNotFound) {
  auto r = Initialized();
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  EXPECT_EQ(r->AddToSnapshotSet("Z:\\", VssId::null(), &snap), hr::VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(r->AddToSnapshotSet("C:\\", VssId::null(), nullptr), hr::E_INVALIDARG);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// [SCD]: an empty set is acceptable in writer contexts.
TEST_F(SnapshotSet, EmptySetIsAcceptedInWriterContexts) {
  TestWriter w(sys, "W");
  auto r = Prepared({});
  EXPECT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(w.count(WriterEvent::kFreeze), 1u);
  EXPECT_TRUE(sys.snapshots().empty());
}

// [OBT]: persistent shadow copies survive Release; non-persistent ones do not.
TEST_F(SnapshotSet, PersistentSnapshotsSurviveRelease) {
  auto r = sys.CreateVssBackupComponents();
  ASSERT_EQ(r->InitializeForBackup(), hr::S_OK);
  ASSERT_EQ(r->SetContext(ctx::kClientAccessible), hr::S_OK);  // persistent, no writers
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  ASSERT_EQ(r->AddToSnapshotSet("C:\\", VssId::null(), &snap), hr::S_OK);
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->DoSnapshotSet(&a), hr::S_OK);
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(r->Release(), hr::S_OK);
  ASSERT_EQ(sys.snapshots().size(), 1u);
  EXPECT_EQ(sys.snapshots()[0].snapshot_id, snap);
  EXPECT_EQ(sys.snapshots()[0].snapshot_set_id, set);
}

// [ATS][SCCP]: with GUID_NULL, a hardware provider that supports the volume wins, then software, then system.
TEST_F(ProviderSelection, HardwareThenSoftwareThenSystem) {
  ASSERT_EQ(sys.AddVolume("D:\\"), hr::S_OK);
  ASSERT_EQ(sys.AddVolume("E:\\"), hr::S_OK);
  ASSERT_EQ(sys.UnregisterProvider(provider->info().id), hr::S_OK);
  auto hw = std::make_shared<TestProvider>("Array", ProviderType::kHardware, std::set<std::string>{"C:\\"});
  auto sw = std::make_shared<TestProvider>("Soft2", ProviderType::kSoftware, std::set<std::string>{"C:\\", "D:\\"});
  ASSERT_EQ(sys.RegisterProvider(sw), hr::S_OK);
  ASSERT_EQ(sys.RegisterProvider(hw), hr::S_OK);
  auto r = Initialized();
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  ASSERT_EQ(r->AddToSnapshotSet("C:\\", VssId::null(), &snap), hr::S_OK);
  ASSERT_EQ(r->AddToSnapshotSet("D:\\", VssId::null(), &snap), hr::S_OK);
  ASSERT_EQ(r->AddToSnapshotSet("E:\\", VssId::null(), &snap), hr::S_OK);
  std::shared_ptr<Async> a;
  ASSERT_EQ(r->PrepareForBackup(&a), hr::S_OK);
  ASSERT_EQ(Finish(a), hr::VSS_S_ASYNC_FINISHED);
  ASSERT_EQ(Snapshot(r), hr::VSS_S_ASYNC_FINISHED);
  std::map<std::string, VssId> by_volume;
  for (const auto& s : sys.snapshots()) by_volume[s.volume] = s.provider_id;
  EXPECT_EQ(by_volume["C:\\"], hw->info().id);
  EXPECT_EQ(by_volume["D:\\"], sw->info().id);
  EXPECT_EQ(by_volume["E:\\"], System::SystemProviderId());
  EXPECT_EQ(hw->count(ProviderMethod::kAreLunsSupported), 3u);  // asked for every volume [SCCP]
  EXPECT_EQ(hw->count(ProviderMethod::kGetTargetLuns), 1u);  // [GTL]: hardware only
  EXPECT_EQ(sw->count(ProviderMethod::kGetTargetLuns), 0u);
}

// [ATS]: VSS_E_VOLUME_NOT_SUPPORTED — GUID_NULL and no provider supports the volume.
TEST_F(ProviderSelection, NoProviderForTheVolumeIsVolumeNotSupported) {
  VolumeOptions fat;
  fat.system_provider_supports = false;
  ASSERT_EQ(sys.AddVolume("F:\\", fat), hr::S_OK);
  ASSERT_EQ(sys.UnregisterProvider(provider->info().id), hr::S_OK);
  auto r = Initialized();
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  EXPECT_EQ(r->AddToSnapshotSet("F:\\", VssId::null(), &snap), hr::VSS_E_VOLUME_NOT_SUPPORTED);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// [ATS]: a named provider that does not support the volume → VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER;
// an unknown provider id → VSS_E_PROVIDER_NOT_REGISTERED.
TEST_F(ProviderSelection, NamedProviderMustSupportTheVolumeAndBeRegistered) {
  ASSERT_EQ(sys.AddVolume("D:\\"), hr::S_OK);
  auto only_c = std::make_shared<TestProvider>("OnlyC", ProviderType::kSoftware, std::set<std::string>{"C:\\"});
  ASSERT_EQ(sys.RegisterProvider(only_c), hr::S_OK);
  auto r = Initialized();
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  EXPECT_EQ(r->AddToSnapshotSet("D:\\", only_c->info().id, &snap), hr::VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER);
  EXPECT_EQ(r->AddToSnapshotSet("C:\\", VssId::named("nobody"), &snap), hr::VSS_E_PROVIDER_NOT_REGISTERED);
  EXPECT_EQ(r->AddToSnapshotSet("C:\\", only_c->info().id, &snap), hr::S_OK);
  EXPECT_EQ(only_c->count(ProviderMethod::kBeginPrepareSnapshot), 1u);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
}

// [PRL]: registering an id twice → VSS_E_PROVIDER_ALREADY_REGISTERED; OnLoad on registration.
TEST_F(ProviderSelection, RegistrationLoadsOnceAndRejectsDuplicates) {
  EXPECT_EQ(provider->count(ProviderMethod::kOnLoad), 1u);
  EXPECT_EQ(sys.RegisterProvider(provider), hr::VSS_E_PROVIDER_ALREADY_REGISTERED);
  EXPECT_EQ(sys.UnregisterProvider(VssId::named("nobody")), hr::VSS_E_PROVIDER_NOT_REGISTERED);
}

// A provider used by the set being created cannot be unregistered (VSS_E_PROVIDER_IN_USE).
TEST_F(ProviderSelection, ProviderInUseCannotBeUnregistered) {
  auto r = Initialized();
  VssId set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  ASSERT_EQ(r->AddToSnapshotSet("C:\\", provider->info().id, &snap), hr::S_OK);
  EXPECT_EQ(sys.UnregisterProvider(provider->info().id), hr::VSS_E_PROVIDER_IN_USE);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
  EXPECT_EQ(sys.UnregisterProvider(provider->info().id), hr::S_OK);
}

}  // namespace
}  // namespace vssfault::vss::test
