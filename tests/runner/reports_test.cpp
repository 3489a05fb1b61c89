#include "vssfault/runner/reports.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace vssfault::runner {
namespace {

std::vector<ScenarioResult> sample() {
  ScenarioResult ok;
  ok.file = "scenarios/clean.yaml";
  ok.name = "clean backup";
  ok.seed = 1;
  ok.virtual_time = Duration::seconds(2);
  ok.trace_hash = 0xabc;
  ScenarioResult bad;
  bad.file = "scenarios/freeze.yaml";
  bad.name = "freeze <timeout> & \"abort\"";
  bad.outcome = Outcome::kFailed;
  bad.mismatches.push_back({"writer W1 state", "VSS_WS_FAILED_AT_FREEZE", "VSS_WS_STABLE",
                            "scenarios/freeze.yaml:20:9", 4});
  bad.reproduce = "vssfault run scenarios/freeze.yaml --seed 1";
  ScenarioResult invalid;
  invalid.file = "scenarios/broken.yaml";
  invalid.outcome = Outcome::kInvalid;
  invalid.messages.push_back("scenarios/broken.yaml:3:1: error: unknown key 'writer'; did you mean 'writers'?");
  return {ok, bad, invalid};
}

TEST(JUnitXml, CountsAndFailureElementsLikeGoogleTest) {
  const auto xml = junit_xml(sample());
  EXPECT_NE(xml.find("<testsuites tests=\"3\" failures=\"1\" disabled=\"0\" errors=\"1\" time=\"0\" name=\"AllTests\">"),
            std::string::npos) << xml;
  EXPECT_NE(xml.find("<testcase name=\"clean backup\" file=\"scenarios/clean.yaml\""), std::string::npos);
  EXPECT_NE(xml.find("name=\"freeze &lt;timeout&gt; &amp; &quot;abort&quot;\""), std::string::npos);
  EXPECT_NE(xml.find("<failure message=\"writer W1 state: expected VSS_WS_FAILED_AT_FREEZE, actual VSS_WS_STABLE\""),
            std::string::npos);
  EXPECT_NE(xml.find("<error message=\"scenarios/broken.yaml:3:1: error: unknown key &apos;writer&apos;"),
            std::string::npos);
  EXPECT_NE(xml.find("<property name=\"trace_hash\" value=\"0x0000000000000abc\"/>"), std::string::npos);
}

TEST(JUnitXml, CdataTerminatorInAMessageIsSplit) {
  ScenarioResult r;
  r.file = "x.yaml";
  r.outcome = Outcome::kError;
  r.messages.push_back("a]]>b");
  const auto xml = junit_xml({r});
  EXPECT_NE(xml.find("<![CDATA[a]]]]><![CDATA[>b"), std::string::npos) << xml;
}

TEST(XmlEscape, DropsControlCharacters) { EXPECT_EQ(xml_escape(std::string("a\x01" "b\tc")), "ab&#x09;c"); }

TEST(JsonReport, ListsEveryScenarioWithCounts) {
  const auto doc = nlohmann::json::parse(json_report(sample()));
  EXPECT_EQ(doc["passed"], 1);
  EXPECT_EQ(doc["failed"], 1);
  EXPECT_EQ(doc["invalid"], 1);
  ASSERT_EQ(doc["scenarios"].size(), 3u);
  EXPECT_EQ(doc["scenarios"][1]["mismatches"][0]["expected"], "VSS_WS_FAILED_AT_FREEZE");
  EXPECT_EQ(doc["scenarios"][1]["mismatches"][0]["origin"], "scenarios/freeze.yaml:20:9");
  EXPECT_EQ(doc["scenarios"][0]["trace_hash"], "0x0000000000000abc");
  EXPECT_EQ(doc["scenarios"][0]["virtual_time"], "2s");
}

TEST(JsonReport, InvalidUtf8DoesNotThrow) {
  ScenarioResult r;
  r.file = "x.yaml";
  r.outcome = Outcome::kInvalid;
  r.messages.push_back(std::string("bad \xff byte"));
  EXPECT_NO_THROW(nlohmann::json::parse(json_report({r})));
}

}  // namespace
}  // namespace vssfault::runner
