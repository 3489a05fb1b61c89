#pragma once
// Private: turning the text into one YAML document, around yaml-cpp 0.7's failure modes.
#include <yaml-cpp/mark.h>

#include <memory>
#include <optional>
#include <string_view>

#include "yaml_tree.h"

namespace vssfault::scenario::detail {

/// The document, or where and why there is none.
struct ParsedYaml {
  std::unique_ptr<Tree> tree = std::make_unique<Tree>();  ///< owns every node root reaches
  Node root;                            ///< the first document (a null node for an empty text)
  std::optional<YAML::Mark> second;     ///< where a second document starts
  std::optional<YAML::Mark> stuck;      ///< where yaml-cpp stopped making progress (see parse_yaml)
};

/// Parses `text` once with yaml-cpp's parser, building the first document's tree from its events as
/// yaml-cpp's own (uninstalled) NodeBuilder would, then walks at most two further documents with a
/// no-op handler. YAML::LoadAll is not used: in 0.7 it loops forever, adding an empty document per
/// turn until memory runs out, when a document starts with a token its parser cannot place (a ','
/// outside a flow collection: yaml-cpp issue #1040, fixed upstream by PR #1319). Two empty documents
/// in a row at the same place are that loop, reported as `stuck`; a second document is reported as
/// `second`; in both cases root stays null. Throws what yaml-cpp throws (ParserException,
/// DeepRecursion).
ParsedYaml parse_yaml(std::string_view text);

}  // namespace vssfault::scenario::detail
