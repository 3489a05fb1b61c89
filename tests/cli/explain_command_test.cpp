// `vssfault explain CODE`: a catalog entry by name or value, the HRESULT decode, and the errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/cli_runner.h"

namespace vssfault {
namespace {

using ::testing::HasSubstr;
using nlohmann::json;
using test::run_cli;

TEST(ExplainCommand, NameInAnyCaseGivesTheWholeEntryAndDecode) {
  const auto r = run_cli({"explain", "vss_e_writererror_timeout"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("name:      VSS_E_WRITERERROR_TIMEOUT\n"));
  EXPECT_THAT(r.out, HasSubstr("value:     0x800423F2\n"));  // [S1], [KB915331]
  EXPECT_THAT(r.out, HasSubstr("meaning:   "));
  // [S1][S2]: "wait ten minutes and then repeat the operation, up to three times".
  EXPECT_THAT(r.out, HasSubstr("guidance:  Wait ten minutes and repeat the operation, up to three times.\n"));
  EXPECT_THAT(r.out, HasSubstr("retry:     wait-10-minutes-up-to-3-times\n"));
  EXPECT_THAT(r.out, HasSubstr("roles:     writer-failure, writer-failure-ex, component-failure\n"));
  EXPECT_THAT(r.out, HasSubstr("severity:  failure (1)\n"));
  EXPECT_THAT(r.out, HasSubstr("facility:  4 (FACILITY_ITF)\n"));
  EXPECT_THAT(r.out, HasSubstr("code:      0x23F2 (9202)\n"));
}

TEST(ExplainCommand, HexValueFindsTheSameEntry) {
  const auto r = run_cli({"explain", "0x8020000f"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("name:      BG_E_ERROR_INFORMATION_UNAVAILABLE\n"));  // [S5]
  EXPECT_THAT(r.out, HasSubstr("facility:  32 (FACILITY_BACKGROUNDCOPY)\n"));
}

TEST(ExplainCommand, SuccessCodesDecodeAsSuccess) {
  const auto r = run_cli({"explain", "VSS_S_ASYNC_FINISHED"});  // semantics §1.2: severity bit clear
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("severity:  success (0)\n"));
  EXPECT_THAT(r.out, HasSubstr("guidance:  (none documented)\n"));
}

TEST(ExplainCommand, UnknownValueIsStillDecoded) {
  // 0x80070002 is HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND = 2) [H:winerror.h]; not in our catalog.
  const auto r = run_cli({"explain", "0x80070002"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("(not a known code)"));
  EXPECT_THAT(r.out, HasSubstr("value:     0x80070002\n"));
  EXPECT_THAT(r.out, HasSubstr("facility:  7 (FACILITY_WIN32)\n"));
  EXPECT_THAT(r.out, HasSubstr("code:      0x0002 (2)\n"));
  const auto odd = run_cli({"explain", "0x81230001"});
  ASSERT_EQ(odd.exit_code, 0) << odd.err;
  EXPECT_THAT(odd.out, HasSubstr("facility:  291\n"));  // 0x123: no name we know
}

TEST(ExplainCommand, UnknownNameSuggestsTheClosestNames) {
  const auto r = run_cli({"explain", "VSS_E_WRITERERROR_TIMEOT"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_THAT(r.err, HasSubstr("unknown code name 'VSS_E_WRITERERROR_TIMEOT'; did you mean: "
                               "VSS_E_WRITERERROR_TIMEOUT"));
  EXPECT_THAT(r.err, ::testing::EndsWith("?\n"));
}

TEST(ExplainCommand, NameWithNothingCloseSaysWhereTheListIs) {
  const auto r = run_cli({"explain", "xyzzy"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown code name 'xyzzy'"));
  EXPECT_THAT(r.err, HasSubstr("vssfault codes"));
}

TEST(ExplainCommand, MalformedHexIsBadInput) {
  for (const char* bad : {"0xZZ", "0x123456789", "0x"}) {
    const auto r = run_cli({"explain", bad});
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_THAT(r.err, HasSubstr("not a hex value")) << bad;
  }
}

TEST(ExplainCommand, MissingArgumentIsBadUsage) {
  const auto r = run_cli({"explain"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("CODE"));
}

TEST(ExplainCommand, JsonForAKnownCode) {
  const auto r = run_cli({"explain", "VSS_E_WRITERERROR_PARTIAL_FAILURE", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json o = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(o.is_discarded()) << r.out;
  EXPECT_EQ(o["known"], true);
  EXPECT_EQ(o["name"], "VSS_E_WRITERERROR_PARTIAL_FAILURE");
  EXPECT_EQ(o["value"], "0x80042336");  // [H:vsserror.h], semantics §1.2
  EXPECT_EQ(o["roles"], json::array({"writer-failure-ex"}));  // [S2] only, not [SF]
  EXPECT_EQ(o["severity"], "failure");
  EXPECT_EQ(o["facility"], 4);
  EXPECT_EQ(o["facility_name"], "FACILITY_ITF");
  EXPECT_EQ(o["code"], 0x2336);
  EXPECT_TRUE(o["meaning"].is_string());
  EXPECT_TRUE(o["guidance"].is_string());
  EXPECT_TRUE(o["retry"].is_string());
}

TEST(ExplainCommand, JsonForAnUnknownValue) {
  const auto r = run_cli({"explain", "--json", "0x00FF0001"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json o = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(o.is_discarded()) << r.out;
  EXPECT_EQ(o["known"], false);
  EXPECT_FALSE(o.contains("name"));
  EXPECT_EQ(o["value"], "0x00FF0001");
  EXPECT_EQ(o["severity"], "success");
  EXPECT_EQ(o["facility"], 0xFF);
  EXPECT_TRUE(o["facility_name"].is_null());
  EXPECT_EQ(o["code"], 1);
}

}  // namespace
}  // namespace vssfault
