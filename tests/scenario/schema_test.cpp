// docs/scenario.schema.json is exactly the schema generated from the loader's tables.
#include <gtest/gtest.h>

#include <fstream>

#include "scenario/scenario_files.h"
#include "vssfault/scenario/schema.h"

namespace vssfault::scenario {
namespace {

TEST(JsonSchema, PublishedFileMatchesTheLoadersTables) {
  const std::string published = test::read_bytes(VSSFAULT_SOURCE_DIR "/docs/scenario.schema.json");
  const std::string generated = json_schema();
  if (published != generated) {
    const std::string fresh = VSSFAULT_BINARY_DIR "/scenario.schema.json";
    std::ofstream(fresh, std::ios::binary) << generated;
    FAIL() << "docs/scenario.schema.json is out of date with the loader; the generated schema is in " << fresh
           << ": copy it over docs/scenario.schema.json";
  }
}

}  // namespace
}  // namespace vssfault::scenario
