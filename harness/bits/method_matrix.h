#pragma once
// The §6.4 method x state matrix now lives in the installed detail header (the coverage layer reads it too).
#include "vssfault/bits/detail/method_matrix.h"
