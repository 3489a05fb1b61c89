#pragma once
// Private generator helpers.
#include <algorithm>
#include <vector>

#include <rapidcheck.h>

namespace vssfault::properties::gen::detail {

/// A list of `min`..`max` elements whose length bound grows with RapidCheck's size (small cases first),
/// while each element is generated at the full size. Shrinks by dropping elements and shrinking them.
template <class T>
rc::Gen<std::vector<T>> listOf(int min, int max, rc::Gen<T> element) {
  return rc::gen::withSize([=](int size) {
    const int bound = std::max(std::max(min, 1), (max * std::clamp(size, 0, 100) + 99) / 100);
    auto list = rc::gen::resize(std::min(bound, max), rc::gen::container<std::vector<T>>(rc::gen::resize(size, element)));
    if (min <= 0) return list;
    return rc::gen::suchThat(list, [min](const std::vector<T>& v) { return static_cast<int>(v.size()) >= min; });
  });
}

/// One of `items`, chosen by weight; it shrinks to the items listed before it, so list the simplest
/// first. Unlike rc::gen::weightedElement (which does not shrink), a counterexample ends on the simplest
/// item that still fails.
template <class T>
rc::Gen<T> pick(std::vector<std::pair<std::size_t, T>> items) {
  return rc::Gen<T>([items](const rc::Random& random, int) {
    std::size_t sum = 0;
    for (const auto& item : items) sum += item.first;
    std::size_t r = rc::Random(random).next() % sum;
    std::size_t i = 0;
    while (r >= items[i].first) r -= items[i++].first;
    return rc::shrinkable::map(
        rc::shrinkable::shrinkRecur(i, [](std::size_t x) { return rc::shrink::towards<std::size_t>(x, 0); }),
        [items](std::size_t x) { return items[x].second; });
  });
}

/// true with weight `yes`, false with weight `no`; shrinks to false.
inline rc::Gen<bool> chance(std::size_t yes, std::size_t no) { return pick<bool>({{no, false}, {yes, true}}); }

}  // namespace vssfault::properties::gen::detail
