#include "vssfault/kernel/hit_selector.h"

#include <cstdio>

namespace vssfault {

std::string HitSelector::to_string() const {
  switch (kind) {
    case Kind::kNth: return "nth " + std::to_string(n);
    case Kind::kFirstN: return "first " + std::to_string(n);
    case Kind::kEvery: return "every";
    case Kind::kProbability: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "p=%g", p);
      return buf;
    }
  }
  return "every";
}

}  // namespace vssfault
