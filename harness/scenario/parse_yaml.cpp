#include "parse_yaml.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <string>
#include <vector>

namespace vssfault::scenario::detail {
namespace {

/// Where a document's first node starts and whether the document is a lone null.
struct DocumentShape {
  std::optional<YAML::Mark> first;
  int nodes = 0;
  bool null_only = true;

  void node(const YAML::Mark& m, bool is_null) {
    if (!first) first = m;
    ++nodes;
    null_only = null_only && is_null;
  }
};

/// Notes a document's shape and nothing else: how the documents after the first are walked.
class Probe : public YAML::EventHandler {
 public:
  DocumentShape shape;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { shape.node(m, true); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { shape.node(m, false); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t, const std::string&) override {
    shape.node(m, false);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    shape.node(m, false);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    shape.node(m, false);
  }
  void OnMapEnd() override {}
};

/// Builds the document's tree from the events, as yaml-cpp's NodeBuilder builds YAML::Nodes: a node
/// is marked where its event is, an alias adds the anchored node itself, a map's pairs are kept in
/// order (duplicates too).
class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(Tree& tree) : tree_(tree) {}

  DocumentShape shape;
  const NodeData* root() const { return root_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t anchor) override {
    shape.node(m, true);
    attach(make(m, NodeData::Type::kNull, anchor, {}));
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t anchor) override {
    shape.node(m, false);
    // yaml-cpp's parser rejects an alias to an anchor it has not seen, so the lookup always finds one.
    const NodeData* target = anchor < anchors_.size() ? anchors_[anchor] : nullptr;
    attach(target != nullptr ? target : make(m, NodeData::Type::kNull, 0, {}));
  }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor, const std::string& value) override {
    shape.node(m, false);
    NodeData* n = make(m, NodeData::Type::kScalar, anchor, tag);
    n->scalar = value;
    attach(n);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    shape.node(m, false);
    open(make(m, NodeData::Type::kSequence, anchor, tag));
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    shape.node(m, false);
    open(make(m, NodeData::Type::kMap, anchor, tag));
  }
  void OnMapEnd() override { close(); }

 private:
  NodeData* make(const YAML::Mark& m, NodeData::Type type, YAML::anchor_t anchor, const std::string& tag) {
    NodeData& n = tree_.emplace_back();
    n.type = type;
    n.mark = m;
    n.tag = tag;
    // Registered when the node starts, as NodeBuilder does: an alias inside the node reaches it.
    if (anchor != 0) {
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, nullptr);
      anchors_[anchor] = &n;
    }
    return &n;
  }
  void attach(const NodeData* n) {
    if (open_.empty()) {
      if (root_ == nullptr) root_ = n;
    } else {
      open_.back()->children.push_back(n);
    }
  }
  void open(NodeData* n) {
    attach(n);
    open_.push_back(n);
  }
  void close() {
    if (open_.empty()) return;
    NodeData* n = open_.back();
    open_.pop_back();
    // The parser gives every key a value (a null one when the text has none); an odd count could only
    // come from a parser that did not, and would make a map's pairs unreadable.
    if (n->type == NodeData::Type::kMap && n->children.size() % 2 != 0) {
      n->children.push_back(make(YAML::Mark::null_mark(), NodeData::Type::kNull, 0, {}));
    }
  }

  Tree& tree_;
  const NodeData* root_ = nullptr;
  std::vector<NodeData*> open_;           ///< collections started and not yet ended
  std::vector<const NodeData*> anchors_;  ///< by yaml-cpp's anchor number
};

bool same_empty_document(const DocumentShape& a, const DocumentShape& b) {
  return a.nodes == 1 && b.nodes == 1 && a.null_only && b.null_only && a.first && b.first &&
         a.first->pos == b.first->pos;
}

}  // namespace

ParsedYaml parse_yaml(std::string_view text) {
  ParsedYaml out;
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  TreeBuilder builder(*out.tree);
  if (!parser.HandleNextDocument(builder)) return out;  // no document: an empty text
  std::vector<DocumentShape> docs{builder.shape};
  for (int i = 1; i < 3; ++i) {
    Probe p;
    if (!parser.HandleNextDocument(p)) break;
    docs.push_back(p.shape);
    if (same_empty_document(docs[i - 1], docs[i])) {
      out.stuck = docs[i].first;
      return out;
    }
  }
  if (docs.size() > 1) {
    out.second = docs[1].first;
    return out;
  }
  out.root = Node(builder.root());
  return out;
}

}  // namespace vssfault::scenario::detail
