// Every HRESULT the five seed pages and semantics.md name must be in the catalog, with the value the
// spec's tables give. The documents live beside the repository: <source>/../shared/spec.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "support/spec_tokens.h"
#include "vssfault/codes/catalog.h"

namespace vssfault {
namespace {

std::string missing_spec(const std::string& path) {
  return "cannot read " + path + ": the specification documents must sit beside the source tree "
         "(<source>/../shared/spec); this test fails rather than skips without them";
}

TEST(SpecTokenScanner, FindsEscapedAndPlainNamesButNotAnchorsOrPlaceholders) {
  const auto names = test::hresult_names_in(
      "| S\\_OK | <span id=\"vss_e_bad_state\"></span>VSS\\_E\\_BAD\\_STATE | E_FAIL, "
      "BG_JOB_STATE_ERROR, HRESULT_FROM_WIN32(ERROR_RESOURCE_LANG_NOT_FOUND) BITS_MC_JOB_SCAVENGED");
  EXPECT_THAT(names, ::testing::ElementsAre("BITS_MC_JOB_SCAVENGED", "E_FAIL",
                                            "HRESULT_FROM_WIN32_ERROR_RESOURCE_LANG_NOT_FOUND",
                                            "S_OK", "VSS_E_BAD_STATE"));
  const auto pairs = test::table_values_in("| S_OK | 0x00000000 | S_FALSE | 0x00000001 |\n"
                                           "| E_FAIL | not hex |\n");
  EXPECT_THAT(pairs, ::testing::ElementsAre(::testing::Pair("S_OK", 0u), ::testing::Pair("S_FALSE", 1u)));
}

TEST(SeedCoverage, EverySeedCodeIsInTheCatalog) {
  const std::string dir = test::seeds_dir();
  const auto files = test::list_seed_files(dir);
  // semantics §0.2: five seed pages, S1..S5.
  ASSERT_EQ(files.size(), 5u) << missing_spec(dir);
  std::set<std::string> all;
  for (const auto& file : files) {
    const auto text = test::read_text(file);
    ASSERT_TRUE(text.has_value()) << missing_spec(file);
    const auto names = test::hresult_names_in(*text);
    EXPECT_FALSE(names.empty()) << file << " names no HRESULT: the scanner is broken";
    for (const auto& name : names) {
      EXPECT_NE(find_code(name), nullptr) << name << " (named in " << file << ") is not in the catalog";
      all.insert(name);
    }
  }
  // Spot checks that the scan sees each seed: S1's NOT_RESPONDING, S2's PARTIAL_FAILURE, S4's escaped
  // markdown (VSS\_E\_UNEXPECTED\_PROVIDER\_ERROR), S5's ERROR_INFORMATION_UNAVAILABLE.
  for (const char* expected : {"VSS_E_WRITER_NOT_RESPONDING", "VSS_E_WRITERERROR_PARTIAL_FAILURE",
                               "VSS_E_UNEXPECTED_PROVIDER_ERROR", "VSS_E_CANNOT_REVERT_DISKID", "E_ABORT",
                               "S_FALSE", "BG_E_ERROR_INFORMATION_UNAVAILABLE"}) {
    EXPECT_EQ(all.count(expected), 1u) << expected << " was not found in the seeds";
  }
}

TEST(SemanticsCoverage, EveryCodeNamedInTheSpecIsInTheCatalog) {
  const std::string path = test::semantics_path();
  const auto text = test::read_text(path);
  ASSERT_TRUE(text.has_value()) << missing_spec(path);
  // Placeholders the spec writes for a family of codes, not codes: "VSS_E_WRITERERROR_XXX values"
  // (§4.6) and "VSS_S_ASYNC_*" (§1.2).
  const std::set<std::string> placeholders = {"VSS_E_WRITERERROR_XXX", "VSS_S_ASYNC_"};
  const auto names = test::hresult_names_in(*text);
  EXPECT_GT(names.size(), 80u) << "the scan of " << path << " found too few names";
  for (const auto& name : names) {
    if (placeholders.count(name) != 0) continue;
    EXPECT_NE(find_code(name), nullptr) << name << " (named in semantics.md) is not in the catalog";
  }
  EXPECT_EQ(names.count("HRESULT_FROM_WIN32_ERROR_RESOURCE_LANG_NOT_FOUND"), 1u);  // §6.5 [EGD]
}

TEST(SemanticsCoverage, SpecTableValuesEqualCatalogValues) {
  const std::string path = test::semantics_path();
  const auto text = test::read_text(path);
  ASSERT_TRUE(text.has_value()) << missing_spec(path);
  // §1.1, §1.2, §1.5 and §5.4 tables: `| NAME | 0xVALUE |`.
  const auto pairs = test::table_values_in(*text);
  EXPECT_GT(pairs.size(), 90u) << "the tables of " << path << " yielded too few pairs";
  for (const auto& [name, value] : pairs) {
    const CodeInfo* c = find_code(name);
    ASSERT_NE(c, nullptr) << name;
    EXPECT_EQ(c->value.value(), value) << name << ": spec " << HResult{value}.hex() << ", catalog "
                                       << c->value.hex();
  }
}

}  // namespace
}  // namespace vssfault
