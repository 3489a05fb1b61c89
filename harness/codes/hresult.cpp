#include "vssfault/codes/hresult.h"

#include <cstdio>
#include <ostream>

#include "vssfault/codes/catalog.h"

namespace vssfault {

std::string HResult::hex() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08X", value_);
  return buf;
}

std::string HResult::name() const {
  const CodeInfo* c = find_code(*this);
  return c ? std::string(c->name) : hex();
}

std::string HResult::describe() const {
  const CodeInfo* c = find_code(*this);
  if (c == nullptr) return hex() + " (not a known code)";
  return std::string(c->name) + " (" + hex() + ")";
}

std::ostream& operator<<(std::ostream& os, const HResult& hr) { return os << hr.describe(); }
void PrintTo(const HResult& hr, std::ostream* os) { *os << hr.describe(); }

}  // namespace vssfault
