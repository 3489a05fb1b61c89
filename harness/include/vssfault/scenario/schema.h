#pragma once
/// The scenario format as a JSON Schema (draft 2020-12), built from the same tables the loader reads
/// with, so editors with a YAML language server complete and check scenario files. docs/scenario.schema.json
/// is this text; a test keeps the two equal.
#include <string>

namespace vssfault::scenario {

/// The schema, pretty-printed with two-space indentation and a final newline.
std::string json_schema();

}  // namespace vssfault::scenario
