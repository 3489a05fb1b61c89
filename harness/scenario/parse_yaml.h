#pragma once
// Private: turning the text into one YAML document, around yaml-cpp 0.7's failure modes.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>

namespace vssfault::scenario::detail {

/// The document, or where and why there is none.
struct ParsedYaml {
  YAML::Node root;                      ///< the first document (a null node for an empty text)
  std::optional<YAML::Mark> second;     ///< where a second document starts
  std::optional<YAML::Mark> stuck;      ///< where yaml-cpp stopped making progress (see parse_yaml)
};

/// Parses `text` as yaml-cpp does, except that YAML::LoadAll is not used: in 0.7 it loops forever,
/// adding an empty document per turn until memory runs out, when a document starts with a token its
/// parser cannot place (a ',' outside a flow collection: yaml-cpp issue #1040, fixed upstream by PR
/// #1319). The documents are first walked with a no-op event handler, at most three of them; two
/// empty documents in a row at the same place are that loop, reported as `stuck`. Then the first
/// document is built with YAML::Load. Throws what yaml-cpp throws (ParserException, DeepRecursion).
ParsedYaml parse_yaml(std::string_view text);

}  // namespace vssfault::scenario::detail
