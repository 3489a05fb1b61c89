// Lookups by name and value, suggestions for misspelled names, and parse_code.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "vssfault/codes/catalog.h"

namespace vssfault {
namespace {

TEST(Lookup, ByNameIsCaseInsensitive) {
  for (const char* spelling : {"VSS_E_BAD_STATE", "vss_e_bad_state", "Vss_E_Bad_State"}) {
    const CodeInfo* c = find_code(std::string_view(spelling));
    ASSERT_NE(c, nullptr) << spelling;
    EXPECT_EQ(c->name, "VSS_E_BAD_STATE");
    EXPECT_EQ(c->value, HResult{0x80042301u});  // [H:vsserror.h], [S1]
  }
  EXPECT_EQ(find_code(std::string_view("VSS_E_BAD_STAT")), nullptr);
  EXPECT_EQ(find_code(std::string_view("")), nullptr);
}

TEST(Lookup, ByValueFindsTheEntry) {
  const CodeInfo* c = find_code(HResult{0x800423F2u});  // [KB915331], [H:vsserror.h]
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->name, "VSS_E_WRITERERROR_TIMEOUT");
  // Success and failure twins differ only in the severity bit [H:vsserror.h].
  EXPECT_EQ(find_code(HResult{0x00042321u})->name, "VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED");
  EXPECT_EQ(find_code(HResult{0x80042321u})->name, "VSS_E_SOME_SNAPSHOTS_NOT_IMPORTED");
  EXPECT_EQ(find_code(HResult{0x8004FFFFu}), nullptr);
}

TEST(Lookup, EveryEntryIsFoundByItsOwnNameAndValue) {
  for (const CodeInfo& c : all_codes()) {
    EXPECT_EQ(find_code(c.name), &c) << c.name;
    EXPECT_EQ(find_code(c.value), &c) << c.name;
  }
}

TEST(Lookup, NamedConstantsCarryTheTableValues) {
  EXPECT_EQ(hr::S_OK.value(), 0x00000000u);                              // [H:winerror.h:2322]
  EXPECT_EQ(hr::E_INVALIDARG.value(), 0x80070057u);                      // [S1] returns table
  EXPECT_EQ(hr::VSS_E_UNEXPECTED_PROVIDER_ERROR.value(), 0x8004230Fu);   // [S4], semantics §5.4
  EXPECT_EQ(hr::BG_E_ERROR_INFORMATION_UNAVAILABLE.value(), 0x8020000Fu);// [S5], semantics §6.5
  EXPECT_EQ(hr::BG_E_TOO_MANY_FILES_IN_JOB.value(), 0x80200051u);        // [RV]
}

TEST(Suggestions, MisspelledTimeoutSuggestsTheRealNameFirst) {
  const auto s = suggest_code_names("VSS_E_WRITERERROR_TIMEOT");
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s.front(), "VSS_E_WRITERERROR_TIMEOUT");
  EXPECT_LE(s.size(), 3u);
}

TEST(Suggestions, AreCaseInsensitiveAndBounded) {
  const auto s = suggest_code_names("bg_e_emtpy", 2);
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s.front(), "BG_E_EMPTY");
  EXPECT_LE(s.size(), 2u);
  EXPECT_TRUE(suggest_code_names("completely unrelated text").empty());
}

TEST(ParseCode, AcceptsNamesAndPrefixedHex) {
  EXPECT_EQ(parse_code("VSS_E_WRITERERROR_TIMEOUT"), HResult{0x800423F2u});
  EXPECT_EQ(parse_code("bg_e_empty"), HResult{0x80200003u});
  EXPECT_EQ(parse_code("0x800423F2"), HResult{0x800423F2u});
  EXPECT_EQ(parse_code("0X800423f2"), HResult{0x800423F2u});
  EXPECT_EQ(parse_code("0x0"), HResult{0u});
  // A value outside the catalog still parses: it is a valid HRESULT, just not a known one.
  EXPECT_EQ(parse_code("0x80041234"), HResult{0x80041234u});
}

TEST(ParseCode, RejectsEverythingElse) {
  EXPECT_EQ(parse_code("800423F2"), std::nullopt);    // the 0x prefix is required
  EXPECT_EQ(parse_code("0x"), std::nullopt);
  EXPECT_EQ(parse_code("0x123456789"), std::nullopt); // more than 32 bits
  EXPECT_EQ(parse_code("0x80G"), std::nullopt);
  EXPECT_EQ(parse_code("NOT_A_CODE"), std::nullopt);
  EXPECT_EQ(parse_code(""), std::nullopt);
}

}  // namespace
}  // namespace vssfault
