// The space is derived from the catalog and the model tables: every code a role allows gives cells at the
// documented sites, and nothing else does.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "vssfault/bits/detail/method_matrix.h"
#include "vssfault/codes/catalog.h"
#include "vssfault/coverage/coverage.h"
#include "vssfault/vss/provider.h"

namespace vssfault::coverage {
namespace {

std::set<std::string> keys(const Space& s) {
  std::set<std::string> out;
  for (const Cell& c : s.cells) out.insert(c.key());
  return out;
}

std::set<std::string> excluded_keys(const Space& s) {
  std::set<std::string> out;
  for (const Exclusion& e : s.excluded) {
    EXPECT_FALSE(e.reason.empty()) << e.cell.key();
    out.insert(e.cell.key());
  }
  return out;
}

TEST(CoverageSpace, EveryCodeTheCatalogAllowsSetWriterFailureIsACellAtEveryLegalEvent) {
  const Space s = documented_space();
  const auto k = keys(s);
  std::size_t codes = 0;
  for (const CodeInfo& c : all_codes()) {
    if ((c.roles & kRoleWriterFailure) == 0) continue;
    ++codes;
    for (std::string_view ev : {"PrepareForBackup", "PrepareForSnapshot", "Freeze", "Thaw", "PostSnapshot",
                                "BackupComplete", "BackupShutdown", "PreRestore", "PostRestore", "Abort"})
      EXPECT_TRUE(k.count("writer-failure " + std::string(ev) + " " + std::string(c.name))) << c.name << " " << ev;
    // [S2][S3]: never from OnIdentify, so excluded with a reason.
    EXPECT_FALSE(k.count("writer-failure Identify " + std::string(c.name)));
    EXPECT_TRUE(excluded_keys(s).count("writer-failure Identify " + std::string(c.name)));
  }
  EXPECT_EQ(codes, 5u);  // [S3]: the five VSS_E_WRITERERROR codes
  const auto n = std::count_if(s.cells.begin(), s.cells.end(),
                               [](const Cell& c) { return c.dimension == Dimension::kWriterFailure; });
  EXPECT_EQ(static_cast<std::size_t>(n), 10 * codes);
}

TEST(CoverageSpace, SetWriterFailureExAddsPartialFailureAndSOk) {
  const auto k = keys(documented_space());
  EXPECT_TRUE(k.count("writer-failure-ex Thaw VSS_E_WRITERERROR_PARTIAL_FAILURE"));  // [S2]
  EXPECT_TRUE(k.count("writer-failure-ex Thaw S_OK"));
  EXPECT_FALSE(k.count("writer-failure Thaw VSS_E_WRITERERROR_PARTIAL_FAILURE"));    // not in [S3]
}

TEST(CoverageSpace, ComponentFailuresOnlyWhereTheHandlerReceivesComponents) {
  const Space s = documented_space();
  const auto k = keys(s);
  EXPECT_TRUE(k.count("component-failure PostSnapshot VSS_E_WRITERERROR_RETRYABLE"));
  EXPECT_TRUE(k.count("component-failure PreRestore S_OK"));
  EXPECT_FALSE(k.count("component-failure PostSnapshot VSS_E_WRITERERROR_PARTIAL_FAILURE"));  // [SF]: not it
  EXPECT_FALSE(k.count("component-failure Freeze VSS_E_WRITERERROR_RETRYABLE"));
  EXPECT_TRUE(excluded_keys(s).count("component-failure Freeze VSS_E_WRITERERROR_RETRYABLE"));
}

TEST(CoverageSpace, ProviderReturnsFollowTheValidReturnTablePerMethod) {
  const Space s = documented_space();
  const auto k = keys(s);
  for (const CodeInfo& c : all_codes()) {
    const bool valid = vss::provider_code_valid(vss::ProviderMethod::kCommitSnapshots, c.value);
    EXPECT_EQ(k.count("provider-return CommitSnapshots " + std::string(c.name)) == 1, valid && c.value != hr::S_OK)
        << c.name;
  }
  // [SWBPS]: BeginPrepareSnapshot documents codes beyond the [S4] table.
  EXPECT_TRUE(k.count("provider-return BeginPrepareSnapshot VSS_E_UNSUPPORTED_CONTEXT"));
  EXPECT_FALSE(k.count("provider-return CommitSnapshots VSS_E_UNSUPPORTED_CONTEXT"));
  EXPECT_TRUE(k.count("provider-method CommitSnapshots valid"));
  EXPECT_TRUE(k.count("provider-method CommitSnapshots unexpected"));
  // [OU]: S_FALSE only from OnUnload(FALSE), which the model never calls: excluded with a reason.
  EXPECT_FALSE(k.count("provider-return OnUnload S_FALSE"));
  EXPECT_TRUE(excluded_keys(s).count("provider-return OnUnload S_FALSE"));
  EXPECT_TRUE(excluded_keys(s).count("provider-method OnUnload valid"));
  EXPECT_TRUE(k.count("provider-method OnUnload unexpected"));
  // No fault site for IsVolumeSupported: excluded, not counted.
  EXPECT_FALSE(k.count("provider-method IsVolumeSupported unexpected"));
  EXPECT_TRUE(excluded_keys(s).count("provider-method IsVolumeSupported unexpected"));
}

TEST(CoverageSpace, WriterStatesAreThoseTheEventTableLeads) {
  const Space s = documented_space();
  const auto k = keys(s);
  EXPECT_TRUE(k.count("writer-state VSS_WS_STABLE"));
  EXPECT_TRUE(k.count("writer-state VSS_WS_WAITING_FOR_BACKUP_COMPLETE"));
  EXPECT_TRUE(k.count("writer-state VSS_WS_FAILED_AT_BACKUPSHUTDOWN"));
  EXPECT_TRUE(excluded_keys(s).count("writer-state VSS_WS_FAILED_AT_IDENTIFY"));
  EXPECT_TRUE(excluded_keys(s).count("writer-state VSS_WS_UNKNOWN"));
  const auto n = std::count_if(s.cells.begin(), s.cells.end(),
                               [](const Cell& c) { return c.dimension == Dimension::kWriterState; });
  EXPECT_EQ(n, 14);
}

TEST(CoverageSpace, BitsStatesMatrixAndTransitionsComeFromTheMethodMatrix) {
  const Space s = documented_space();
  const auto k = keys(s);
  for (std::size_t st = 0; st < bits::kJobStateCount; ++st) {
    const std::string state(bits::to_string(static_cast<bits::JobState>(st)));
    EXPECT_TRUE(k.count("bits-state " + state));
    for (std::size_t v = 0; v < bits::kVerbCount; ++v)
      EXPECT_TRUE(k.count("bits-method-state " + std::string(bits::to_string(static_cast<bits::Verb>(v))) + " " + state));
  }
  EXPECT_TRUE(k.count("bits-transition TRANSFERRING SUSPENDED"));  // Suspend [JSU]
  EXPECT_TRUE(k.count("bits-transition ERROR QUEUED"));           // Resume [JR]
  EXPECT_TRUE(k.count("bits-transition TRANSFERRED ACKNOWLEDGED")); // Complete [JCO]
  EXPECT_FALSE(k.count("bits-transition ACKNOWLEDGED QUEUED"));    // final states never leave [LC]
  EXPECT_FALSE(k.count("bits-transition QUEUED QUEUED"));
}

TEST(CoverageSpace, KeysAreUniqueAndCellsInDimensionOrder) {
  const Space s = documented_space();
  EXPECT_EQ(keys(s).size(), s.cells.size());
  EXPECT_TRUE(std::is_sorted(s.cells.begin(), s.cells.end(),
                             [](const Cell& a, const Cell& b) { return a.dimension < b.dimension; }));
}

}  // namespace
}  // namespace vssfault::coverage
