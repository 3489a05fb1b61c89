// `vssfault codes`: the catalog as text and JSON, and the --role filter.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "support/cli_runner.h"
#include "support/sdk_headers.h"
#include "support/spec_tokens.h"
#include "vssfault/codes/catalog.h"

namespace vssfault {
namespace {

using ::testing::HasSubstr;
using nlohmann::json;
using test::run_cli;

bool is_upper_hex_value(const std::string& s) {
  if (s.size() != 10 || s.rfind("0x", 0) != 0) return false;
  for (std::size_t i = 2; i < s.size(); ++i) {
    const char c = s[i];
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) return false;
  }
  return true;
}

json codes_json(const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"codes", "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = run_cli(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  json parsed = json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(parsed.is_discarded()) << "not JSON:\n" << r.out;
  return parsed;
}

TEST(CodesCommand, TextTableHasOneAlignedRowPerCode) {
  const auto r = run_cli({"codes"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string header;
  std::getline(lines, header);
  EXPECT_EQ(header.rfind("NAME", 0), 0u) << header;
  const auto value_col = header.find("VALUE");
  ASSERT_NE(value_col, std::string::npos);
  std::size_t rows = 0;
  for (std::string line; std::getline(lines, line); ++rows) {
    ASSERT_LT(rows, all_codes().size()) << "more rows than codes";
    const CodeInfo& c = all_codes()[rows];
    EXPECT_EQ(line.rfind(std::string(c.name) + " ", 0), 0u) << line;
    EXPECT_EQ(line.substr(value_col, 10), c.value.hex()) << line;  // values sit in one column
  }
  EXPECT_EQ(rows, all_codes().size());
}

TEST(CodesCommand, JsonListsEveryCodeWithTheDocumentedShape) {
  const json codes = codes_json();
  ASSERT_TRUE(codes.is_array());
  ASSERT_EQ(codes.size(), all_codes().size());
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const json& o = codes[i];
    const CodeInfo& c = all_codes()[i];
    ASSERT_TRUE(o.is_object());
    EXPECT_EQ(o.size(), 6u) << o.dump();
    ASSERT_TRUE(o["name"].is_string());
    ASSERT_TRUE(o["value"].is_string());
    ASSERT_TRUE(o["meaning"].is_string());
    ASSERT_TRUE(o["guidance"].is_string());
    ASSERT_TRUE(o["retry"].is_string());
    ASSERT_TRUE(o["roles"].is_array());
    EXPECT_EQ(o["name"], std::string(c.name));
    EXPECT_TRUE(is_upper_hex_value(o["value"])) << o["value"];
    EXPECT_EQ(o["value"], c.value.hex());
    EXPECT_EQ(o["meaning"], std::string(c.meaning));
    EXPECT_EQ(o["retry"], std::string(retry_name(c.retry)));
    std::vector<std::string> roles;
    for (auto r : role_names(c.roles)) roles.emplace_back(r);
    EXPECT_EQ(o["roles"].get<std::vector<std::string>>(), roles);
  }
}

TEST(CodesCommand, JsonCarriesEverySeedCodeWithItsHeaderValue) {
  // Values from the SDK headers [semantics §0.1]; names from the five seed pages [S1]-[S5].
  std::map<std::string, std::uint32_t> header;
  for (const char* file : {"winerror.h", "vsserror.h", "bitsmsg.h"}) {
    const std::string path = std::string(test::kSdkIncludeDir) + "/" + file;
    const auto defines = test::parse_numeric_defines(path);
    ASSERT_TRUE(defines.has_value()) << test::missing_headers_message(path);
    for (const auto& [name, values] : *defines) header[name] = values.front();
  }
  std::map<std::string, std::string> listed;
  for (const json& o : codes_json()) listed[o["name"]] = o["value"];

  const auto files = test::list_seed_files(test::seeds_dir());
  ASSERT_EQ(files.size(), 5u) << "seed pages missing from " << test::seeds_dir();
  std::size_t checked = 0;
  for (const auto& file : files) {
    const auto text = test::read_text(file);
    ASSERT_TRUE(text.has_value()) << file;
    for (const auto& name : test::hresult_names_in(*text)) {
      ASSERT_EQ(header.count(name), 1u) << name << " from " << file << " is not in the SDK headers";
      ASSERT_EQ(listed.count(name), 1u) << name << " from " << file << " is not listed by `codes --json`";
      EXPECT_EQ(listed[name], HResult{header[name]}.hex()) << name;
      ++checked;
    }
  }
  EXPECT_GE(checked, 26u);  // distinct names over the five seeds
}

TEST(CodesCommand, RoleFilterKeepsOnlyThatRole) {
  // CVssWriter::SetWriterFailure accepts exactly five codes [S3].
  std::set<std::string> names;
  for (const json& o : codes_json({"--role", "writer-failure"})) names.insert(o["name"].get<std::string>());
  EXPECT_EQ(names, (std::set<std::string>{"VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT",
                                          "VSS_E_WRITERERROR_NONRETRYABLE", "VSS_E_WRITERERROR_OUTOFRESOURCES",
                                          "VSS_E_WRITERERROR_RETRYABLE", "VSS_E_WRITERERROR_TIMEOUT"}));
  const auto text = run_cli({"codes", "--role", "writer-status-by-vss"});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("VSS_E_WRITER_NOT_RESPONDING"));
  EXPECT_THAT(text.out, HasSubstr("VSS_E_WRITER_STATUS_NOT_AVAILABLE"));
  EXPECT_THAT(text.out, ::testing::Not(HasSubstr("VSS_E_BAD_STATE")));
}

TEST(CodesCommand, UnknownRoleIsBadInputAndListsTheValidOnes) {
  const auto r = run_cli({"codes", "--role", "writers"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_THAT(r.err, HasSubstr("unknown role 'writers'"));
  for (auto name : all_role_names()) EXPECT_THAT(r.err, HasSubstr(std::string(name)));
}

}  // namespace
}  // namespace vssfault
