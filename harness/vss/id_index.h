#pragma once
// A lookup from keys to positions in a vector the model would otherwise search linearly on every call
// (subscribed writers, providers, a session's writers, a set's volumes): O(1) per lookup instead of O(n),
// which made runs with a thousand writers, providers or volumes quadratic. It needs no upkeep where the
// vector changes: items appended since the last lookup are indexed then; a hit is checked against the
// vector; after any other change (items erased, replaced or reordered) lookups scan the vector as the
// model used to, and the index is rebuilt at the first lookup that finds the vector unchanged. Keys are
// unique within the vector. Private to the vss layer.
#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>

#include "vssfault/vss/types.h"

namespace vssfault::vss::detail {

struct VssIdHash {
  std::size_t operator()(const VssId& id) const {
    return static_cast<std::size_t>(id.hi ^ (id.lo * 0x9e3779b97f4a7c15ULL));
  }
};

template <class Key, class Hash = std::hash<Key>>
class KeyIndex {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  static constexpr std::size_t kScanned = 16;

  /// The position of the item of `items` with key_of(item) == key, or npos.
  template <class Items, class KeyOf>
  std::size_t find(const Items& items, const Key& key, KeyOf key_of) {
    if (items.size() <= kScanned) return Scan(items, key, key_of);  // a few items: scanning is cheaper
    if (!Grew(items, key_of)) {  // items erased or replaced since the last lookup: scan, index later
      Remember(items, key_of);
      dirty_ = true;
      return Scan(items, key, key_of);
    }
    if (dirty_) {
      Rebuild(items, key_of);  // unchanged since the last lookup: worth indexing again
    } else {
      for (; indexed_ < items.size(); ++indexed_) pos_.emplace(key_of(items[indexed_]), indexed_);
    }
    if (seen_ != items.size()) Remember(items, key_of);
    const auto it = pos_.find(key);
    if (it == pos_.end()) return npos;
    if (key_of(items[it->second]) == key) return it->second;
    dirty_ = true;  // reordered since indexed
    return Scan(items, key, key_of);
  }

 private:
  /// Whether the items seen at the last lookup are still the first ones (the vector only grew).
  template <class Items, class KeyOf>
  bool Grew(const Items& items, KeyOf key_of) const {
    return seen_ <= items.size() && (seen_ == 0 || (key_of(items[0]) == first_ && key_of(items[seen_ - 1]) == last_));
  }
  template <class Items, class KeyOf>
  void Remember(const Items& items, KeyOf key_of) {
    seen_ = items.size();
    if (seen_ == 0) return;
    first_ = key_of(items[0]);
    last_ = key_of(items[seen_ - 1]);
  }
  template <class Items, class KeyOf>
  void Rebuild(const Items& items, KeyOf key_of) {
    pos_.clear();
    for (indexed_ = 0; indexed_ < items.size(); ++indexed_) pos_.emplace(key_of(items[indexed_]), indexed_);
    dirty_ = false;
  }
  template <class Items, class KeyOf>
  static std::size_t Scan(const Items& items, const Key& key, KeyOf key_of) {
    for (std::size_t i = 0; i < items.size(); ++i)
      if (key_of(items[i]) == key) return i;
    return npos;
  }

  std::unordered_map<Key, std::size_t, Hash> pos_;  ///< items[0, indexed_) unless dirty_
  std::size_t indexed_ = 0;
  bool dirty_ = false;
  std::size_t seen_ = 0;  ///< size, first and last key at the last lookup
  Key first_{};
  Key last_{};
};

using IdIndex = KeyIndex<VssId, VssIdHash>;
using NameIndex = KeyIndex<std::string>;

}  // namespace vssfault::vss::detail
