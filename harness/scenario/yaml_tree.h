#pragma once
// Private: the parsed document as the reader sees it. parse_yaml builds it straight from yaml-cpp's
// parser events, so each file is parsed once (YAML::Load would be a second parse: see parse_yaml.h).
// Node mirrors the part of YAML::Node's interface the reader uses, with the same meaning: a node
// keeps the mark yaml-cpp's event gave it, an alias is the anchored node itself (shared, not copied),
// a map keeps every pair in document order, duplicates included.
#include <yaml-cpp/mark.h>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace vssfault::scenario::detail {

/// What a node holds; owned by a Tree.
struct NodeData {
  enum class Type : std::uint8_t { kNull, kScalar, kSequence, kMap };
  Type type = Type::kNull;
  YAML::Mark mark = YAML::Mark::null_mark();
  std::string tag;     ///< "?" for a plain scalar, "!" for a quoted one, or the explicit tag
  std::string scalar;  ///< the scalar's text
  /// A sequence's items; a map's keys and values, alternating (key, value, key, value...).
  std::vector<const NodeData*> children;
};

/// The nodes of one document; their addresses never change.
using Tree = std::deque<NodeData>;

/// A handle to a node of a Tree (which must outlive it). The default handle is a null node with no
/// position, what an empty document reads as.
class Node {
 public:
  Node() = default;
  explicit Node(const NodeData* data) : data_(data) {}

  bool IsNull() const { return data_ == nullptr || data_->type == NodeData::Type::kNull; }
  bool IsScalar() const { return data_ != nullptr && data_->type == NodeData::Type::kScalar; }
  bool IsSequence() const { return data_ != nullptr && data_->type == NodeData::Type::kSequence; }
  bool IsMap() const { return data_ != nullptr && data_->type == NodeData::Type::kMap; }
  /// The scalar's text; "" for any other node.
  const std::string& Scalar() const { return IsScalar() ? data_->scalar : empty(); }
  const std::string& Tag() const { return data_ == nullptr ? empty() : data_->tag; }
  YAML::Mark Mark() const { return data_ == nullptr ? YAML::Mark::null_mark() : data_->mark; }
  /// Items of a sequence, pairs of a map, 0 otherwise.
  std::size_t size() const;
  /// The same node (an alias and its anchor are).
  bool is(const Node& other) const { return data_ == other.data_; }

  /// What iterating a node yields: for a sequence the item itself, for a map a pair (first, second).
  struct Item;
  class Iterator;
  Iterator begin() const;
  Iterator end() const;

 private:
  static const std::string& empty();
  const NodeData* data_ = nullptr;
};

struct Node::Item : Node {
  Item(Node item, Node key, Node value) : Node(item), first(key), second(value) {}
  Node first;
  Node second;
};

class Node::Iterator {
 public:
  Iterator(const NodeData* parent, std::size_t index) : parent_(parent), index_(index) {}
  Item operator*() const;
  Iterator& operator++() {
    index_ += step();
    return *this;
  }
  bool operator==(const Iterator& other) const { return index_ == other.index_ && parent_ == other.parent_; }

 private:
  std::size_t step() const { return parent_->type == NodeData::Type::kMap ? 2 : 1; }
  const NodeData* parent_;
  std::size_t index_;
};

inline std::size_t Node::size() const {
  if (IsSequence()) return data_->children.size();
  if (IsMap()) return data_->children.size() / 2;
  return 0;
}

inline Node::Iterator Node::begin() const { return {IsSequence() || IsMap() ? data_ : nullptr, 0}; }
inline Node::Iterator Node::end() const {
  return {IsSequence() || IsMap() ? data_ : nullptr, IsSequence() || IsMap() ? data_->children.size() : 0};
}

inline Node::Item Node::Iterator::operator*() const {
  const auto& c = parent_->children;
  if (parent_->type == NodeData::Type::kMap) return {Node(), Node(c[index_]), Node(c[index_ + 1])};
  return {Node(c[index_]), Node(), Node()};
}

inline const std::string& Node::empty() {
  static const std::string kEmpty;
  return kEmpty;
}

}  // namespace vssfault::scenario::detail
