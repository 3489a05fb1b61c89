#include "vssfault/scenario/scenario.h"

#include <algorithm>
#include <ostream>

#include "vssfault/scenario/diagnostics.h"

namespace vssfault::scenario {
namespace {

template <class T>
const T* find_named(const std::vector<T>& items, std::string_view name) {
  const auto it = std::find_if(items.begin(), items.end(), [&](const T& i) { return i.name.value == name; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

std::string Mark::to_string() const { return file + ":" + std::to_string(line) + ":" + std::to_string(column); }

std::string Diagnostic::to_string() const { return mark.to_string() + ": error: " + message; }

void Diagnostics::error(Mark mark, std::string message) { items_.push_back({std::move(mark), std::move(message)}); }

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.mark.line != b.mark.line ? a.mark.line < b.mark.line : a.mark.column < b.mark.column;
  });
  return out;
}

void Diagnostics::print(std::ostream& os) const {
  for (const auto& d : sorted()) os << d.to_string() << "\n";
}

const Writer* Scenario::find_writer(std::string_view name) const { return find_named(writers, name); }
const Provider* Scenario::find_provider(std::string_view name) const { return find_named(providers, name); }
const Job* Scenario::find_job(std::string_view name) const { return find_named(jobs, name); }

}  // namespace vssfault::scenario
