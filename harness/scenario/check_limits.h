#pragma once
// Private: the structural limits of a parsed document, checked before any of it is read.

#include "reader.h"

namespace vssfault::scenario::detail {

/// Walks the whole document once, without recursion, visiting an aliased node again at every use
/// (which is what a reader does). Charges every visit and every scalar's bytes to the context
/// (max_nodes, max_file_size) and checks max_depth and max_items at every list and map. Reports the
/// first limit exceeded, in document order, and throws LimitReached; returns normally otherwise. Every
/// later walk of the document by the readers is then bounded by the same counts. Also reports an
/// unterminated quoted scalar (yaml-cpp silently reads it to the end of the file) and stops there.
void check_limits(Context& ctx, const Node& root);

}  // namespace vssfault::scenario::detail
