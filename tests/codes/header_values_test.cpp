// Every catalog value against the Windows SDK headers of mingw-w64-common [semantics §0.1]: the
// headers are the ground truth, so this test parses them rather than trusting a copy.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "support/sdk_headers.h"
#include "vssfault/codes/catalog.h"
#include "vssfault/codes/facility.h"

namespace vssfault {
namespace {

using test::DefineMap;

// Codes the headers lack, each with where its value comes from. Every one must really be absent from
// all three headers (checked below), so the list cannot outlive the reason for it.
const std::set<std::string> kAbsentFromHeaders = {
    // semantics §0.1 / DECISION D1: newer BITS codes, values from [RV] only.
    "BG_E_TOO_MANY_FILES_IN_JOB",
    "BG_E_TOO_MANY_JOBS_PER_USER",
    "BG_E_TOO_MANY_JOBS_PER_MACHINE",
    // HRESULT_FROM_WIN32(ERROR_RESOURCE_LANG_NOT_FOUND) [EGD]: a macro call, not a #define; its value is
    // computed from winerror.h in ComputedWin32CodeFollowsTheMacro.
    "HRESULT_FROM_WIN32_ERROR_RESOURCE_LANG_NOT_FOUND",
};

class HeaderValues : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    merged_ = new DefineMap;
    winerror_ = new DefineMap;
    for (const char* file : {"winerror.h", "vsserror.h", "bitsmsg.h"}) {
      const std::string path = std::string(test::kSdkIncludeDir) + "/" + file;
      auto defines = test::parse_numeric_defines(path);
      if (!defines) {
        missing_ += test::missing_headers_message(path) + "\n";
        continue;
      }
      if (std::string(file) == "winerror.h") *winerror_ = *defines;
      for (auto& [name, values] : *defines) {
        auto& into = (*merged_)[name];
        for (auto v : values) {
          if (std::find(into.begin(), into.end(), v) == into.end()) into.push_back(v);
        }
      }
    }
  }
  static void TearDownTestSuite() {
    delete merged_;
    delete winerror_;
  }
  void SetUp() override { ASSERT_TRUE(missing_.empty()) << missing_; }

  static inline DefineMap* merged_ = nullptr;
  static inline DefineMap* winerror_ = nullptr;
  static inline std::string missing_;
};

TEST_F(HeaderValues, ParserReadsTheThreeValueForms) {
  // One sample of each form, as the headers spell them [H:vsserror.h], [H:winerror.h], [H:bitsmsg.h].
  ASSERT_EQ(merged_->count("VSS_E_BAD_STATE"), 1u);         // ((HRESULT)0x80042301)
  EXPECT_THAT(merged_->at("VSS_E_BAD_STATE"), ::testing::ElementsAre(0x80042301u));
  ASSERT_EQ(merged_->count("E_FAIL"), 1u);                  // _HRESULT_TYPEDEF_(0x80004005)
  EXPECT_THAT(merged_->at("E_FAIL"), ::testing::ElementsAre(0x80004005u));
  ASSERT_EQ(merged_->count("BG_E_EMPTY"), 1u);              // __MSABI_LONG(0x80200003)
  EXPECT_THAT(merged_->at("BG_E_EMPTY"), ::testing::ElementsAre(0x80200003u));
  EXPECT_EQ(test::parse_define_value(" __MSABI_LONG(1815)"), 1815u);
  EXPECT_EQ(test::parse_define_value("((HRESULT)0x0004230AL)"), 0x0004230Au);
  EXPECT_EQ(test::parse_define_value("HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER)"), std::nullopt);
}

TEST_F(HeaderValues, EveryCatalogValueMatchesItsHeaderDefinition) {
  for (const CodeInfo& c : all_codes()) {
    const std::string name(c.name);
    if (kAbsentFromHeaders.count(name) != 0) continue;
    auto it = merged_->find(name);
    if (it == merged_->end()) {
      ADD_FAILURE() << name << " is in the catalog but defined in none of winerror.h, vsserror.h, "
                    << "bitsmsg.h; add it to kAbsentFromHeaders with its source, or fix the name";
      continue;
    }
    ASSERT_EQ(it->second.size(), 1u) << name << " has conflicting definitions in the headers";
    EXPECT_EQ(c.value.value(), it->second.front())
        << name << ": catalog " << c.value.hex() << ", header " << HResult{it->second.front()}.hex();
  }
}

TEST_F(HeaderValues, AllowListedCodesAreReallyAbsentAndInTheCatalog) {
  for (const std::string& name : kAbsentFromHeaders) {
    EXPECT_EQ(merged_->count(name), 0u) << name << " is now in the headers: take it off the allow-list";
    EXPECT_NE(find_code(name), nullptr) << name;
  }
}

TEST_F(HeaderValues, NewerBitsCodesHaveTheirDocumentedValues) {
  // [RV] "BITS Return Values"; semantics §0.1.
  EXPECT_EQ(find_code("BG_E_TOO_MANY_JOBS_PER_USER")->value.value(), 0x80200049u);
  EXPECT_EQ(find_code("BG_E_TOO_MANY_JOBS_PER_MACHINE")->value.value(), 0x80200050u);
  EXPECT_EQ(find_code("BG_E_TOO_MANY_FILES_IN_JOB")->value.value(), 0x80200051u);
  // None of them collides with a value the headers do define.
  for (const char* name : {"BG_E_TOO_MANY_JOBS_PER_USER", "BG_E_TOO_MANY_JOBS_PER_MACHINE",
                           "BG_E_TOO_MANY_FILES_IN_JOB"}) {
    const std::uint32_t v = find_code(name)->value.value();
    for (const auto& [other, values] : *merged_) {
      EXPECT_EQ(std::count(values.begin(), values.end(), v), 0) << name << " collides with " << other;
    }
  }
}

TEST_F(HeaderValues, ComputedWin32CodeFollowsTheMacro) {
  // [H:winerror.h:2246] __HRESULT_FROM_WIN32(x): x <= 0 ? x : (x & 0xFFFF) | (FACILITY_WIN32 << 16) |
  // 0x80000000, applied to ERROR_RESOURCE_LANG_NOT_FOUND [H:winerror.h:809] ([EGD] names the result).
  ASSERT_EQ(winerror_->count("ERROR_RESOURCE_LANG_NOT_FOUND"), 1u);
  ASSERT_EQ(winerror_->count("FACILITY_WIN32"), 1u);
  const std::uint32_t x = winerror_->at("ERROR_RESOURCE_LANG_NOT_FOUND").front();
  const std::uint32_t facility = winerror_->at("FACILITY_WIN32").front();
  ASSERT_GT(x, 0u);
  const std::uint32_t expected = (x & 0xFFFFu) | (facility << 16) | 0x80000000u;
  const CodeInfo* c = find_code("HRESULT_FROM_WIN32_ERROR_RESOURCE_LANG_NOT_FOUND");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->value.value(), expected);
  EXPECT_EQ(c->value.value(), 0x80070717u);
}

TEST_F(HeaderValues, NamedFacilitiesMatchWinerror) {
  for (const FacilityInfo& f : all_facilities()) {
    const std::string name(f.name);
    ASSERT_EQ(winerror_->count(name), 1u) << name << " is not defined in winerror.h";
    EXPECT_THAT(winerror_->at(name), ::testing::ElementsAre(f.number)) << name;
  }
  // The five the explain command must name (issue 2).
  EXPECT_EQ(facility_name(0), "FACILITY_NULL");
  EXPECT_EQ(facility_name(4), "FACILITY_ITF");
  EXPECT_EQ(facility_name(7), "FACILITY_WIN32");
  EXPECT_EQ(facility_name(25), "FACILITY_HTTP");
  EXPECT_EQ(facility_name(32), "FACILITY_BACKGROUNDCOPY");
  EXPECT_EQ(facility_name(0x1FFF), "");
}

}  // namespace
}  // namespace vssfault
