// HResult printing, and the text columns of the table: meaning, guidance and retry kind.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>

#include "vssfault/codes/catalog.h"
#include "vssfault/codes/facility.h"

namespace vssfault {
namespace {

TEST(Describe, KnownValuesReadNameThenHex) {
  EXPECT_EQ(hr::VSS_E_WRITERERROR_TIMEOUT.describe(), "VSS_E_WRITERERROR_TIMEOUT (0x800423F2)");
  EXPECT_EQ(hr::S_OK.describe(), "S_OK (0x00000000)");
  EXPECT_EQ(hr::BG_E_HTTP_ERROR_404.name(), "BG_E_HTTP_ERROR_404");
  std::ostringstream printed;
  PrintTo(hr::VSS_E_BAD_STATE, &printed);
  EXPECT_EQ(printed.str(), "VSS_E_BAD_STATE (0x80042301)");
  std::ostringstream streamed;
  streamed << hr::E_INVALIDARG;
  EXPECT_EQ(streamed.str(), "E_INVALIDARG (0x80070057)");
}

TEST(Describe, UnknownValuesSaySo) {
  const HResult unknown{0x8004ABCDu};
  EXPECT_EQ(unknown.hex(), "0x8004ABCD");
  EXPECT_EQ(unknown.name(), "0x8004ABCD");
  EXPECT_EQ(unknown.describe(), "0x8004ABCD (not a known code)");
}

TEST(Describe, DecodesTheHresultFields) {
  // [H:winerror.h] HRESULT layout: severity bit 31, facility bits 16..28, code bits 0..15.
  EXPECT_TRUE(hr::VSS_E_WRITERERROR_TIMEOUT.failed());
  EXPECT_EQ(hr::VSS_E_WRITERERROR_TIMEOUT.facility(), 4u);   // FACILITY_ITF
  EXPECT_EQ(hr::VSS_E_WRITERERROR_TIMEOUT.code(), 0x23F2u);
  EXPECT_TRUE(hr::VSS_S_ASYNC_FINISHED.succeeded());          // semantics §1.2 note
  EXPECT_EQ(hr::E_ACCESSDENIED.facility(), 7u);               // FACILITY_WIN32
  EXPECT_EQ(hr::BG_E_HTTP_ERROR_404.facility(), 25u);         // FACILITY_HTTP
  EXPECT_EQ(hr::BG_E_HTTP_ERROR_404.code(), 404u);            // 0x80190000 | status, semantics §1.5
  EXPECT_EQ(hr::BG_E_EMPTY.facility(), 32u);                  // FACILITY_BACKGROUNDCOPY
}

TEST(Table, EveryEntryHasAMeaningSentence) {
  for (const CodeInfo& c : all_codes()) {
    EXPECT_FALSE(c.meaning.empty()) << c.name;
    EXPECT_EQ(c.meaning.back(), '.') << c.name << ": the meaning should be one full sentence";
  }
}

TEST(Table, GuidanceAndRetryKindAgree) {
  for (const CodeInfo& c : all_codes()) {
    // A retry kind needs its documented sentence; only "none" may go without one.
    if (c.retry != Retry::kNone) {
      EXPECT_FALSE(c.guidance.empty()) << c.name;
    }
    if (!c.guidance.empty()) {
      EXPECT_EQ(c.guidance.back(), '.') << c.name;
    }
  }
  // The one kNone entry with guidance: a pointer to GetFailure, not a retry [S2][GWSX].
  std::set<std::string> none_with_guidance;
  for (const CodeInfo& c : all_codes()) {
    if (c.retry == Retry::kNone && !c.guidance.empty()) none_with_guidance.emplace(c.name);
  }
  EXPECT_EQ(none_with_guidance, std::set<std::string>{"VSS_E_WRITERERROR_PARTIAL_FAILURE"});
  EXPECT_THAT(std::string(find_code("VSS_E_WRITERERROR_PARTIAL_FAILURE")->guidance),
              ::testing::HasSubstr("GetFailure"));
}

TEST(Table, TenMinuteRuleIsExactlyTheDocumentedCodes) {
  // Writer codes [S1][S2] and DoSnapshotSet's transient codes [DSS]; semantics §8-D21.
  std::set<std::string> ten;
  for (const CodeInfo& c : all_codes()) {
    if (c.retry == Retry::kTenMinutesThreeTimes) {
      ten.emplace(c.name);
      EXPECT_EQ(c.guidance, "Wait ten minutes and repeat the operation, up to three times.") << c.name;
    }
  }
  EXPECT_EQ(ten, (std::set<std::string>{"VSS_E_WRITERERROR_OUTOFRESOURCES", "VSS_E_WRITERERROR_TIMEOUT",
                                         "VSS_E_WRITERERROR_RETRYABLE", "VSS_E_FLUSH_WRITES_TIMEOUT",
                                         "VSS_E_HOLD_WRITES_TIMEOUT", "VSS_E_PROVIDER_VETO",
                                         "VSS_E_UNEXPECTED_PROVIDER_ERROR"}));
}

TEST(Table, OtherDocumentedGuidance) {
  // [SSS][STSP] "the second requester should wait and try again".
  EXPECT_EQ(find_code("VSS_E_SNAPSHOT_SET_IN_PROGRESS")->retry, Retry::kWaitAndRetry);
  // [WEV] the requester "might add additional volumes".
  EXPECT_EQ(find_code("VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT")->retry, Retry::kChangeAndRetry);
  // [DSS] delete old persistent shadow copies.
  EXPECT_EQ(find_code("VSS_E_INSUFFICIENT_STORAGE")->retry, Retry::kChangeAndRetry);
  // [S1][WEV] might recur; too severe to back up with VSS.
  EXPECT_EQ(find_code("VSS_E_WRITERERROR_NONRETRYABLE")->retry, Retry::kDoNotRetry);
  EXPECT_EQ(find_code("VSS_E_WRITER_NOT_RESPONDING")->retry, Retry::kDoNotRetry);
  // [WEV] "Retrying might work when the system is less busy".
  EXPECT_EQ(find_code("VSS_E_WRITER_STATUS_NOT_AVAILABLE")->retry, Retry::kWaitAndRetry);
  // [JS][MRD] transient errors are retried by BITS after MinimumRetryDelay.
  EXPECT_EQ(find_code("BG_E_CONNECT_FAILURE")->retry, Retry::kAutomatic);
  // [GP] MaxInternetBandwidth = 0: queued again after the interval.
  EXPECT_EQ(find_code("BG_E_BLOCKED_BY_POLICY")->retry, Retry::kAutomatic);
  // [LC][JR] Resume on an empty job.
  EXPECT_EQ(find_code("BG_E_EMPTY")->retry, Retry::kChangeAndRetry);
  // Success needs no guidance.
  EXPECT_EQ(find_code("S_OK")->retry, Retry::kNone);
  EXPECT_TRUE(find_code("S_OK")->guidance.empty());
}

TEST(Table, RetryNamesAreDistinct) {
  std::set<std::string_view> names;
  for (Retry r : {Retry::kNone, Retry::kTenMinutesThreeTimes, Retry::kWaitAndRetry, Retry::kDoNotRetry,
                  Retry::kChangeAndRetry, Retry::kAutomatic}) {
    names.insert(retry_name(r));
  }
  EXPECT_EQ(names.size(), 6u);
  EXPECT_EQ(retry_name(Retry::kTenMinutesThreeTimes), "wait-10-minutes-up-to-3-times");
}

TEST(Table, EveryEntryHasANamedFacility) {
  for (const CodeInfo& c : all_codes()) {
    EXPECT_FALSE(facility_name(c.value.facility()).empty()) << c.name << " facility " << c.value.facility();
  }
}

}  // namespace
}  // namespace vssfault
